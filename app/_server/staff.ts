import 'server-only'
import { notFound } from 'next/navigation'
import type { NextRequest } from 'next/server'
import { isStaff, type Viewer } from '@/lib/viewer'
import { json, unauthorized } from './respond'
import { requireViewer, viewerOfRequest } from './viewer'

// Pages, actions and routes only service desk staff may use. To a customer
// they do not exist: a 404, as for an address that was never there.

/** Staff only; others sign in first, and customers get the 404 page. */
export async function requireStaff(returnTo: string): Promise<Viewer> {
  const viewer = await requireViewer(returnTo)
  if (!isStaff(viewer)) notFound()
  return viewer
}

/** The staff viewer of a request, or the answer to give anyone else. */
export async function staffOfRequest(
  request: NextRequest,
): Promise<Viewer | Response> {
  const viewer = await viewerOfRequest(request)
  if (!viewer) return unauthorized()
  if (!isStaff(viewer)) return json({ error: 'Not found.' }, 404)
  return viewer
}
