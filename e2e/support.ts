import { createHash } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createOTP } from '@better-auth/utils/otp'
import {
  type APIRequestContext,
  expect,
  type Page,
  request as requests,
} from '@playwright/test'
import { DEMO_STAFF, DEMO_STAFF_TOTP_SECRET } from '../lib/demo/accounts'
import { BASE_URL, SIM_URL } from '../playwright.config'

// What the user stories share: signing in as a demo account, and the
// simulator's chaos controls standing in for a slow or absent Halo.

export const PASSWORD = process.env.DEMO_PASSWORD ?? 'demo'

const PERIOD_MS = 30_000

/**
 * A code of this authenticator secret that no earlier sign-in of this run
 * used: the portal takes each code once, and accepts the one before and the
 * one after the current, so three codes fit in each 30 s. The last counter
 * used is kept in a file per secret, as each spec file loads this module
 * afresh.
 */
export async function freshCode(secret: string | Uint8Array): Promise<string> {
  const digest = createHash('sha256').update(secret).digest('hex')
  const port = new URL(BASE_URL).port
  const file = path.join(
    tmpdir(),
    `portal-e2e-code-${port}-${digest.slice(0, 12)}`,
  )
  const used = await readFile(file, 'utf8')
    .then(Number)
    .catch(() => 0)
  for (;;) {
    const now = Math.floor(Date.now() / PERIOD_MS)
    const next = Math.max(used + 1, now - 1)
    if (next <= now + 1) {
      await writeFile(file, String(next))
      return createOTP(secret).hotp(next)
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}

/** A fresh code of the demo staff account's authenticator. */
export function staffCode(): Promise<string> {
  return freshCode(DEMO_STAFF_TOTP_SECRET)
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
  await page.getByRole('link', { name: 'New ticket', exact: true }).click()
  await page.getByLabel('Summary').fill(summary)
  await page.getByLabel('Details').fill(details)
  await page.getByRole('button', { name: 'Send ticket' }).click()
  await expect(page.getByText(summary).first()).toBeVisible()
}

/** A summary no other run has used, to find this test's ticket. */
export function uniqueSummary(words: string) {
  return `${words} ${Date.now().toString(36)}`
}

/** The headers of a change sent from the portal's own pages. */
export const FROM_PORTAL = { origin: BASE_URL }

/** A JSON API client that never signed in; it names the portal as Origin. */
export function anonymousApi() {
  return requests.newContext({
    baseURL: BASE_URL,
    extraHTTPHeaders: FROM_PORTAL,
  })
}

/** A ticket as GET /api/tickets answers it, the fields tests read. */
export interface TicketJson {
  id: string
  haloId: number | null
  summary: string
  details: string
  clientId: string
  clientName: string
  pendingWrite: boolean
  writeError: string | null
}

export async function ticketsOf(api: APIRequestContext) {
  const response = await api.get('/api/tickets')
  expect(response.status()).toBe(200)
  return ((await response.json()) as { tickets: TicketJson[] }).tickets
}

/** The caller's first ticket that Halo has, with no write pending or failed. */
export async function landedTicketOf(api: APIRequestContext) {
  const tickets = await ticketsOf(api)
  const landed = tickets.find(
    (t) => t.haloId !== null && !t.pendingWrite && !t.writeError,
  )
  expect(landed, 'a landed ticket to work on').toBeDefined()
  return landed as TicketJson & { haloId: number }
}

/** One write the simulated Halo applied, from its write log. */
export interface SimWrite {
  seq: number
  route: string
  resource: string
  id: number
  fields: unknown
}

export async function simWrites(request: APIRequestContext) {
  const response = await request.get(`${SIM_URL}/__sim/writes`)
  expect(response.ok()).toBe(true)
  return (await response.json()) as SimWrite[]
}

/** The writes Halo applied to this ticket after the log's entry `seq`. */
export async function writesToTicketSince(
  request: APIRequestContext,
  seq: number,
  haloId: number,
) {
  const writes = await simWrites(request)
  return writes.filter(
    (write) =>
      write.seq > seq && write.resource === 'ticket' && write.id === haloId,
  )
}

/** The last entry of the simulator's write log, 0 when it is empty. */
export async function lastWriteSeq(request: APIRequestContext) {
  const writes = await simWrites(request)
  return writes.at(-1)?.seq ?? 0
}

/**
 * Raises a ticket as `api` and waits until Halo has it. Every ticket write
 * goes through one queue, taken oldest first, so a write accepted before
 * this one (one a test expects to have been refused) would have had its
 * turn by then: a test can then look for it in the write log.
 */
export async function deliverMarker(
  api: APIRequestContext,
  request: APIRequestContext,
) {
  const summary = uniqueSummary('Marker: the writes before me are in')
  const created = await api.post('/api/tickets', {
    data: { summary, details: 'Raised by a test to wait on the queue.' },
    headers: FROM_PORTAL,
  })
  expect(created.status()).toBe(202)
  await expect
    .poll(() => copiesInHalo(request, summary), { timeout: 30_000 })
    .toBe(1)
}

/** Waits until the worker has recorded the escalation of this entity. */
export async function openEscalationOf(
  staff: APIRequestContext,
  entityId: string,
): Promise<string> {
  let id: string | undefined
  await expect
    .poll(
      async () => {
        const response = await staff.get('/api/escalations?status=open')
        const { escalations } = (await response.json()) as {
          escalations: { id: string; entityId: string }[]
        }
        id = escalations.find((e) => e.entityId === entityId)?.id
        return id
      },
      { timeout: 30_000, message: `an open escalation of ${entityId}` },
    )
    .toBeDefined()
  return id as string
}

/** Whether staff find this escalation still open. */
export async function isOpenEscalation(
  staff: APIRequestContext,
  escalationId: string,
) {
  const response = await staff.get('/api/escalations?status=open')
  const { escalations } = (await response.json()) as {
    escalations: { id: string }[]
  }
  return escalations.some((e) => e.id === escalationId)
}

/** Raises a ticket through the API; answers its portal id. */
export async function raiseByApi(api: APIRequestContext, words: string) {
  const created = await api.post('/api/tickets', {
    data: { summary: uniqueSummary(words), details: `${words}, in detail.` },
    headers: FROM_PORTAL,
  })
  expect(created.status()).toBe(202)
  return ((await created.json()) as { ticket: TicketJson }).ticket.id
}

/** Raises a ticket through the API and waits until Halo has it. */
export async function raiseLanded(api: APIRequestContext, words: string) {
  const id = await raiseByApi(api, words)
  let ticket: TicketJson | undefined
  await expect
    .poll(
      async () => {
        const response = await api.get(`/api/tickets/${id}`)
        ticket = ((await response.json()) as { ticket: TicketJson }).ticket
        return ticket.haloId !== null && !ticket.pendingWrite
      },
      { timeout: 30_000, message: `ticket ${id} lands in Halo` },
    )
    .toBe(true)
  return ticket as TicketJson & { haloId: number }
}

/**
 * A client with the same cookies as `api` and no headers of its own: no
 * Origin unless a request names one, as a forged request would.
 */
export async function requestsWithCookiesOf(api: APIRequestContext) {
  return requests.newContext({
    baseURL: BASE_URL,
    storageState: await api.storageState(),
  })
}

/** One ticket as GET /api/tickets/{id} answers it to `api`. */
export async function ticketById(api: APIRequestContext, id: string) {
  const response = await api.get(`/api/tickets/${id}`)
  expect(response.status(), `ticket ${id}`).toBe(200)
  return ((await response.json()) as { ticket: TicketJson }).ticket
}

/** The ticket reads as it did, with no write pending or failed. */
export async function expectUnchanged(
  api: APIRequestContext,
  ticket: TicketJson,
) {
  expect(await ticketById(api, ticket.id)).toMatchObject({
    summary: ticket.summary,
    details: ticket.details,
    pendingWrite: false,
    writeError: null,
  })
}
