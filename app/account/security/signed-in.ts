import 'server-only'
import { redirect } from 'next/navigation'
import type { Viewer } from '@/lib/viewer'
import { getSignedIn } from '../../_server/viewer'

export const SECURITY_PATH = '/account/security'

/**
 * The signed-in user, second factor or not: staff without one are sent
 * here to set it up, so this page cannot ask for it. Nobody signed in goes
 * to the sign-in page and comes back.
 */
export async function requireSignedIn(): Promise<Viewer> {
  const viewer = await getSignedIn()
  if (!viewer) redirect(`/login?next=${encodeURIComponent(SECURITY_PATH)}`)
  return viewer
}
