import 'server-only'
import type { NextRequest } from 'next/server'
import type { Resolution } from '@/lib/jobs/escalation'
import { resolveAs } from './escalations'
import { json, withWriteChecks } from './respond'
import { staffOfRequest } from './staff'

// POST /api/escalations/{id}/redrive and /dismiss differ only in the
// resolution they ask for. They take no body; one sent is still held to the
// write checks.

const NOT_OPEN = 'No open escalation with this id; it may have been handled.'

type Context = { params: Promise<{ id: string }> }

export function resolutionRoute(route: string, resolution: Resolution) {
  return withWriteChecks(route, async (req: NextRequest, ctx: Context) => {
    const staff = await staffOfRequest(req)
    if (staff instanceof Response) return staff

    const { id } = await ctx.params
    const escalation = await resolveAs(staff, id, resolution)
    if (!escalation) return json({ error: NOT_OPEN }, 404)
    return json({ escalation })
  })
}
