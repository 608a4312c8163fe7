import {
  badBody,
  json,
  readJsonObject,
  withErrors,
} from '@/app/_server/respond'
import { signIn } from '@/app/_server/sign-in'
import { signOut, viewerOfUser } from '@/lib/auth/session'

// Sign in with { email, password }; sign out with DELETE. An account with a
// second factor answers { secondFactor: true } and continues at
// POST /api/session/code. The cookie is set through next/headers.

export const dynamic = 'force-dynamic'

export const POST = withErrors(
  'POST /api/session',
  async (request: Request) => {
    const body = await readJsonObject(request)
    if (!body) return badBody()

    const answer = await signIn(body, request.headers)
    if (!answer.ok) {
      const { status, ...rest } = answer
      return json(rest, status)
    }
    if (answer.secondFactor) return json({ secondFactor: true })
    return json({ secondFactor: false, user: await whoIs(answer.userId) })
  },
)

export const DELETE = withErrors(
  'DELETE /api/session',
  async (request: Request) => {
    await signOut(request.headers)
    return new Response(null, { status: 204 })
  },
)

/** Right after sign-in the new cookie is not in the request yet. */
async function whoIs(userId: string | undefined) {
  const viewer = userId ? await viewerOfUser(userId) : null
  return viewer && { email: viewer.email, name: viewer.name, role: viewer.role }
}
