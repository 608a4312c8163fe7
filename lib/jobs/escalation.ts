import type { JobWithMetadata, PgBoss } from 'pg-boss'
import { recordAudit } from '../audit/record'
import type { Db } from '../db/client'
import type { Logger } from '../log'
import type { Viewer } from '../viewer'
import { attemptSummary } from './attempts'
import { enqueue } from './enqueue'
import { type AnyJobKind, entityKey, type JobPayload } from './kind'
import { kindOfJob, NOTIFY_QUEUE } from './registry'

// A job that used up its retries, failed for good, or passed its deadline
// arrives here through pg-boss's dead-letter queue. It is recorded for
// staff, its user is told, and staff are notified.

export type EscalationReason =
  | 'retries-exhausted'
  | 'permanent'
  | 'deadline-passed'

const WORDS: Record<EscalationReason, string> = {
  'retries-exhausted': 'the service desk did not answer after several tries',
  permanent: 'the service desk refused it',
  'deadline-passed': 'the service desk did not settle it in time',
}

export async function handleEscalation(
  job: JobWithMetadata<unknown>,
  deps: { db: Db; boss: PgBoss; log: Logger },
) {
  const kind = job.sourceName ? kindOfJob(job.sourceName, job.data) : undefined
  const parsed = kind?.schema.safeParse(job.data)
  if (!kind || !parsed?.success) {
    deps.log.error(
      { jobId: job.id, source: job.sourceName },
      'dead letter of an unknown kind or payload; left for staff in the queue',
    )
    return
  }
  const payload = parsed.data as JobPayload
  const escalation = await recordEscalation(deps.db, kind, job, payload)
  const message = userMessage(escalation.reason as EscalationReason)
  await kind.onEscalated(deps.db, payload, message)
  await deps.boss.send(
    NOTIFY_QUEUE,
    { escalationId: escalation.id },
    { singletonKey: escalation.id },
  )
  deps.log.error(
    {
      escalationId: escalation.id,
      kind: kind.name,
      entityId: escalation.entityId,
      clientId: escalation.clientId,
      reason: escalation.reason,
      lastError: escalation.lastError,
      attempts: escalation.attempts,
    },
    'write escalated to staff',
  )
}

async function recordEscalation(
  db: Db,
  kind: AnyJobKind,
  job: JobWithMetadata<unknown>,
  payload: JobPayload,
) {
  const summary = await attemptSummary(db, payload.mutationId)
  const reason: EscalationReason =
    summary.lastOutcome === 'permanent'
      ? 'permanent'
      : summary.lastOutcome === 'deadline-passed'
        ? 'deadline-passed'
        : 'retries-exhausted'
  const entity = kind.entity(payload)
  const fields = {
    queue: kind.queue,
    jobId: summary.sourceJobId ?? job.id,
    mutationId: payload.mutationId,
    entityType: entity.type,
    entityId: entity.id,
    clientId: payload.clientId,
    reason,
    lastError: summary.lastError,
    attempts: summary.attempts,
    payload: job.data as object,
  }
  // One row per arrival in the dead-letter queue: a job sent again by
  // staff that fails again is a new escalation, and the first keeps its
  // resolution.
  return db.escalation.upsert({
    where: { deadLetterJobId: job.id },
    create: { ...fields, deadLetterJobId: job.id },
    update: {},
  })
}

/** The upstream's own error is for staff; the user gets plain words. */
export function userMessage(reason: EscalationReason) {
  return (
    `Could not be saved: ${WORDS[reason]}. Our staff have been told and ` +
    'will follow up; you do not need to send it again.'
  )
}

export type Resolution = 'redriven' | 'dismissed'

/**
 * Staff send an escalated write again (the failed job is retried where it
 * stands, ahead of later writes), or set it aside (see setAside). Either is
 * recorded in the audit trail with the member of staff who did it, in the
 * transaction that marks the escalation resolved.
 *
 * Known shortcoming: the pg-boss calls before that transaction are not in
 * it. A crash between them leaves the job sent again (or deleted) while the
 * escalation still reads open, with no row in the trail; and two staff
 * acting at once both pass the open check. Staff acting again is harmless,
 * as the kinds are idempotent. One transaction would close both: pg-boss
 * takes `{ db }` on retry, deleteJob and cancel, and a claim of the row
 * (`updateMany` where still open) would go first; what stands in the way is
 * that the kinds' hooks take the client, not a transaction.
 */
export async function resolveEscalation(
  deps: { db: Db; boss: PgBoss },
  escalationId: string,
  resolution: Resolution,
  staff: Viewer,
) {
  const escalation = await deps.db.escalation.findUnique({
    where: { id: escalationId },
  })
  if (escalation?.status !== 'open') return null
  const kind = kindOfJob(escalation.queue, escalation.payload)
  if (!kind) throw new Error(`no job kind for escalation ${escalation.id}`)
  let cancelled: string[] = []
  if (resolution === 'redriven') await redrive(deps, kind, escalation)
  else cancelled = await setAside(deps, kind, escalation)
  return deps.db.$transaction(async (tx) => {
    await recordAudit(tx, {
      actor: staff,
      clientId: escalation.clientId,
      action: ACTIONS[resolution],
      entity: { type: escalation.entityType, id: escalation.entityId },
      mutationId: escalation.mutationId,
      escalationId: escalation.id,
      cancelledMutationIds: cancelled,
    })
    return tx.escalation.update({
      where: { id: escalationId },
      data: {
        status: resolution,
        resolvedAt: new Date(),
        resolvedBy: staff.email,
      },
    })
  })
}

const ACTIONS = {
  redriven: 'escalation-redrive',
  dismissed: 'escalation-dismiss',
} as const

const SET_ASIDE =
  'Not saved: our staff set this aside. Raise it again if it is still needed.'

/**
 * The failed job is deleted. When it was the entity's create, the writes
 * queued behind it can never apply, so they go too and the user is told;
 * otherwise they run. Returns the mutation ids of the writes cancelled.
 */
async function setAside(
  deps: { db: Db; boss: PgBoss },
  kind: AnyJobKind,
  escalation: { jobId: string; payload: unknown },
): Promise<string[]> {
  await deps.boss.deleteJob(kind.queue, escalation.jobId)
  if (!kind.dismissalEndsEntity) return []
  const payload = kind.schema.parse(escalation.payload) as JobPayload
  const key = entityKey(kind.entity(payload))
  const queued = await deps.boss.findJobs<Partial<JobPayload>>(kind.queue, {
    key,
    queued: true,
  })
  if (queued.length > 0) {
    await deps.boss.cancel(
      kind.queue,
      queued.map((job) => job.id),
    )
  }
  await kind.onEscalated(deps.db, payload, SET_ASIDE)
  return queued.flatMap((job) => job.data.mutationId ?? [])
}

/**
 * The failed job is retried where it stands, at the head of its entity's
 * writes, so edits accepted after it still run after it. Only when pg-boss
 * no longer has it (past retention) is a new job sent.
 */
async function redrive(
  deps: { db: Db; boss: PgBoss },
  kind: AnyJobKind,
  escalation: { jobId: string; payload: unknown },
) {
  const payload = kind.schema.parse(escalation.payload) as JobPayload
  await kind.onRedriven?.(deps.db, payload)
  const retried = await deps.boss.retry(kind.queue, escalation.jobId)
  if ((retried as { affected?: number }).affected === 0) {
    await enqueue(deps.boss, kind, payload)
  }
}
