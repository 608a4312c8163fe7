import { betterAuth } from 'better-auth'
import { prismaAdapter } from 'better-auth/adapters/prisma'
import { nextCookies } from 'better-auth/next-js'
import { twoFactor } from 'better-auth/plugins'
import { getDb } from '../db/client'
import { getEnv, portalUrl, requireSetting } from '../env'
import { log } from '../log'
import { hashPassword, verifyPassword } from './password'
import { PASSWORD_MAX, PASSWORD_MIN } from './password-rules'
import { afterPasswordSet, mailResetLink } from './reset'

// Sign-in, sessions and two-factor codes come from better-auth (decision
// note 0006). Its HTTP handler is not mounted: the portal's own server
// actions and routes call auth.api, so every entry point is one the portal
// wrote, checked and tested, and nobody can sign up by themselves.

export const APP_NAME = 'Client portal'

/** How long a sign-in challenge (password accepted, code not yet) lasts. */
const CHALLENGE_SECONDS = 10 * 60

function createAuth() {
  const env = getEnv()
  const baseURL = portalUrl(env)
  return betterAuth({
    appName: APP_NAME,
    baseURL,
    secret: requireSetting('AUTH_SECRET'),
    telemetry: { enabled: false },
    database: prismaAdapter(getDb(), {
      provider: 'postgresql',
      transaction: true,
    }),
    user: { modelName: 'portalUser' },
    // Reset and invitation tokens are kept as hashes: a copy of the
    // database hands out no working links.
    verification: { storeIdentifier: 'hashed' },
    session: {
      expiresIn: env.SESSION_TTL_HOURS * 3600,
      // A session in use is extended at most once an hour.
      updateAge: 3600,
    },
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: PASSWORD_MIN,
      maxPasswordLength: PASSWORD_MAX,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: env.PASSWORD_RESET_TTL_MINUTES * 60,
      sendResetPassword: ({ user, token }) => mailResetLink(user.id, token),
      onPasswordReset: ({ user }) => afterPasswordSet(user),
      password: {
        hash: hashPassword,
        verify: ({ hash, password }) => verifyPassword(password, hash),
      },
    },
    rateLimit: {
      // Server-side calls are not rate limited by better-auth; failed
      // sign-ins are throttled in lib/auth/throttle.ts instead.
      enabled: false,
    },
    advanced: {
      database: { generateId: () => crypto.randomUUID() },
      cookiePrefix: 'portal',
      useSecureCookies: baseURL.startsWith('https://'),
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
    },
    logger: {
      log: (level, message, ...args) =>
        log[level]({ component: 'better-auth', args }, message),
    },
    plugins: [
      twoFactor({
        issuer: APP_NAME,
        twoFactorTable: 'twoFactor',
        twoFactorCookieMaxAge: CHALLENGE_SECONDS,
        backupCodeOptions: { amount: 10, length: 10 },
      }),
      // Last, so that it sees every cookie the others set.
      nextCookies(),
    ],
  })
}

export type Auth = ReturnType<typeof createAuth>

const globalForAuth = globalThis as typeof globalThis & { portalAuth?: Auth }

/** This process's better-auth instance, built on first use. */
export function getAuth(): Auth {
  globalForAuth.portalAuth ??= createAuth()
  return globalForAuth.portalAuth
}
