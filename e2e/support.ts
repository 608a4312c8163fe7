import { type APIRequestContext, expect, type Page } from '@playwright/test'
import { SIM_URL } from '../playwright.config'

// What the user stories share: signing in as a demo account, and the
// simulator's chaos controls standing in for a slow or absent Halo.

export const PASSWORD = process.env.DEMO_PASSWORD ?? 'demo'

export async function signIn(page: Page, email: string) {
  await page.goto('/login')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(PASSWORD)
  await page.getByLabel('Password').press('Enter')
  await expect(page).toHaveURL(/\/tickets/)
}

export async function setChaos(
  request: APIRequestContext,
  settings: { latencyMs?: number; errorRate?: number; down?: boolean },
) {
  const response = await request.put(`${SIM_URL}/__sim/chaos`, {
    data: settings,
  })
  expect(response.ok()).toBe(true)
}

/** How many tickets with this summary the simulated Halo holds. */
export async function copiesInHalo(
  request: APIRequestContext,
  summary: string,
) {
  const response = await request.get(`${SIM_URL}/__sim/store/tickets`)
  const tickets = (await response.json()) as { summary: string }[]
  return tickets.filter((ticket) => ticket.summary === summary).length
}

/** Fills in and sends the new-ticket form from the tickets page. */
export async function raiseTicket(
  page: Page,
  summary: string,
  details: string,
) {
  await page.getByRole('link', { name: 'New ticket' }).click()
  await page.getByLabel('Summary').fill(summary)
  await page.getByLabel('Details').fill(details)
  await page.getByRole('button', { name: 'Send ticket' }).click()
  await expect(page.getByText(summary).first()).toBeVisible()
}

/** A summary no other run has used, to find this test's ticket. */
export function uniqueSummary(words: string) {
  return `${words} ${Date.now().toString(36)}`
}
