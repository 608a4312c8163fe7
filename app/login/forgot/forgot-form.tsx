'use client'

import { useActionState, useRef } from 'react'
import { FormProblem, SubmitButton, TextField } from '@/components/form-field'
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
      <TextField
        name="email"
        label="Email"
        errors={state.errors.email}
        autoFocus
        type="email"
        autoComplete="username"
        defaultValue={state.email}
      />
      <FormProblem problem={state.error} />
      <SubmitButton pending={pending} idle="Send me a link" busy="Sending…" />
    </form>
  )
}
