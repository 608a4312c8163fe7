import { describe, expect, it } from 'vitest'
import type { Ticket } from './store'
import { sharedTestSimulator } from './test-client'

const sim = sharedTestSimulator()

async function script(faults: object[]) {
  const response = await sim.control('chaos', 'PUT', { faults })
  expect(response.status).toBe(200)
}

async function storedTickets(): Promise<Ticket[]> {
  return (await sim.control('store/tickets')).json()
}

const newTicket = [{ summary: 'Scripted', client_id: 101 }]

describe('scripted faults', () => {
  it('answers the scripted status instead of saving, then recovers', async () => {
    await script([{ route: 'POST /api/Tickets', times: 1, status: 503 }])
    const faulted = await sim.post('Tickets', newTicket)
    expect(faulted.status).toBe(503)
    expect(await faulted.text()).toContain('503')
    expect(await storedTickets()).toHaveLength(30)

    expect((await sim.post('Tickets', newTicket)).status).toBe(200)
    expect(await storedTickets()).toHaveLength(31)
  })

  it('uses up the first matching entry before the next', async () => {
    const route = 'GET /api/Tickets/{id}'
    await script([
      { route, times: 1, status: 502 },
      { route, times: 2, status: 504 },
    ])
    const statuses = []
    for (let i = 0; i < 4; i++) {
      statuses.push((await sim.api('Tickets/1001')).status)
    }
    expect(statuses).toEqual([502, 504, 504, 200])
  })

  it('leaves other routes alone', async () => {
    await script([{ route: 'POST /api/Tickets', times: 5, status: 500 }])
    expect((await sim.api('Tickets')).status).toBe(200)
    const chaos = await (await sim.control('chaos')).json()
    expect(chaos.faults[0].times).toBe(5)
  })

  it('saves the write but drops the response with dropResponse', async () => {
    await script([{ route: 'POST /api/Tickets', times: 1, dropResponse: true }])
    await expect(sim.post('Tickets', newTicket)).rejects.toThrow()

    expect((await storedTickets()).at(-1)?.summary).toBe('Scripted')
    const writes = await (await sim.control('writes')).json()
    expect(writes).toHaveLength(1)
    expect((await (await sim.control('stats')).json()).failed).toBe(1)
  })

  it('delays a matched request by its latencyMs', async () => {
    await script([{ route: 'GET /api/Tickets/{id}', times: 1, latencyMs: 200 }])
    const token = await sim.token()
    const started = performance.now()
    const response = await sim.apiWith(token, 'Tickets/1001')
    expect(response.status).toBe(200)
    expect(performance.now() - started).toBeGreaterThanOrEqual(200)
  })

  it('matches routes without regard to case', async () => {
    await script([{ route: 'post /api/tickets', times: 1, status: 500 }])
    expect((await sim.post('Tickets', newTicket)).status).toBe(500)
  })

  it('shows what remains and forgets the faults on {}', async () => {
    await script([{ route: 'GET /api/Client', times: 2, status: 500 }])
    await sim.api('Client')
    const chaos = await (await sim.control('chaos')).json()
    expect(chaos.faults).toEqual([
      { route: 'GET /api/Client', times: 1, status: 500 },
    ])

    await sim.control('chaos', 'PUT', {})
    expect((await (await sim.control('chaos')).json()).faults).toEqual([])
    expect((await sim.api('Client')).status).toBe(200)
  })

  it.each([
    ['status and dropResponse together', { status: 500, dropResponse: true }],
    ['a route without a method', { route: '/api/Tickets' }],
    ['a status below 400', { status: 200 }],
  ])('refuses %s with 400', async (_, fault) => {
    const response = await sim.control('chaos', 'PUT', {
      faults: [{ route: 'POST /api/Tickets', times: 1, ...fault }],
    })
    expect(response.status).toBe(400)
    expect(await response.text()).toContain('faults')
  })
})
