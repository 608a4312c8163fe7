'use client'

import { useActionState, useRef } from 'react'
import { FormProblem, SubmitButton, TextField } from '@/components/form-field'
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
      <TextField
        name="email"
        label="Email"
        errors={state.errors.email}
        autoFocus
        type="email"
        autoComplete="username"
        defaultValue={state.email}
      />
      <TextField
        name="password"
        label="Password"
        errors={state.errors.password}
        type="password"
        autoComplete="current-password"
      />
      <FormProblem problem={state.error} />
      <SubmitButton pending={pending} idle="Sign in" busy="Signing in…" />
    </form>
  )
}
