'use server'

import { redirect } from 'next/navigation'
import { safeReturnPath } from '../_server/return-path'
import {
  attempt,
  refusal,
  signIn,
  verifySecondFactor,
} from '../_server/sign-in'
import type { SignInState } from './sign-in-state'

function text(value: FormDataEntryValue | null): string {
  return typeof value === 'string' ? value : ''
}

export async function signInWithForm(
  _previous: SignInState,
  form: FormData,
): Promise<SignInState> {
  const email = text(form.get('email'))
  const password = text(form.get('password'))
  const answer = await attempt((h) => signIn({ email, password }, h))
  if (!answer.ok) return refusal(answer, email)

  const next = safeReturnPath(form.get('next'))
  if (answer.secondFactor) {
    redirect(`/login/code?next=${encodeURIComponent(next)}`)
  }
  redirect(next)
}

export async function verifyCodeWithForm(
  _previous: SignInState,
  form: FormData,
): Promise<SignInState> {
  const code = text(form.get('code'))
  const answer = await attempt((h) => verifySecondFactor({ code }, h))
  if (!answer.ok) return refusal(answer)

  redirect(safeReturnPath(form.get('next')))
}
