import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Ticket } from './store'
import { sharedTestSimulator, startTestClient } from './test-client'

const sim = sharedTestSimulator()

async function storedTickets(): Promise<Ticket[]> {
  return (await sim.control('store/tickets')).json()
}

async function listTickets(query: string) {
  const response = await sim.api(`Tickets?${query}`)
  return (await response.json()) as { record_count: number; tickets: Ticket[] }
}

function newTickets(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    summary: `Bulk ticket ${i + 1}`,
    client_id: 102,
  }))
}

describe('authentication', () => {
  it('answers 401 to an /api call without a bearer token', async () => {
    const response = await fetch(`${sim.base}/api/Tickets`)
    expect(response.status).toBe(401)
  })

  it('answers 401 to a token it never issued', async () => {
    const response = await fetch(`${sim.base}/api/Tickets`, {
      headers: { authorization: 'Bearer made-up' },
    })
    expect(response.status).toBe(401)
  })

  it('names its auth server in authinfo without a token', async () => {
    const response = await fetch(`${sim.base}/api/authinfo`)
    expect(await response.json()).toEqual({ auth_url: `${sim.base}/auth` })
  })

  it('issues an hour-long bearer token for the right credentials', async () => {
    const response = await fetch(`${sim.base}/auth/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: 'test-id',
        client_secret: 'test-secret',
        scope: 'all',
      }),
    })
    const body = await response.json()
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 })
    expect(body.access_token).toEqual(expect.any(String))
  })

  it('refuses a wrong secret with 401 invalid_client', async () => {
    const response = await fetch(`${sim.base}/auth/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: 'test-id',
        client_secret: 'wrong',
      }),
    })
    expect(response.status).toBe(401)
    expect(await response.json()).toEqual({ error: 'invalid_client' })
  })

  it('stops accepting tokens once they are expired', async () => {
    const token = await sim.token()
    await sim.control('tokens/expire', 'POST')
    const response = await fetch(`${sim.base}/api/Tickets`, {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(response.status).toBe(401)
  })
})

describe('reading tickets', () => {
  it('starts with 30 seeded tickets numbered from 1001', async () => {
    const tickets = await storedTickets()
    expect(tickets).toHaveLength(30)
    expect(tickets[0]?.id).toBe(1001)
    expect(tickets.filter((t) => t.client_id === 101)).toHaveLength(17)
  })

  it('caps a page at 100 records and counts every match', async () => {
    await sim.post('Tickets', newTickets(90))
    const query = 'pageinate=true&page_size=500'
    const first = await listTickets(`${query}&page_no=1`)
    const second = await listTickets(`${query}&page_no=2`)

    expect(first).toMatchObject({ page_no: 1, page_size: 100 })
    expect(first.tickets).toHaveLength(100)
    expect(first.record_count).toBe(120)
    expect(second.tickets.map((t) => t.id)).toEqual(range(1101, 1120))
  })

  it('returns at most 100 records without paging', async () => {
    await sim.post('Tickets', newTickets(90))
    const answer = await listTickets('')
    expect(answer.tickets).toHaveLength(100)
    expect(answer.record_count).toBe(120)
  })

  it('filters by client_id', async () => {
    const answer = await listTickets('client_id=102')
    expect(answer.record_count).toBe(13)
    expect(answer.tickets.every((t) => t.client_id === 102)).toBe(true)
  })

  it('filters by ticketids, status_id and user_id together', async () => {
    const answer = await listTickets(
      'ticketids=1001,1002,1027&status_id=9&user_id=211',
    )
    expect(answer.tickets.map((t) => t.id)).toEqual([1002])
  })

  it('keeps only tickets updated since lastupdatefromdate', async () => {
    const since = new Date(Date.now() - 3 * 24 * 3600 * 1000).toISOString()
    const answer = await listTickets(`lastupdatefromdate=${since}`)
    const times = answer.tickets.map((t) => Date.parse(t.last_update))
    expect(answer.record_count).toBeGreaterThan(0)
    expect(Math.min(...times)).toBeGreaterThanOrEqual(Date.parse(since))
  })

  it('orders by last_update descending when asked', async () => {
    const answer = await listTickets('order=last_update&orderdesc=true')
    const times = answer.tickets.map((t) => Date.parse(t.last_update))
    expect(times).toEqual([...times].sort((a, b) => b - a))
  })

  it('answers 404 for a ticket it does not have', async () => {
    expect((await sim.api('Tickets/1001')).status).toBe(200)
    expect((await sim.api('Tickets/9999')).status).toBe(404)
  })
})

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i)
}

describe('a simulator with a data file', () => {
  it('keeps created tickets and the id counter across a restart', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sim-'))
    const dataFile = path.join(dir, 'halo.json')
    const ticket = { summary: 'Kept', details: 'd', client_id: 101 }
    const first = await startTestClient({ dataFile })
    const created = await (await first.post('Tickets', [ticket])).json()
    await first.simulator.close()
    const second = await startTestClient({ dataFile })
    const next = await (await second.post('Tickets', [ticket])).json()
    const kept: Ticket[] = await (await second.control('store/tickets')).json()
    await second.simulator.close()
    expect(kept.some((t) => t.id === created.id)).toBe(true)
    expect(next.id).toBe(created.id + 1)
  })
})
