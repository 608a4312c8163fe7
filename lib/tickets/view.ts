import type { Prisma } from '../generated/prisma/client'
import { ticketStatusName } from './statuses'

// The Ticket of the JSON contract and of every page. Fields are added,
// never renamed or removed: scripts and integrations read them.

export interface TicketView {
  /** The portal's id, stable from the moment the write was accepted. */
  id: string
  /** Halo's id; null until the create has landed upstream. */
  haloId: number | null
  summary: string
  details: string
  status: string
  statusId: number
  clientId: string
  clientName: string
  /** True while a write the portal accepted is not yet in Halo. */
  pendingWrite: boolean
  /** Why the last attempt to deliver the write failed, if it did. */
  writeError: string | null
  /** When this copy was last read from or written to Halo (ISO). */
  syncedAt: string | null
  /** True when Halo could not be asked just now: the copy may be old. */
  stale: boolean
  openedAt: string
  lastUpdate: string
}

export const ticketWithClient = {
  client: { select: { name: true, haloId: true } },
} satisfies Prisma.TicketInclude

export type TicketRow = Prisma.TicketGetPayload<{
  include: typeof ticketWithClient
}>

export function toTicketView(row: TicketRow, stale: boolean): TicketView {
  return {
    id: row.id,
    haloId: row.haloId,
    summary: row.summary,
    details: row.details,
    status: ticketStatusName(row.statusId),
    statusId: row.statusId,
    clientId: row.clientId,
    clientName: row.client.name,
    pendingWrite: row.pendingWrite,
    writeError: row.writeError,
    syncedAt: row.syncedAt?.toISOString() ?? null,
    stale: stale && !row.pendingWrite,
    openedAt: row.openedAt.toISOString(),
    lastUpdate: row.lastUpdate.toISOString(),
  }
}

export interface TicketList {
  tickets: TicketView[]
  /** True when the list could not be refreshed from Halo just now. */
  stale: boolean
  /** When the list was last read from Halo (ISO); null if never. */
  asOf: string | null
}
