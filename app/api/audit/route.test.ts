import { NextRequest } from 'next/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signInWithPassword } from '@/lib/auth/session'
import { startTestStack, type TestStack } from '@/tests/stack'
import { seedViewers, TEST_PASSWORD } from '@/tests/viewers'
import { GET } from './route'

// The trail is for staff: to anyone else the route is not there. Called
// as Next calls it, with the session cookie a real sign-in sets.

let stack: TestStack

beforeAll(async () => {
  stack = await startTestStack()
  await seedViewers(stack.db, stack.halo)
})
afterAll(async () => {
  await stack?.close()
})

const URL = 'http://127.0.0.1/api/audit'

/** The Cookie header a browser sends after signing in as this customer. */
async function customerCookie(email: string) {
  const result = await signInWithPassword(
    { email, password: TEST_PASSWORD },
    new Headers({ 'x-forwarded-for': '192.0.2.10' }),
  )
  if (result.outcome !== 'signed-in') throw new Error(result.outcome)
  return result.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ')
}

describe('GET /api/audit', () => {
  it('asks an anonymous caller to sign in', async () => {
    const response = await GET(new NextRequest(URL))
    expect(response.status).toBe(401)
  })

  it('does not exist for a customer', async () => {
    const cookie = await customerCookie('customer-a@example.com')
    const response = await GET(new NextRequest(URL, { headers: { cookie } }))
    expect(response.status).toBe(404)
    expect(await response.json()).not.toHaveProperty('entries')
  })
})
