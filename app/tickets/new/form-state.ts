// What the new-ticket form shows after an attempt: the values as typed, so
// nothing is lost, and the problems found with them.

export interface NewTicketValues {
  summary: string
  details: string
  clientId: string
}

export interface NewTicketState {
  values: NewTicketValues
  errors: Record<string, string[]>
  /** A problem with sending at all, not with any one field. */
  problem: string | null
}

export const BLANK_TICKET: NewTicketState = {
  values: { summary: '', details: '', clientId: '' },
  errors: {},
  problem: null,
}
