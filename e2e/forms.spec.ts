import { expect, test } from '@playwright/test'
import { BASE_URL } from '../playwright.config'
import { PASSWORD, signIn } from './support'

test('a sign-in link that points away from the portal lands on the tickets', async ({
  page,
}) => {
  await page.goto('/login?next=/%09/evil.example')
  await page.getByLabel('Email').fill('customer-a@example.com')
  await page.getByLabel('Password').fill(PASSWORD)
  await page.getByLabel('Password').press('Enter')
  await expect(page).toHaveURL(`${BASE_URL}/tickets`)
})

test('a sign-in without a password takes the reader to the password', async ({
  page,
}) => {
  await page.goto('/login')
  await page.getByLabel('Email').fill('customer-a@example.com')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByLabel('Password')).toBeFocused()
  await expect(page.getByText('Enter your password.')).toBeVisible()
})

test('staff sending an empty new ticket see every problem, starting at the client', async ({
  page,
}) => {
  await signIn(page, 'staff@example.com')
  await page.getByRole('link', { name: 'New ticket', exact: true }).click()
  await page.getByRole('button', { name: 'Send ticket' }).click()
  for (const field of ['Client', 'Summary', 'Details']) {
    await expect(page.getByLabel(field)).toHaveAttribute('aria-invalid', 'true')
  }
  await expect(page.getByText('Choose a client.')).toBeVisible()
  await expect(page.getByLabel('Client')).toBeFocused()
})

test('on a phone the tickets list fits the screen, with each reference', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await signIn(page, 'customer-a@example.com')
  const table = page.getByRole('table')
  await expect(table).toBeVisible()
  const box = await table.boundingBox()
  expect(box?.width).toBeLessThanOrEqual(390)
  const firstRow = page.getByRole('row').nth(1)
  await expect(firstRow).toContainText('Reference')
  await expect(firstRow).toContainText('Opened')
  await expect(page.getByRole('columnheader')).toHaveText(['Summary', 'Status'])
})
