import { expect, test } from '@playwright/test'
import { raiseTicket, signIn, uniqueSummary } from './support'

// Staff read who asked for what: a customer raises a ticket, and staff,
// who raise nothing themselves, find it in the audit trail with who, for
// which client and what became of it, on a laptop and on a phone.

const PHONE = { width: 390, height: 844 }

test('staff read in the audit trail the ticket a customer raised, and see it delivered', async ({
  browser,
  page,
}) => {
  await signIn(page, 'customer-a@example.com')
  await expect(page.getByRole('link', { name: 'Audit trail' })).toHaveCount(0)
  expect((await page.goto('/audit'))?.status()).toBe(404)
  await page.goto('/tickets')
  const summary = uniqueSummary('Reception phone rings but has no sound')
  await raiseTicket(page, summary, 'Since the handset was replaced.')

  const staff = await (await browser.newContext()).newPage()
  await signIn(staff, 'staff@example.com')
  await staff.getByRole('link', { name: 'Audit trail' }).click()
  await expect(staff).toHaveURL(/\/audit$/)
  const row = staff.getByRole('row').filter({ hasText: summary })
  await expect(row).toContainText('Raised a ticket')
  await expect(row).toContainText('customer-a@example.com')
  await expect(row).toContainText('Acme Dental Group')
  await expect(async () => {
    await staff.reload()
    await expect(row).toContainText('Delivered', { timeout: 1000 })
  }).toPass({ timeout: 30_000 })

  await staff.getByLabel('Client').selectOption('Brightwater Logistics')
  await staff.getByRole('button', { name: 'Show' }).click()
  await expect(staff).toHaveURL(/client=/)
  await expect(row).toHaveCount(0)
  await staff.getByLabel('Client').selectOption('Acme Dental Group')
  await staff.getByRole('button', { name: 'Show' }).click()
  await expect(row).toHaveCount(1)

  await staff.setViewportSize(PHONE)
  const shown = { useInnerText: true }
  await expect(row).toContainText('customer-a@example.com', shown)
  await expect(row).toContainText('Acme Dental Group', shown)
  const overflow = await staff.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  )
  expect(overflow).toBeLessThanOrEqual(0)
  await row.getByRole('link', { name: summary }).click()
  await expect(staff.getByRole('heading', { name: summary })).toBeVisible()
})
