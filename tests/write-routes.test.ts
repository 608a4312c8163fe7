import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

// Every JSON route that changes state goes through withWriteChecks
// (app/_server/respond.ts), directly or through a route maker built on it,
// so none can skip the cross-site check or the body limit.

const API = path.resolve(import.meta.dirname, '..', 'app', 'api')
const WRITE_EXPORT = /export const (POST|PUT|PATCH|DELETE) = (\w+)\(/g
const CHECKED_BY = ['withWriteChecks', 'resolutionRoute']

async function routeFiles(): Promise<string[]> {
  const entries = await readdir(API, { recursive: true })
  return entries.filter((entry) => path.basename(entry) === 'route.ts')
}

describe('the JSON write routes', () => {
  it('are all wrapped in the write checks', async () => {
    const unchecked: string[] = []
    for (const file of await routeFiles()) {
      const source = await readFile(path.join(API, file), 'utf8')
      for (const [, method, wrapper] of source.matchAll(WRITE_EXPORT)) {
        if (!CHECKED_BY.includes(wrapper ?? '')) {
          unchecked.push(`${method} in app/api/${file} (${wrapper})`)
        }
      }
    }
    expect(unchecked).toEqual([])
  })

  it('include sign-in and the ticket writes', async () => {
    // A scan that found no file would pass the check above.
    expect(await routeFiles()).toEqual(
      expect.arrayContaining([
        'session/route.ts',
        'tickets/route.ts',
        'tickets/[id]/route.ts',
      ]),
    )
  })
})
