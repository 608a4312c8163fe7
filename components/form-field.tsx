import type { ComponentProps } from 'react'

// The wiring every form field shares: a label, and errors that assistive
// technology reads with the field (aria-describedby, aria-invalid).

export function fieldA11y(name: string, errors: string[] | undefined) {
  const invalid = Boolean(errors?.length)
  return {
    id: name,
    name,
    'aria-invalid': invalid || undefined,
    'aria-describedby': invalid ? `${name}-error` : undefined,
  }
}

export function FieldErrors({
  name,
  errors,
}: {
  name: string
  errors: string[] | undefined
}) {
  if (!errors?.length) return null
  return (
    <p id={`${name}-error`} className="field-error">
      {errors.join(' ')}
    </p>
  )
}

export function SubmitButton({
  pending,
  idle,
  busy,
}: {
  pending: boolean
  idle: string
  busy: string
}) {
  return (
    <button type="submit" className="button" disabled={pending}>
      {pending ? busy : idle}
    </button>
  )
}

/**
 * A problem with the whole form (not one field), read out when it appears
 * and focused by useFocusFirstProblem.
 */
export function FormProblem({ problem }: { problem: string | null }) {
  return (
    <div aria-live="polite" className="form-problem">
      {problem && (
        <p className="field-error" data-form-problem tabIndex={-1}>
          {problem}
        </p>
      )}
    </div>
  )
}

/**
 * One labelled input with its errors: the shape of every field on the
 * account forms. `autoFocus` is for a page whose one task is this form.
 */
export function TextField({
  name,
  label,
  errors,
  autoFocus,
  ...input
}: {
  name: string
  label: string
  errors: string[] | undefined
  autoFocus?: boolean
} & Omit<ComponentProps<'input'>, 'id' | 'name'>) {
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <input
        {...fieldA11y(name, errors)}
        required
        // biome-ignore lint/a11y/noAutofocus: only where the page says so
        autoFocus={autoFocus}
        {...input}
      />
      <FieldErrors name={name} errors={errors} />
    </div>
  )
}
