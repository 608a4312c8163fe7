import { describe, expect, it } from 'vitest'
import type { Ticket } from './store'
import { sharedTestSimulator } from './test-client'
import type { WriteEntry } from './write-log'

const sim = sharedTestSimulator()

async function writes(): Promise<WriteEntry[]> {
  return (await sim.control('writes')).json()
}

async function postTicket(record: object): Promise<Ticket> {
  return (await sim.post('Tickets', [record])).json()
}

describe('the write log', () => {
  it('lists ticket writes in the order applied, as posted', async () => {
    const create = { summary: 'Logged', client_id: 101, extra: 'kept' }
    const created = await postTicket(create)
    const edits = [
      { id: created.id, status_id: 2 },
      { id: created.id, summary: 'Logged, renamed' },
    ]
    for (const edit of edits) await postTicket(edit)

    const log = await writes()
    expect(log.map((w) => w.seq)).toEqual([1, 2, 3])
    expect(log.map((w) => w.fields)).toEqual([create, ...edits])
    expect(log[0]).toMatchObject({
      route: 'POST /api/Tickets',
      resource: 'ticket',
      id: created.id,
    })
    expect(Date.parse(log[0]?.at ?? '')).toBeGreaterThan(Date.now() - 5000)
  })

  it('logs each record of a batch in array order', async () => {
    await sim.post('Tickets', [
      { id: 1002, status_id: 2 },
      { id: 1001, status_id: 3 },
    ])
    expect((await writes()).map((w) => w.id)).toEqual([1002, 1001])
  })

  it.each([
    ['a refused record', [{ summary: '', client_id: 101 }]],
    ['an update of a missing ticket', [{ id: 5000, status_id: 2 }]],
  ])('logs nothing for %s', async (_, body) => {
    expect((await sim.post('Tickets', body)).ok).toBe(false)
    expect(await writes()).toEqual([])
  })

  it('logs nothing for a request chaos failed', async () => {
    await sim.control('chaos', 'PUT', { errorRate: 1 })
    await fetch(`${sim.base}/api/Tickets`, { method: 'POST', body: '[]' })
    expect(await writes()).toEqual([])
  })

  it('stamps last_update on every update, whatever was posted', async () => {
    const old = '2020-01-01T00:00:00Z'
    const first = await postTicket({ id: 1001, status_id: 2, last_update: old })
    const second = await postTicket({ id: 1001, status_id: 3 })

    expect(Date.parse(first.last_update)).toBeGreaterThan(Date.now() - 5000)
    expect(second.last_update >= first.last_update).toBe(true)
  })

  it('starts again from the first entry after a reset', async () => {
    await postTicket({ id: 1001, status_id: 2 })
    await sim.control('reset', 'POST')
    await postTicket({ id: 1001, status_id: 3 })
    expect(await writes()).toMatchObject([{ seq: 1, fields: { status_id: 3 } }])
  })
})
