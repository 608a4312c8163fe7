import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createTicket } from '../lib/tickets/create-ticket'
import { updateTicket } from '../lib/tickets/update-ticket'
import type { TicketView } from '../lib/tickets/view'
import {
  startTestStack,
  startTestWorker,
  type TestStack,
  waitFor,
} from '../tests/stack'
import { type DemoViewers, seedViewers } from '../tests/viewers'
import type { RunningWorker } from './worker'

// How the job engine meets a flaky upstream: failures sorted by kind,
// rate limits waited out, escalations, and per-ticket order. Halo is the
// simulator over HTTP, its faults scripted through /__sim/chaos.

let stack: TestStack
let viewers: DemoViewers
const workers: RunningWorker[] = []

interface SimWrite {
  seq: number
  route: string
  resource: string
  id: number
  fields: Record<string, unknown>
}

const chaos = (settings: object) => stack.chaos(settings)
const simWrites = () => stack.simControl('/__sim/writes') as Promise<SimWrite[]>

beforeAll(async () => {
  stack = await startTestStack({
    WRITE_RETRY_LIMIT: '3',
    WRITE_RETRY_DELAY_SECONDS: '1',
    WRITE_EXPIRE_SECONDS: '3',
    WRITE_SETTLE_SECONDS: '5',
    UPSTREAM_WRITE_TIMEOUT_MS: '10000',
  })
  viewers = await seedViewers(stack.db, stack.halo)
})
afterEach(async () => {
  for (const worker of workers.splice(0)) await worker.stop()
  await chaos({})
})
afterAll(async () => {
  await stack?.close()
})

async function runWorker() {
  const worker = await startTestWorker(stack, 4)
  workers.push(worker)
  return worker
}

async function accept(summary: string): Promise<TicketView> {
  const result = await createTicket(viewers.customerA, {
    summary,
    details: 'Reported through the portal.',
  })
  if (!result.ok) throw new Error(JSON.stringify(result.errors))
  return result.ticket
}

const row = (id: string) => stack.db.ticket.findUniqueOrThrow({ where: { id } })
const settled = (id: string, timeoutMs = 30_000) =>
  waitFor(
    `ticket ${id} to settle`,
    async () => {
      const ticket = await row(id)
      return ticket.pendingWrite ? undefined : ticket
    },
    timeoutMs,
  )
const attemptsOf = (entityId: string) =>
  stack.db.jobAttempt.findMany({
    where: { entityId },
    orderBy: { startedAt: 'asc' },
  })
const createsOf = async (summary: string) =>
  (await simWrites()).filter(
    (w) => w.route === 'POST /api/Tickets' && w.fields.summary === summary,
  )

describe('a write that fails', () => {
  it('is retried with backoff when Halo errs, and lands once', async () => {
    await chaos({
      faults: [{ route: 'POST /api/Tickets', times: 2, status: 503 }],
    })
    const ticket = await accept('Retry after 503s')
    await runWorker()
    const done = await settled(ticket.id)
    expect(done.haloId).not.toBeNull()
    expect(await createsOf('Retry after 503s')).toHaveLength(1)
    const attempts = await attemptsOf(ticket.id)
    expect(attempts.map((a) => a.outcome)).toEqual([
      'retryable',
      'retryable',
      'succeeded',
    ])
    const gaps = attempts
      .slice(1)
      .map(
        (a, i) =>
          a.startedAt.getTime() - (attempts[i]?.startedAt.getTime() ?? 0),
      )
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(1000)
    expect(
      await stack.db.escalation.count({ where: { entityId: ticket.id } }),
    ).toBe(0)
  })

  it('fails at once when Halo refuses it, and staff are told why', async () => {
    await chaos({
      faults: [{ route: 'POST /api/Tickets', times: 1, status: 400 }],
    })
    const ticket = await accept('Refused by Halo')
    await runWorker()
    const done = await settled(ticket.id)
    expect(done.haloId).toBeNull()
    expect(done.writeError).toMatch(
      /Could not be saved: the service desk refused it/,
    )
    const attempts = await attemptsOf(ticket.id)
    expect(attempts.map((a) => a.outcome)).toEqual(['permanent'])
    const [escalation] = await stack.db.escalation.findMany({
      where: { entityId: ticket.id },
    })
    expect(escalation).toMatchObject({ reason: 'permanent', attempts: 1 })
    expect(escalation?.lastError).toMatch(/400/)
  })

  it('waits out a 429 for at least its Retry-After, without using a retry', async () => {
    await chaos({ rateLimit: { limit: 1, windowMs: 1500 } })
    await stack.halo.request('Tickets/1001', {
      signal: AbortSignal.timeout(5000),
    })
    const ticket = await accept('Rate limited once')
    await runWorker()
    const done = await settled(ticket.id)
    expect(done.haloId).not.toBeNull()
    const attempts = await attemptsOf(ticket.id)
    const limited = attempts.filter((a) => a.outcome === 'rate-limited')
    expect(limited.length).toBeGreaterThan(0)
    expect(attempts.filter((a) => a.outcome === 'retryable')).toHaveLength(0)
    const first = limited[0]
    const next = attempts[attempts.indexOf(first as never) + 1]
    expect(
      (next?.startedAt.getTime() ?? 0) - (first?.finishedAt?.getTime() ?? 0),
    ).toBeGreaterThanOrEqual(900)
  })

  it('lands a burst through a rate-limited period with no escalation', async () => {
    await chaos({ rateLimit: { limit: 5, windowMs: 1000 } })
    const tickets = await Promise.all(
      Array.from({ length: 12 }, (_, i) => accept(`Burst ${i}`)),
    )
    await runWorker()
    for (const ticket of tickets) await settled(ticket.id, 60_000)
    const ids = tickets.map((t) => t.id)
    expect(
      await stack.db.escalation.count({ where: { entityId: { in: ids } } }),
    ).toBe(0)
    for (let i = 0; i < 12; i++)
      expect(await createsOf(`Burst ${i}`)).toHaveLength(1)
  }, 90_000)
})

describe('effectively once', () => {
  it('makes one ticket when the first answer is lost on the way back', async () => {
    await chaos({
      faults: [{ route: 'POST /api/Tickets', times: 1, dropResponse: true }],
    })
    const ticket = await accept('Answer lost')
    await runWorker()
    const done = await settled(ticket.id)
    expect(done.haloId).not.toBeNull()
    expect(await createsOf('Answer lost')).toHaveLength(1)
  })

  it('makes one ticket when Halo answers after the job expired', async () => {
    await chaos({
      faults: [{ route: 'POST /api/Tickets', times: 1, latencyMs: 4000 }],
    })
    const ticket = await accept('Slower than expiry')
    await runWorker()
    const done = await settled(ticket.id, 60_000)
    expect(done.haloId).not.toBeNull()
    expect(await createsOf('Slower than expiry')).toHaveLength(1)
  }, 90_000)
})

describe('edits of one ticket', () => {
  it('reach Halo in the order accepted and the cache ends on the last', async () => {
    const ticket = await accept('Edited three times')
    await runWorker()
    await settled(ticket.id)
    await chaos({ latencyMs: 50, latencyJitterMs: 600 })
    for (const n of [1, 2, 3]) {
      const result = await updateTicket(viewers.customerA, ticket.id, {
        details: `Edit ${n}`,
      })
      expect(result.ok).toBe(true)
    }
    const done = await settled(ticket.id)
    expect(done.details).toBe('Edit 3')
    expect(done.writeVersion).toBe(4)
    const updates = (await simWrites()).filter(
      (w) => w.id === done.haloId && w.route === 'POST /api/Tickets',
    )
    expect(updates.map((w) => w.fields.details).slice(-3)).toEqual([
      'Edit 1',
      'Edit 2',
      'Edit 3',
    ])
    const attempts = (await attemptsOf(ticket.id)).filter(
      (a) => a.queue === 'ticket-update',
    )
    for (let i = 1; i < attempts.length; i++) {
      const wait =
        (attempts[i]?.startedAt.getTime() ?? 0) -
        (attempts[i - 1]?.finishedAt?.getTime() ?? 0)
      expect(wait).toBeLessThan(1000)
    }
  })
})
