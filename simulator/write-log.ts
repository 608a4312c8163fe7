import type { Store } from './store'

// What the simulator applied, in the order it applied it, for tests that
// check a client delivered its writes once each and in order. A request
// that chaos failed, or that Halo would refuse, leaves no entry; a request
// whose response chaos dropped does, since its write happened.

export type WriteResource = 'ticket' | 'action' | 'quoteApproval'

export interface WriteEntry {
  /** 1 for the first write since the seed, rising by one. */
  seq: number
  at: string
  /** The route as stats name it, e.g. `POST /api/Tickets`. */
  route: string
  resource: WriteResource
  /** The saved record's id; a quote's id for an approval. */
  id: number
  /** Actions only: their id counts within this ticket. */
  ticket_id?: number
  /** The record exactly as the client posted it. */
  fields: unknown
}

export type WriteDraft = Omit<WriteEntry, 'seq' | 'at'>

export function recordWrite(store: Store, draft: WriteDraft): WriteEntry {
  const entry = {
    seq: store.writes.length + 1,
    at: new Date().toISOString(),
    ...draft,
  }
  store.writes.push(entry)
  return entry
}
