import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTicket } from '../lib/tickets/create-ticket'
import { updateTicket } from '../lib/tickets/update-ticket'
import {
  startTestStack,
  startTestWorker,
  type TestStack,
  waitFor,
} from '../tests/stack'
import { type DemoViewers, seedViewers } from '../tests/viewers'
import type { RunningWorker } from './worker'

// Two workers on one database share the writes: none runs twice, and each
// ticket's writes reach Halo in the order they were accepted.

const TICKETS = 50
const EDITS = 9

let stack: TestStack
let viewers: DemoViewers
const workers: RunningWorker[] = []

interface SimWrite {
  route: string
  id: number
  fields: { summary?: string; details?: string }
}

beforeAll(async () => {
  stack = await startTestStack()
  viewers = await seedViewers(stack.db, stack.halo)
})
afterAll(async () => {
  for (const worker of workers) await worker.stop()
  await stack?.close()
})

async function acceptAll() {
  const ids: string[] = []
  for (let t = 0; t < TICKETS; t++) {
    const result = await createTicket(viewers.customerB, {
      summary: `Shared load ${t}`,
      details: 'v0',
    })
    if (!result.ok) throw new Error('not accepted')
    ids.push(result.ticket.id)
  }
  for (let v = 1; v <= EDITS; v++) {
    for (const id of ids) {
      const result = await updateTicket(viewers.customerB, id, {
        details: `v${v}`,
      })
      if (!result.ok) throw new Error('edit not accepted')
    }
  }
  return ids
}

describe('two workers', () => {
  it('deliver 500 writes across 50 tickets once each, in order per ticket', async () => {
    await stack.simControl('/__sim/chaos', {
      method: 'PUT',
      body: JSON.stringify({ latencyJitterMs: 40 }),
    })
    const ids = await acceptAll()
    for (let w = 0; w < 2; w++) {
      workers.push(await startTestWorker(stack, 4))
    }
    await waitFor(
      'every write to land',
      async () =>
        (await stack.db.ticket.count({
          where: { id: { in: ids }, pendingWrite: true },
        })) === 0,
      240_000,
    )
    const writes = (await stack.simControl('/__sim/writes')) as SimWrite[]
    const rows = await stack.db.ticket.findMany({ where: { id: { in: ids } } })
    let total = 0
    for (const row of rows) {
      const mine = writes.filter((w) => w.id === row.haloId)
      const details = mine.map((w) => w.fields.details)
      expect(details).toEqual(
        Array.from({ length: EDITS + 1 }, (_, v) => `v${v}`),
      )
      expect(row.details).toBe(`v${EDITS}`)
      total += mine.length
    }
    expect(total).toBe(TICKETS * (EDITS + 1))
    const byWorker = await stack.db.jobAttempt.groupBy({
      by: ['workerId'],
      where: { entityId: { in: ids } },
      _count: true,
    })
    expect(byWorker).toHaveLength(2)
  }, 300_000)
})
