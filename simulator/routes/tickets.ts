import { HttpError, readJson } from '../http'
import { listReply, orderRecords } from '../listing'
import { dateParam, intListParam, intParam } from '../query'
import type { Context, Route } from '../router'
import type { Ticket } from '../store'
import { saveTickets } from '../ticket-writes'

type Predicate = (ticket: Ticket) => boolean

const sortKeys = {
  id: (t: Ticket) => t.id,
  dateoccurred: (t: Ticket) => Date.parse(t.dateoccurred),
  last_update: (t: Ticket) => Date.parse(t.last_update),
  status_id: (t: Ticket) => t.status_id,
  priority_id: (t: Ticket) => t.priority_id,
  summary: (t: Ticket) => t.summary.toLowerCase(),
}

function listTickets({ url, state }: Context) {
  const predicates = ticketPredicates(url)
  const all = [...state.store.tickets.values()]
  const matching = all.filter((t) => predicates.every((test) => test(t)))
  return listReply('tickets', orderRecords(matching, url, sortKeys), url)
}

function ticketPredicates(url: URL): Predicate[] {
  const predicates = [
    fieldEquals(url, 'client_id'),
    fieldEquals(url, 'user_id'),
    fieldEquals(url, 'status_id'),
    idIn(intListParam(url, 'ticketids')),
    updatedBetween(
      dateParam(url, 'lastupdatefromdate'),
      dateParam(url, 'lastupdatetodate'),
    ),
  ]
  return predicates.filter((test) => test !== undefined)
}

function fieldEquals(url: URL, name: 'client_id' | 'user_id' | 'status_id') {
  const want = intParam(url, name)
  if (want === undefined) return undefined
  return (ticket: Ticket) => ticket[name] === want
}

function idIn(ids: number[] | undefined): Predicate | undefined {
  if (!ids) return undefined
  const wanted = new Set(ids)
  return (ticket) => wanted.has(ticket.id)
}

function updatedBetween(from = -Infinity, to = Infinity): Predicate {
  return (ticket) => {
    const updated = Date.parse(ticket.last_update)
    return updated >= from && updated <= to
  }
}

function getTicket({ params, state }: Context) {
  const ticket = state.store.tickets.get(Number(params.id))
  if (!ticket) throw new HttpError(404, `Ticket ${params.id} not found`)
  return { json: ticket }
}

// Halo takes an array even for one record. The simulator answers with the
// saved record itself when one was posted and with an array when several
// were, which is what tenants have been seen to do; the spec documents only
// "200 Success", so a client should accept either shape.
async function postTickets({ req, state, route }: Context) {
  const saved = saveTickets(state, await readJson(req), route)
  return { json: saved.length === 1 ? saved[0] : saved }
}

export const ticketRoutes: Route[] = [
  { method: 'GET', pattern: '/api/Tickets', handle: listTickets },
  { method: 'GET', pattern: '/api/Tickets/{id}', handle: getTicket },
  { method: 'POST', pattern: '/api/Tickets', handle: postTickets },
]
