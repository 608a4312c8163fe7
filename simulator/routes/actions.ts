import { saveActions } from '../action-writes'
import { HttpError, readJson } from '../http'
import { listReply, orderRecords } from '../listing'
import { boolParam, intParam } from '../query'
import type { Context, Route } from '../router'
import type { Action, Store } from '../store'

// Notes on a ticket (Halo's `Actions`). An action's id counts within its
// ticket, so reading one takes the ticket's id as well.

const sortKeys = {
  id: (a: Action) => a.id,
  datetime: (a: Action) => Date.parse(a.datetime),
}

function listActions({ url, state }: Context) {
  const ticketId = intParam(url, 'ticket_id')
  const publicOnly = boolParam(url, 'excludeprivate')
  const matching = actionsOf(state.store, ticketId).filter(
    (action) => !(publicOnly && action.hiddenfromuser),
  )
  return listReply('actions', orderRecords(matching, url, sortKeys), url)
}

function actionsOf(store: Store, ticketId: number | undefined): Action[] {
  if (ticketId !== undefined) return store.actions.get(ticketId) ?? []
  return [...store.actions.values()].flat()
}

function getAction({ url, params, state }: Context) {
  const ticketId = intParam(url, 'ticket_id')
  if (ticketId === undefined) {
    throw new HttpError(
      400,
      'ticket_id is required: action ids count per ticket',
    )
  }
  const action = state.store.actions.get(ticketId)?.[Number(params.id) - 1]
  if (!action) {
    throw new HttpError(
      404,
      `Action ${params.id} of ticket ${ticketId} not found`,
    )
  }
  return { json: action }
}

// Answered like POST /Tickets: the saved record, or an array of several.
async function postActions({ req, state, route }: Context) {
  const saved = saveActions(state, await readJson(req), route)
  return { json: saved.length === 1 ? saved[0] : saved }
}

export const actionRoutes: Route[] = [
  { method: 'GET', pattern: '/api/Actions', handle: listActions },
  { method: 'GET', pattern: '/api/Actions/{id}', handle: getAction },
  { method: 'POST', pattern: '/api/Actions', handle: postActions },
]
