import type { NextRequest } from 'next/server'
import {
  badBody,
  json,
  unauthorized,
  withErrors,
  withWriteChecks,
} from '@/app/_server/respond'
import { viewerOfRequest } from '@/app/_server/viewer'
import { getTicket } from '@/lib/cache/tickets'
import { asJsonObject } from '@/lib/security/request-checks'
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

export const PATCH = withWriteChecks(
  'PATCH /api/tickets/[id]',
  async (
    req: NextRequest,
    ctx: RouteContext<'/api/tickets/[id]'>,
    input: unknown,
  ) => {
    const viewer = await viewerOfRequest(req)
    if (!viewer) return unauthorized()

    const body = asJsonObject(input)
    if (!body) return badBody()

    const { id } = await ctx.params
    const result = await updateTicket(viewer, id, body)
    if (result.ok) return json({ ticket: result.ticket }, 202)
    if ('notFound' in result) return json({ error: 'No such ticket.' }, 404)
    return json({ errors: result.errors }, 400)
  },
)
