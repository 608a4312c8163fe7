import { type APIResponse, expect, test } from '@playwright/test'
import {
  anonymousApi,
  apiAs,
  FROM_PORTAL,
  PASSWORD,
  requestsWithCookiesOf,
  signIn,
  staffCode,
  ticketsOf,
} from './support'

// The session cookie over plain HTTP, as a browser or a script sees it:
// out of reach of scripts, new at every sign-in, worthless after sign-out,
// and no session at all for staff until their second factor.

const SESSION_TOKEN = /portal\.session_token=([^;]*)/

/** The session cookie a response sets, as its Set-Cookie line. */
function sessionCookieSet(response: APIResponse) {
  return response
    .headersArray()
    .filter(({ name }) => name.toLowerCase() === 'set-cookie')
    .map(({ value }) => value)
    .find((line) => SESSION_TOKEN.exec(line)?.[1])
}

function tokenOf(line: string | undefined) {
  return line && SESSION_TOKEN.exec(line)?.[1]
}

test('a sign-in sets the session cookie HttpOnly and SameSite=Lax, out of reach of scripts', async ({
  page,
}) => {
  const api = await anonymousApi()
  const response = await api.post('/api/session', {
    data: { email: 'customer-a@example.com', password: PASSWORD },
  })
  expect(response.status()).toBe(200)
  const line = sessionCookieSet(response)
  expect(line).toMatch(/;\s*HttpOnly(;|$)/i)
  expect(line).toMatch(/;\s*SameSite=Lax(;|$)/i)
  expect(line).toMatch(/;\s*Path=\/(;|$)/i)

  await signIn(page, 'customer-a@example.com')
  expect(await page.evaluate(() => document.cookie)).not.toContain('session')
  const cookies = await page.context().cookies()
  const session = cookies.find((c) => c.name.endsWith('session_token'))
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' })
})

test('every sign-in issues a new session cookie, and a planted one is not kept', async () => {
  const api = await anonymousApi()
  const tokens = new Set<string | undefined>()
  for (let i = 0; i < 3; i += 1) {
    const response = await api.post('/api/session', {
      data: { email: 'customer-a@example.com', password: PASSWORD },
    })
    tokens.add(tokenOf(sessionCookieSet(response)))
  }
  expect(tokens.size).toBe(3)

  const attacker = await apiAs('customer-b@example.com')
  const victim = await requestsWithCookiesOf(attacker)
  const response = await victim.post('/api/session', {
    data: { email: 'customer-a@example.com', password: PASSWORD },
    headers: FROM_PORTAL,
  })
  const planted = (await attacker.storageState()).cookies.find((c) =>
    c.name.endsWith('session_token'),
  )
  expect(tokenOf(sessionCookieSet(response))).not.toBe(planted?.value)
  const attackerSees = (await ticketsOf(attacker)).map((t) => t.clientName)
  expect(new Set(attackerSees)).toEqual(new Set(['Brightwater Logistics']))
})

test('after sign-out a copy of the old cookie gets 401', async () => {
  const api = await apiAs('customer-a@example.com')
  const copy = await requestsWithCookiesOf(api)
  expect((await copy.get('/api/tickets')).status()).toBe(200)

  const out = await api.delete('/api/session', { headers: FROM_PORTAL })
  expect(out.status()).toBe(204)
  expect((await copy.get('/api/tickets')).status()).toBe(401)
  expect((await api.get('/api/tickets')).status()).toBe(401)
})

test('staff signed in with a password only reach nothing until they enter their code', async () => {
  const api = await anonymousApi()
  const first = await api.post('/api/session', {
    data: { email: 'staff@example.com', password: PASSWORD },
  })
  expect(await first.json()).toEqual({ secondFactor: true })
  expect(sessionCookieSet(first)).toBeUndefined()
  for (const route of ['/api/escalations', '/api/audit', '/api/tickets']) {
    expect.soft((await api.get(route)).status(), route).toBe(401)
  }
  const page = await api.get('/escalations', { maxRedirects: 0 })
  expect(page.headers().location).toMatch(/^\/login\?next=/)

  const code = await api.post('/api/session/code', {
    data: { code: await staffCode() },
  })
  expect(await code.json()).toEqual({ signedIn: true })
  expect((await api.get('/api/escalations')).status()).toBe(200)
})
