import 'server-only'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { cache } from 'react'
import { viewerOfHeaders } from '@/lib/auth/session'
import { needsSecondFactor, type Viewer } from '@/lib/viewer'

// Who is asking, for pages, actions and route handlers alike. The session
// cookie is HttpOnly and signed; the database says whose it is.

/** The signed-in user, second factor or not; looked up once per request. */
export const getSignedIn = cache(
  async (): Promise<Viewer | null> => viewerOfHeaders(await headers()),
)

/**
 * The viewer allowed to use the portal: signed in, and for staff with a
 * second factor set up. Everything but the security page goes through here.
 */
export async function getViewer(): Promise<Viewer | null> {
  const viewer = await getSignedIn()
  return viewer && !needsSecondFactor(viewer) ? viewer : null
}

/** The viewer; otherwise sends the browser to sign in (or set up) first. */
export async function requireViewer(returnTo: string): Promise<Viewer> {
  const viewer = await getSignedIn()
  const next = encodeURIComponent(returnTo)
  if (!viewer) redirect(`/login?next=${next}`)
  if (needsSecondFactor(viewer)) redirect(`/account/security?next=${next}`)
  return viewer
}

/** Route handlers answer 401 themselves, so they get null, not a redirect. */
export async function viewerOfRequest(
  request: Request,
): Promise<Viewer | null> {
  const viewer = await viewerOfHeaders(request.headers)
  return viewer && !needsSecondFactor(viewer) ? viewer : null
}
