import type { NextRequest } from 'next/server'
import { escalationFilterSchema, listByFilter } from '@/app/_server/escalations'
import { json, withErrors } from '@/app/_server/respond'
import { staffOfRequest } from '@/app/_server/staff'

// Writes the worker could not deliver, newest first, for staff only.
// ?status= is open (the default), redriven, dismissed or all.

export const dynamic = 'force-dynamic'

const STATUS_WORDS = 'Use status=open, redriven, dismissed or all.'

export const GET = withErrors(
  'GET /api/escalations',
  async (req: NextRequest) => {
    const staff = await staffOfRequest(req)
    if (staff instanceof Response) return staff

    const asked = req.nextUrl.searchParams.get('status') ?? undefined
    const filter = escalationFilterSchema.safeParse(asked)
    if (!filter.success)
      return json({ errors: { status: [STATUS_WORDS] } }, 400)
    return json({ escalations: await listByFilter(filter.data) })
  },
)
