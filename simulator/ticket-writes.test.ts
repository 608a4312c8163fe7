import { describe, expect, it } from 'vitest'
import type { Ticket } from './store'
import { sharedTestSimulator } from './test-client'

const sim = sharedTestSimulator()

async function storedTickets(): Promise<Ticket[]> {
  return (await sim.control('store/tickets')).json()
}

async function createdCount(): Promise<number> {
  const stats = await (await sim.control('stats')).json()
  return stats.created.tickets
}

describe('posting tickets', () => {
  it('creates a ticket from a one-record array and answers it', async () => {
    const response = await sim.post('Tickets', [
      {
        summary: 'Laptop will not charge',
        client_id: 101,
        user_id: 201,
        third_party_id_string: 'mutation-1',
      },
    ])
    const saved = await response.json()

    expect(saved).toMatchObject({
      id: 1031,
      status_id: 1,
      client_name: 'Acme Dental Group',
      user_name: 'Alice Morgan',
      third_party_id_string: 'mutation-1',
    })
    expect(await createdCount()).toBe(1)
    expect((await storedTickets()).at(-1)).toEqual(saved)
  })

  it('answers an array when several records were posted', async () => {
    const response = await sim.post('Tickets', [
      { summary: 'One', client_id: 101 },
      { summary: 'Two', client_id: 102 },
    ])
    const saved = await response.json()
    expect(saved.map((t: Ticket) => t.id)).toEqual([1031, 1032])
    expect(await createdCount()).toBe(2)
  })

  it('updates only the fields posted with a ticket id', async () => {
    const response = await sim.post('Tickets', [{ id: 1001, status_id: 2 }])
    const saved = await response.json()
    expect(saved).toMatchObject({ id: 1001, status_id: 2 })
    expect(saved.summary).toMatch(/printer/i)
    expect(Date.parse(saved.last_update)).toBeGreaterThan(Date.now() - 5000)
  })

  it('answers 404 to an update of a ticket it does not have', async () => {
    const response = await sim.post('Tickets', [{ id: 5000, status_id: 2 }])
    expect(response.status).toBe(404)
  })

  it.each([
    ['a body that is not an array', { summary: 'x', client_id: 101 }],
    ['a ticket without a summary', [{ client_id: 101 }]],
    ['a ticket for an unknown client', [{ summary: 'x', client_id: 999 }]],
    [
      'a user from another client',
      [{ summary: 'x', client_id: 101, user_id: 211 }],
    ],
    [
      'a text third_party_id',
      [{ summary: 'x', client_id: 101, third_party_id: 'm-1' }],
    ],
  ])('refuses %s with 400 and creates nothing', async (_, body) => {
    const response = await sim.post('Tickets', body)
    expect(response.status).toBe(400)
    expect((await response.text()).length).toBeGreaterThan(0)
    expect(await storedTickets()).toHaveLength(30)
    expect(await createdCount()).toBe(0)
  })

  it('saves nothing from a batch with one invalid record', async () => {
    const response = await sim.post('Tickets', [
      { summary: 'Fine', client_id: 101 },
      { summary: '', client_id: 101 },
    ])
    expect(response.status).toBe(400)
    expect(await storedTickets()).toHaveLength(30)
  })
})
