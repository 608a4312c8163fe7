'use client'

import { useActionState, useRef } from 'react'
import { FieldErrors, fieldA11y, SubmitButton } from '@/components/form-field'
import {
  FORM_PROBLEM,
  useFocusFirstProblem,
} from '@/components/use-focus-first-problem'
import { sendNewTicket } from './actions'
import { BLANK_TICKET, type NewTicketState } from './form-state'

export interface ClientChoice {
  id: string
  name: string
}

function ClientField({
  clients,
  state,
}: {
  clients: ClientChoice[]
  state: NewTicketState
}) {
  return (
    <div className="field">
      <label htmlFor="clientId">Client</label>
      <select
        {...fieldA11y('clientId', state.errors.clientId)}
        defaultValue={state.values.clientId}
        required
      >
        <option value="">Choose a client</option>
        {clients.map((client) => (
          <option key={client.id} value={client.id}>
            {client.name}
          </option>
        ))}
      </select>
      <FieldErrors name="clientId" errors={state.errors.clientId} />
    </div>
  )
}

export function NewTicketForm({
  clients,
  summaryMax,
  detailsMax,
}: {
  /** Only staff choose; null hides the field. */
  clients: ClientChoice[] | null
  summaryMax: number
  detailsMax: number
}) {
  const [state, action, pending] = useActionState(sendNewTicket, BLANK_TICKET)
  const form = useRef<HTMLFormElement>(null)
  useFocusFirstProblem(form, state)
  return (
    <form ref={form} action={action} className="form" noValidate>
      {clients && <ClientField clients={clients} state={state} />}
      <div className="field">
        <label htmlFor="summary">Summary</label>
        <input
          {...fieldA11y('summary', state.errors.summary)}
          type="text"
          maxLength={summaryMax}
          required
          defaultValue={state.values.summary}
        />
        <FieldErrors name="summary" errors={state.errors.summary} />
      </div>
      <div className="field">
        <label htmlFor="details">Details</label>
        <textarea
          {...fieldA11y('details', state.errors.details)}
          rows={8}
          maxLength={detailsMax}
          required
          defaultValue={state.values.details}
        />
        <FieldErrors name="details" errors={state.errors.details} />
      </div>
      <div aria-live="polite" className="form-problem">
        {state.problem && (
          <p className="field-error" {...FORM_PROBLEM}>
            {state.problem}
          </p>
        )}
      </div>
      <SubmitButton pending={pending} idle="Send ticket" busy="Sending…" />
    </form>
  )
}
