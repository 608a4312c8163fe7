import { createHash, randomBytes } from 'node:crypto'
import { z } from 'zod'
import { getDb } from '../db/client'
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

export interface NewSession {
  token: string
  expiresAt: Date
}

/** The user's id when the email and password match an account. */
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
  const expiresAt = new Date(Date.now() + hours * 3_600_000)
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
  const session = await getDb().session.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: { include: { client: true } } },
  })
  if (!session || session.expiresAt.getTime() < Date.now()) return null
  const { user } = session
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    clientId: user.clientId,
    clientHaloId: user.client?.haloId ?? null,
    clientName: user.client?.name ?? null,
    haloUserId: user.haloUserId,
  }
}
