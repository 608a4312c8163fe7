import { withWriteChecks } from '@/app/_server/respond'
import { answerStep, signIn } from '@/app/_server/sign-in'
import { signOut, viewerOfUser } from '@/lib/auth/session'

// Sign in with { email, password }; sign out with DELETE. An account with a
// second factor answers { secondFactor: true } and continues at
// POST /api/session/code. The cookie is set through next/headers. Both are
// refused from another site: a forged sign-in would put the victim in the
// attacker's account.

export const dynamic = 'force-dynamic'

export const POST = withWriteChecks(
  'POST /api/session',
  async (request: Request, _context: unknown, body: unknown) => {
    const answer = await signIn(body ?? {}, request.headers)
    return answerStep(answer, async () =>
      answer.ok && answer.secondFactor
        ? { secondFactor: true }
        : { secondFactor: false, user: await whoIs(answer) },
    )
  },
)

export const DELETE = withWriteChecks(
  'DELETE /api/session',
  async (request: Request) => {
    await signOut(request.headers)
    return new Response(null, { status: 204 })
  },
)

/** Right after sign-in the new cookie is not in the request yet. */
async function whoIs(answer: { ok: boolean; userId?: string }) {
  const viewer = answer.userId ? await viewerOfUser(answer.userId) : null
  return viewer && { email: viewer.email, name: viewer.name, role: viewer.role }
}
