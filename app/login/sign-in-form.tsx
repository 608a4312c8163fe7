'use client'

import { useActionState, useRef } from 'react'
import {
  FieldErrors,
  FormProblem,
  fieldA11y,
  SubmitButton,
} from '@/components/form-field'
import { useFocusFirstProblem } from '@/components/use-focus-first-problem'
import { signInWithForm } from './actions'
import { NO_ATTEMPT } from './sign-in-state'

export function SignInForm({ returnTo }: { returnTo: string }) {
  const [state, action, pending] = useActionState(signInWithForm, NO_ATTEMPT)
  const form = useRef<HTMLFormElement>(null)
  useFocusFirstProblem(form, state)
  return (
    <form ref={form} action={action} className="form" noValidate>
      <input type="hidden" name="next" value={returnTo} />
      <div className="field">
        <label htmlFor="email">Email</label>
        <input
          {...fieldA11y('email', state.errors.email)}
          type="email"
          autoComplete="username"
          required
          // biome-ignore lint/a11y/noAutofocus: the page's one task
          autoFocus
          defaultValue={state.email}
        />
        <FieldErrors name="email" errors={state.errors.email} />
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input
          {...fieldA11y('password', state.errors.password)}
          type="password"
          autoComplete="current-password"
          required
        />
        <FieldErrors name="password" errors={state.errors.password} />
      </div>
      <FormProblem problem={state.error} />
      <SubmitButton pending={pending} idle="Sign in" busy="Signing in…" />
    </form>
  )
}
