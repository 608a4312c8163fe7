import 'server-only'
import { notFound } from 'next/navigation'
import { canManageUsersOf, isStaff, type Viewer } from '@/lib/viewer'
import { requireViewer } from './viewer'

// The users page is for staff and customer admins; to anyone else it does
// not exist.

export async function requireUserManager(returnTo: string): Promise<Viewer> {
  const viewer = await requireViewer(returnTo)
  const mayManage = isStaff(viewer) || canManageUsersOf(viewer, viewer.clientId)
  if (!mayManage) notFound()
  return viewer
}
