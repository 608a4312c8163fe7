import 'server-only'
import { cookies } from 'next/headers'
import { redirect } from 'next/navigation'
import type { NextRequest } from 'next/server'
import { cache } from 'react'
import { SESSION_COOKIE, viewerOfToken } from '@/lib/auth/session'
import type { Viewer } from '@/lib/viewer'

// Who is asking, for pages, actions and route handlers alike. The session
// token lives only in the httpOnly cookie; the database says whose it is.

/** The signed-in viewer, or null; looked up once per request. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value
  return viewerOfToken(token)
})

/** The signed-in viewer; otherwise sends the browser to sign in first. */
export async function requireViewer(returnTo: string): Promise<Viewer> {
  const viewer = await getViewer()
  if (!viewer) redirect(`/login?next=${encodeURIComponent(returnTo)}`)
  return viewer
}

/** Route handlers answer 401 themselves, so they get null, not a redirect. */
export function viewerOfRequest(request: NextRequest): Promise<Viewer | null> {
  return viewerOfToken(request.cookies.get(SESSION_COOKIE)?.value)
}
