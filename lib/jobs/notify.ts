import { z } from 'zod'
import type { Db } from '../db/client'
import { getEnv } from '../env'
import type { Logger } from '../log'

// Tells staff about an escalation by posting it to STAFF_WEBHOOK_URL (a
// chat channel's incoming webhook, say). Without one, the log line and the
// escalations page are all there is. A failed post is retried.

const WEBHOOK_TIMEOUT_MS = 10_000

export const notifySchema = z.object({ escalationId: z.uuid() })

export async function notifyStaff(
  data: unknown,
  deps: { db: Db; log: Logger },
) {
  const { escalationId } = notifySchema.parse(data)
  const escalation = await deps.db.escalation.findUnique({
    where: { id: escalationId },
  })
  if (!escalation || escalation.notifiedAt) return
  const url = getEnv().STAFF_WEBHOOK_URL
  if (url) await post(url, escalation)
  else deps.log.warn({ escalationId }, 'no STAFF_WEBHOOK_URL; staff not paged')
  await deps.db.escalation.update({
    where: { id: escalationId },
    data: { notifiedAt: new Date() },
  })
}

async function post(
  url: string,
  escalation: {
    id: string
    queue: string
    entityType: string
    entityId: string
    clientId: string
    reason: string
    lastError: string | null
    attempts: number
  },
) {
  const text =
    `A ${escalation.entityType} write could not be delivered ` +
    `(${escalation.reason}): ${escalation.lastError ?? 'no error recorded'}`
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text, escalation }),
    signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
  })
  if (!response.ok) {
    throw new Error(`the staff webhook answered ${response.status}`)
  }
}
