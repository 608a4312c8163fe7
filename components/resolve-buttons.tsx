'use client'

import { useActionState } from 'react'

// Send again or Dismiss, on one open escalation. The action is handed in so
// components stay free of data access; on success it takes the page to a
// fresh list, so only a failure is shown here.

export interface ResolveState {
  problem: string | null
}

export type ResolveAction = (
  previous: ResolveState,
  form: FormData,
) => Promise<ResolveState>

const NO_PROBLEM: ResolveState = { problem: null }

export function ResolveButtons({
  escalationId,
  what,
  filter,
  resolve,
}: {
  escalationId: string
  /** Names the row in each button's accessible name. */
  what: string
  /** The list shown, to come back to. */
  filter: string
  resolve: ResolveAction
}) {
  const [state, action, pending] = useActionState(resolve, NO_PROBLEM)
  return (
    <form action={action} className="row-actions">
      <input type="hidden" name="escalationId" value={escalationId} />
      <input type="hidden" name="filter" value={filter} />
      <button
        type="submit"
        name="resolution"
        value="redriven"
        className="button"
        disabled={pending}
      >
        Send again<span className="visually-hidden">: {what}</span>
      </button>
      <button
        type="submit"
        name="resolution"
        value="dismissed"
        className="button button-quiet"
        disabled={pending}
      >
        Dismiss<span className="visually-hidden">: {what}</span>
      </button>
      {state.problem && (
        <p className="field-error" role="alert">
          {state.problem}
        </p>
      )}
    </form>
  )
}
