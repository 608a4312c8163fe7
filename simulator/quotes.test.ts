import { describe, expect, it } from 'vitest'
import type { Quote, Ticket } from './store'
import { sharedTestSimulator, waitFor } from './test-client'

const sim = sharedTestSimulator()

interface QuoteList {
  record_count: number
  quotes: Quote[]
}

async function listQuotes(query = ''): Promise<QuoteList> {
  return (await sim.api(`Quotation?${query}`)).json()
}

async function getQuote(id: number): Promise<Quote> {
  return (await sim.api(`Quotation/${id}`)).json()
}

function approve(id: number, more: object = {}) {
  return sim.post('Quotation/Approval', [{ id, result: true, ...more }])
}

const ids = (list: QuoteList) => list.quotes.map((q) => q.id)

describe('reading quotes', () => {
  it('seeds two or three quotes per client on their own tickets', async () => {
    const quotes: Quote[] = await (await sim.control('store/quotes')).json()
    const tickets: Ticket[] = await (await sim.control('store/tickets')).json()
    const clientOf = new Map(tickets.map((t) => [t.id, t.client_id]))

    expect(quotes.map((q) => q.id)).toEqual([3001, 3002, 3003, 3004, 3005])
    expect(quotes.filter((q) => q.client_id === 101)).toHaveLength(3)
    expect(quotes.filter((q) => q.client_id === 102)).toHaveLength(2)
    expect(quotes.every((q) => clientOf.get(q.ticket_id) === q.client_id)).toBe(
      true,
    )
  })

  it('lists quotes without their lines unless includelines', async () => {
    const bare = await listQuotes()
    expect(bare.record_count).toBe(5)
    expect(bare.quotes.every((q) => q.lines === undefined)).toBe(true)

    const full = await listQuotes('includelines=true')
    expect(full.quotes.every((q) => q.lines.length > 0)).toBe(true)
  })

  it('counts null and 0 alike as awaiting approval', async () => {
    const awaiting = await listQuotes('awaiting_approval=true')
    expect(ids(awaiting)).toEqual([3001, 3002, 3004])
    expect(awaiting.quotes.map((q) => q.approvalstate)).toEqual([null, 0, null])
  })

  it('filters by client_id and ticket_id', async () => {
    expect(ids(await listQuotes('client_id=102'))).toEqual([3004, 3005])
    expect(ids(await listQuotes('ticket_id=1019'))).toEqual([3002])
  })

  it('pages quotes like tickets', async () => {
    const page = await listQuotes('pageinate=true&page_size=2&page_no=3')
    expect(page).toMatchObject({ record_count: 5, page_no: 3 })
    expect(ids(page)).toEqual([3005])
  })

  it('answers one quote with lines that add up to its total', async () => {
    const quote = await getQuote(3002)
    const sum = quote.lines.reduce((total, line) => total + line.net_total, 0)
    expect(quote.total).toBeCloseTo(sum, 2)
    expect((await sim.api('Quotation/3999')).status).toBe(404)
  })
})

describe('approving quotes', () => {
  it('records the customer’s approval on the quote', async () => {
    const response = await approve(3001, {
      approvalname: 'Priya Shah',
      approvalemailaddress: 'priya.shah@acmedental.example',
      ponumber: 'PO-77',
    })
    expect(response.status).toBe(200)

    expect(await getQuote(3001)).toMatchObject({
      approvalstate: 1,
      status: 2,
      approvalname: 'Priya Shah',
      ponumber: 'PO-77',
    })
    expect(ids(await listQuotes('awaiting_approval=true'))).toEqual([
      3002, 3004,
    ])
  })

  it('records a rejection as approvalstate 2', async () => {
    await sim.post('Quotation/Approval', [
      { id: 3004, result: false, approvalnote: 'Too dear' },
    ])
    const quote = await getQuote(3004)
    expect(quote).toMatchObject({ approvalstate: 2, approvalnote: 'Too dear' })
    expect(quote.approvaldatetime).toEqual(expect.any(String))
  })

  it('logs the approval in the write log and stats', async () => {
    await approve(3002)
    const writes = await (await sim.control('writes')).json()
    expect(writes).toMatchObject([
      {
        route: 'POST /api/Quotation/Approval',
        resource: 'quoteApproval',
        id: 3002,
        fields: { id: 3002, result: true },
      },
    ])
    const stats = await (await sim.control('stats')).json()
    expect(stats.created.quoteApprovals).toBe(1)
  })

  it('refuses a second approval with 400 "Quote already decided"', async () => {
    await approve(3001)
    for (const id of [3001, 3003]) {
      const again = await approve(id)
      expect(again.status).toBe(400)
      expect(await again.text()).toBe('Quote already decided')
    }
    expect(await (await sim.control('writes')).json()).toHaveLength(1)
  })

  it('saves nothing from a batch naming an unknown quote', async () => {
    const response = await sim.post('Quotation/Approval', [
      { id: 3001, result: true },
      { id: 3999, result: true },
    ])
    expect(response.status).toBe(404)
    expect((await getQuote(3001)).approvalstate).toBeNull()
  })

  it.each([
    ['a body that is not an array', { id: 3001, result: true }],
    ['an approval without a result', [{ id: 3001 }]],
    [
      'the same quote twice',
      [
        { id: 3001, result: true },
        { id: 3001, result: false },
      ],
    ],
  ])('refuses %s with 400', async (_, body) => {
    expect((await sim.post('Quotation/Approval', body)).status).toBe(400)
    expect((await getQuote(3001)).approvalstate).toBeNull()
  })
})

describe('steering quotes from a test', () => {
  it('shows an approval only once settleAfterMs has passed', async () => {
    await sim.control('quotes/3001', 'PUT', { settleAfterMs: 300 })
    const started = Date.now()
    const answer: Quote = await (await approve(3001)).json()
    expect(answer.approvalstate).toBeNull()
    expect((await getQuote(3001)).approvalstate).toBeNull()
    expect((await approve(3001)).status).toBe(400)

    const settled = await waitFor(async () => {
      const quote = await getQuote(3001)
      return quote.approvalstate === 1 ? quote : undefined
    })
    expect(Date.now() - started).toBeGreaterThanOrEqual(300)
    expect(Date.parse(settled.last_update_time)).toBeGreaterThanOrEqual(
      Date.parse(settled.approvaldatetime ?? '') + 300,
    )
  })

  it('delays only the next approval', async () => {
    await sim.control('quotes/3001', 'PUT', { settleAfterMs: 60_000 })
    await approve(3001)
    const control = await sim.control('quotes/3001', 'PUT', {})
    expect((await control.json()).settleAfterMs).toBe(0)
  })

  it('sets approvalstate directly, and back to awaiting', async () => {
    const set = await sim.control('quotes/3003', 'PUT', { approvalstate: null })
    expect((await set.json()).quote).toMatchObject({
      approvalstate: null,
      status: 1,
      approvaldatetime: null,
      ponumber: null,
    })
    expect((await approve(3003)).status).toBe(200)

    await sim.control('quotes/3004', 'PUT', { approvalstate: 2 })
    expect((await getQuote(3004)).approvalstate).toBe(2)
  })

  it('refuses unknown quotes and states', async () => {
    const unknown = await sim.control('quotes/3999', 'PUT', {})
    expect(unknown.status).toBe(404)
    const bad = await sim.control('quotes/3001', 'PUT', { approvalstate: 7 })
    expect(bad.status).toBe(400)
    expect(await bad.text()).toContain('approvalstate')
  })
})
