import { z } from 'zod'
import { HttpError } from './http'
import { dateTime, int32, parseRecords, type Supplied } from './record-input'
import type { SimulatorState } from './state'
import { type Action, addAction, type Store, ticketActions } from './store'
import { recordWrite } from './write-log'

// Notes on a ticket, posted as Halo's `Actions`. The fields kept are typed
// as the schema types them; other fields are dropped.

const actionInputSchema = z.object({
  id: int32.positive().nullish(),
  ticket_id: int32.nullish(),
  outcome: z.string().nullish(),
  note: z.string().nullish(),
  hiddenfromuser: z.boolean().nullish(),
  datetime: dateTime.nullish(),
  actionby_user_id: int32.nullish(),
  actionby_agent_id: int32.nullish(),
})

type ActionInput = Supplied<z.infer<typeof actionInputSchema>>
type Draft = Omit<Action, 'id'> & { id?: number }

const DEFAULT_OUTCOME = 'Note'

/**
 * Saves a POST /Actions body: a record without `id` is added to its
 * ticket, one with `id` updates that action of the ticket. Every record is
 * checked before any is saved.
 */
export function saveActions(
  state: SimulatorState,
  body: unknown,
  route: string,
): Action[] {
  const now = new Date().toISOString()
  const records = parseRecords(
    body,
    actionInputSchema,
    'POST /Actions takes a JSON array of actions, even for one action',
  )
  const drafts = records.map((record) => ({
    draft: draftAction(state.store, record.input, now),
    posted: record.posted,
  }))
  return drafts.map(({ draft, posted }) => commit(state, draft, route, posted))
}

function draftAction(store: Store, input: ActionInput, now: string): Draft {
  const ticketId = input.ticket_id
  if (ticketId === undefined) throw new HttpError(400, 'ticket_id is required')
  if (input.id === undefined) return draftCreate(store, input, ticketId, now)

  const existing = ticketActions(store, ticketId)[input.id - 1]
  if (!existing) {
    const which = `Action ${input.id} of ticket ${ticketId}`
    throw new HttpError(404, `${which} not found`)
  }
  const merged = { ...existing, ...input, last_updated: now }
  requireRelations(store, merged.ticket_id, merged.actionby_user_id)
  return merged
}

function draftCreate(
  store: Store,
  input: ActionInput,
  ticketId: number,
  now: string,
): Draft {
  if (!input.note?.trim()) throw new HttpError(400, 'note is required')
  const userId = input.actionby_user_id ?? null
  requireRelations(store, ticketId, userId)

  return {
    ticket_id: ticketId,
    outcome: input.outcome ?? DEFAULT_OUTCOME,
    note: input.note,
    hiddenfromuser: input.hiddenfromuser ?? false,
    datetime: input.datetime ?? now,
    actiondatecreated: now,
    last_updated: now,
    actionby_user_id: userId,
    actionby_agent_id: input.actionby_agent_id ?? null,
  }
}

// A note by an end user of another client would show on a ticket that
// user cannot see, so it is refused like a ticket for the wrong client.
function requireRelations(
  store: Store,
  ticketId: number,
  userId: number | null,
) {
  const ticket = store.tickets.get(ticketId)
  if (!ticket) throw new HttpError(400, `ticket_id ${ticketId} does not exist`)
  if (userId === null) return

  const user = store.users.get(userId)
  if (!user) {
    throw new HttpError(400, `actionby_user_id ${userId} does not exist`)
  }
  if (user.client_id !== ticket.client_id) {
    const why = `actionby_user_id ${userId} belongs to another client`
    throw new HttpError(400, `${why} than ticket ${ticketId}`)
  }
}

// A new note counts as activity on its ticket, as in Halo, so a client
// syncing tickets by last_update sees that something changed.
function commit(
  state: SimulatorState,
  draft: Draft,
  route: string,
  posted: unknown,
): Action {
  const { store, stats } = state
  const action =
    draft.id === undefined
      ? addAction(store, draft)
      : replace(store, { ...draft, id: draft.id })
  const ticket = store.tickets.get(action.ticket_id)
  if (ticket) ticket.last_update = action.last_updated
  recordWrite(store, {
    route,
    resource: 'action',
    id: action.id,
    ticket_id: action.ticket_id,
    fields: posted,
  })

  if (draft.id === undefined) stats.created.actions += 1
  else stats.updated.actions += 1
  return action
}

function replace(store: Store, action: Action): Action {
  ticketActions(store, action.ticket_id)[action.id - 1] = action
  return action
}
