import 'server-only'
import { z } from 'zod'
import { getDb } from '@/lib/db/client'
import { getBoss } from '@/lib/jobs/boss'
import { type Resolution, resolveEscalation } from '@/lib/jobs/escalation'
import {
  countOpenEscalations,
  type EscalationView,
  getEscalation,
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
export function countOpen(): Promise<number> {
  return countOpenEscalations(getDb())
}

/**
 * Sends an escalated write again or sets it aside; null when there is no
 * such escalation or it is no longer open (someone else got there first).
 */
export async function resolveAs(
  staff: Viewer,
  escalationId: string,
  resolution: Resolution,
): Promise<EscalationView | null> {
  if (!z.uuid().safeParse(escalationId).success) return null
  const deps = { db: getDb(), boss: await getBoss() }
  const row = await resolveEscalation(deps, escalationId, resolution, staff)
  log.info(
    { escalationId, resolution, by: staff.email, resolved: Boolean(row) },
    'escalation resolution asked',
  )
  return row ? getEscalation(deps.db, row.id) : null
}
