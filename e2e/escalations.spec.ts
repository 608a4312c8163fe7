import { type APIRequestContext, expect, test } from '@playwright/test'
import { BASE_URL } from '../playwright.config'
import {
  apiAs,
  copiesInHalo,
  REFUSE_NEXT_CREATE,
  raiseTicket,
  setChaos,
  signIn,
  uniqueSummary,
} from './support'

interface Escalation {
  id: string
  entityId: string
  status: string
}

test.afterEach(async ({ request }) => {
  await setChaos(request, {})
})

/** The open escalation of this ticket, once the worker has recorded it. */
async function escalationOf(staff: APIRequestContext, ticketId: string) {
  let found: Escalation | undefined
  await expect
    .poll(
      async () => {
        const response = await staff.get('/api/escalations?status=open')
        const body = (await response.json()) as { escalations: Escalation[] }
        found = body.escalations.find((e) => e.entityId === ticketId)
        return found?.status
      },
      { timeout: 30_000 },
    )
    .toBe('open')
  return found as Escalation
}

test('a ticket Halo refuses reaches staff, who send it again, and it lands', async ({
  browser,
  page,
  request,
}) => {
  await signIn(page, 'customer-a@example.com')
  await setChaos(request, { faults: [REFUSE_NEXT_CREATE] })
  const summary = uniqueSummary('Label printer prints blank labels')
  await raiseTicket(page, summary, 'Every label since the driver update.')
  await expect(page.getByText('Not saved')).toBeVisible({ timeout: 30_000 })

  const staff = await (await browser.newContext()).newPage()
  await signIn(staff, 'staff@example.com')
  await staff.getByRole('link', { name: /Escalations \d+ open/ }).click()
  const row = staff.getByRole('row').filter({ hasText: summary })
  await expect(row).toContainText('Halo refused it')
  await expect(row).toContainText('Acme Dental Group')
  await row.getByRole('button', { name: 'Send again' }).click()
  await expect(staff.getByText('Sent again.')).toBeVisible()
  await expect(row).toHaveCount(0)

  await expect.poll(() => copiesInHalo(request, summary)).toBe(1)
  await page.reload()
  await expect(page.getByText('Not saved')).toHaveCount(0)
  await expect(page.getByText('Pending', { exact: true })).toHaveCount(0, {
    timeout: 30_000,
  })
})

test('staff dismiss a refused ticket through the API, once', async ({
  request,
}) => {
  const customer = await apiAs('customer-b@example.com')
  const staff = await apiAs('staff@example.com')
  await setChaos(request, { faults: [REFUSE_NEXT_CREATE] })
  const created = await customer.post('/api/tickets', {
    data: { summary: uniqueSummary('Old laptop to recycle'), details: 'Dell.' },
  })
  expect(created.status()).toBe(202)
  const { ticket } = (await created.json()) as { ticket: { id: string } }

  const escalation = await escalationOf(staff, ticket.id)
  const url = `/api/escalations/${escalation.id}/dismiss`
  const dismissed = await staff.post(url)
  expect(dismissed.status()).toBe(200)
  const body = (await dismissed.json()) as { escalation: Escalation }
  expect(body.escalation).toMatchObject({
    id: escalation.id,
    status: 'dismissed',
  })
  expect((await staff.post(url)).status()).toBe(404)
  const redrive = `/api/escalations/${escalation.id}/redrive`
  expect((await staff.post(redrive)).status()).toBe(404)
})

test('a customer finds no escalations, by page, link or API', async ({
  page,
  request,
}) => {
  expect((await request.get('/api/escalations')).status()).toBe(401)
  await signIn(page, 'customer-b@example.com')
  await expect(page.getByRole('link', { name: /Escalations/ })).toHaveCount(0)
  expect((await page.goto('/escalations'))?.status()).toBe(404)
  expect((await page.request.get('/api/escalations')).status()).toBe(404)
  const anyId = '00000000-0000-4000-8000-000000000000'
  const redrive = `/api/escalations/${anyId}/redrive`
  const fromPortal = { headers: { origin: BASE_URL } }
  expect((await page.request.post(redrive, fromPortal)).status()).toBe(404)
})
