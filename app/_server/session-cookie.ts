import 'server-only'
import { type NewSession, SESSION_COOKIE } from '@/lib/auth/session'

// The one place that says how the session cookie is written, so the JSON
// route and the sign-in form set exactly the same cookie.

export function sessionCookie(session: NewSession, secure: boolean) {
  return {
    name: SESSION_COOKIE,
    value: session.token,
    httpOnly: true,
    sameSite: 'lax' as const,
    path: '/',
    secure,
    expires: session.expiresAt,
  }
}

/**
 * True when the browser reached us over https. Next sets
 * x-forwarded-proto from the socket when no proxy in front did.
 */
export function isHttps(headers: Headers): boolean {
  const proto = headers.get('x-forwarded-proto') ?? ''
  return proto.split(',')[0]?.trim() === 'https'
}
