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
