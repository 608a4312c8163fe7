import {
  badBody,
  json,
  readJsonObject,
  withErrors,
} from '@/app/_server/respond'
import { verifySecondFactor } from '@/app/_server/sign-in'

// The second step of signing in: { code } from the authenticator app or a
// recovery code, with the challenge cookie POST /api/session set.

export const dynamic = 'force-dynamic'

export const POST = withErrors(
  'POST /api/session/code',
  async (request: Request) => {
    const body = await readJsonObject(request)
    if (!body) return badBody()

    const answer = await verifySecondFactor(body, request.headers)
    if (!answer.ok) {
      const { status, ...rest } = answer
      return json(rest, status)
    }
    return json({ signedIn: true })
  },
)
