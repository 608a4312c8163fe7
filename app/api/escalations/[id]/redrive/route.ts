import { resolutionRoute } from '@/app/_server/resolution-route'

// Sends an escalated write to the worker again.

export const dynamic = 'force-dynamic'

export const POST = resolutionRoute(
  'POST /api/escalations/[id]/redrive',
  'redriven',
)
