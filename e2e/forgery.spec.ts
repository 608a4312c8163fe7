import {
  type APIRequestContext,
  type Browser,
  expect,
  test,
} from '@playwright/test'
import { captureAction, captureTicketEdit, replayAction } from './action-replay'
import {
  apiAs,
  copiesInHalo,
  deliverMarker,
  expectUnchanged,
  landedTicketOf,
  lastWriteSeq,
  PASSWORD,
  raiseLanded,
  requestsWithCookiesOf,
  signIn,
  ticketById,
  ticketsOf,
  uniqueSummary,
  writesToTicketSince,
} from './support'

// Another site's page makes the signed-in browser send a change: a form
// posted there, or a fetch. The browser carries the session cookie where
// SameSite allows it and names the page's origin; the portal refuses what
// does not come from its own pages, and nothing is written.

const EVIL = 'https://evil.example'

/** How a forged write names where it comes from. */
const FORGED: [how: string, headers: Record<string, string>][] = [
  ['an Origin of another site', { origin: EVIL }],
  [
    'no Origin and Sec-Fetch-Site cross-site',
    { 'sec-fetch-site': 'cross-site' },
  ],
  ['no Origin and Sec-Fetch-Site same-site', { 'sec-fetch-site': 'same-site' }],
  ['the Origin of a sandboxed page', { origin: 'null' }],
  ['neither Origin nor Sec-Fetch-Site', {}],
]

async function customerPage(browser: Browser, email: string) {
  const page = await (await browser.newContext()).newPage()
  await signIn(page, email)
  return page
}

async function signedIn(api: APIRequestContext) {
  return (await api.get('/api/tickets')).status() === 200
}

test('ticket writes from another site are refused with 403, and nothing is written', async ({
  request,
}) => {
  const b = await apiAs('customer-b@example.com')
  const forger = await requestsWithCookiesOf(b)
  const ticket = await landedTicketOf(b)
  const before = (await ticketsOf(b)).map((t) => t.id)
  const seq = await lastWriteSeq(request)
  const summaries: string[] = []
  for (const [how, headers] of FORGED) {
    const summary = uniqueSummary(`Forged with ${how}`)
    summaries.push(summary)
    const created = await forger.post('/api/tickets', {
      data: { summary, details: 'Sent by another site.' },
      headers,
    })
    expect.soft(created.status(), `a new ticket with ${how}`).toBe(403)
    const edited = await forger.patch(`/api/tickets/${ticket.id}`, {
      data: { summary },
      headers,
    })
    expect.soft(edited.status(), `an edit with ${how}`).toBe(403)
    expect.soft(await edited.json()).toHaveProperty('error')
  }

  expect((await ticketsOf(b)).map((t) => t.id)).toEqual(before)
  await expectUnchanged(b, ticket)
  await deliverMarker(b, request)
  for (const summary of summaries) {
    expect.soft(await copiesInHalo(request, summary), summary).toBe(0)
  }
  expect(await writesToTicketSince(request, seq, ticket.haloId)).toEqual([])
})

test('an edit sent as a server action from another site, or from nowhere it names, is refused with 403', async ({
  browser,
}) => {
  const a = await apiAs('customer-a@example.com')
  const ticket = await raiseLanded(a, 'Edit forged from another site')
  const page = await customerPage(browser, 'customer-a@example.com')
  const edited = `${ticket.summary}, as another site wants it`
  const save = await captureTicketEdit(page, ticket.id, edited)

  for (const [how, from] of FORGED) {
    const forged = await replayAction(page.request, save, { from })
    expect(forged.status(), how).toBe(403)
  }
  await expectUnchanged(a, ticket)

  await replayAction(page.request, save)
  expect(await ticketById(a, ticket.id)).toMatchObject({ summary: edited })
})

test('signing out from another site leaves the customer signed in', async ({
  browser,
}) => {
  const page = await customerPage(browser, 'customer-a@example.com')
  const signOut = await captureAction(page, () =>
    page.getByRole('button', { name: 'Sign out' }).click(),
  )
  const forged = await replayAction(page.request, signOut, { origin: EVIL })
  expect(forged.status()).toBeGreaterThanOrEqual(400)
  expect(await signedIn(page.request)).toBe(true)

  await replayAction(page.request, signOut)
  expect(await signedIn(page.request)).toBe(false)
})

test('a sign-out through the API from another site leaves the session', async () => {
  const a = await apiAs('customer-a@example.com')
  const forger = await requestsWithCookiesOf(a)
  for (const [how, headers] of FORGED) {
    const response = await forger.delete('/api/session', { headers })
    expect.soft(response.status(), `signing out with ${how}`).toBe(403)
    expect.soft(await signedIn(a), `still signed in after ${how}`).toBe(true)
  }
})

test("another site's sign-in form is refused: the browser stays who it was", async () => {
  // A form with enctype text/plain whose one field's name is JSON: the
  // browser sends it across sites with no preflight, cookies or not.
  const fields = { email: 'customer-a@example.com', password: PASSWORD }
  const form = `${JSON.stringify(fields).slice(0, -1)},"x":"="}`
  const victim = await requestsWithCookiesOf(
    await apiAs('customer-b@example.com'),
  )
  const response = await victim.post('/api/session', {
    data: form,
    headers: { origin: EVIL, 'content-type': 'text/plain' },
  })
  expect.soft(response.status()).toBe(403)
  const seen = (await ticketsOf(victim)).map((ticket) => ticket.clientName)
  expect(new Set(seen)).toEqual(new Set(['Brightwater Logistics']))
})
