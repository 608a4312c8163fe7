'use client'

import { type ReactNode, useRef } from 'react'
import {
  FieldErrors,
  FormProblem,
  fieldA11y,
  SubmitButton,
} from '@/components/form-field'
import { useFocusFirstProblem } from '@/components/use-focus-first-problem'
import type { FormState } from './state'

// Pieces the security page's forms share. Several forms can be on the page
// at once, so each is named by its heading.

interface StepFormProps {
  state: FormState
  action: (form: FormData) => void
  pending: boolean
  /** The id of the heading that names the form. */
  labelledBy: string
  idle: string
  busy: string
}

/** A form that takes the reader to its first problem after each attempt. */
export function StepForm({
  state,
  action,
  pending,
  labelledBy,
  idle,
  busy,
  children,
}: StepFormProps & { children: ReactNode }) {
  const form = useRef<HTMLFormElement>(null)
  useFocusFirstProblem(form, state)
  return (
    <form
      ref={form}
      action={action}
      className="form"
      aria-labelledby={labelledBy}
      noValidate
    >
      {children}
      <FormProblem problem={state.problem} />
      <SubmitButton pending={pending} idle={idle} busy={busy} />
    </form>
  )
}

/** A form that asks for the password and nothing else, to confirm a step. */
export function PasswordOnlyForm({
  field,
  ...form
}: StepFormProps & { field: string }) {
  const errors = form.state.errors[field]
  return (
    <StepForm {...form}>
      <div className="field">
        <label htmlFor={field}>Your password</label>
        <input
          {...fieldA11y(field, errors)}
          type="password"
          autoComplete="current-password"
          required
        />
        <FieldErrors name={field} errors={errors} />
      </div>
    </StepForm>
  )
}
