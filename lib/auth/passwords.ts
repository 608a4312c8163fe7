import { isAPIError } from 'better-auth/api'
import { z } from 'zod'
import { log } from '../log'
import type { FieldErrors } from '../tickets/fields'
import { getAuth } from './auth'
import { PASSWORD_MAX, PASSWORD_MIN } from './password-rules'
import { emailField } from './session'
import { mayMailReset } from './throttle'

// Choosing a password from a one-time link (an invitation or a reset), and
// asking for a reset link. Both go through better-auth; the link's token
// works once and expires.

export const LINK_EXPIRED =
  'This link has expired or has been used already. Ask for a new one from ' +
  'the sign-in page ("Forgot your password?") or from whoever invited you.'

const TOKEN_SHAPE = /^[\w-]{10,100}$/

/** Whether a one-time link still works, so a dead one says so at once. */
export async function isLinkAlive(token: string): Promise<boolean> {
  if (!TOKEN_SHAPE.test(token)) return false
  const context = await getAuth().$context
  const found = await context.internalAdapter.findVerificationValue(
    `reset-password:${token}`,
  )
  return found !== null && found.expiresAt > new Date()
}

export const newPasswordSchema = z
  .object({
    password: z
      .string({ error: 'Choose a password.' })
      .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
      .max(PASSWORD_MAX, `A password is at most ${PASSWORD_MAX} characters.`),
    confirm: z.string({ error: 'Type the password again.' }),
  })
  .refine((value) => value.password === value.confirm, {
    path: ['confirm'],
    message: 'The two passwords are not the same.',
  })

export type SetPasswordResult =
  | { ok: true }
  | { ok: false; errors: FieldErrors }
  | { ok: false; error: string }

export async function setPasswordFromLink(
  token: string,
  input: unknown,
): Promise<SetPasswordResult> {
  const parsed = newPasswordSchema.safeParse(input)
  if (!parsed.success) {
    return { ok: false, errors: z.flattenError(parsed.error).fieldErrors }
  }
  if (!TOKEN_SHAPE.test(token)) return { ok: false, error: LINK_EXPIRED }
  try {
    await getAuth().api.resetPassword({
      body: { token, newPassword: parsed.data.password },
    })
    log.info('password set from a one-time link')
    return { ok: true }
  } catch (error) {
    if (!isAPIError(error) || error.statusCode !== 400) throw error
    log.info({ why: error.message }, 'one-time link refused')
    return { ok: false, error: LINK_EXPIRED }
  }
}

export const resetRequestSchema = z.object({
  email: emailField(
    'Enter your email address.',
    'Enter the email address you sign in with.',
  ),
})

/** Always the same answer, so that it tells nobody who has an account. */
export async function requestReset(
  input: unknown,
): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  const parsed = resetRequestSchema.safeParse(input)
  if (!parsed.success) {
    return { ok: false, errors: z.flattenError(parsed.error).fieldErrors }
  }
  const { email } = parsed.data
  if (await mayMailReset(email)) {
    await getAuth().api.requestPasswordReset({ body: { email } })
  } else {
    log.warn({ email }, 'reset link not mailed: too many asked for of late')
  }
  return { ok: true }
}
