import type { Db } from '../db/client'
import type { EntityRef, JobPayload } from './kind'

// Every run of a job, with its outcome, for staff and for the escalation
// that may follow.

export type AttemptOutcome =
  | 'running'
  | 'succeeded'
  | 'retryable'
  | 'rate-limited'
  | 'permanent'
  | 'waiting'
  | 'completed'
  | 'cancelled'
  | 'deadline-passed'

/** Outcomes that use up the retry budget. */
export const COUNTED: AttemptOutcome[] = ['retryable', 'permanent']

export async function startAttempt(
  db: Db,
  job: { id: string; queue: string; attempt: number; workerId: string },
  payload: JobPayload,
  entity: EntityRef,
) {
  const row = await db.jobAttempt.create({
    data: {
      jobId: job.id,
      queue: job.queue,
      attempt: job.attempt,
      workerId: job.workerId,
      mutationId: payload.mutationId,
      entityType: entity.type,
      entityId: entity.id,
      outcome: 'running',
    },
    select: { id: true },
  })
  return row.id
}

export async function finishAttempt(
  db: Db,
  attemptId: string,
  outcome: AttemptOutcome,
  error?: string,
) {
  await db.$executeRaw`
    UPDATE job_attempts SET outcome = ${outcome}, error = ${error ?? null},
           finished_at = now()
     WHERE id = ${attemptId}::uuid`
}

/** What the escalation of a mutation reports: its last error and count. */
export async function attemptSummary(db: Db, mutationId: string) {
  const attempts = await db.jobAttempt.findMany({
    where: { mutationId },
    orderBy: { startedAt: 'asc' },
  })
  const last = attempts.at(-1)
  return {
    attempts: attempts.filter((a) => COUNTED.includes(a.outcome as never))
      .length,
    lastError: last?.error ?? null,
    lastOutcome: (last?.outcome ?? null) as AttemptOutcome | null,
    sourceJobId: last?.jobId ?? null,
  }
}
