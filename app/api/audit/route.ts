import type { NextRequest } from 'next/server'
import { z } from 'zod'
import { readAuditTrail } from '@/app/_server/audit'
import { json, withErrors } from '@/app/_server/respond'
import { staffOfRequest } from '@/app/_server/staff'
import { auditQuerySchema } from '@/lib/audit/list'

// Who asked for which write, and what became of it, newest first, for
// staff only. ?client= narrows to one client, ?limit= sizes the page
// (at most 100), ?cursor= is the nextCursor of the page before.

export const dynamic = 'force-dynamic'

export const GET = withErrors('GET /api/audit', async (req: NextRequest) => {
  const staff = await staffOfRequest(req)
  if (staff instanceof Response) return staff

  const asked = Object.fromEntries(req.nextUrl.searchParams)
  const query = auditQuerySchema.safeParse(asked)
  if (!query.success) {
    return json({ errors: z.flattenError(query.error).fieldErrors }, 400)
  }
  return json(await readAuditTrail(query.data))
})
