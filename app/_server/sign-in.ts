import 'server-only'
import { isAPIError } from 'better-auth/api'
import { headers } from 'next/headers'
import { z } from 'zod'
import { getAuth } from '@/lib/auth/auth'
import { signInSchema, signInWithPassword } from '@/lib/auth/session'
import { claimCode } from '@/lib/auth/throttle'
import { getDb } from '@/lib/db/client'
import { errorMessage, log } from '@/lib/log'
import type { SignInState } from '../login/sign-in-state'
import { json } from './respond'

// Signing in, shared by POST /api/session and the sign-in forms: the words
// each outcome shows, and the second step for accounts with a second factor.
// Session cookies are set by better-auth through next/headers.

export const WRONG_CREDENTIALS = 'Email or password is not right.'
export const WRONG_CODE =
  'That code is not right, or it has expired. Enter the code your ' +
  'authenticator app shows now, or one of your recovery codes.'
export const CHALLENGE_EXPIRED =
  'Your sign-in took too long. Enter your email and password again.'

/** better-auth's reasons for refusing a code, in the reader's words. */
const CODE_WORDS: Record<string, string> = {
  INVALID_TWO_FACTOR_COOKIE: CHALLENGE_EXPIRED,
  TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE:
    'Too many wrong codes. Enter your email and password again for a new ' +
    'try.',
  ACCOUNT_TEMPORARILY_LOCKED:
    'Too many wrong codes for this account: it is locked for a while. Try ' +
    'again later, or call the service desk.',
}

export type SignInAnswer =
  | { ok: true; secondFactor: boolean; userId?: string }
  | { ok: false; status: 400; errors: Record<string, string[]> }
  | { ok: false; status: 401 | 429; error: string }

export function throttledMessage(seconds: number): string {
  const minutes = Math.ceil(seconds / 60)
  return (
    'Too many failed sign-ins for this account or address. Try again in ' +
    `${minutes} minute${minutes === 1 ? '' : 's'}, or reset your password.`
  )
}

export async function signIn(
  input: unknown,
  headers: Headers,
): Promise<SignInAnswer> {
  const parsed = signInSchema.safeParse(input)
  if (!parsed.success) {
    const errors = z.flattenError(parsed.error).fieldErrors
    return { ok: false, status: 400, errors }
  }

  const result = await signInWithPassword(parsed.data, headers)
  switch (result.outcome) {
    case 'signed-in':
      return { ok: true, secondFactor: false, userId: result.userId }
    case 'second-factor':
      return { ok: true, secondFactor: true }
    case 'throttled': {
      const error = throttledMessage(result.retryAfterSeconds)
      return { ok: false, status: 429, error }
    }
    case 'wrong':
      return { ok: false, status: 401, error: WRONG_CREDENTIALS }
  }
}

export const codeSchema = z.object({
  code: z
    .string({ error: 'Enter the code from your authenticator app.' })
    .trim()
    .min(6, 'Enter the code from your authenticator app.')
    .max(20, 'A code is at most 20 characters.'),
})

/**
 * The second step: a six-digit code from the app, or a recovery code. The
 * challenge cookie from the first step says whose; better-auth limits the
 * tries per challenge and locks the factor after repeated failures.
 */
export async function verifySecondFactor(
  input: unknown,
  headers: Headers,
): Promise<SignInAnswer> {
  const parsed = codeSchema.safeParse(input)
  if (!parsed.success) {
    const errors = z.flattenError(parsed.error).fieldErrors
    return { ok: false, status: 400, errors }
  }

  const code = parsed.data.code.replace(/\s+/g, '')
  const api = getAuth().api
  try {
    if (/^\d{6}$/.test(code)) {
      const { token, user } = await api.verifyTOTP({ body: { code }, headers })
      if (!(await claimCode(user.id, code))) return refuseReplay(user.id, token)
    } else {
      await api.verifyBackupCode({ body: { code }, headers })
    }
    return { ok: true, secondFactor: false }
  } catch (error) {
    if (!isAPIError(error)) throw error
    const why = (error.body as { code?: unknown } | undefined)?.code
    log.info({ status: error.statusCode, why }, 'code refused')
    const words = (typeof why === 'string' && CODE_WORDS[why]) || WRONG_CODE
    return { ok: false, status: 401, error: words }
  }
}

export const CODE_USED =
  'That code has been used already. Wait for your app to show the next ' +
  'one, and enter that.'

/** A code used twice: the session it just opened is closed again. */
async function refuseReplay(userId: string, token: string) {
  await getDb().session.deleteMany({ where: { token } })
  log.warn({ userId }, 'authenticator code used twice; session closed')
  return { ok: false as const, status: 401 as const, error: CODE_USED }
}

const UNAVAILABLE =
  'Signing in is not possible right now. Try again in a minute.'

/** Runs a step with the request's headers; a fault reads as a refusal. */
export async function attempt(
  step: (headers: Headers) => Promise<SignInAnswer>,
): Promise<SignInAnswer> {
  try {
    return await step(await headers())
  } catch (error) {
    log.error({ reason: errorMessage(error) }, 'sign-in failed')
    return { ok: false, status: 401, error: UNAVAILABLE }
  }
}

/** What a refused step shows; the typed email comes back, nothing else. */
export function refusal(answer: SignInAnswer, email = ''): SignInState {
  if (answer.ok) return { email, errors: {}, error: null }
  if ('errors' in answer) return { email, errors: answer.errors, error: null }
  return { email, errors: {}, error: answer.error }
}

/** A JSON route's answer to a sign-in step: the refusal, or `ok`'s body. */
export async function answerStep(
  answer: SignInAnswer,
  ok: () => Promise<object>,
): Promise<Response> {
  if (answer.ok) return json(await ok())
  const { status, ...refusal } = answer
  return json(refusal, status)
}
