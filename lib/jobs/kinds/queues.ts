// Every write to one entity, whatever its kind, goes through its type's one
// queue, keyed by the entity: pg-boss keeps a key's order within a queue.
export const TICKET_WRITES = 'ticket-writes'
export const QUOTE_WRITES = 'quote-writes'

/** Watches have a queue of their own: one tick queued per entity at most. */
export const QUOTE_WATCH = 'quote-watch'
