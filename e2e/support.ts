import {
  type APIRequestContext,
  expect,
  type Page,
  request as requests,
} from '@playwright/test'
import { createOTP } from '@better-auth/utils/otp'
import {
  DEMO_STAFF,
  DEMO_STAFF_TOTP_SECRET,
} from '../lib/demo/accounts'
import { BASE_URL, SIM_URL } from '../playwright.config'

// What the user stories share: signing in as a demo account, and the
// simulator's chaos controls standing in for a slow or absent Halo.

export const PASSWORD = process.env.DEMO_PASSWORD ?? 'demo'

/** The code the demo staff account's authenticator shows now. */
export function staffCode(): Promise<string> {
  return createOTP(DEMO_STAFF_TOTP_SECRET).totp()
}

/** Signs in through the form; staff also enter their current code. */
export async function signIn(page: Page, email: string) {
  await page.goto('/login')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(PASSWORD)
  await page.getByLabel('Password').press('Enter')
  if (email === DEMO_STAFF) {
    await expect(page).toHaveURL(/\/login\/code/)
    await page.getByLabel('Code').fill(await staffCode())
    await page.getByLabel('Code').press('Enter')
  }
  await expect(page).toHaveURL(/\/tickets/)
}

/** One scripted failure of the simulator, e.g. the next create refused. */
export interface Fault {
  route: string
  times: number
  status?: number
}

export async function setChaos(
  request: APIRequestContext,
  settings: {
    latencyMs?: number
    errorRate?: number
    down?: boolean
    faults?: Fault[]
  },
) {
  const response = await request.put(`${SIM_URL}/__sim/chaos`, {
    data: settings,
  })
  expect(response.ok()).toBe(true)
}

/** The next ticket create Halo receives is refused for good. */
export const REFUSE_NEXT_CREATE: Fault = {
  route: 'POST /api/Tickets',
  times: 1,
  status: 400,
}

/**
 * A JSON API client of its own, signed in as a demo account. It names the
 * portal as its Origin, as the portal's own pages do: writes from anywhere
 * else are refused.
 */
export async function apiAs(email: string) {
  const api = await requests.newContext({
    baseURL: BASE_URL,
    extraHTTPHeaders: { origin: BASE_URL },
  })
  const response = await api.post('/api/session', {
    data: { email, password: PASSWORD },
  })
  expect(response.ok()).toBe(true)
  if (email === DEMO_STAFF) {
    const code = await api.post('/api/session/code', {
      data: { code: await staffCode() },
    })
    expect(code.ok()).toBe(true)
  }
  return api
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
