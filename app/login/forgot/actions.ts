'use server'

import { requestReset } from '@/lib/auth/passwords'
import { errorMessage, log } from '@/lib/log'

export interface ForgotState {
  email: string
  errors: Record<string, string[]>
  sent: boolean
  error: string | null
}

export async function requestResetWithForm(
  _previous: ForgotState,
  form: FormData,
): Promise<ForgotState> {
  const email = String(form.get('email') ?? '')
  try {
    const result = await requestReset({ email })
    if (!result.ok)
      return { email, errors: result.errors, sent: false, error: null }
    return { email, errors: {}, sent: true, error: null }
  } catch (error) {
    log.error({ reason: errorMessage(error) }, 'password reset request failed')
    const error_ =
      'Your request could not be taken just now. Try again in a minute.'
    return { email, errors: {}, sent: false, error: error_ }
  }
}
