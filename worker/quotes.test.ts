import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { listQuotes } from '../lib/cache/quotes'
import { decideQuote } from '../lib/quotes/decide-quote'
import {
  startTestStack,
  startTestWorker,
  type TestStack,
  waitFor,
} from '../tests/stack'
import { type DemoViewers, seedViewers } from '../tests/viewers'
import type { RunningWorker } from './worker'

// A decision on a quote is a write, then a watch: the watch ticks until
// Halo shows the quote decided, is cancelled when the quote is gone, and
// escalates when it passes its deadline.

let stack: TestStack
let viewers: DemoViewers
let worker: RunningWorker | undefined

const chaos = (settings: object) => stack.chaos(settings)
const setSimQuote = (haloId: number, settings: object) =>
  stack.simControl(`/__sim/quotes/${haloId}`, {
    method: 'PUT',
    body: JSON.stringify(settings),
  })

beforeAll(async () => {
  stack = await startTestStack({
    QUOTE_WATCH_SECONDS: '4',
    QUOTE_WATCH_INTERVAL_SECONDS: '1',
    WRITE_RETRY_DELAY_SECONDS: '1',
  })
  viewers = await seedViewers(stack.db, stack.halo)
  worker = await startTestWorker(stack, 4)
})
afterEach(async () => {
  await chaos({})
})
afterAll(async () => {
  await worker?.stop()
  await stack?.close()
})

/** An awaiting quote of the viewer's client, reset in the simulator. */
async function awaitingQuote(index: number, viewer = viewers.customerA) {
  const { quotes } = await listQuotes(viewer)
  const quote = quotes[index]
  if (!quote) throw new Error('no quote')
  await setSimQuote(quote.haloId, { approvalstate: null })
  await stack.db.quote.update({
    where: { id: quote.id },
    data: { approvalState: null, pendingWrite: false, writeError: null },
  })
  return quote
}

const settled = (id: string) =>
  waitFor(
    `quote ${id} to settle`,
    async () => {
      const quote = await stack.db.quote.findUniqueOrThrow({ where: { id } })
      return quote.pendingWrite ? undefined : quote
    },
    30_000,
  )
const watchOutcomes = async (id: string) =>
  (
    await stack.db.jobAttempt.findMany({
      where: { entityId: id, queue: 'quote-watch' },
      orderBy: { startedAt: 'asc' },
    })
  ).map((a) => a.outcome)

/** The watch's outcomes once its last attempt reads `outcome`. */
const lastOutcome = (id: string, outcome: string) =>
  waitFor(`the watch of ${id} to end ${outcome}`, async () => {
    const outcomes = await watchOutcomes(id)
    return outcomes.at(-1) === outcome ? outcomes : undefined
  })

describe('a quote decision', () => {
  it('is watched until Halo shows it, without using retries', async () => {
    const quote = await awaitingQuote(0)
    await setSimQuote(quote.haloId, { settleAfterMs: 1500 })
    const result = await decideQuote(viewers.customerA, quote.id, {
      approve: true,
    })
    expect(result.ok).toBe(true)
    const done = await settled(quote.id)
    expect(done.approvalState).toBe(1)
    expect(done.writeError).toBeNull()
    // The flag clears inside the attempt; its row is closed just after.
    const outcomes = await lastOutcome(quote.id, 'completed')
    expect(outcomes.filter((o) => o === 'waiting').length).toBeGreaterThan(0)
    expect(outcomes).not.toContain('retryable')
  })

  it('is cancelled when the quote is gone from Halo', async () => {
    const quote = await awaitingQuote(1)
    await setSimQuote(quote.haloId, { settleAfterMs: 60_000 })
    await decideQuote(viewers.customerA, quote.id, { approve: false })
    await waitFor('a first tick', async () =>
      (await watchOutcomes(quote.id)).includes('waiting'),
    )
    await chaos({
      faults: [{ route: 'GET /api/Quotation/{id}', times: 100, status: 404 }],
    })
    const done = await settled(quote.id)
    expect(done.writeError).toMatch(/withdrawn/)
    await lastOutcome(quote.id, 'cancelled')
  })

  it('escalates when Halo does not settle it before the deadline', async () => {
    const quote = await awaitingQuote(2)
    await setSimQuote(quote.haloId, { settleAfterMs: 60_000 })
    await decideQuote(viewers.customerA, quote.id, { approve: true })
    const done = await settled(quote.id)
    expect(done.writeError).toMatch(/Could not be saved: .*in time/)
    const [escalation] = await stack.db.escalation.findMany({
      where: { entityId: quote.id },
    })
    expect(escalation?.reason).toBe('deadline-passed')
  })

  it('from two people at once runs one after the other; the second sees the first', async () => {
    const quote = await awaitingQuote(0, viewers.customerB)
    const [first, second] = await Promise.all([
      decideQuote(viewers.customerB, quote.id, { approve: true }),
      decideQuote(viewers.staff, quote.id, { approve: false }),
    ])
    expect(first.ok && second.ok).toBe(true)
    const done = await settled(quote.id)
    const writes = (await stack.simControl('/__sim/writes')) as {
      resource: string
      id: number
      fields: { result: boolean }
    }[]
    const approvals = writes.filter(
      (w) => w.resource === 'quoteApproval' && w.id === quote.haloId,
    )
    expect(approvals).toHaveLength(1)
    expect(done.approvalState).toBe(approvals[0]?.fields.result ? 1 : 2)
  })
})
