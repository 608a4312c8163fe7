'use server'

import { redirect } from 'next/navigation'
import { setPasswordFromLink } from '@/lib/auth/passwords'
import { errorMessage, log } from '@/lib/log'

export interface SetPasswordState {
  errors: Record<string, string[]>
  error: string | null
}

const UNAVAILABLE =
  'Your password could not be saved just now. Try again in a minute.'

export async function setPasswordWithForm(
  token: string,
  _previous: SetPasswordState,
  form: FormData,
): Promise<SetPasswordState> {
  const input = {
    password: String(form.get('password') ?? ''),
    confirm: String(form.get('confirm') ?? ''),
  }
  const result = await setPasswordFromLink(token, input).catch(
    (error: unknown) => {
      log.error({ reason: errorMessage(error) }, 'setting a password failed')
      return { ok: false as const, error: UNAVAILABLE }
    },
  )
  if (!result.ok) {
    if ('errors' in result) return { errors: result.errors, error: null }
    return { errors: {}, error: result.error }
  }
  redirect('/login?password=saved')
}
