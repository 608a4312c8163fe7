import { HttpError } from './http'
import type { SimulatorState } from './state'
import { type Store, type Ticket, takeTicketId } from './store'
import { parseTicketInputs, type TicketInput } from './ticket-input'
import { recordWrite } from './write-log'

// Defaults for a created ticket, matching the seed's id conventions.
const NEW_STATUS_ID = 1
const INCIDENT_TYPE_ID = 1
const MEDIUM_PRIORITY_ID = 3

type Draft = Omit<Ticket, 'id'> & { id?: number }

/**
 * Saves a POST /Tickets body: a record without `id` is created, one with
 * `id` is updated. Every record is checked before any is saved, so a 400
 * or 404 leaves the store as it was. Each saved record is logged under
 * `route`.
 */
export function saveTickets(
  state: SimulatorState,
  body: unknown,
  route: string,
): Ticket[] {
  const now = new Date().toISOString()
  const drafts = parseTicketInputs(body).map(({ input, posted }) => ({
    draft: draftTicket(state.store, input, now),
    posted,
  }))
  return drafts.map(({ draft, posted }) => commit(state, draft, route, posted))
}

// Halo stamps last_update itself on every change, whatever the client
// sends, so a client can rely on it for incremental sync.
function draftTicket(store: Store, input: TicketInput, now: string): Draft {
  if (input.id === undefined) return draftCreate(store, input, now)
  const existing = store.tickets.get(input.id)
  if (!existing) throw new HttpError(404, `Ticket ${input.id} not found`)

  const merged = { ...existing, ...input, last_update: now }
  if (!merged.summary.trim()) throw new HttpError(400, 'summary is required')
  return { ...merged, ...relations(store, merged.client_id, merged.user_id) }
}

function draftCreate(store: Store, input: TicketInput, now: string): Draft {
  if (!input.summary?.trim()) throw new HttpError(400, 'summary is required')
  if (input.client_id === undefined) {
    throw new HttpError(400, 'client_id is required')
  }

  return {
    summary: input.summary,
    details: input.details ?? '',
    status_id: input.status_id ?? NEW_STATUS_ID,
    tickettype_id: input.tickettype_id ?? INCIDENT_TYPE_ID,
    priority_id: input.priority_id ?? MEDIUM_PRIORITY_ID,
    ...relations(store, input.client_id, input.user_id ?? null),
    dateoccurred: input.dateoccurred ?? now,
    last_update: input.last_update ?? now,
    third_party_id: input.third_party_id ?? null,
    third_party_id_string: input.third_party_id_string ?? null,
  }
}

// Halo fills the names from the ids; an end user belongs to one client, so
// a user from another client is refused rather than filed against the wrong
// company.
function relations(store: Store, clientId: number, userId: number | null) {
  const client = store.clients.get(clientId)
  if (!client) throw new HttpError(400, `client_id ${clientId} does not exist`)
  const names = { client_id: client.id, client_name: client.name }
  if (userId === null) return { ...names, user_id: null, user_name: null }

  const user = store.users.get(userId)
  if (!user) throw new HttpError(400, `user_id ${userId} does not exist`)
  if (user.client_id !== client.id) {
    const why = `user_id ${userId} does not belong to client_id ${clientId}`
    throw new HttpError(400, why)
  }
  return { ...names, user_id: user.id, user_name: user.name }
}

function commit(
  state: SimulatorState,
  draft: Draft,
  route: string,
  posted: unknown,
): Ticket {
  const { id, ...fields } = draft
  const ticket = { id: id ?? takeTicketId(state.store), ...fields }
  state.store.tickets.set(ticket.id, ticket)
  recordWrite(state.store, {
    route,
    resource: 'ticket',
    id: ticket.id,
    fields: posted,
  })

  if (id === undefined) state.stats.created.tickets += 1
  else state.stats.updated.tickets += 1
  return ticket
}
