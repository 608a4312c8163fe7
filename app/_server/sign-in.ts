import 'server-only'
import { z } from 'zod'
import {
  checkCredentials,
  createSession,
  type NewSession,
  signInSchema,
  viewerOfToken,
} from '@/lib/auth/session'
import type { Viewer } from '@/lib/viewer'

// Signing in, shared by POST /api/session and the sign-in form: check the
// credentials, open a session, and say who it belongs to.

export const WRONG_CREDENTIALS = 'Email or password is not right.'

export type SignInResult =
  | { ok: true; session: NewSession; viewer: Viewer }
  | { ok: false; errors: Record<string, string[]> }
  | { ok: false; error: string }

export async function signIn(input: unknown): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(input)
  if (!parsed.success) {
    return { ok: false, errors: z.flattenError(parsed.error).fieldErrors }
  }

  const { email, password } = parsed.data
  const userId = await checkCredentials(email, password)
  if (!userId) return { ok: false, error: WRONG_CREDENTIALS }

  const session = await createSession(userId)
  const viewer = await viewerOfToken(session.token)
  if (!viewer) throw new Error('a session just created was not found')
  return { ok: true, session, viewer }
}
