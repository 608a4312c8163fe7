import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { listTickets } from '../lib/cache/tickets'
import { getBoss } from '../lib/jobs/boss'
import { ticketCreateJob } from '../lib/jobs/kinds/ticket-create'
import { createTicket } from '../lib/tickets/create-ticket'
import type { TicketView } from '../lib/tickets/view'
import { startTestStack, type TestStack, waitFor } from '../tests/stack'
import { type DemoViewers, seedViewers } from '../tests/viewers'
import { type RunningWorker, startWorker } from './worker'

// The write path end to end: the service accepts a ticket and enqueues its
// job; a real worker delivers it to the simulator over HTTP.

let stack: TestStack
let viewers: DemoViewers
let worker: RunningWorker | undefined

interface SimTicket {
  id: number
  summary: string
  third_party_id_string: string | null
}

const chaos = (settings: object) => stack.chaos(settings)
const simTickets = () =>
  stack.simControl('/__sim/store/tickets') as Promise<SimTicket[]>
const marked = async (mark: string | null) =>
  (await simTickets()).filter((t) => t.third_party_id_string === mark)

beforeAll(async () => {
  stack = await startTestStack({
    WRITE_RETRY_LIMIT: '3',
    WRITE_RETRY_DELAY_SECONDS: '1',
    WRITE_SETTLE_SECONDS: '2',
  })
  viewers = await seedViewers(stack.db, stack.halo)
})
afterEach(async () => {
  await worker?.stop()
  worker = undefined
  await chaos({})
})
afterAll(async () => {
  await stack?.close()
})

function runWorker() {
  return startWorker({
    connectionString: stack.url,
    db: stack.db,
    halo: stack.halo,
    concurrency: 4,
    pollingIntervalSeconds: 0.5,
  })
}

async function accept(summary: string): Promise<TicketView> {
  const result = await createTicket(viewers.customerA, {
    summary,
    details: 'The printer on the second floor shows error 49.',
  })
  if (!result.ok) throw new Error(JSON.stringify(result.errors))
  return result.ticket
}

const row = (id: string) => stack.db.ticket.findUniqueOrThrow({ where: { id } })
const settled = (id: string) =>
  waitFor(`ticket ${id} to settle`, async () => {
    const ticket = await row(id)
    return ticket.pendingWrite ? undefined : ticket
  })

describe('creating a ticket', () => {
  it('answers at once with a pending ticket and a queued job', async () => {
    const ticket = await accept('Printer shows error 49')
    expect(ticket).toMatchObject({
      pendingWrite: true,
      haloId: null,
      writeError: null,
      summary: 'Printer shows error 49',
    })
    const boss = await getBoss()
    const jobs = await boss.findJobs(ticketCreateJob.queue, {
      data: { ticketId: ticket.id },
    })
    expect(jobs).toHaveLength(1)
    expect((await listTickets(viewers.customerA)).tickets[0]?.id).toBe(
      ticket.id,
    )
  })

  it('refuses bad input with field errors, writing nothing', async () => {
    const before = await stack.db.ticket.count()
    const result = await createTicket(viewers.customerA, {
      summary: ' ',
      details: 7,
    })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(Object.keys(result.errors).sort()).toEqual(['details', 'summary'])
    expect(await stack.db.ticket.count()).toBe(before)
  })

  it('refuses text with a NUL byte, naming the field', async () => {
    const result = await createTicket(viewers.customerA, {
      summary: 'nul\u0000byte',
      details: 'x',
    })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors.summary?.[0]).toMatch(/control characters/)
  })

  it("refuses a customer's ticket for another client", async () => {
    const before = await stack.db.ticket.count()
    const result = await createTicket(viewers.customerA, {
      summary: 'For the neighbours',
      details: 'x',
      clientId: viewers.customerB.clientId,
    })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors.clientId?.[0]).toMatch(/your own company/)
    expect(await stack.db.ticket.count()).toBe(before)
  })

  it('is delivered to Halo once and stops being pending', async () => {
    const ticket = await accept('VPN drops every hour')
    const mark = (await row(ticket.id)).mutationId
    worker = await runWorker()
    const done = await settled(ticket.id)
    expect(done.haloId).toBeTypeOf('number')
    expect(done.writeError).toBeNull()
    const upstream = await marked(mark)
    expect(upstream).toHaveLength(1)
    expect(upstream[0]?.id).toBe(done.haloId)
  })

  it('waits out an upstream outage and lands once when it is back', async () => {
    await chaos({ down: true })
    const ticket = await accept('Mailbox full')
    const mark = (await row(ticket.id)).mutationId
    worker = await runWorker()
    await waitFor(
      'a failed attempt',
      async () => (await row(ticket.id)).writeError,
    )
    expect((await row(ticket.id)).pendingWrite).toBe(true)
    await chaos({})
    const done = await settled(ticket.id)
    expect(done.writeError).toBeNull()
    expect(await marked(mark)).toHaveLength(1)
  })

  it('adopts the ticket an earlier attempt created instead of a second one', async () => {
    const ticket = await accept('New starter laptop')
    const mark = (await row(ticket.id)).mutationId as string
    const client = await stack.db.client.findFirstOrThrow({
      where: { id: ticket.clientId },
    })
    const first = await stack.halo.request<SimTicket>('Tickets', {
      method: 'POST',
      body: [
        {
          summary: 'New starter laptop',
          details: 'x',
          client_id: client.haloId,
          third_party_id_string: mark,
        },
      ],
      signal: AbortSignal.timeout(5000),
    })
    await stack.db.ticket.update({
      where: { id: ticket.id },
      data: { createSentAt: new Date() },
    })
    worker = await runWorker()
    const done = await settled(ticket.id)
    expect(done.haloId).toBe(first.id)
    expect(await marked(mark)).toHaveLength(1)
  })

  it('replaces a cached ticket that claims the id Halo gives the new one', async () => {
    const probe = await stack.halo.request<SimTicket>('Tickets', {
      method: 'POST',
      body: [{ summary: 'Probe', details: 'x', client_id: 101 }],
      signal: AbortSignal.timeout(5000),
    })
    const ticket = await accept('Teams calls drop')
    const leftover = await stack.db.ticket.create({
      data: {
        haloId: probe.id + 1,
        clientId: ticket.clientId,
        summary: 'From an older tenant',
        details: '',
        statusId: 1,
        openedAt: new Date(),
        lastUpdate: new Date(),
      },
    })
    worker = await runWorker()
    const done = await settled(ticket.id)
    expect(done.haloId).toBe(probe.id + 1)
    const gone = await stack.db.ticket.findUnique({
      where: { id: leftover.id },
    })
    expect(gone).toBeNull()
  })

  it('gives up after its retries and says why on the ticket', async () => {
    await chaos({ errorRate: 1 })
    const ticket = await accept('Phone system down')
    worker = await runWorker()
    const done = await waitFor(
      'the dead letter to be handled',
      async () => {
        const current = await row(ticket.id)
        return current.pendingWrite ? undefined : current
      },
      60_000,
    )
    expect(done.haloId).toBeNull()
    expect(done.writeError).toMatch(
      /Could not be saved: .*staff have been told/,
    )
    const escalations = await stack.db.escalation.findMany({
      where: { entityId: ticket.id },
    })
    expect(escalations).toHaveLength(1)
    expect(escalations[0]).toMatchObject({
      reason: 'retries-exhausted',
      attempts: 4,
      clientId: ticket.clientId,
    })
  }, 90_000)
})
