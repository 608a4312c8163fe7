import type { TicketView } from '@/lib/tickets/view'

// What the edit form shows after an attempt: the values as typed, the
// problems with them, and, once accepted, the ticket as it now stands.

export interface EditValues {
  summary: string
  details: string
}

export interface EditTicketState {
  values: EditValues
  errors: Record<string, string[]>
  /** A problem with sending at all, not with any one field. */
  problem: string | null
  /** The ticket with the edit applied, pending; null until accepted. */
  saved: TicketView | null
}

export function startEditing(ticket: TicketView): EditTicketState {
  const values = { summary: ticket.summary, details: ticket.details }
  return { values, errors: {}, problem: null, saved: null }
}
