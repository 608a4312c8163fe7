import type { NextRequest } from 'next/server'
import { json, unauthorized, withErrors } from '@/app/_server/respond'
import { viewerOfRequest } from '@/app/_server/viewer'
import { getTicket } from '@/lib/cache/tickets'

// One ticket by the portal's id or Halo's id. A ticket of another client
// answers 404 like a missing one, so ids cannot be probed.

export const dynamic = 'force-dynamic'

export const GET = withErrors(
  'GET /api/tickets/[id]',
  async (req: NextRequest, ctx: RouteContext<'/api/tickets/[id]'>) => {
    const viewer = await viewerOfRequest(req)
    if (!viewer) return unauthorized()

    const { id } = await ctx.params
    const ticket = await getTicket(viewer, id)
    if (!ticket) return json({ error: 'No such ticket.' }, 404)
    return json({ ticket })
  },
)
