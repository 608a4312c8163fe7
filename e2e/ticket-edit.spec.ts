import { expect, test } from '@playwright/test'
import {
  copiesInHalo,
  raiseTicket,
  setChaos,
  signIn,
  uniqueSummary,
} from './support'

test.afterEach(async ({ request }) => {
  await setChaos(request, {})
})

test('a customer edits a ticket, sees the edit pending, and sees it land', async ({
  page,
  request,
}) => {
  await signIn(page, 'customer-a@example.com')
  const summary = uniqueSummary('Projector in room 2 flickers')
  await raiseTicket(page, summary, 'Since Monday, after lunch.')
  const pending = page.getByText('Pending', { exact: true })
  await expect(pending).toHaveCount(0, { timeout: 30_000 })

  await setChaos(request, { latencyMs: 1500 })
  await page.getByRole('button', { name: 'Edit' }).click()
  const edited = `${summary}, and buzzes`
  await page.getByLabel('Summary').fill(edited)
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByRole('heading', { name: edited })).toBeVisible()
  await expect(pending.first()).toBeVisible()
  await expect(page.getByRole('button', { name: 'Edit' })).toBeFocused()

  await expect(pending).toHaveCount(0, { timeout: 30_000 })
  expect(await copiesInHalo(request, edited)).toBe(1)
  expect(await copiesInHalo(request, summary)).toBe(0)
})

test('an edit that empties the summary is refused, with the reader taken to it', async ({
  page,
}) => {
  await signIn(page, 'customer-b@example.com')
  const landed = page.getByRole('row').filter({ hasText: /#\d+/ })
  await landed.first().getByRole('link').click()
  await page.getByRole('button', { name: 'Edit' }).click()
  await page.getByLabel('Summary').fill('')
  await page.getByLabel('Details').focus()
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByLabel('Summary')).toBeFocused()
  await expect(page.getByLabel('Summary')).toHaveAttribute(
    'aria-invalid',
    'true',
  )
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByRole('button', { name: 'Edit' })).toBeFocused()
})
