import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildReason } from './build'

let root: string
const HOUR_AGO = new Date(Date.now() - 3_600_000)

async function write(file: string, at = new Date()) {
  const full = path.join(root, file)
  await mkdir(path.dirname(full), { recursive: true })
  await writeFile(full, '')
  await utimes(full, at, at)
}

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'portal-build-'))
  await write('app/page.tsx', HOUR_AGO)
  await write('lib/env.ts', HOUR_AGO)
  await write('package-lock.json', HOUR_AGO)
})
afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

describe('buildReason', () => {
  it('asks for a build when there is none', async () => {
    expect(await buildReason(root)).toBe('there is no build yet')
  })

  it('skips the build when nothing changed since', async () => {
    await write('.next/BUILD_ID')
    expect(await buildReason(root)).toBeUndefined()
  })

  it('looks for the build where NEXT_DIST_DIR puts it', async () => {
    await write('.next-other/BUILD_ID')
    expect(await buildReason(root, '.next-other')).toBeUndefined()
    expect(await buildReason(root)).toBe('there is no build yet')
  })

  it('counts the proxy, which is outside app/', async () => {
    await write('.next/BUILD_ID', new Date(Date.now() - 60_000))
    await write('proxy.ts')
    expect(await buildReason(root)).toBe(
      'proxy.ts changed since the last build',
    )
  })

  it('names a source file changed since the build', async () => {
    await write('.next/BUILD_ID', new Date(Date.now() - 60_000))
    await write('components/ticket-table.tsx')
    expect(await buildReason(root)).toBe(
      `${path.join('components', 'ticket-table.tsx')} changed since the ` +
        'last build',
    )
  })

  it('counts a changed lockfile', async () => {
    await write('.next/BUILD_ID', new Date(Date.now() - 60_000))
    await write('package-lock.json')
    expect(await buildReason(root)).toMatch(/^package-lock.json changed/)
  })

  it('ignores the generated Prisma client', async () => {
    await write('.next/BUILD_ID', new Date(Date.now() - 60_000))
    await write('lib/generated/prisma/client.ts')
    expect(await buildReason(root)).toBeUndefined()
  })
})
