'use client'

import { type RefObject, useEffect } from 'react'

// After a failed submit the reader is taken to what needs fixing, so that
// keyboard and screen-reader users do not have to hunt for it. The submit
// button was disabled while the attempt travelled, which drops focus.

const PROBLEMS = '[aria-invalid="true"], [data-form-problem]'

/** Mark a form-wide problem message with this, and tabIndex -1. */
export const FORM_PROBLEM = { 'data-form-problem': true, tabIndex: -1 }

/**
 * Focuses the form's first invalid field, or else its form-wide problem,
 * each time `attempt` (the action's state) changes.
 */
export function useFocusFirstProblem(
  form: RefObject<HTMLFormElement | null>,
  attempt: object,
) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per attempt
  useEffect(() => {
    form.current?.querySelector<HTMLElement>(PROBLEMS)?.focus()
  }, [form, attempt])
}
