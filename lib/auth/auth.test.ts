import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestStack, type TestStack } from '../../tests/stack'
import { seedViewers, TEST_PASSWORD } from '../../tests/viewers'
import { DEMO_STAFF_TOTP_SECRET } from '../demo/accounts'
import { getAuth } from './auth'
import { signInWithPassword, signOut, viewerOfHeaders } from './session'

// Sign-in against the real database: sessions, throttling, second factors.

let stack: TestStack

beforeAll(async () => {
  stack = await startTestStack({
    SIGN_IN_MAX_FAILURES: '3',
    SIGN_IN_MAX_ADDRESS_FAILURES: '6',
  })
  await seedViewers(stack.db, stack.halo)
})

afterAll(async () => {
  await stack?.close()
})

/** A browser's Cookie header after the answers' Set-Cookie lines. */
function cookiesAfter(...answers: Headers[]): Headers {
  const jar = new Map<string, string>()
  for (const answer of answers) {
    for (const line of answer.getSetCookie()) {
      const [pair = ''] = line.split(';')
      const [name = '', value = ''] = pair.split('=')
      if (value === '') jar.delete(name)
      else jar.set(name, value)
    }
  }
  const cookie = [...jar].map(([n, v]) => `${n}=${v}`).join('; ')
  return new Headers({ cookie, 'x-forwarded-for': '198.51.100.7' })
}

function from(address: string): Headers {
  return new Headers({ 'x-forwarded-for': address })
}

async function signedIn(email: string, address = '192.0.2.1') {
  const result = await signInWithPassword(
    { email, password: TEST_PASSWORD },
    from(address),
  )
  if (result.outcome !== 'signed-in') throw new Error(result.outcome)
  return cookiesAfter(result.headers)
}

async function currentCode(): Promise<string> {
  const { code } = await getAuth().api.generateTOTP({
    body: { secret: DEMO_STAFF_TOTP_SECRET },
  })
  return code
}

describe('signing in', () => {
  it('opens a new session each time, in an HttpOnly SameSite cookie', async () => {
    const result = await signInWithPassword(
      { email: 'customer-a@example.com', password: TEST_PASSWORD },
      from('192.0.2.1'),
    )
    expect(result.outcome).toBe('signed-in')
    if (result.outcome !== 'signed-in') return
    const [line = ''] = result.headers.getSetCookie()
    expect(line).toMatch(/HttpOnly/i)
    expect(line).toMatch(/SameSite=Lax/i)

    const first = cookiesAfter(result.headers)
    const second = await signedIn('customer-a@example.com')
    expect(second.get('cookie')).not.toBe(first.get('cookie'))
    const viewer = await viewerOfHeaders(second)
    expect(viewer?.email).toBe('customer-a@example.com')
  })

  it('is refused with a wrong password, like an unknown account', async () => {
    const wrong = await signInWithPassword(
      { email: 'customer-b@example.com', password: 'not it' },
      from('192.0.2.2'),
    )
    const unknown = await signInWithPassword(
      { email: 'nobody@example.com', password: 'not it' },
      from('192.0.2.2'),
    )
    expect(wrong).toEqual({ outcome: 'wrong' })
    expect(unknown).toEqual({ outcome: 'wrong' })
  })

  it('revokes the session at sign-out, even for a copied cookie', async () => {
    const cookies = await signedIn('customer-b@example.com')
    const copy = new Headers(cookies)
    await signOut(cookies)
    expect(await viewerOfHeaders(copy)).toBeNull()
  })

  it('refuses a disabled account and ends its sessions', async () => {
    const cookies = await signedIn('admin-a@example.com')
    await stack.db.portalUser.update({
      where: { email: 'admin-a@example.com' },
      data: { disabledAt: new Date() },
    })
    expect(await viewerOfHeaders(cookies)).toBeNull()
    const again = await signInWithPassword(
      { email: 'admin-a@example.com', password: TEST_PASSWORD },
      from('192.0.2.3'),
    )
    expect(again.outcome).toBe('wrong')
    await stack.db.portalUser.update({
      where: { email: 'admin-a@example.com' },
      data: { disabledAt: null },
    })
  })
})

describe('throttling', () => {
  it('locks an account after repeated failures, even with the right password', async () => {
    const email = 'customer-b@example.com'
    for (let i = 0; i < 3; i++) {
      await signInWithPassword(
        { email, password: 'guess' },
        from(`203.0.113.${i}`),
      )
    }
    const right = await signInWithPassword(
      { email, password: TEST_PASSWORD },
      from('203.0.113.99'),
    )
    expect(right.outcome).toBe('throttled')
    if (right.outcome === 'throttled') {
      expect(right.retryAfterSeconds).toBeGreaterThan(0)
    }
    await stack.db.signInThrottle.deleteMany()
  })

  it('locks an address that tries many accounts', async () => {
    for (let i = 0; i < 6; i++) {
      await signInWithPassword(
        { email: `guess-${i}@example.com`, password: 'guess' },
        from('203.0.113.200'),
      )
    }
    const result = await signInWithPassword(
      { email: 'customer-a@example.com', password: TEST_PASSWORD },
      from('203.0.113.200'),
    )
    expect(result.outcome).toBe('throttled')
    const elsewhere = await signInWithPassword(
      { email: 'customer-a@example.com', password: TEST_PASSWORD },
      from('203.0.113.201'),
    )
    expect(elsewhere.outcome).toBe('signed-in')
    await stack.db.signInThrottle.deleteMany()
  })
})

describe('the second factor', () => {
  it('gives staff no session for the password alone', async () => {
    const result = await signInWithPassword(
      { email: 'staff@example.com', password: TEST_PASSWORD },
      from('192.0.2.10'),
    )
    expect(result.outcome).toBe('second-factor')
    if (result.outcome !== 'second-factor') return
    const challenge = cookiesAfter(result.headers)
    expect(await viewerOfHeaders(challenge)).toBeNull()

    await expect(
      getAuth().api.verifyTOTP({
        body: { code: '000000' },
        headers: challenge,
      }),
    ).rejects.toThrow()
    const answer = await getAuth().api.verifyTOTP({
      body: { code: await currentCode() },
      headers: challenge,
      returnHeaders: true,
    })
    const session = cookiesAfter(result.headers, answer.headers)
    const viewer = await viewerOfHeaders(session)
    expect(viewer?.role).toBe('staff')
  })
})
