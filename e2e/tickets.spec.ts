import { expect, test } from '@playwright/test'
import {
  PASSWORD,
  setChaos,
  signIn,
  simTickets,
  uniqueSummary,
} from './support'

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
  await page.getByRole('link', { name: 'New ticket' }).click()
  await page.getByLabel('Summary').fill(summary)
  await page.getByLabel('Details').fill('Since this morning, on every PC.')
  await page.getByRole('button', { name: /send|create|raise|submit/i }).click()
  await expect(page.getByText(summary).first()).toBeVisible()
  const pending = page.getByText('Pending', { exact: true })
  await expect(pending.first()).toBeVisible()
  await expect(pending).toHaveCount(0, { timeout: 30_000 })
  const landed = (await simTickets(request)).filter(
    (t) => t.summary === summary,
  )
  expect(landed).toHaveLength(1)
})

test('with the service desk down, tickets still show and a new one is kept until it is back', async ({
  page,
  request,
}) => {
  await signIn(page, 'customer-b@example.com')
  const rows = page.getByRole('row')
  await expect(rows.nth(1)).toBeVisible()
  const before = await rows.count()
  await setChaos(request, { down: true })
  await page.reload()
  await expect(rows).toHaveCount(before)
  const summary = uniqueSummary('Wi-Fi in the warehouse keeps dropping')
  await page.getByRole('link', { name: 'New ticket' }).click()
  await page.getByLabel('Summary').fill(summary)
  await page.getByLabel('Details').fill('Handheld scanners lose connection.')
  await page.getByRole('button', { name: /send|create|raise|submit/i }).click()
  await expect(page.getByText(summary).first()).toBeVisible()
  await expect(page.getByText('Pending', { exact: true }).first()).toBeVisible()
  expect((await simTickets(request)).some((t) => t.summary === summary)).toBe(
    false,
  )
  await setChaos(request, {})
  await expect(page.getByText('Pending', { exact: true })).toHaveCount(0, {
    timeout: 45_000,
  })
  const landed = (await simTickets(request)).filter(
    (t) => t.summary === summary,
  )
  expect(landed).toHaveLength(1)
})

test('a customer cannot open a ticket of another client', async ({
  page,
  request,
}) => {
  const staff = await request.post('/api/session', {
    data: { email: 'staff@example.com', password: PASSWORD },
  })
  expect(staff.ok()).toBe(true)
  const all = await (await request.get('/api/tickets')).json()
  const theirs = all.tickets.find(
    (t: { clientName: string }) => t.clientName === 'Brightwater Logistics',
  )
  expect(theirs).toBeTruthy()
  await signIn(page, 'customer-a@example.com')
  const response = await page.goto(`/tickets/${theirs.id}`)
  expect(response?.status()).toBe(404)
  await expect(page.getByText(theirs.summary)).toHaveCount(0)
  const api = await page.request.get(`/api/tickets/${theirs.id}`)
  expect(api.status()).toBe(404)
})
