import { execFile } from 'node:child_process'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'

// The rule the codebase lives by, checked where it is enforced: biome.json
// fails any import of an upstream client from app/ or components/.

const run = promisify(execFile)
const ROOT = path.resolve(import.meta.dirname, '..')
const PROBE = '__upstream_probe__'
const probes: string[] = []

async function lintProbe(folder: string, source: string) {
  const dir = path.join(ROOT, folder, PROBE)
  probes.push(dir)
  await mkdir(dir, { recursive: true })
  await writeFile(path.join(dir, 'probe.ts'), source)
  const biome = path.join(ROOT, 'node_modules/.bin/biome')
  return run(biome, ['lint', dir], { cwd: ROOT }).then(
    () => ({ ok: true, output: '' }),
    (error: { stdout: string; stderr: string }) => ({
      ok: false,
      output: `${error.stdout}${error.stderr}`,
    }),
  )
}

afterEach(async () => {
  for (const dir of probes.splice(0)) await rm(dir, { recursive: true })
})

const viaAlias = "import { getHalo } from '@/lib/upstream/halo'\n"
const viaPath = "import { getHalo } from '../../lib/upstream/halo'\n"
const use = 'export const probe = getHalo\n'

describe('the upstream boundary', () => {
  it('fails lint for an upstream import under app/', async () => {
    const result = await lintProbe('app', viaAlias + use)
    expect(result.ok).toBe(false)
    expect(result.output).toMatch(/must not call an upstream/)
  })

  it('fails lint for a relative upstream import under components/', async () => {
    const result = await lintProbe('components', viaPath + use)
    expect(result.ok).toBe(false)
    expect(result.output).toMatch(/must not call an upstream/)
  })

  it('allows the same import in lib/, where the cache and jobs live', async () => {
    const result = await lintProbe('lib', viaAlias + use)
    expect(result).toEqual({ ok: true, output: '' })
  })
})
