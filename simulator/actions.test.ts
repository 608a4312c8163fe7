import { describe, expect, it } from 'vitest'
import type { Action, Ticket } from './store'
import { sharedTestSimulator } from './test-client'

const sim = sharedTestSimulator()

interface ActionList {
  record_count: number
  actions: Action[]
  page_no?: number
}

async function listActions(query: string): Promise<ActionList> {
  return (await sim.api(`Actions?${query}`)).json()
}

async function storedActions(): Promise<Action[]> {
  return (await sim.control('store/actions')).json()
}

describe('notes on a ticket', () => {
  it('lists a ticket’s notes in Halo’s list shape', async () => {
    const answer = await listActions('ticket_id=1017')
    expect(answer.record_count).toBe(2)
    expect(answer.actions.map((a) => [a.ticket_id, a.id])).toEqual([
      [1017, 1],
      [1017, 2],
    ])
  })

  it('pages notes like tickets', async () => {
    const notes = ['One', 'Two', 'Three'].map((note) => ({
      ticket_id: 1001,
      note,
    }))
    await sim.post('Actions', notes)
    const page = await listActions(
      'ticket_id=1001&pageinate=true&page_size=2&page_no=2',
    )
    expect(page).toMatchObject({ page_no: 2, record_count: 3 })
    expect(page.actions.map((a) => a.note)).toEqual(['Three'])
  })

  it('adds a note under its ticket’s next id and answers it', async () => {
    const posted = {
      ticket_id: 1017,
      note: 'Any update?',
      actionby_user_id: 202,
    }
    const saved = await (await sim.post('Actions', [posted])).json()

    expect(saved).toMatchObject({
      id: 3,
      ticket_id: 1017,
      outcome: 'Note',
      hiddenfromuser: false,
      actionby_user_id: 202,
    })
    const stats = await (await sim.control('stats')).json()
    expect(stats.created.actions).toBe(1)
    const [write] = await (await sim.control('writes')).json()
    expect(write).toMatchObject({
      route: 'POST /api/Actions',
      resource: 'action',
      id: 3,
      ticket_id: 1017,
      fields: posted,
    })
  })

  it('counts a new note as activity on its ticket', async () => {
    await sim.post('Actions', [{ ticket_id: 1001, note: 'Chasing' }])
    const ticket: Ticket = await (await sim.api('Tickets/1001')).json()
    expect(Date.parse(ticket.last_update)).toBeGreaterThan(Date.now() - 5000)
  })

  it.each([
    [
      'a note for a ticket that does not exist',
      [{ ticket_id: 9999, note: 'x' }],
    ],
    ['a note without a ticket_id', [{ note: 'x' }]],
    ['a note without text', [{ ticket_id: 1001, note: ' ' }]],
    ['a body that is not an array', { ticket_id: 1001, note: 'x' }],
    [
      'a note by a user of another client',
      [{ ticket_id: 1001, note: 'x', actionby_user_id: 211 }],
    ],
    [
      'a text hiddenfromuser',
      [{ ticket_id: 1001, note: 'x', hiddenfromuser: 'yes' }],
    ],
  ])('refuses %s with 400 and saves nothing', async (_, body) => {
    const response = await sim.post('Actions', body)
    expect(response.status).toBe(400)
    expect((await response.text()).length).toBeGreaterThan(0)
    expect(await storedActions()).toHaveLength(6)
  })

  it('updates a note named by its ticket and id', async () => {
    const edit = { id: 1, ticket_id: 1017, note: 'Corrected' }
    const saved = await (await sim.post('Actions', [edit])).json()
    expect(saved).toMatchObject({ id: 1, ticket_id: 1017, note: 'Corrected' })

    const stats = await (await sim.control('stats')).json()
    expect(stats.updated.actions).toBe(1)
    const missing = await sim.post('Actions', [{ ...edit, id: 9 }])
    expect(missing.status).toBe(404)
  })

  it('leaves out private notes with excludeprivate', async () => {
    expect((await listActions('ticket_id=1018')).record_count).toBe(2)
    const shown = await listActions('ticket_id=1018&excludeprivate=true')
    expect(shown.actions.every((a) => !a.hiddenfromuser)).toBe(true)
    expect(shown.record_count).toBe(1)
  })

  it('reads one note by id only together with its ticket_id', async () => {
    const one = await sim.api('Actions/2?ticket_id=1017')
    expect(await one.json()).toMatchObject({ id: 2, ticket_id: 1017 })
    expect((await sim.api('Actions/2')).status).toBe(400)
    expect((await sim.api('Actions/9?ticket_id=1017')).status).toBe(404)
  })
})
