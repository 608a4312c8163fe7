import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTicket } from '../lib/tickets/create-ticket'
import {
  SIM_CLIENT_ID,
  SIM_CLIENT_SECRET,
  startTestStack,
  startTestWorker,
  type TestStack,
  waitFor,
} from '../tests/stack'
import { type DemoViewers, seedViewers } from '../tests/viewers'
import type { RunningWorker } from './worker'

// A worker killed with SIGKILL in the middle of a write: the job runs again
// once its heartbeat stops, and the ticket still reaches Halo once.

const ROOT = path.resolve(import.meta.dirname, '..')
let stack: TestStack
let viewers: DemoViewers
let survivor: RunningWorker | undefined

beforeAll(async () => {
  stack = await startTestStack({
    WRITE_RETRY_DELAY_SECONDS: '1',
    WRITE_SETTLE_SECONDS: '5',
  })
  viewers = await seedViewers(stack.db, stack.halo)
})
afterAll(async () => {
  await survivor?.stop()
  await stack?.close()
})

function spawnWorker(): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'worker/index.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: stack.url,
      HALO_URL: process.env.HALO_URL,
      HALO_CLIENT_ID: SIM_CLIENT_ID,
      HALO_CLIENT_SECRET: SIM_CLIENT_SECRET,
      LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
  })
}

interface Stats {
  byRoute: Record<string, number>
}

describe('a worker killed mid-write', () => {
  it('leaves the write to run again, and Halo gets one ticket', async () => {
    await stack.simControl('/__sim/chaos', {
      method: 'PUT',
      body: JSON.stringify({
        faults: [{ route: 'POST /api/Tickets', times: 1, latencyMs: 3000 }],
      }),
    })
    const stats = () => stack.simControl('/__sim/stats') as Promise<Stats>
    const before = (await stats()).byRoute['POST /api/Tickets'] ?? 0
    const result = await createTicket(viewers.customerA, {
      summary: 'Killed mid-write',
      details: 'The worker dies while Halo is still answering.',
    })
    if (!result.ok) throw new Error('not accepted')
    const child = spawnWorker()
    await waitFor('the create to reach Halo', async () => {
      const now = (await stats()).byRoute['POST /api/Tickets'] ?? 0
      return now > before
    })
    child.kill('SIGKILL')
    await once(child, 'exit')
    survivor = await startTestWorker(stack, 2)
    const done = await waitFor(
      'the ticket to land after the crash',
      async () => {
        const row = await stack.db.ticket.findUniqueOrThrow({
          where: { id: result.ticket.id },
        })
        return row.pendingWrite ? undefined : row
      },
      90_000,
    )
    expect(done.haloId).not.toBeNull()
    const tickets = (await stack.simControl('/__sim/store/tickets')) as {
      summary: string
    }[]
    expect(
      tickets.filter((t) => t.summary === 'Killed mid-write'),
    ).toHaveLength(1)
  }, 120_000)
})
