import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startTestStack, type TestStack } from '../../tests/stack'
import { type DemoViewers, seedViewers } from '../../tests/viewers'
import { isNotLoadedError } from '../errors'
import { getTicket, listTickets } from './tickets'

// The read path against a real database and the simulator over HTTP.

let stack: TestStack
let viewers: DemoViewers

interface Stats {
  requests: number
  byRoute: Record<string, number>
}

const stats = () => stack.simControl('/__sim/stats') as Promise<Stats>
const chaos = (settings: object) => stack.chaos(settings)
const listCalls = async () => (await stats()).byRoute['GET /api/Tickets'] ?? 0

beforeAll(async () => {
  stack = await startTestStack({
    CACHE_TTL_SECONDS: '60',
    UPSTREAM_READ_TIMEOUT_MS: '500',
    UPSTREAM_RETRY_COOLDOWN_MS: '0',
  })
  viewers = await seedViewers(stack.db, stack.halo)
})
afterAll(async () => {
  await stack?.close()
})
beforeEach(async () => {
  await chaos({})
  await stack.db.listSync.deleteMany()
})

describe('listTickets', () => {
  it('reads a missing list through from Halo, then serves it from the cache', async () => {
    const before = await listCalls()
    const first = await listTickets(viewers.customerA)
    const second = await listTickets(viewers.customerA)
    expect(first.tickets.length).toBeGreaterThan(5)
    expect(first.stale).toBe(false)
    expect(second.tickets.map((t) => t.id)).toEqual(
      first.tickets.map((t) => t.id),
    )
    expect((await listCalls()) - before).toBe(1)
  })

  it('shows a customer only the tickets of their own client', async () => {
    const a = await listTickets(viewers.customerA)
    const b = await listTickets(viewers.customerB)
    const all = await listTickets(viewers.staff)
    expect(new Set(a.tickets.map((t) => t.clientName)).size).toBe(1)
    expect(a.tickets[0]?.clientName).not.toBe(b.tickets[0]?.clientName)
    expect(all.tickets.length).toBe(a.tickets.length + b.tickets.length)
  })

  it('lists newest first', async () => {
    const { tickets } = await listTickets(viewers.staff)
    const opened = tickets.map((t) => Date.parse(t.openedAt))
    expect(opened).toEqual([...opened].sort((x, y) => y - x))
  })

  it('makes one upstream call for many concurrent misses on one list', async () => {
    const before = await listCalls()
    await Promise.all(
      Array.from({ length: 20 }, () => listTickets(viewers.customerB)),
    )
    expect((await listCalls()) - before).toBe(1)
  })

  it('serves the cached copy marked stale when Halo is down', async () => {
    const fresh = await listTickets(viewers.customerA)
    await stack.db.listSync.updateMany({
      data: { syncedAt: new Date(Date.now() - 3_600_000) },
    })
    await chaos({ down: true })
    const copy = await listTickets(viewers.customerA)
    expect(copy.stale).toBe(true)
    expect(copy.asOf).not.toBeNull()
    expect(copy.tickets.map((t) => t.id)).toEqual(
      fresh.tickets.map((t) => t.id),
    )
    expect(copy.tickets.every((t) => t.stale)).toBe(true)
  })

  it('serves the cached copy when Halo answers later than the deadline', async () => {
    await listTickets(viewers.customerA)
    await stack.db.listSync.updateMany({
      data: { syncedAt: new Date(Date.now() - 3_600_000) },
    })
    await chaos({ latencyMs: 3000 })
    const started = Date.now()
    const copy = await listTickets(viewers.customerA)
    expect(copy.stale).toBe(true)
    expect(Date.now() - started).toBeLessThan(2500)
  })

  it('says in plain words that a never-loaded list could not be loaded yet', async () => {
    await stack.db.ticket.deleteMany()
    await chaos({ down: true })
    const error = await listTickets(viewers.customerB).catch((e) => e)
    expect(isNotLoadedError(error)).toBe(true)
    expect(error.message).toMatch(/could not be loaded yet/)
  })
})

describe('getTicket', () => {
  it('finds a ticket by the portal id and by the Halo id', async () => {
    const { tickets } = await listTickets(viewers.customerA)
    const first = tickets[0]
    expect(first?.haloId).toBeTypeOf('number')
    const byId = await getTicket(viewers.customerA, first?.id ?? '')
    const byHaloId = await getTicket(viewers.customerA, String(first?.haloId))
    expect(byId?.summary).toBe(first?.summary)
    expect(byHaloId?.id).toBe(first?.id)
  })

  it('reads a ticket missing from the cache through from Halo', async () => {
    await stack.db.ticket.deleteMany()
    const [halo] = (await stack.simControl('/__sim/store/tickets')) as {
      id: number
      client_id: number
      summary: string
    }[]
    const viewer =
      halo?.client_id === viewers.customerA.clientHaloId
        ? viewers.customerA
        : viewers.customerB
    const ticket = await getTicket(viewer, String(halo?.id))
    expect(ticket?.summary).toBe(halo?.summary)
    expect(await stack.db.ticket.count()).toBe(1)
  })

  it('answers null for the ticket of another client, by either id', async () => {
    const { tickets } = await listTickets(viewers.customerB)
    const theirs = tickets[0]
    expect(await getTicket(viewers.customerA, theirs?.id ?? '')).toBeNull()
    expect(
      await getTicket(viewers.customerA, String(theirs?.haloId)),
    ).toBeNull()
    expect(await getTicket(viewers.staff, theirs?.id ?? '')).not.toBeNull()
  })

  it('asks Halo once about an id it does not have, however often asked', async () => {
    const calls = async () =>
      (await stats()).byRoute['GET /api/Tickets/{id}'] ?? 0
    const before = await calls()
    for (let i = 0; i < 5; i++) {
      expect(await getTicket(viewers.customerA, '987654')).toBeNull()
    }
    expect((await calls()) - before).toBe(1)
  })

  it("costs Halo no call when another client's fresh ticket is guessed, however often", async () => {
    const { tickets } = await listTickets(viewers.customerB)
    const theirs = String(tickets[0]?.haloId)
    const calls = async () =>
      (await stats()).byRoute['GET /api/Tickets/{id}'] ?? 0
    const before = await calls()
    for (let i = 0; i < 5; i++) {
      expect(await getTicket(viewers.customerA, theirs)).toBeNull()
    }
    expect((await calls()) - before).toBe(0)
  })

  it('answers null for an id Halo does not have, and for nonsense', async () => {
    expect(await getTicket(viewers.customerA, '999999')).toBeNull()
    expect(await getTicket(viewers.customerA, 'not-an-id')).toBeNull()
  })
})
