import type { Db } from '../db/client'

// What became of an accepted write's job, read from the job engine's own
// records by mutation id each time the trail is read, not kept with it.
//
// Why read rather than stored: the engine already writes down every
// attempt (job_attempts) and every escalation and its resolution as they
// happen. An outcome column kept up to date from the runner's hooks would
// be a second copy that can disagree with them: a worker presumed lost
// finishes its attempt after the retry that replaced it has delivered, and
// its late "failed" would overwrite "delivered"; a worker killed in the
// middle of an attempt runs no hook at all; a redrive and the attempt it
// causes run in different processes on different clocks. Read here, the
// outcome follows from facts that only accumulate, mostly without putting
// them in order: one success means delivered, however many failures came
// before or after it; an open escalation means escalated. Only pending,
// sending and retrying look at the latest attempt, by its start, as the
// engine's own escalation summary does.
//
// Known shortcoming: a write whose job vanished outside the portal (deleted
// by hand, restored backup) keeps the last state its attempts show. The
// sweeper sends the entity a job again, but for edits and quote decisions
// under a new mutation id, so that job's fate is not linked to the row.
// Carrying the latest accepted write's mutation id into the sweep would
// link them; what stands in the way is that a sweep sends the entity's
// current state, which may merge several accepted writes.

export type WriteOutcome =
  /** Accepted; no attempt yet (or held behind an earlier write). */
  | 'pending'
  /** An attempt is running. */
  | 'sending'
  /** An attempt failed and the job will try again. */
  | 'retrying'
  /** Halo has it. */
  | 'delivered'
  /** The worker gave up; staff were asked to step in. */
  | 'escalated'
  /** Staff sent it again and it has not landed yet. */
  | 'redriven'
  /** Staff set it aside; it will not be sent. */
  | 'dismissed'
  /** It will never run: its ticket's create was dismissed, or the quote
   * it decided left Halo before the decision showed. */
  | 'cancelled'

export interface WriteFacts {
  /** The latest start of each attempt outcome the mutation has had. */
  attempts: { outcome: string; latestStart: Date | null }[]
  /** The status of each escalation of the mutation. */
  escalations: string[]
  /** A dismissal of an earlier write took this one's job with it. */
  cancelledByDismissal: boolean
}

export function outcomeOf(facts: WriteFacts): WriteOutcome {
  const ran = new Set(facts.attempts.map((attempt) => attempt.outcome))
  const escalations = new Set(facts.escalations)
  if (facts.cancelledByDismissal) return 'cancelled'
  // A dismissal deletes the job, and an escalation holds it until staff
  // act, so neither is followed by an attempt of the same mutation.
  if (escalations.has('dismissed')) return 'dismissed'
  if (escalations.has('open')) return 'escalated'
  // A quote's watch completes or cancels after its write succeeded.
  if (ran.has('completed')) return 'delivered'
  if (ran.has('cancelled')) return 'cancelled'
  if (ran.has('succeeded')) return 'delivered'
  if (escalations.has('redriven')) return 'redriven'
  return fromLatestAttempt(facts.attempts)
}

type AttemptFact = WriteFacts['attempts'][number]

const startOf = (attempt: AttemptFact) => attempt.latestStart?.getTime() ?? 0

function fromLatestAttempt(attempts: AttemptFact[]): WriteOutcome {
  const latest = attempts.reduce<AttemptFact | null>(
    (found, attempt) =>
      !found || startOf(attempt) > startOf(found) ? attempt : found,
    null,
  )
  switch (latest?.outcome) {
    case 'running':
      return 'sending'
    case 'retryable':
    case 'rate-limited':
      return 'retrying'
    // Dead-lettered: its escalation row is on its way.
    case 'permanent':
    case 'deadline-passed':
      return 'escalated'
    default:
      return 'pending'
  }
}

/** The outcome of each of these writes, in three queries for any number. */
export async function outcomesOf(
  db: Db,
  writes: { mutationId: string; entityId: string }[],
): Promise<Map<string, WriteOutcome>> {
  const mutationIds = writes.map((write) => write.mutationId)
  const where = { mutationId: { in: mutationIds } }
  const [attempts, escalations, dismissals] = await Promise.all([
    db.jobAttempt.groupBy({
      by: ['mutationId', 'outcome'],
      where,
      _max: { startedAt: true },
    }),
    db.escalation.findMany({
      where,
      distinct: ['mutationId', 'status'],
      select: { mutationId: true, status: true },
    }),
    // A dismissal cancels writes of its own entity only, so it is found by
    // the entity: PostgreSQL will not use an index on the array while most
    // rows hold an empty one (measured: a full scan, 140 ms at 100k rows).
    db.auditEvent.findMany({
      where: {
        action: 'escalation-dismiss',
        entityId: { in: writes.map((write) => write.entityId) },
      },
      select: { cancelledMutationIds: true },
    }),
  ])
  const cancelled = new Set(dismissals.flatMap((d) => d.cancelledMutationIds))
  const outcomes = new Map<string, WriteOutcome>()
  for (const id of mutationIds) {
    const facts: WriteFacts = {
      attempts: attempts
        .filter((a) => a.mutationId === id)
        .map((a) => ({ outcome: a.outcome, latestStart: a._max.startedAt })),
      escalations: escalations
        .filter((e) => e.mutationId === id)
        .map((e) => e.status),
      cancelledByDismissal: cancelled.has(id),
    }
    outcomes.set(id, outcomeOf(facts))
  }
  return outcomes
}
