import 'server-only'
import { getDb } from '@/lib/db/client'
import type { Viewer } from '@/lib/viewer'

// Client names for the header and the staff client picker. These rows are
// the portal's own directory copy, not an upstream call.

export interface ClientOption {
  id: string
  name: string
}

export function listClients(): Promise<ClientOption[]> {
  return getDb().client.findMany({
    orderBy: { name: 'asc' },
    select: { id: true, name: true },
  })
}

/** What the header shows beside the user's name. */
export function clientLabel(viewer: Viewer): string {
  if (viewer.role === 'staff') return 'Service desk staff'
  return viewer.clientName ?? 'No client'
}
