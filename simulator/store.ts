import type { PendingApproval } from './quote-approvals'
import type { WriteEntry } from './write-log'

// The simulator's tenant data, held in memory. Field names and types follow
// Halo's OpenAPI schemas: `Faults` for tickets, `Area` for clients (the
// spec's name for what `/Client` returns), `Users` for end users, `Actions`
// for notes on a ticket and `QuotationHeader` / `QuotationDetail` for quotes.

export interface Client {
  id: number
  name: string
  inactive: boolean
}

export interface User {
  id: number
  name: string
  firstname: string
  surname: string
  emailaddress: string
  phonenumber: string
  client_id: number
  client_name: string
  site_id: number
  site_name: string
  inactive: boolean
}

export interface Ticket {
  id: number
  summary: string
  details: string
  status_id: number
  tickettype_id: number
  priority_id: number
  client_id: number
  client_name: string
  user_id: number | null
  user_name: string | null
  dateoccurred: string
  last_update: string
  third_party_id: number | null
  third_party_id_string: string | null
}

/**
 * A note on a ticket. Halo numbers actions within their ticket (1, 2, 3 on
 * every ticket), which is why `GET /Actions/{id}` takes a `ticket_id`: an
 * action is only identified by both.
 */
export interface Action {
  id: number
  ticket_id: number
  outcome: string
  note: string
  hiddenfromuser: boolean
  datetime: string
  actiondatecreated: string
  last_updated: string
  actionby_user_id: number | null
  actionby_agent_id: number | null
}

/**
 * A quote line. The spec's `QuotationDetail` has no `quantity` or
 * `item_code`; `current_quantity`, `productcode` and `baseprice` (the unit
 * price) are its nearest fields, and `net_total` is quantity times price.
 */
export interface QuoteLine {
  id: number
  qhid: number
  sort_seq: number
  productcode: string
  name: string
  description: string
  current_quantity: number
  baseprice: number
  net_total: number
}

/** See quote-states.ts for what `status` and `approvalstate` mean. */
export interface Quote {
  id: number
  title: string
  client_id: number
  client_name: string
  user_id: number | null
  user_name: string | null
  ticket_id: number
  status: number
  date: string
  expiry_date: string
  total: number
  lines: QuoteLine[]
  requires_approval: boolean
  approvalstate: number | null
  approvaldatetime: string | null
  approvalnote: string | null
  approvalname: string | null
  approvalemailaddress: string | null
  ponumber: string | null
  last_update_time: string
}

export interface Store {
  clients: Map<number, Client>
  users: Map<number, User>
  tickets: Map<number, Ticket>
  nextTicketId: number
  /** By ticket id, each list in action id order. */
  actions: Map<number, Action[]>
  quotes: Map<number, Quote>
  /** Approvals accepted but not yet visible on their quote, by quote id. */
  pendingApprovals: Map<number, PendingApproval>
  /**
   * Every write applied, oldest first. Kept with the tenant's records so
   * that a restart with a data file neither forgets nor renumbers them.
   */
  writes: WriteEntry[]
}

export const FIRST_TICKET_ID = 1001

export function createStore(): Store {
  return {
    clients: new Map(),
    users: new Map(),
    tickets: new Map(),
    nextTicketId: FIRST_TICKET_ID,
    actions: new Map(),
    quotes: new Map(),
    pendingApprovals: new Map(),
    writes: [],
  }
}

export function takeTicketId(store: Store): number {
  const id = store.nextTicketId
  store.nextTicketId += 1
  return id
}

export function ticketActions(store: Store, ticketId: number): Action[] {
  return store.actions.get(ticketId) ?? []
}

/** Adds an action under the next id of its ticket. */
export function addAction(store: Store, draft: Omit<Action, 'id'>): Action {
  const list = store.actions.get(draft.ticket_id) ?? []
  const action = { id: list.length + 1, ...draft }
  list.push(action)
  store.actions.set(draft.ticket_id, list)
  return action
}
