// The simulator's tenant data, held in memory. Field names and types follow
// Halo's OpenAPI schemas: `Faults` for tickets, `Area` for clients (the
// spec's name for what `/Client` returns) and `Users` for end users.

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

export interface Store {
  clients: Map<number, Client>
  users: Map<number, User>
  tickets: Map<number, Ticket>
  nextTicketId: number
}

export const FIRST_TICKET_ID = 1001

export function createStore(): Store {
  return {
    clients: new Map(),
    users: new Map(),
    tickets: new Map(),
    nextTicketId: FIRST_TICKET_ID,
  }
}

export function takeTicketId(store: Store): number {
  const id = store.nextTicketId
  store.nextTicketId += 1
  return id
}
