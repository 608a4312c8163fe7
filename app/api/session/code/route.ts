import { withWriteChecks } from '@/app/_server/respond'
import { answerStep, verifySecondFactor } from '@/app/_server/sign-in'

// The second step of signing in: { code } from the authenticator app or a
// recovery code, with the challenge cookie POST /api/session set.

export const dynamic = 'force-dynamic'

export const POST = withWriteChecks(
  'POST /api/session/code',
  async (request: Request, _context: unknown, body: unknown) => {
    const answer = await verifySecondFactor(body ?? {}, request.headers)
    return answerStep(answer, async () => ({ signedIn: true }))
  },
)
