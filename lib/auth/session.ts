import { createHash, randomBytes } from 'node:crypto'
import { z } from 'zod'
import { dbNow, getDb } from '../db/client'
import { getEnv } from '../env'
import { log } from '../log'
import type { Viewer } from '../viewer'
import { verifyPassword } from './password'

// Server-side sessions: the cookie carries a random token, the database
// keeps its hash and expiry. Signing out deletes the row.

export const SESSION_COOKIE = 'portal_session'

export const signInSchema = z.object({
  email: z
    .string({ error: 'Enter your email address.' })
    .trim()
    .pipe(z.email('Enter the email address you were invited with.')),
  password: z
    .string({ error: 'Enter your password.' })
    .min(1, 'Enter your password.'),
})

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

interface SessionRow {
  id: string
  email: string
  name: string
  role: Viewer['role']
  client_id: string | null
  halo_user_id: number | null
  client_halo_id: number | null
  client_name: string | null
}

export interface NewSession {
  token: string
  expiresAt: Date
}

/**
 * The user's id when the email and password match an account.
 *
 * Not yet safe against guessing: failed sign-ins are not throttled, and an
 * unknown email answers faster than a wrong password (scrypt runs only for
 * real accounts). Fixing both means a per-account and per-address failure
 * count, and hashing against a dummy hash when the email is unknown.
 */
export async function checkCredentials(email: string, password: string) {
  const user = await getDb().portalUser.findUnique({
    where: { email: email.toLowerCase() },
  })
  const ok = user ? await verifyPassword(password, user.passwordHash) : false
  log.info({ email, ok }, 'sign-in attempt')
  return ok && user ? user.id : null
}

export async function createSession(userId: string): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url')
  const hours = getEnv().SESSION_TTL_HOURS
  const now = await dbNow(getDb())
  const expiresAt = new Date(now.getTime() + hours * 3_600_000)
  await getDb().session.create({
    data: { tokenHash: hashToken(token), userId, expiresAt },
  })
  return { token, expiresAt }
}

export async function endSession(token: string) {
  await getDb().session.deleteMany({ where: { tokenHash: hashToken(token) } })
}

/** The viewer a session token belongs to; null when unknown or expired. */
export async function viewerOfToken(
  token: string | undefined,
): Promise<Viewer | null> {
  if (!token) return null
  // One query per request; expiry on the database's clock, like every
  // deadline in the portal.
  const rows = await getDb().$queryRaw<SessionRow[]>`
    SELECT u.id, u.email, u.name, u.role::text AS role, u.client_id,
           u.halo_user_id, c.halo_id AS client_halo_id, c.name AS client_name
      FROM sessions s
      JOIN portal_users u ON u.id = s.user_id
      LEFT JOIN clients c ON c.id = u.client_id
     WHERE s.token_hash = ${hashToken(token)} AND s.expires_at > now()`
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
  }
}
