import {
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs'
import path from 'node:path'
import type { Client, Store, Ticket, User } from './store'

// A tenant that forgets its tickets on restart would disagree with the
// portal's cache, which is kept: ids would be handed out twice. With a data
// file the simulator keeps its records across restarts, as Halo does.

interface StoreFile {
  clients: Client[]
  users: User[]
  tickets: Ticket[]
  nextTicketId: number
}

export function loadStore(file: string): Store | undefined {
  if (!existsSync(file)) return undefined
  const saved = JSON.parse(readFileSync(file, 'utf8')) as StoreFile
  return {
    clients: new Map(saved.clients.map((c) => [c.id, c])),
    users: new Map(saved.users.map((u) => [u.id, u])),
    tickets: new Map(saved.tickets.map((t) => [t.id, t])),
    nextTicketId: saved.nextTicketId,
  }
}

/** Writes the whole store; a crash mid-write leaves the previous file. */
export function saveStore(file: string, store: Store) {
  const saved: StoreFile = {
    clients: [...store.clients.values()],
    users: [...store.users.values()],
    tickets: [...store.tickets.values()],
    nextTicketId: store.nextTicketId,
  }
  mkdirSync(path.dirname(file), { recursive: true })
  const partial = `${file}.partial`
  writeFileSync(partial, JSON.stringify(saved))
  renameSync(partial, file)
}
