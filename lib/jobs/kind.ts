import type { PgBoss } from 'pg-boss'
import type { z } from 'zod'
import type { AuditAction } from '../audit/record'
import type { Db } from '../db/client'
import { getEnv } from '../env'
import type { Logger } from '../log'
import type { HaloClient } from '../upstream/halo'

// The one typed way to define a job kind: a queue, a payload schema, a
// retry and deadline policy, and a handler. A write performs one upstream
// change; a poll watches an entity until it reaches a terminal state.

/** What every payload carries, so attempts and escalations can name it. */
export interface JobPayload {
  /** Minted when the user's request was accepted; stable across retries. */
  mutationId: string
  /** The client the job acts for; checked against the entity before work. */
  clientId: string
}

export interface EntityRef {
  type: 'ticket' | 'quote'
  id: string
}

export interface JobPolicy {
  /** Failed attempts retried before the job is dead-lettered. */
  retryLimit: number
  /** First retry delay; each next one doubles, with jitter, up to max. */
  retryDelaySeconds: number
  retryDelayMaxSeconds: number
  /** An attempt running longer than this is treated as failed. */
  expireInSeconds: number
}

export interface JobRun {
  db: Db
  halo: HaloClient
  /** For a job that starts another (a write that hands over to a watch). */
  boss: PgBoss
  log: Logger
  /** Aborted when the job expires or the worker stops. */
  signal: AbortSignal
  jobId: string
  attempt: number
}

export type PollOutcome =
  | { outcome: 'waiting'; retryInSeconds: number }
  | { outcome: 'completed' }
  | { outcome: 'cancelled'; reason: string }

interface KindBase<P extends JobPayload> {
  /** Names the kind in the payload; a queue may carry several kinds. */
  name: string
  /**
   * Writes to one entity share a queue whatever their kind: pg-boss keeps
   * the order of one key within one queue, not across queues.
   */
  queue: string
  schema: z.ZodType<P>
  entity(payload: P): EntityRef
  /** Read when the queue is created, so settings can change it. */
  policy: () => JobPolicy
  /** The client the entity belongs to, for the tenancy check. */
  clientOf(db: Db, payload: P): Promise<string | null>
  /** The job was escalated: show the user the write failed, and why. */
  onEscalated(db: Db, payload: P, message: string): Promise<void>
  /** Staff sent it again: show it as pending once more. */
  onRedriven?(db: Db, payload: P): Promise<void>
  /**
   * Set aside, this job means the entity never reaches the upstream (a
   * create): the writes queued behind it are cancelled with it.
   */
  dismissalEndsEntity?: boolean
}

export interface WriteJobKind<P extends JobPayload> extends KindBase<P> {
  kind: 'write'
  /** What the audit trail calls an accepted write of this kind. */
  action(payload: P): AuditAction
  perform(payload: P, run: JobRun): Promise<void>
  /**
   * The last attempt failed and the job will retry: tell the user, in
   * their words (the upstream's own error stays in the attempt rows).
   */
  onAttemptFailed(db: Db, payload: P, message: string): Promise<void>
}

export interface PollJobKind<P extends JobPayload & { abandonAfter: string }>
  extends KindBase<P> {
  kind: 'poll'
  tick(payload: P, run: JobRun): Promise<PollOutcome>
}

// biome-ignore lint/suspicious/noExplicitAny: a registry holds every payload type
export type AnyJobKind = WriteJobKind<any> | PollJobKind<any>

export function defineWriteJob<P extends JobPayload>(
  kind: Omit<WriteJobKind<P>, 'kind'>,
): WriteJobKind<P> {
  return { kind: 'write', ...kind }
}

export function definePollJob<P extends JobPayload & { abandonAfter: string }>(
  kind: Omit<PollJobKind<P>, 'kind'>,
): PollJobKind<P> {
  return { kind: 'poll', ...kind }
}

/**
 * The longest wait between two tries of a write. With the default 20
 * retries from 2 s, doubling, a write keeps trying for about an hour and a
 * quarter before staff are asked to step in.
 */
const WRITE_RETRY_DELAY_MAX_SECONDS = 300

/** Upstream writes: the WRITE_* settings. */
export function writePolicy(): JobPolicy {
  const env = getEnv()
  return {
    retryLimit: env.WRITE_RETRY_LIMIT,
    retryDelaySeconds: env.WRITE_RETRY_DELAY_SECONDS,
    retryDelayMaxSeconds: WRITE_RETRY_DELAY_MAX_SECONDS,
    expireInSeconds: env.WRITE_EXPIRE_SECONDS,
  }
}

/** Writes to one entity run one at a time, in order: one key per entity. */
export function entityKey(entity: EntityRef): string {
  return `${entity.type}:${entity.id}`
}
