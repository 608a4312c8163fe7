import { type NextRequest, NextResponse } from 'next/server'
import {
  badBody,
  json,
  readJsonObject,
  withErrors,
} from '@/app/_server/respond'
import { isHttps, sessionCookie } from '@/app/_server/session-cookie'
import { signIn } from '@/app/_server/sign-in'
import { endSession, SESSION_COOKIE } from '@/lib/auth/session'

// Sign in with { email, password }; sign out with DELETE.

export const dynamic = 'force-dynamic'

export const POST = withErrors(
  'POST /api/session',
  async (request: Request) => {
    const body = await readJsonObject(request)
    if (!body) return badBody()

    const result = await signIn(body)
    if (!result.ok) {
      return 'errors' in result
        ? json({ errors: result.errors }, 400)
        : json({ error: result.error }, 401)
    }

    const { email, name, role } = result.viewer
    const response = NextResponse.json({ user: { email, name, role } })
    response.headers.set('cache-control', 'no-store')
    response.cookies.set(
      sessionCookie(result.session, isHttps(request.headers)),
    )
    return response
  },
)

export const DELETE = withErrors(
  'DELETE /api/session',
  async (request: NextRequest) => {
    const token = request.cookies.get(SESSION_COOKIE)?.value
    if (token) await endSession(token)

    const response = new NextResponse(null, { status: 204 })
    response.cookies.delete(SESSION_COOKIE)
    return response
  },
)
