'use client'

import { useActionState, useRef } from 'react'
import {
  FieldErrors,
  FormProblem,
  fieldA11y,
  SubmitButton,
} from '@/components/form-field'
import { useFocusFirstProblem } from '@/components/use-focus-first-problem'
import { type ForgotState, requestResetWithForm } from './actions'

const NOTHING_YET: ForgotState = {
  email: '',
  errors: {},
  sent: false,
  error: null,
}

export function ForgotForm() {
  const [state, action, pending] = useActionState(
    requestResetWithForm,
    NOTHING_YET,
  )
  const form = useRef<HTMLFormElement>(null)
  useFocusFirstProblem(form, state)
  if (state.sent) {
    return (
      <p role="status" className="notice">
        If <strong>{state.email}</strong> has an account, a link to choose a new
        password is on its way. It works once, for a limited time.
      </p>
    )
  }
  return (
    <form ref={form} action={action} className="form" noValidate>
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
      <FormProblem problem={state.error} />
      <SubmitButton pending={pending} idle="Send me a link" busy="Sending…" />
    </form>
  )
}
