import { isAPIError } from 'better-auth/api'
import { z } from 'zod'
import { getDb } from '../db/client'
import { log } from '../log'
import type { Viewer } from '../viewer'
import { getAuth } from './auth'
import { PASSWORD_MAX } from './password-rules'
import {
  clearFailures,
  clientAddress,
  getThrottle,
  recordFailure,
} from './throttle'

// Signing in and out, and who a request's session belongs to. Sessions are
// better-auth's (server-side rows, signed HttpOnly cookie, a new id at every
// sign-in); the portal adds throttling, disabled accounts and its viewer.

/** The longest address mail can carry (RFC 5321). */
const EMAIL_MAX = 254

/** An email address as every account form takes it: trimmed, lower case. */
export function emailField(missing: string, invalid: string) {
  return z
    .string({ error: missing })
    .trim()
    .toLowerCase()
    .max(EMAIL_MAX, `An email address is at most ${EMAIL_MAX} characters.`)
    .pipe(z.email(invalid))
}

export const signInSchema = z.object({
  email: emailField(
    'Enter your email address.',
    'Enter the email address you were invited with.',
  ),
  password: z
    .string({ error: 'Enter your password.' })
    .min(1, 'Enter your password.')
    .max(PASSWORD_MAX, `A password is at most ${PASSWORD_MAX} characters.`),
})

export type SignInInput = z.infer<typeof signInSchema>

export type PasswordResult =
  /** Signed in; `headers` carries the session cookie. */
  | { outcome: 'signed-in'; headers: Headers; userId: string }
  /** Password right; a second factor is due (a challenge cookie is set). */
  | { outcome: 'second-factor'; headers: Headers }
  | { outcome: 'wrong' }
  | { outcome: 'throttled'; retryAfterSeconds: number }

interface ViewerRow {
  id: string
  email: string
  name: string
  role: Viewer['role']
  client_id: string | null
  halo_user_id: number | null
  client_halo_id: number | null
  client_name: string | null
  two_factor_enabled: boolean
}

/**
 * Checks a password, throttled per account and per address. Unknown
 * accounts, disabled ones and wrong passwords answer alike, and take as long
 * (better-auth hashes the password even when there is no account).
 */
export async function signInWithPassword(
  input: SignInInput,
  headers: Headers,
): Promise<PasswordResult> {
  const address = clientAddress(headers)
  const throttled = await getThrottle(input.email, address)
  if (throttled) {
    log.warn({ email: input.email, address }, 'sign-in refused: throttled')
    return { outcome: 'throttled', ...throttled }
  }

  try {
    const answer = await getAuth().api.signInEmail({
      body: { email: input.email, password: input.password },
      headers,
      returnHeaders: true,
    })
    const disabled = await isDisabled(input.email)
    if (disabled) return await refuse(input.email, address, answer.headers)
    await clearFailures(input.email)
    const { response } = answer
    const secondFactor = !('user' in response)
    log.info({ email: input.email, secondFactor }, 'password accepted')
    if (!('user' in response)) {
      return { outcome: 'second-factor', headers: answer.headers }
    }
    const userId = response.user.id
    return { outcome: 'signed-in', headers: answer.headers, userId }
  } catch (error) {
    if (!isAPIError(error) || error.statusCode !== 401) throw error
    return refuse(input.email, address, null)
  }
}

async function refuse(
  email: string,
  address: string | null,
  opened: Headers | null,
): Promise<PasswordResult> {
  if (opened) await endSessionOf(opened)
  await recordFailure(email, address)
  log.info({ email, address }, 'sign-in refused')
  return { outcome: 'wrong' }
}

async function isDisabled(email: string): Promise<boolean> {
  const user = await getDb().portalUser.findUnique({
    where: { email },
    select: { disabledAt: true },
  })
  return user?.disabledAt != null
}

/** A session a refused sign-in opened anyway, closed again. */
async function endSessionOf(opened: Headers) {
  const cookie = opened
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ')
  await getAuth().api.signOut({ headers: new Headers({ cookie }) })
}

/** Ends the request's session, if it has one; the cookie is cleared. */
export async function signOut(headers: Headers) {
  await getAuth().api.signOut({ headers })
}

/** The viewer of a request's session; null when there is none. */
export async function viewerOfHeaders(
  headers: Headers,
): Promise<Viewer | null> {
  const found = await getAuth().api.getSession({ headers })
  if (!found) return null
  return viewerOfUser(found.user.id)
}

/** The viewer a user id stands for; null when disabled or unknown. */
export async function viewerOfUser(userId: string): Promise<Viewer | null> {
  const rows = await getDb().$queryRaw<ViewerRow[]>`
    SELECT u.id, u.email, u.name, u.role::text AS role, u.client_id,
           u.halo_user_id, u.two_factor_enabled,
           c.halo_id AS client_halo_id, c.name AS client_name
      FROM portal_users u
      LEFT JOIN clients c ON c.id = u.client_id
     WHERE u.id = ${userId}::uuid AND u.disabled_at IS NULL`
  const user = rows[0]
  if (!user) return null
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    clientId: user.client_id,
    clientHaloId: user.client_halo_id,
    clientName: user.client_name,
    haloUserId: user.halo_user_id,
    twoFactorEnabled: user.two_factor_enabled,
  }
}
