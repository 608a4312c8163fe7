// Who is asking. Every cache query for a customer is narrowed here, in one
// place, so that a page or route cannot forget the filter.

/**
 * customer: one client's tickets and quotes; customer_admin: that, and the
 * client's portal users; staff: every client and the operations pages.
 */
export type Role = 'customer' | 'customer_admin' | 'staff'

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
  /** Whether sign-in asks this user for an authenticator code. */
  twoFactorEnabled: boolean
}

/** What narrows any client-owned table (tickets, quotes) to a viewer. */
export type ClientScope = { clientId?: string | { in: string[] } }

/**
 * The one filter every cache query for a viewer spreads into its where:
 * staff see every client, anyone else their own, and a customer without a
 * client matches no row at all.
 */
export function clientScope(viewer: Viewer): ClientScope {
  if (viewer.role === 'staff') return {}
  return { clientId: viewer.clientId ?? { in: [] } }
}

export function isStaff(viewer: Viewer): boolean {
  return viewer.role === 'staff'
}

/**
 * Staff see every client, so they may not use the portal until they have
 * set up a second factor; customers are offered it.
 */
export function needsSecondFactor(viewer: Viewer): boolean {
  return isStaff(viewer) && !viewer.twoFactorEnabled
}

/** Whether the viewer may invite and remove this client's portal users. */
export function canManageUsersOf(
  viewer: Viewer,
  clientId: string | null,
): boolean {
  if (isStaff(viewer)) return true
  return (
    viewer.role === 'customer_admin' &&
    clientId !== null &&
    viewer.clientId === clientId
  )
}
