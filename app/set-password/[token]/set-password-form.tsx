'use client'

import { useActionState, useRef } from 'react'
import {
  FieldErrors,
  FormProblem,
  fieldA11y,
  SubmitButton,
} from '@/components/form-field'
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
      <div className="field">
        <label htmlFor="password">New password</label>
        <input
          {...fieldA11y('password', state.errors.password)}
          type="password"
          autoComplete="new-password"
          minLength={10}
          required
          // biome-ignore lint/a11y/noAutofocus: the page's one task
          autoFocus
        />
        <FieldErrors name="password" errors={state.errors.password} />
      </div>
      <div className="field">
        <label htmlFor="confirm">The same again</label>
        <input
          {...fieldA11y('confirm', state.errors.confirm)}
          type="password"
          autoComplete="new-password"
          required
        />
        <FieldErrors name="confirm" errors={state.errors.confirm} />
      </div>
      <FormProblem problem={state.error} />
      <SubmitButton pending={pending} idle="Save password" busy="Saving…" />
    </form>
  )
}
