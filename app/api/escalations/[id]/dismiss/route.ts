import { resolutionRoute } from '@/app/_server/resolution-route'

// Sets an escalated write aside: it is not sent again.

export const dynamic = 'force-dynamic'

export const POST = resolutionRoute(
  'POST /api/escalations/[id]/dismiss',
  'dismissed',
)
