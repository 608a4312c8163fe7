import { randomUUID } from 'node:crypto'
import {
  type APIRequestContext,
  type APIResponse,
  expect,
  test,
} from '@playwright/test'
import {
  apiAs,
  copiesInHalo,
  deliverMarker,
  expectUnchanged,
  FROM_PORTAL,
  landedTicketOf,
  lastWriteSeq,
  ticketsOf,
  uniqueSummary,
  writesToTicketSince,
} from './support'

// Client A's people guess and edit the ids of client B's records: every
// answer reads as "no such thing", shows none of B's words, and changes
// nothing in the portal or in Halo.

const CLIENT_A = ['customer-a@example.com', 'admin-a@example.com']

/** Ids that name no ticket, some of them no id at all. */
const MADE_UP_IDS = [
  randomUUID(),
  '00000000-0000-0000-0000-000000000000',
  'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF',
  `${randomUUID()}0`,
  '999999999',
  '0',
  '-1',
  '1.5',
  '1e3',
  '0x3f9',
  '9'.repeat(30),
  'abc',
  'null',
  '__proto__',
  "1' OR '1'='1",
  '../../api/tickets',
  'ticket\u0000id',
  'é'.repeat(10),
  'x'.repeat(2000),
]

test("client A's people find nothing of B's ticket by either id, in the API or on a page", async () => {
  const b = await apiAs('customer-b@example.com')
  const ticket = await landedTicketOf(b)
  for (const email of CLIENT_A) {
    const api = await apiAs(email)
    for (const id of [ticket.id, String(ticket.haloId)]) {
      for (const address of [
        `/api/tickets/${id}`,
        `/tickets/${id}`,
        `/tickets/${id}/edit`,
      ]) {
        const response = await api.get(address, { maxRedirects: 0 })
        const where = `${email} asking for ${address}`
        expect.soft(response.status(), where).toBe(404)
        const body = await response.text()
        expect.soft(body, where).not.toContain(ticket.summary)
        expect.soft(body, where).not.toContain(ticket.details)
      }
    }
  }
})

test("client A's people cannot edit B's ticket, and neither the portal nor Halo changes", async ({
  request,
}) => {
  const b = await apiAs('customer-b@example.com')
  const ticket = await landedTicketOf(b)
  const seq = await lastWriteSeq(request)
  for (const email of CLIENT_A) {
    const api = await apiAs(email)
    for (const id of [ticket.id, String(ticket.haloId)]) {
      const response = await api.patch(`/api/tickets/${id}`, {
        data: { summary: `Taken over by ${email}`, details: 'Mine now.' },
        headers: FROM_PORTAL,
      })
      expect.soft(response.status(), `${email} editing ${id}`).toBe(404)
      expect.soft(await response.text()).not.toContain(ticket.summary)
    }
  }

  await expectUnchanged(b, ticket)
  await deliverMarker(b, request)
  expect(await writesToTicketSince(request, seq, ticket.haloId)).toEqual([])
})

test("a customer naming B's client on a new ticket is refused, and B gets no ticket", async ({
  request,
}) => {
  const b = await apiAs('customer-b@example.com')
  const [clientB] = (await ticketsOf(b)).map((ticket) => ticket.clientId)
  const summary = uniqueSummary('Raised by A in the name of B')
  for (const email of CLIENT_A) {
    const api = await apiAs(email)
    const response = await api.post('/api/tickets', {
      data: { summary, details: 'Planted.', clientId: clientB },
      headers: FROM_PORTAL,
    })
    expect.soft(response.status(), email).toBe(400)
    const { errors } = (await response.json()) as { errors: object }
    expect.soft(errors, email).toHaveProperty('clientId')
  }

  const tickets = await ticketsOf(b)
  expect(tickets.map((ticket) => ticket.summary)).not.toContain(summary)
  await deliverMarker(b, request)
  expect(await copiesInHalo(request, summary)).toBe(0)
})

test("a customer admin's users page shows only their own client, whichever client is asked for", async () => {
  const b = await apiAs('customer-b@example.com')
  const [clientB] = (await ticketsOf(b)).map((ticket) => ticket.clientId)
  const admin = await apiAs('admin-a@example.com')
  const response = await admin.get(`/users?client=${clientB}`)
  expect(response.status()).toBe(200)
  const page = await response.text()
  expect(page).toContain('customer-a@example.com')
  expect(page).not.toContain('customer-b@example.com')
  expect(page).not.toContain(`value="${clientB}"`)
})

/** Asks for each made-up id, as a customer and as staff, and checks. */
async function eachMadeUpId(
  ask: (api: APIRequestContext, id: string) => Promise<APIResponse>,
) {
  for (const email of ['customer-a@example.com', 'staff@example.com']) {
    const api = await apiAs(email)
    for (const made of MADE_UP_IDS) {
      const response = await ask(api, encodeURIComponent(made))
      const where = `${email} asking for ${made.slice(0, 40)}`
      expect.soft(response.status(), where).toBe(404)
    }
  }
}

test('made-up ticket ids answer 404, never 500, in the API and to an edit', async () => {
  await eachMadeUpId((api, id) => api.get(`/api/tickets/${id}`))
  await eachMadeUpId((api, id) =>
    api.patch(`/api/tickets/${id}`, {
      data: { summary: 'An edit of nothing' },
      headers: FROM_PORTAL,
    }),
  )
})

// The page of a Halo id that no client has must read like that of another
// client's ticket (404), or ids could be probed for.
test('made-up ticket ids answer 404 as a page, like the id of another client', async () => {
  await eachMadeUpId((api, id) =>
    api.get(`/tickets/${id}`, { maxRedirects: 0 }),
  )
})
