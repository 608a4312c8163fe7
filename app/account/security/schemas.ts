import 'server-only'
import { z } from 'zod'
import { newPasswordSchema } from '@/lib/auth/passwords'
import { PASSWORD_MAX } from './state'

// What the security page's forms must hold before better-auth is asked.
// Server side only: the new password's rules come with lib/auth.

const TOO_LONG = `A password is at most ${PASSWORD_MAX} characters.`

function currentPassword(missing: string) {
  return z
    .string({ error: missing })
    .min(1, missing)
    .max(PASSWORD_MAX, TOO_LONG)
}

const passwordSchema = currentPassword('Enter your password.')

export type PasswordField =
  | { ok: true; password: string }
  | { ok: false; errors: Record<string, string[]> }

/** The password of a form that asks for nothing else, from field `name`. */
export function readPassword(value: unknown, name: string): PasswordField {
  const parsed = passwordSchema.safeParse(value)
  if (parsed.success) return { ok: true, password: parsed.data }
  return {
    ok: false,
    errors: { [name]: z.flattenError(parsed.error).formErrors },
  }
}

const ENTER_CODE = 'Enter the six-digit code your app shows.'

/** Spaces are dropped: apps show the code as "123 456". */
export const setupCodeSchema = z.object({
  code: z
    .string({ error: ENTER_CODE })
    .transform((code) => code.replace(/\s+/g, ''))
    .pipe(z.string().regex(/^\d{6}$/, ENTER_CODE)),
})

/** The new password's rules are the ones a set-password link has. */
export const changePasswordSchema = z
  .object({ currentPassword: currentPassword('Enter your current password.') })
  .and(newPasswordSchema)
  .refine((form) => form.password !== form.currentPassword, {
    path: ['password'],
    message: 'Choose a password other than your current one.',
  })

/** A form's fields, as zod's flattened errors name them. */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  return z.flattenError(error).fieldErrors as Record<string, string[]>
}
