'use client'

import { useActionState } from 'react'
import { FieldErrors, fieldA11y } from '@/components/form-field'
import { changePassword } from './actions'
import { StepForm } from './form-parts'
import { PASSWORD_MAX, PASSWORD_MIN, UNTRIED } from './state'

const NEW_PASSWORD_HINT =
  `At least ${PASSWORD_MIN} characters. A few unrelated words make a ` +
  'strong password that is easy to remember.'

function PasswordInput({
  name,
  label,
  autoComplete,
  errors,
  hint,
}: {
  name: string
  label: string
  autoComplete: 'current-password' | 'new-password'
  errors: string[] | undefined
  hint?: string
}) {
  const a11y = fieldA11y(name, errors)
  const hintId = hint ? `${name}-hint` : undefined
  const describedBy = [hintId, a11y['aria-describedby']].filter(Boolean)
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      <input
        {...a11y}
        aria-describedby={describedBy.join(' ') || undefined}
        type="password"
        autoComplete={autoComplete}
        maxLength={PASSWORD_MAX}
        required
      />
      <FieldErrors name={name} errors={errors} />
    </div>
  )
}

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState(changePassword, UNTRIED)
  return (
    <StepForm
      state={state}
      action={action}
      pending={pending}
      labelledBy="password-title"
      idle="Change password"
      busy="Changing password…"
    >
      <PasswordInput
        name="currentPassword"
        label="Current password"
        autoComplete="current-password"
        errors={state.errors.currentPassword}
      />
      <PasswordInput
        name="password"
        label="New password"
        autoComplete="new-password"
        errors={state.errors.password}
        hint={NEW_PASSWORD_HINT}
      />
      <PasswordInput
        name="confirm"
        label="New password again"
        autoComplete="new-password"
        errors={state.errors.confirm}
      />
    </StepForm>
  )
}
