import { getEnv } from '../env'

// What Halo's integer ticket statuses mean. Halo's API description does not
// say; these are the ids of a default tenant. A tenant with its own statuses
// sets HALO_TICKET_STATUSES to a JSON object of id to name, e.g.
// {"1":"New","2":"In progress","9":"Closed"}.

const DEFAULTS: Record<number, string> = {
  1: 'New',
  2: 'In progress',
  3: 'Waiting on customer',
  4: 'Waiting on third party',
  8: 'Resolved',
  9: 'Closed',
}

/** The status a ticket has in the portal before Halo has answered. */
export const NEW_TICKET_STATUS_ID = 1

let statuses: Record<number, string> | undefined

function loadStatuses(): Record<number, string> {
  const custom = getEnv().HALO_TICKET_STATUSES
  return custom ? (JSON.parse(custom) as Record<number, string>) : DEFAULTS
}

export function ticketStatusName(statusId: number): string {
  statuses ??= loadStatuses()
  return statuses[statusId] ?? `Status ${statusId}`
}

/** Resolved and closed tickets read as done in lists. */
export function isClosedStatus(statusId: number): boolean {
  return statusId === 8 || statusId === 9
}
