'use server'

import { cookies, headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { errorMessage, log } from '@/lib/log'
import { safeReturnPath } from '../_server/return-path'
import { isHttps, sessionCookie } from '../_server/session-cookie'
import { type SignInResult, signIn } from '../_server/sign-in'
import type { SignInState } from './sign-in-state'

const UNAVAILABLE =
  'Signing in is not possible right now. Try again in a minute.'

function text(value: FormDataEntryValue | null): string {
  return typeof value === 'string' ? value : ''
}

async function attempt(email: string, password: string): Promise<SignInResult> {
  try {
    return await signIn({ email, password })
  } catch (error) {
    log.error({ reason: errorMessage(error) }, 'sign-in failed')
    return { ok: false, error: UNAVAILABLE }
  }
}

export async function signInWithForm(
  _previous: SignInState,
  form: FormData,
): Promise<SignInState> {
  const email = text(form.get('email'))
  const result = await attempt(email, text(form.get('password')))
  if (!result.ok) {
    const errors = 'errors' in result ? result.errors : {}
    const error = 'error' in result ? result.error : null
    return { email, errors, error }
  }

  const store = await cookies()
  store.set(sessionCookie(result.session, isHttps(await headers())))
  redirect(safeReturnPath(form.get('next')))
}
