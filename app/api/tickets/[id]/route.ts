import type { NextRequest } from 'next/server'
import {
  badBody,
  json,
  readJsonObject,
  unauthorized,
  withErrors,
} from '@/app/_server/respond'
import { viewerOfRequest } from '@/app/_server/viewer'
import { getTicket } from '@/lib/cache/tickets'
import { updateTicket } from '@/lib/tickets/update-ticket'

// One ticket by the portal's id or Halo's id, and edits of it, accepted
// (202) as pending writes. A ticket of another client answers 404 like a
// missing one, so ids cannot be probed.

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

export const PATCH = withErrors(
  'PATCH /api/tickets/[id]',
  async (req: NextRequest, ctx: RouteContext<'/api/tickets/[id]'>) => {
    const viewer = await viewerOfRequest(req)
    if (!viewer) return unauthorized()

    const body = await readJsonObject(req)
    if (!body) return badBody()

    const { id } = await ctx.params
    const result = await updateTicket(viewer, id, body)
    if (result.ok) return json({ ticket: result.ticket }, 202)
    if ('notFound' in result) return json({ error: 'No such ticket.' }, 404)
    return json({ errors: result.errors }, 400)
  },
)
