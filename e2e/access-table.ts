// Who gets what from every JSON route and every page: the answer each role
// must get, as data. A number is the status; `→ path` a redirect there;
// SIGN_IN the redirect to /login that comes back to the address asked for.
// Words in braces stand for records the matrix makes before it runs:
// {ticketA} a landed ticket of customer A's client (by the portal's id),
// {ticketAHalo} the same by Halo's id, {escalation1} and {escalation2} two
// open escalations of that client, {token} a made-up set-password token.

export const SIGN_IN = 'sign in'

export type Answer = number | typeof SIGN_IN | `→ /${string}`

export type Row = [
  route: string,
  anonymous: Answer,
  customerA: Answer,
  customerB: Answer,
  customerAdminA: Answer,
  staff: Answer,
]

export const ROLES = [
  'anonymous',
  'customer A',
  'customer B',
  'customer admin A',
  'staff',
] as const

export type Role = (typeof ROLES)[number]

// Writes carry the portal's own Origin, so these are the answers past the
// cross-site check (e2e/forgery.spec.ts covers that check). Staff come
// last in every row: their redrive and dismissal use up the escalation.
export const API: Row[] = [
  // route                 anonymous, customer A, customer B, admin A, staff
  ['POST /api/session', 400, 400, 400, 400, 400],
  ['POST /api/session/code', 400, 400, 400, 400, 400],
  ['GET /api/tickets', 401, 200, 200, 200, 200],
  // Customer B names A's client: refused with a field error.
  ['POST /api/tickets', 401, 202, 400, 202, 202],
  ['GET /api/tickets/{ticketA}', 401, 200, 404, 200, 200],
  ['GET /api/tickets/{ticketAHalo}', 401, 200, 404, 200, 200],
  ['PATCH /api/tickets/{ticketA}', 401, 202, 404, 202, 202],
  ['GET /api/escalations', 401, 404, 404, 404, 200],
  ['GET /api/escalations?status=all', 401, 404, 404, 404, 200],
  ['POST /api/escalations/{escalation1}/redrive', 401, 404, 404, 404, 200],
  ['POST /api/escalations/{escalation2}/dismiss', 401, 404, 404, 404, 200],
  ['GET /api/audit', 401, 404, 404, 404, 200],
  ['GET /api/health', 200, 200, 200, 200, 200],
  // Signs out: each role gets a session of its own for it.
  ['DELETE /api/session', 204, 204, 204, 204, 204],
]

/** The bodies the writes above send; others send none. */
export function bodyOf(route: string, clientA: string): unknown {
  const bodies: Record<string, unknown> = {
    // Empty: the route is open to all; signing in is session.spec.ts's.
    'POST /api/session': {},
    'POST /api/session/code': {},
    'POST /api/tickets': {
      summary: `Access matrix: new ticket ${Date.now().toString(36)}`,
      details: 'Raised by the access matrix test.',
      clientId: clientA,
    },
    'PATCH /api/tickets/{ticketA}': {
      details: `Edited by the access matrix test ${Date.now().toString(36)}`,
    },
  }
  return bodies[route]
}

export const FRESH_SESSION = new Set(['DELETE /api/session'])

export const PAGES: Row[] = [
  // page                  anonymous, customer A, customer B, admin A, staff
  ['/', '→ /login', '→ /tickets', '→ /tickets', '→ /tickets', '→ /tickets'],
  ['/login', 200, '→ /tickets', '→ /tickets', '→ /tickets', '→ /tickets'],
  ['/login/code', 200, 200, 200, 200, 200],
  ['/login/forgot', 200, 200, 200, 200, 200],
  ['/set-password/{token}', 200, 200, 200, 200, 200],
  ['/tickets', SIGN_IN, 200, 200, 200, 200],
  ['/tickets/new', SIGN_IN, 200, 200, 200, 200],
  ['/tickets/{ticketA}', SIGN_IN, 200, 404, 200, 200],
  ['/tickets/{ticketAHalo}', SIGN_IN, 200, 404, 200, 200],
  // Editing happens on the ticket's page; this address is no page at all.
  ['/tickets/{ticketA}/edit', 404, 404, 404, 404, 404],
  ['/escalations', SIGN_IN, 404, 404, 404, 200],
  ['/audit', SIGN_IN, 404, 404, 404, 200],
  ['/users', SIGN_IN, 404, 404, 200, 200],
  ['/account/security', SIGN_IN, 200, 200, 200, 200],
]
