import { HttpError, readJson } from '../http'
import { listReply, orderRecords } from '../listing'
import { boolParam, intParam } from '../query'
import { saveApprovals, settleApprovals } from '../quote-approvals'
import { isAwaitingApproval } from '../quote-states'
import type { Context, Route } from '../router'
import type { Quote } from '../store'

// Quotes (Halo's `QuotationHeader`) and the customer's approval of them.
// Halo's list leaves out each quote's lines unless `includelines=true`; a
// client that needs lines must ask for them or read the quote by id.

type Predicate = (quote: Quote) => boolean

const sortKeys = {
  id: (q: Quote) => q.id,
  date: (q: Quote) => Date.parse(q.date),
  expiry_date: (q: Quote) => Date.parse(q.expiry_date),
  total: (q: Quote) => q.total,
}

function listQuotes({ url, state }: Context) {
  settleApprovals(state.store)
  const predicates = quotePredicates(url)
  const all = [...state.store.quotes.values()]
  const matching = all.filter((q) => predicates.every((test) => test(q)))
  const ordered = orderRecords(matching, url, sortKeys)
  const withLines = boolParam(url, 'includelines')
  return listReply(
    'quotes',
    withLines ? ordered : ordered.map(withoutLines),
    url,
  )
}

function quotePredicates(url: URL): Predicate[] {
  const clientId = intParam(url, 'client_id')
  const ticketId = intParam(url, 'ticket_id')
  const predicates: (Predicate | undefined)[] = [
    clientId === undefined ? undefined : (q) => q.client_id === clientId,
    ticketId === undefined ? undefined : (q) => q.ticket_id === ticketId,
    boolParam(url, 'awaiting_approval') ? isAwaitingApproval : undefined,
  ]
  return predicates.filter((test) => test !== undefined)
}

function withoutLines({ lines: _lines, ...header }: Quote) {
  return header
}

function getQuote({ params, state }: Context) {
  settleApprovals(state.store)
  const quote = state.store.quotes.get(Number(params.id))
  if (!quote) throw new HttpError(404, `Quote ${params.id} not found`)
  return { json: quote }
}

// The spec documents only "200 Success"; like POST /Tickets, the simulator
// answers the quote (or an array of several) as it now reads, which still
// shows "awaiting" while a settle delay runs.
async function postApprovals({ req, state, route }: Context) {
  const saved = saveApprovals(state, await readJson(req), route)
  return { json: saved.length === 1 ? saved[0] : saved }
}

export const quoteRoutes: Route[] = [
  { method: 'GET', pattern: '/api/Quotation', handle: listQuotes },
  {
    method: 'POST',
    pattern: '/api/Quotation/Approval',
    handle: postApprovals,
  },
  { method: 'GET', pattern: '/api/Quotation/{id}', handle: getQuote },
]
