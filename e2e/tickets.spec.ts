import { expect, test } from '@playwright/test'
import {
  apiAs,
  copiesInHalo,
  raiseTicket,
  setChaos,
  signIn,
  uniqueSummary,
} from './support'

// An attempt made while Halo was down may have reached it, for all the
// worker can tell, so its retry waits out the settle window (5 s in
// playwright.config.ts) plus its backoff before posting again.
const LANDS_AFTER_OUTAGE_MS = 45_000

test.afterEach(async ({ request }) => {
  await setChaos(request, {})
})

test('a customer raises a ticket, sees it pending, and sees it land', async ({
  page,
  request,
}) => {
  await signIn(page, 'customer-a@example.com')
  await expect(page.getByRole('table')).toBeVisible()
  await setChaos(request, { latencyMs: 1500 })
  const summary = uniqueSummary('Scanner will not save to the shared drive')
  await raiseTicket(page, summary, 'Since this morning, on every PC.')
  const pending = page.getByText('Pending', { exact: true })
  await expect(pending.first()).toBeVisible()
  await expect(pending).toHaveCount(0, { timeout: 30_000 })
  expect(await copiesInHalo(request, summary)).toBe(1)
})

test('with the service desk down, tickets still show and a new one is kept until it is back', async ({
  page,
  request,
}) => {
  test.setTimeout(LANDS_AFTER_OUTAGE_MS + 30_000)
  await signIn(page, 'customer-b@example.com')
  const rows = page.getByRole('row')
  await expect(rows.nth(1)).toBeVisible()
  const before = await rows.count()
  await setChaos(request, { down: true })
  await page.reload()
  await expect(rows).toHaveCount(before)
  const summary = uniqueSummary('Wi-Fi in the warehouse keeps dropping')
  await raiseTicket(page, summary, 'Handheld scanners lose connection.')
  await expect(page.getByText('Pending', { exact: true }).first()).toBeVisible()
  expect(await copiesInHalo(request, summary)).toBe(0)
  await setChaos(request, {})
  await expect(page.getByText('Pending', { exact: true })).toHaveCount(0, {
    timeout: LANDS_AFTER_OUTAGE_MS,
  })
  expect(await copiesInHalo(request, summary)).toBe(1)
})

test('a customer sees no ticket of another client, by list, by id or through the API', async ({
  page,
}) => {
  const staff = await apiAs('staff@example.com')
  const all = await (await staff.get('/api/tickets')).json()
  const theirs = all.tickets.find(
    (t: { clientName: string; haloId: number | null }) =>
      t.clientName === 'Brightwater Logistics' && t.haloId !== null,
  )
  expect(theirs).toBeTruthy()
  await signIn(page, 'customer-a@example.com')
  await expect(page.getByRole('row').nth(1)).toBeVisible()
  await expect(page.getByText(theirs.summary)).toHaveCount(0)
  for (const id of [theirs.id, String(theirs.haloId)]) {
    const response = await page.goto(`/tickets/${id}`)
    expect(response?.status()).toBe(404)
    await expect(page.getByText(theirs.summary)).toHaveCount(0)
    const api = await page.request.get(`/api/tickets/${id}`)
    expect(api.status()).toBe(404)
    expect(JSON.stringify(await api.json())).not.toContain(theirs.summary)
  }
  const list = await (await page.request.get('/api/tickets')).json()
  expect(list.tickets.map((t: { id: string }) => t.id)).not.toContain(theirs.id)
})
