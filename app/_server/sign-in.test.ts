import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getAuth } from '@/lib/auth/auth'
import { signInWithPassword } from '@/lib/auth/session'
import { DEMO_STAFF_TOTP_SECRET } from '@/lib/demo/accounts'
import { startTestStack, type TestStack } from '@/tests/stack'
import { seedViewers, TEST_PASSWORD } from '@/tests/viewers'
import {
  CHALLENGE_EXPIRED,
  CODE_USED,
  verifySecondFactor,
  WRONG_CODE,
} from './sign-in'

// What a refused second step tells the reader: a wrong code is a wrong
// code, and only a missing or spent challenge means starting again.

let stack: TestStack

beforeAll(async () => {
  stack = await startTestStack()
  await seedViewers(stack.db, stack.halo)
})

afterAll(async () => {
  await stack?.close()
})

async function challenge(): Promise<Headers> {
  const result = await signInWithPassword(
    { email: 'staff@example.com', password: TEST_PASSWORD },
    new Headers(),
  )
  if (result.outcome !== 'second-factor') throw new Error(result.outcome)
  const cookie = result.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ')
  return new Headers({ cookie })
}

describe('the second step of signing in', () => {
  it('says a wrong code is not right, and keeps the challenge', async () => {
    const headers = await challenge()
    const answer = await verifySecondFactor({ code: '000000' }, headers)
    expect(answer).toEqual({ ok: false, status: 401, error: WRONG_CODE })
    const recovery = await verifySecondFactor({ code: 'abcde-fghij' }, headers)
    expect(recovery).toEqual({ ok: false, status: 401, error: WRONG_CODE })
  })

  it('takes a code once: the same code again opens no second session', async () => {
    const { code } = await getAuth().api.generateTOTP({
      body: { secret: DEMO_STAFF_TOTP_SECRET },
    })
    const sessions = () => stack.db.session.count()
    const first = await verifySecondFactor({ code }, await challenge())
    expect(first).toMatchObject({ ok: true })
    const opened = await sessions()
    const again = await verifySecondFactor({ code }, await challenge())
    expect(again).toEqual({ ok: false, status: 401, error: CODE_USED })
    expect(await sessions()).toBe(opened)
  })

  it('asks to start again when there is no challenge', async () => {
    const answer = await verifySecondFactor({ code: '123456' }, new Headers())
    expect(answer).toEqual({ ok: false, status: 401, error: CHALLENGE_EXPIRED })
  })

  it('names the field when the code is missing', async () => {
    const answer = await verifySecondFactor({}, new Headers())
    expect(answer).toMatchObject({ ok: false, status: 400 })
  })
})
