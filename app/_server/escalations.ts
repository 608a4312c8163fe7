import 'server-only'
import { z } from 'zod'
import { getDb } from '@/lib/db/client'
import { getBoss } from '@/lib/jobs/boss'
import { type Resolution, resolveEscalation } from '@/lib/jobs/escalation'
import {
  type EscalationView,
  listEscalations,
} from '@/lib/jobs/escalation-list'
import { log } from '@/lib/log'
import type { Viewer } from '@/lib/viewer'

// Escalations as the staff page, its actions and the JSON routes use them.

export const escalationFilterSchema = z
  .enum(['open', 'redriven', 'dismissed', 'all'])
  .default('open')

export type EscalationFilter = z.infer<typeof escalationFilterSchema>

export function listByFilter(filter: EscalationFilter) {
  const status = filter === 'all' ? undefined : filter
  return listEscalations(getDb(), { status })
}

/** For the header: one indexed count, so every page can afford it. */
export function countOpenEscalations(): Promise<number> {
  return getDb().escalation.count({ where: { status: 'open' } })
}

/** What a resolution answers with: the row, without the stored payload. */
export type ResolvedEscalation = Omit<
  EscalationView,
  'kind' | 'entitySummary' | 'clientName'
>

type Row = NonNullable<Awaited<ReturnType<typeof resolveEscalation>>>

function toResolved(row: Row): ResolvedEscalation {
  return {
    id: row.id,
    entityType: row.entityType,
    entityId: row.entityId,
    reason: row.reason,
    lastError: row.lastError,
    attempts: row.attempts,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    resolvedBy: row.resolvedBy,
    notifiedAt: row.notifiedAt?.toISOString() ?? null,
  }
}

/**
 * Sends an escalated write again or sets it aside; null when there is no
 * such escalation or it is no longer open (someone else got there first).
 */
export async function resolveAs(
  staff: Viewer,
  escalationId: string,
  resolution: Resolution,
): Promise<ResolvedEscalation | null> {
  if (!z.uuid().safeParse(escalationId).success) return null
  const deps = { db: getDb(), boss: await getBoss() }
  const row = await resolveEscalation(
    deps,
    escalationId,
    resolution,
    staff.email,
  )
  log.info(
    { escalationId, resolution, by: staff.email, resolved: Boolean(row) },
    'escalation resolution asked',
  )
  return row ? toResolved(row) : null
}
