import { RateLimiterPrisma, type RateLimiterRes } from 'rate-limiter-flexible'
import { getDb } from '../db/client'
import { getEnv } from '../env'
import { log } from '../log'

// Failed sign-ins are counted per account and per address in PostgreSQL
// (rate-limiter-flexible's Prisma store), so every web process sees the same
// counts and a restart does not forgive them. A success clears the
// account's count; the address's count runs out by itself.
//
// Anyone who knows an address can keep its account locked by failing five
// times in each window; a successful reset lifts the lock (lib/auth/reset.ts)
// so its owner is never stuck. Slowing each failure instead of counting to
// a lock would take the teeth out of that, at the cost of a slower guesser
// rather than a stopped one.
//
// The address is the first X-Forwarded-For entry. Next fills that header
// from the socket only when it is absent, so without a proxy in front that
// overwrites it a client can name its own address and dodge the per-address
// limit (the per-account one still holds). Behind a proxy, have it set the
// header rather than append to it.

export interface Throttled {
  retryAfterSeconds: number
}

interface Limiters {
  account: RateLimiterPrisma
  address: RateLimiterPrisma
  resetMail: RateLimiterPrisma
  usedCodes: RateLimiterPrisma
}

/** An authenticator code is good for 30 s either side of its own 30 s. */
const CODE_LIFE_SECONDS = 90

/** Reset links mailed to one address per lock window, at most. */
const RESET_MAILS_PER_WINDOW = 3

let limiters: Limiters | undefined

function getLimiters(): Limiters {
  if (limiters) return limiters
  const env = getEnv()
  const common = {
    storeClient: getDb(),
    tableName: 'signInThrottle',
    duration: env.SIGN_IN_LOCK_MINUTES * 60,
  }
  limiters = {
    account: new RateLimiterPrisma({
      ...common,
      keyPrefix: 'account',
      points: env.SIGN_IN_MAX_FAILURES,
    }),
    address: new RateLimiterPrisma({
      ...common,
      keyPrefix: 'address',
      points: env.SIGN_IN_MAX_ADDRESS_FAILURES,
    }),
    resetMail: new RateLimiterPrisma({
      ...common,
      keyPrefix: 'reset-mail',
      points: RESET_MAILS_PER_WINDOW,
    }),
    usedCodes: new RateLimiterPrisma({
      ...common,
      keyPrefix: 'used-code',
      points: 1,
      duration: CODE_LIFE_SECONDS,
    }),
  }
  return limiters
}

function exhausted(res: RateLimiterRes | null, points: number): number {
  if (!res || res.consumedPoints < points) return 0
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000))
}

/** Whether this account or address has failed too often of late. */
export async function getThrottle(
  email: string,
  address: string | null,
): Promise<Throttled | null> {
  const { account, address: byAddress } = getLimiters()
  const [accountRes, addressRes] = await Promise.all([
    account.get(email),
    address ? byAddress.get(address) : null,
  ])
  const wait = Math.max(
    exhausted(accountRes, account.points),
    exhausted(addressRes, byAddress.points),
  )
  return wait > 0 ? { retryAfterSeconds: wait } : null
}

/** Counts one failed sign-in against the account and the address. */
export async function recordFailure(email: string, address: string | null) {
  const { account, address: byAddress } = getLimiters()
  await Promise.all([
    account.penalty(email),
    address ? byAddress.penalty(address) : null,
  ])
  log.info({ email, address }, 'sign-in failure counted')
}

/** A successful sign-in forgives the account's earlier failures. */
export async function clearFailures(email: string) {
  await getLimiters().account.delete(email)
}

/** The client's address as Next saw it; null when it cannot tell. */
export function clientAddress(headers: Headers): string | null {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim()
  return forwarded || null
}

/**
 * Whether another reset link may be mailed to this address now; counts the
 * request. Keeps anyone from flooding a mailbox through the reset form.
 */
export async function mayMailReset(email: string): Promise<boolean> {
  const res = await getLimiters()
    .resetMail.consume(email)
    .catch((refused: RateLimiterRes) => refused)
  return res.remainingPoints > 0 || res.consumedPoints <= RESET_MAILS_PER_WINDOW
}

/**
 * Marks an authenticator code as used by this user; false when it was used
 * already within its life. better-auth accepts a valid code any number of
 * times, so a code seen over a shoulder would open a second session.
 */
export async function claimCode(userId: string, code: string) {
  return getLimiters()
    .usedCodes.consume(`${userId}:${code}`)
    .then(() => true)
    .catch((refused: unknown) => {
      if (refused instanceof Error) throw refused
      return false
    })
}

/** Whether this user has signed in with this code within its life. */
export async function isCodeClaimed(userId: string, code: string) {
  const res = await getLimiters().usedCodes.get(`${userId}:${code}`)
  return (res?.consumedPoints ?? 0) > 0
}
