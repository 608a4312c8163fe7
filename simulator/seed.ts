import { addSeedActions } from './seed-actions'
import { seedClients, seedUsers } from './seed-directory'
import { addSeedQuotes } from './seed-quotes'
import { type SeedTicket, seedTickets } from './seed-tickets'
import { createStore, type Store, type Ticket, takeTicketId } from './store'

// Status ids the seed uses (Halo's spec leaves their meaning to the tenant):
// 1 New, 2 In progress, 3 Waiting on customer, 4 Waiting on third party,
// 8 Resolved, 9 Closed. Priority ids: 1 Critical, 2 High, 3 Medium, 4 Low.
// Ticket type ids: 1 Incident, 3 Service request.
export const TICKET_TYPE_IDS = { incident: 1, request: 3 } as const

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Builds the demo tenant. Dates count back from `startedAt`, so the same
 * start time always gives the same records. Notes and quotes belong to
 * tickets, so they come with the tickets or not at all.
 */
export function createSeededStore(startedAt: Date, tickets = true): Store {
  const store = createStore()
  for (const client of seedClients) store.clients.set(client.id, { ...client })
  for (const user of seedUsers) store.users.set(user.id, { ...user })
  if (!tickets) return store

  for (const row of seedTickets) {
    const ticket = toTicket(store, row, startedAt)
    store.tickets.set(ticket.id, ticket)
  }
  addSeedActions(store, startedAt)
  addSeedQuotes(store, startedAt)
  return store
}

function toTicket(store: Store, row: SeedTicket, startedAt: Date): Ticket {
  const user = store.users.get(row.user)
  if (!user) throw new Error(`seed ticket names unknown user ${row.user}`)

  return {
    id: takeTicketId(store),
    summary: row.summary,
    details: row.details,
    status_id: row.status,
    tickettype_id: TICKET_TYPE_IDS[row.type],
    priority_id: row.priority,
    client_id: user.client_id,
    client_name: user.client_name,
    user_id: user.id,
    user_name: user.name,
    dateoccurred: daysBefore(startedAt, row.opened),
    last_update: daysBefore(startedAt, row.updated),
    third_party_id: null,
    third_party_id_string: null,
  }
}

function daysBefore(date: Date, days: number): string {
  return new Date(date.getTime() - Math.round(days * DAY_MS)).toISOString()
}
