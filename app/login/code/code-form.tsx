'use client'

import { useActionState, useRef } from 'react'
import {
  FieldErrors,
  FormProblem,
  fieldA11y,
  SubmitButton,
} from '@/components/form-field'
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
      <div className="field">
        <label htmlFor="code">Code</label>
        <input
          {...fieldA11y('code', state.errors.code)}
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          required
          // biome-ignore lint/a11y/noAutofocus: the page's one task
          autoFocus
        />
        <FieldErrors name="code" errors={state.errors.code} />
      </div>
      <FormProblem problem={state.error} />
      <SubmitButton pending={pending} idle="Continue" busy="Checking…" />
    </form>
  )
}
