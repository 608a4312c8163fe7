import { addAction, type Store } from './store'

// Demo notes on a few tickets: agent updates, a customer's reply and one
// private note that end users must never see. `at` is days before the
// simulator started.

interface SeedAction {
  ticket: number
  at: number
  note: string
  /** An end user wrote it; otherwise the helpdesk agent did. */
  byUser?: boolean
  hidden?: boolean
}

/** The one helpdesk agent the seed's notes are written by. */
export const SEED_AGENT_ID = 1

const seedActions: SeedAction[] = [
  {
    ticket: 1017,
    at: 24.9,
    note:
      'The old scanner cannot send by email any more. I have asked for ' +
      'a quote for a network scanner.',
  },
  {
    ticket: 1017,
    at: 24.5,
    note: 'Thanks, please go ahead with the quote.',
    byUser: true,
  },
  {
    ticket: 1018,
    at: 21,
    note:
      'Backup job fails with a full target disk. Pruning old restore ' +
      'points tonight.',
  },
  {
    ticket: 1018,
    at: 20.5,
    note: 'Customer declined a larger NAS last year; raise it at the review.',
    hidden: true,
  },
  {
    ticket: 1019,
    at: 20,
    note:
      'Quote sent for the laptop and licences. We will build it once ' +
      'approved.',
  },
  {
    ticket: 1016,
    at: 26,
    note: 'Quote sent for a second monitor and cable.',
  },
]

const DAY_MS = 24 * 60 * 60 * 1000

export function addSeedActions(store: Store, startedAt: Date): void {
  for (const row of seedActions) {
    const ticket = store.tickets.get(row.ticket)
    if (!ticket) throw new Error(`seed note names unknown ticket ${row.ticket}`)
    const at = new Date(startedAt.getTime() - row.at * DAY_MS).toISOString()

    addAction(store, {
      ticket_id: ticket.id,
      outcome: row.hidden ? 'Private Note' : 'Note',
      note: row.note,
      hiddenfromuser: row.hidden ?? false,
      datetime: at,
      actiondatecreated: at,
      last_updated: at,
      actionby_user_id: row.byUser ? ticket.user_id : null,
      actionby_agent_id: row.byUser ? null : SEED_AGENT_ID,
    })
  }
}
