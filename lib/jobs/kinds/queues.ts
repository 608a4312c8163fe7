// Every write to a ticket, whatever its kind, goes through this one queue,
// keyed by the ticket: its create and its edits run in the order accepted.
export const TICKET_WRITES = 'ticket-writes'
