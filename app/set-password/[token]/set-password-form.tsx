'use client'

import { useActionState, useRef } from 'react'
import { FormProblem, SubmitButton, TextField } from '@/components/form-field'
import { useFocusFirstProblem } from '@/components/use-focus-first-problem'
import { type SetPasswordState, setPasswordWithForm } from './actions'

const NOTHING_YET: SetPasswordState = { errors: {}, error: null }

export function SetPasswordForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState(
    setPasswordWithForm.bind(null, token),
    NOTHING_YET,
  )
  const form = useRef<HTMLFormElement>(null)
  useFocusFirstProblem(form, state)
  return (
    <form ref={form} action={action} className="form" noValidate>
      <TextField
        name="password"
        label="New password"
        errors={state.errors.password}
        autoFocus
        type="password"
        autoComplete="new-password"
        minLength={10}
      />
      <TextField
        name="confirm"
        label="The same again"
        errors={state.errors.confirm}
        type="password"
        autoComplete="new-password"
      />
      <FormProblem problem={state.error} />
      <SubmitButton pending={pending} idle="Save password" busy="Saving…" />
    </form>
  )
}
