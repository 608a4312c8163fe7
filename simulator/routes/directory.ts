import { HttpError } from '../http'
import { listReply, orderRecords } from '../listing'
import { intParam } from '../query'
import type { Context, Route } from '../router'
import type { Client, User } from '../store'

// Clients (Halo's `Area` records) and their end users (`Users`).

const clientSortKeys = {
  id: (c: Client) => c.id,
  name: (c: Client) => c.name.toLowerCase(),
}

const userSortKeys = {
  id: (u: User) => u.id,
  name: (u: User) => u.name.toLowerCase(),
  emailaddress: (u: User) => u.emailaddress.toLowerCase(),
}

function searchTerm(url: URL): string {
  return url.searchParams.get('search')?.trim().toLowerCase() ?? ''
}

function listClients({ url, state }: Context) {
  const term = searchTerm(url)
  const all = [...state.store.clients.values()]
  const matching = all.filter((c) => c.name.toLowerCase().includes(term))
  return listReply('clients', orderRecords(matching, url, clientSortKeys), url)
}

function getClient({ params, state }: Context) {
  const client = state.store.clients.get(Number(params.id))
  if (!client) throw new HttpError(404, `Client ${params.id} not found`)
  return { json: client }
}

function listUsers({ url, state }: Context) {
  const clientId = intParam(url, 'client_id')
  const term = searchTerm(url)
  const matching = [...state.store.users.values()].filter(
    (user) =>
      (clientId === undefined || user.client_id === clientId) &&
      userMatches(user, term),
  )
  return listReply('users', orderRecords(matching, url, userSortKeys), url)
}

function userMatches(user: User, term: string): boolean {
  const name = user.name.toLowerCase()
  return name.includes(term) || user.emailaddress.toLowerCase().includes(term)
}

function getUser({ params, state }: Context) {
  const user = state.store.users.get(Number(params.id))
  if (!user) throw new HttpError(404, `User ${params.id} not found`)
  return { json: user }
}

export const directoryRoutes: Route[] = [
  { method: 'GET', pattern: '/api/Client', handle: listClients },
  { method: 'GET', pattern: '/api/Client/{id}', handle: getClient },
  { method: 'GET', pattern: '/api/Users', handle: listUsers },
  { method: 'GET', pattern: '/api/Users/{id}', handle: getUser },
]
