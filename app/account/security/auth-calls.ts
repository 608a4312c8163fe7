import 'server-only'
import { isAPIError } from 'better-auth/api'
import { headers } from 'next/headers'
import { clientAddress, getThrottle, recordFailure } from '@/lib/auth/throttle'
import { errorMessage, log } from '@/lib/log'
import type { Viewer } from '@/lib/viewer'

// The security page's calls into better-auth, made with the request's
// headers (its session cookie; nextCookies() writes the rotated one), and
// what a refusal means for the reader. better-auth's own words stay in the
// log: they are for developers, and some name its internals.

export type Refusal =
  | { refusal: 'wrong-password' }
  | { refusal: 'wrong-code' }
  | { refusal: 'throttled'; retryAfterSeconds: number }
  /** The factor changed since the page was drawn (another tab, say). */
  | { refusal: 'out-of-date' }
  | { refusal: 'failed' }

export type AuthAnswer<T> = { ok: true; value: T } | ({ ok: false } & Refusal)

type Kind = 'wrong-password' | 'wrong-code' | 'out-of-date' | 'failed'

const KIND_OF_CODE: Record<string, Kind> = {
  INVALID_PASSWORD: 'wrong-password',
  INVALID_CODE: 'wrong-code',
  TOTP_NOT_ENABLED: 'out-of-date',
  TOTP_ALREADY_ENABLED: 'out-of-date',
  TWO_FACTOR_NOT_ENABLED: 'out-of-date',
  BACKUP_CODES_NOT_ENABLED: 'out-of-date',
}

function kindOf(error: unknown): Kind {
  if (!isAPIError(error)) return 'failed'
  const code = (error.body as { code?: unknown } | undefined)?.code
  return (typeof code === 'string' && KIND_OF_CODE[code]) || 'failed'
}

function logRefusal(viewer: Viewer, step: string, kind: Kind, error: unknown) {
  const fields = {
    userId: viewer.userId,
    step,
    status: isAPIError(error) ? error.statusCode : undefined,
    reason: errorMessage(error),
  }
  if (kind === 'failed') log.error(fields, 'account security step failed')
  else log.info({ ...fields, kind }, 'account security step refused')
}

/** One better-auth call as the viewer; every failure comes back as data. */
export async function callAuth<T>(
  viewer: Viewer,
  step: string,
  call: (requestHeaders: Headers) => Promise<T>,
): Promise<AuthAnswer<T>> {
  try {
    return { ok: true, value: await call(await headers()) }
  } catch (error) {
    const kind = kindOf(error)
    logRefusal(viewer, step, kind, error)
    return { ok: false, refusal: kind }
  }
}

/**
 * A call that checks the viewer's password. Wrong passwords count against
 * the account and address as failed sign-ins do, so that a session left
 * open on a shared computer cannot be used to guess the password.
 */
export async function callWithPassword<T>(
  viewer: Viewer,
  step: string,
  call: (requestHeaders: Headers) => Promise<T>,
): Promise<AuthAnswer<T>> {
  const gate = await callAuth(viewer, `${step}: throttle`, async (h) => {
    const address = clientAddress(h)
    return { address, throttled: await getThrottle(viewer.email, address) }
  })
  if (!gate.ok) return gate
  const { address, throttled } = gate.value
  if (throttled) {
    log.warn({ userId: viewer.userId, step }, 'password check throttled')
    return { ok: false, refusal: 'throttled', ...throttled }
  }

  const answer = await callAuth(viewer, step, call)
  if (!answer.ok && answer.refusal === 'wrong-password') {
    await callAuth(viewer, `${step}: count`, () =>
      recordFailure(viewer.email, address),
    )
  }
  return answer
}
