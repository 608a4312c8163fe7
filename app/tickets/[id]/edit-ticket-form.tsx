'use client'

import { useQueryClient } from '@tanstack/react-query'
import { useActionState, useEffect, useRef } from 'react'
import { FieldErrors, fieldA11y, SubmitButton } from '@/components/form-field'
import {
  FORM_PROBLEM,
  useFocusFirstProblem,
} from '@/components/use-focus-first-problem'
import type { TicketView } from '@/lib/tickets/view'
import { ticketKey } from '../queries'
import { saveTicketEdit } from './actions'
import { type EditTicketState, startEditing } from './edit-state'

export interface EditLimits {
  summaryMax: number
  detailsMax: number
}

/**
 * Puts an accepted edit into the page's query, which then polls while it
 * is pending, so the badge shows at once and clears when Halo has it.
 */
function useShowSaved(state: EditTicketState, onSaved: () => void) {
  const queryClient = useQueryClient()
  useEffect(() => {
    if (!state.saved) return
    queryClient.setQueryData(ticketKey(state.saved.id), state.saved)
    onSaved()
  }, [state, queryClient, onSaved])
}

function Problem({ problem }: { problem: string | null }) {
  return (
    <div aria-live="polite" className="form-problem">
      {problem && (
        <p className="field-error" {...FORM_PROBLEM}>
          {problem}
        </p>
      )}
    </div>
  )
}

export function EditTicketForm({
  ticket,
  limits,
  onDone,
}: {
  ticket: TicketView
  limits: EditLimits
  /** Called when the edit was accepted or the reader cancels. */
  onDone: () => void
}) {
  const [state, action, pending] = useActionState(
    saveTicketEdit.bind(null, ticket.id),
    startEditing(ticket),
  )
  const form = useRef<HTMLFormElement>(null)
  useFocusFirstProblem(form, state)
  useShowSaved(state, onDone)
  return (
    <form ref={form} action={action} className="form edit-form" noValidate>
      <h2>Edit ticket</h2>
      <div className="field">
        <label htmlFor="summary">Summary</label>
        <input
          {...fieldA11y('summary', state.errors.summary)}
          type="text"
          maxLength={limits.summaryMax}
          required
          // biome-ignore lint/a11y/noAutofocus: opened at the reader's request
          autoFocus
          defaultValue={state.values.summary}
        />
        <FieldErrors name="summary" errors={state.errors.summary} />
      </div>
      <div className="field">
        <label htmlFor="details">Details</label>
        <textarea
          {...fieldA11y('details', state.errors.details)}
          rows={8}
          maxLength={limits.detailsMax}
          required
          defaultValue={state.values.details}
        />
        <FieldErrors name="details" errors={state.errors.details} />
      </div>
      <Problem problem={state.problem} />
      <div className="form-buttons">
        <SubmitButton pending={pending} idle="Save changes" busy="Saving…" />
        <button type="button" className="button button-quiet" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  )
}
