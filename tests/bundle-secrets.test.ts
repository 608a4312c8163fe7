import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  BUILD_TIMEOUT_MS,
  type Build,
  buildApp,
  ROOT,
  SECRET_MARKERS,
} from './next-app'

// Secrets stay on the server: the app is built with a marker in every
// secret setting, and no marker may show up in what a browser downloads
// (the client bundle, <distDir>/static) or in what the build printed.

let build: Build

beforeAll(async () => {
  build = await buildApp()
}, BUILD_TIMEOUT_MS)

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
}

function markersIn(text: string): string[] {
  return Object.entries(SECRET_MARKERS)
    .filter(([, marker]) => text.includes(marker))
    .map(([name]) => name)
}

describe('the client bundle', () => {
  it('holds no secret setting in any file', async () => {
    const dist = path.join(ROOT, build.distDir)
    const files = await filesUnder(path.join(dist, 'static'))
    expect(files.some((file) => file.endsWith('.js'))).toBe(true)

    const leaks: string[] = []
    for (const file of files) {
      const text = (await readFile(file)).toString('latin1')
      for (const name of markersIn(text)) {
        leaks.push(`${path.relative(dist, file)} holds ${name}`)
      }
    }
    expect(leaks).toEqual([])
  })

  it('is built without printing a secret setting', () => {
    expect(build.output).toMatch(/Compiled successfully/)
    expect(markersIn(build.output)).toEqual([])
  })
})
