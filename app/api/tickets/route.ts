import type { NextRequest } from 'next/server'
import {
  badBody,
  json,
  unauthorized,
  withErrors,
  withWriteChecks,
} from '@/app/_server/respond'
import { viewerOfRequest } from '@/app/_server/viewer'
import { listTickets } from '@/lib/cache/tickets'
import { asJsonObject } from '@/lib/security/request-checks'
import { createTicket } from '@/lib/tickets/create-ticket'

// The signed-in viewer's tickets from the cache, and new tickets, which are
// accepted (202) as pending writes for the worker to deliver.

export const dynamic = 'force-dynamic'

export const GET = withErrors('GET /api/tickets', async (req: NextRequest) => {
  const viewer = await viewerOfRequest(req)
  if (!viewer) return unauthorized()
  return json(await listTickets(viewer))
})

export const POST = withWriteChecks(
  'POST /api/tickets',
  async (req: NextRequest, _ctx: unknown, input: unknown) => {
    const viewer = await viewerOfRequest(req)
    if (!viewer) return unauthorized()

    const body = asJsonObject(input)
    if (!body) return badBody()

    const result = await createTicket(viewer, body)
    if (!result.ok) return json({ errors: result.errors }, 400)
    return json({ ticket: result.ticket }, 202)
  },
)
