import type { Prisma } from './generated/prisma/client'

// Who is asking. Every cache query for a customer is narrowed here, in one
// place, so that a page or route cannot forget the filter.

export type Role = 'customer' | 'staff'

export interface Viewer {
  userId: string
  email: string
  name: string
  role: Role
  /** The portal id of the customer's client; null for staff. */
  clientId: string | null
  /** Halo's id of that client; null for staff. */
  clientHaloId: number | null
  /** The client's name, for the header; null for staff. */
  clientName: string | null
  /** Halo's id of the customer's end user, for tickets they raise. */
  haloUserId: number | null
}

/** Matches no row: a customer without a client sees nothing. */
const NOTHING: Prisma.TicketWhereInput = { id: { in: [] } }

export function ticketScope(viewer: Viewer): Prisma.TicketWhereInput {
  if (viewer.role === 'staff') return {}
  return viewer.clientId ? { clientId: viewer.clientId } : NOTHING
}

export function isStaff(viewer: Viewer): boolean {
  return viewer.role === 'staff'
}
