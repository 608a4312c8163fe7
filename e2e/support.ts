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

export async function simTickets(request: APIRequestContext) {
  const response = await request.get(`${SIM_URL}/__sim/store/tickets`)
  return (await response.json()) as {
    id: number
    summary: string
    third_party_id_string: string | null
  }[]
}

/** A summary no other run has used, to find this test's ticket. */
export function uniqueSummary(words: string) {
  return `${words} ${Date.now().toString(36)}`
}
