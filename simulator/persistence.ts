import {
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs'
import path from 'node:path'
import type { PendingApproval } from './quote-approvals'
import type { Action, Client, Quote, Store, Ticket, User } from './store'
import type { WriteEntry } from './write-log'

// A tenant that forgets its tickets on restart would disagree with the
// portal's cache, which is kept: ids would be handed out twice. With a data
// file the simulator keeps its records across restarts, as Halo does, and
// its write log too, so a test can check for a write applied twice across
// a restart. Chaos, stats, tokens and received webhooks are not kept.

interface StoreFile {
  clients: Client[]
  users: User[]
  tickets: Ticket[]
  nextTicketId: number
  // Absent from files written before the simulator had them.
  actions?: Action[]
  quotes?: Quote[]
  pendingApprovals?: PendingApproval[]
  writes?: WriteEntry[]
}

/** What the file holds; what it lacks the caller takes from the seed. */
export function loadStore(file: string): Partial<Store> | undefined {
  if (!existsSync(file)) return undefined
  const saved = JSON.parse(readFileSync(file, 'utf8')) as StoreFile
  const store: Partial<Store> = {
    clients: new Map(saved.clients.map((c) => [c.id, c])),
    users: new Map(saved.users.map((u) => [u.id, u])),
    tickets: new Map(saved.tickets.map((t) => [t.id, t])),
    nextTicketId: saved.nextTicketId,
  }
  if (saved.actions) store.actions = groupByTicket(saved.actions)
  if (saved.quotes) store.quotes = new Map(saved.quotes.map((q) => [q.id, q]))
  if (saved.pendingApprovals) {
    store.pendingApprovals = new Map(
      saved.pendingApprovals.map((p) => [p.quoteId, p]),
    )
  }
  if (saved.writes) store.writes = saved.writes
  return store
}

function groupByTicket(actions: Action[]): Map<number, Action[]> {
  const byTicket = new Map<number, Action[]>()
  for (const action of actions) {
    const list = byTicket.get(action.ticket_id) ?? []
    list.push(action)
    byTicket.set(action.ticket_id, list)
  }
  return byTicket
}

/** Writes the whole store; a crash mid-write leaves the previous file. */
export function saveStore(file: string, store: Store) {
  const saved: Required<StoreFile> = {
    clients: [...store.clients.values()],
    users: [...store.users.values()],
    tickets: [...store.tickets.values()],
    nextTicketId: store.nextTicketId,
    actions: [...store.actions.values()].flat(),
    quotes: [...store.quotes.values()],
    pendingApprovals: [...store.pendingApprovals.values()],
    writes: store.writes,
  }
  mkdirSync(path.dirname(file), { recursive: true })
  const partial = `${file}.partial`
  writeFileSync(partial, JSON.stringify(saved))
  renameSync(partial, file)
}
