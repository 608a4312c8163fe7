'use client'

import { useActionState, useRef } from 'react'
import { FormProblem, SubmitButton, TextField } from '@/components/form-field'
import { useFocusFirstProblem } from '@/components/use-focus-first-problem'
import { verifyCodeWithForm } from '../actions'
import { NO_ATTEMPT } from '../sign-in-state'

export function CodeForm({ returnTo }: { returnTo: string }) {
  const [state, action, pending] = useActionState(
    verifyCodeWithForm,
    NO_ATTEMPT,
  )
  const form = useRef<HTMLFormElement>(null)
  useFocusFirstProblem(form, state)
  return (
    <form ref={form} action={action} className="form" noValidate>
      <input type="hidden" name="next" value={returnTo} />
      <TextField
        name="code"
        label="Code"
        errors={state.errors.code}
        autoFocus
        type="text"
        inputMode="numeric"
        autoComplete="one-time-code"
      />
      <FormProblem problem={state.error} />
      <SubmitButton pending={pending} idle="Continue" busy="Checking…" />
    </form>
  )
}
