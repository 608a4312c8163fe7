import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_BODY_BYTES } from '../lib/security/request-checks'
import {
  BUILD_TIMEOUT_MS,
  buildApp,
  type RunningApp,
  startApp,
} from './next-app'
import { startTestStack, type TestStack } from './stack'
import { seedViewers, TEST_PASSWORD } from './viewers'

// The JSON routes that change state, over real HTTP against `next start`:
// a request from another site or with an oversize or broken body is
// answered before anything is written or enqueued, even when it carries a
// valid session cookie.

let stack: TestStack
let app: RunningApp
let cookie: string
const EVIL = 'https://evil.example'

beforeAll(async () => {
  stack = await startTestStack()
  await seedViewers(stack.db, stack.halo)
  app = await startApp(await buildApp())
  cookie = await signIn('customer-a@example.com')
}, BUILD_TIMEOUT_MS)

afterAll(async () => {
  await app?.close()
  await stack?.close()
})

async function signIn(email: string): Promise<string> {
  const response = await fetch(`${app.url}/api/session`, {
    method: 'POST',
    headers: { origin: app.url, 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: TEST_PASSWORD }),
  })
  expect(response.status).toBe(200)
  return response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ')
}

function send(path: string, init: RequestInit & { origin?: string | null }) {
  const { origin = app.url, ...rest } = init
  const headers = new Headers(rest.headers)
  headers.set('cookie', cookie)
  headers.set('content-type', 'application/json')
  if (origin) headers.set('origin', origin)
  return fetch(`${app.url}${path}`, { method: 'POST', ...rest, headers })
}

/** Tickets in the cache and jobs in the queue: what a write leaves. */
async function written() {
  const [jobs] = await stack.db.$queryRaw<{ count: bigint }[]>`
    SELECT count(*) AS count FROM pgboss.job`
  return { tickets: await stack.db.ticket.count(), jobs: Number(jobs?.count) }
}

const ticket = { summary: 'Printer on floor 2 jams', details: 'Since Monday.' }

describe('POST /api/tickets over HTTP', () => {
  it("accepts a write from the portal's own origin", async () => {
    const before = await written()
    const response = await send('/api/tickets', {
      body: JSON.stringify(ticket),
    })
    expect(response.status).toBe(202)
    const after = await written()
    expect(after.tickets).toBe(before.tickets + 1)
    expect(after.jobs).toBeGreaterThan(before.jobs)
  })

  it('refuses a forged cross-site write with a valid session', async () => {
    const before = await written()
    const response = await send('/api/tickets', {
      origin: EVIL,
      body: JSON.stringify(ticket),
    })
    expect(response.status).toBe(403)
    const body = (await response.json()) as { error: string }
    expect(body.error).toContain(`Origin ${EVIL} is not this site`)
    expect(await written()).toEqual(before)
  })

  it('refuses a write that names no origin at all', async () => {
    const before = await written()
    const response = await send('/api/tickets', {
      origin: null,
      body: JSON.stringify(ticket),
    })
    expect(response.status).toBe(403)
    expect(await response.json()).toEqual({
      error: expect.stringMatching(/names no Origin/),
    })
    expect(await written()).toEqual(before)
  })

  it('answers 413 to an oversize body and writes nothing', async () => {
    const before = await written()
    const details = 'x'.repeat(MAX_BODY_BYTES)
    const response = await send('/api/tickets', {
      body: JSON.stringify({ ...ticket, details }),
    })
    expect(response.status).toBe(413)
    expect(await response.json()).toEqual({
      errors: { body: [expect.stringMatching(/larger than 64 KiB/)] },
    })
    expect(await written()).toEqual(before)
  })

  it('counts a streamed body that declares no length', async () => {
    const before = await written()
    const chunk = new TextEncoder().encode(' '.repeat(16 * 1024))
    const chunks = Math.ceil(MAX_BODY_BYTES / chunk.byteLength) + 1
    let sent = 0
    const body = new ReadableStream({
      pull(controller) {
        if (sent++ < chunks) controller.enqueue(chunk)
        else controller.close()
      },
    })
    const response = await send('/api/tickets', {
      body,
      duplex: 'half',
    } as RequestInit)
    expect(response.status).toBe(413)
    expect(await written()).toEqual(before)
  })

  it('answers malformed JSON with a field error for the body', async () => {
    const before = await written()
    const response = await send('/api/tickets', { body: '{"summary": "x",' })
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      errors: { body: [expect.stringMatching(/^The body is not valid JSON/)] },
    })
    expect(await written()).toEqual(before)
  })
})

describe('the other writes over HTTP', () => {
  it('refuses a cross-site edit of a ticket', async () => {
    const created = await send('/api/tickets', {
      body: JSON.stringify(ticket),
    })
    const { ticket: mine } = (await created.json()) as {
      ticket: { id: string }
    }
    const before = await written()
    const response = await send(`/api/tickets/${mine.id}`, {
      method: 'PATCH',
      origin: EVIL,
      body: JSON.stringify({ summary: 'Changed by another site' }),
    })
    expect(response.status).toBe(403)
    expect(await written()).toEqual(before)
    const stored = await stack.db.ticket.findUnique({ where: { id: mine.id } })
    expect(stored?.summary).toBe(ticket.summary)
  })

  it('refuses a cross-site redrive before looking it up', async () => {
    const anyId = '00000000-0000-4000-8000-000000000000'
    const response = await send(`/api/escalations/${anyId}/redrive`, {
      headers: { 'sec-fetch-site': 'cross-site' },
      origin: null,
    })
    expect(response.status).toBe(403)
    expect(await response.json()).toEqual({
      error: expect.stringMatching(/^Sec-Fetch-Site is cross-site/),
    })
  })
})
