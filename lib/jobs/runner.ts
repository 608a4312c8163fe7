import type { JobResult, JobWithMetadata, PgBoss } from 'pg-boss'
import { type Db, dbNow } from '../db/client'
import { errorMessage, type Logger } from '../log'
import { isUpstreamError, type UpstreamError } from '../upstream/errors'
import type { HaloClient } from '../upstream/halo'
import { finishAttempt, startAttempt } from './attempts'
import { enqueue } from './enqueue'
import type {
  AnyJobKind,
  JobPayload,
  JobRun,
  PollJobKind,
  WriteJobKind,
} from './kind'
import {
  pauseUpstream,
  RATE_WINDOW_MS,
  sleep,
  whenUpstreamOpen,
} from './waiting'

// Runs one job of any kind and says what pg-boss should do with it:
// completed; failed (retried with backoff, then dead-lettered); or
// dead-lettered at once for a failure no retry can mend. A rate limit is
// waited out inside the attempt, so it does not use up the retry budget.

/** Leave this share of the job's expiry (at most 15 s) unused by waits. */
const EXPIRY_MARGIN_SHARE = 0.2
const EXPIRY_MARGIN_MAX_MS = 15_000

export interface RunnerDeps {
  db: Db
  halo: HaloClient
  boss: PgBoss
  log: Logger
  workerId: string
}

type Job = JobWithMetadata<unknown>

const RETRYING =
  'The service desk has not taken this yet; the portal keeps trying and ' +
  'you do not need to send it again.'

export async function runJob(
  kind: AnyJobKind,
  job: Job,
  deps: RunnerDeps,
): Promise<JobResult> {
  const parsed = kind.schema.safeParse(job.data)
  if (!parsed.success) {
    deps.log.error({ jobId: job.id, kind: kind.name }, 'malformed payload')
    return deadLetter(job, `malformed payload: ${parsed.error.message}`)
  }
  const payload = parsed.data as JobPayload
  const owner = await kind.clientOf(deps.db, payload)
  if (owner !== null && owner !== payload.clientId) {
    deps.log.error({ jobId: job.id, owner }, 'job acts for another client')
    return deadLetter(
      job,
      'the job names a client the entity does not belong to',
    )
  }
  return runAttempts(kind, job, payload, deps)
}

async function runAttempts(
  kind: AnyJobKind,
  job: Job,
  payload: JobPayload,
  deps: RunnerDeps,
): Promise<JobResult> {
  const started = Date.now()
  const log = deps.log.child({
    jobId: job.id,
    kind: kind.name,
    mutationId: payload.mutationId,
    attempt: job.retryCount + 1,
  })
  const run: JobRun = {
    db: deps.db,
    halo: deps.halo,
    boss: deps.boss,
    log,
    signal: job.signal,
    jobId: job.id,
    attempt: job.retryCount + 1,
  }
  const attempt = {
    id: job.id,
    queue: kind.name,
    attempt: run.attempt,
    workerId: deps.workerId,
  }
  for (;;) {
    await whenUpstreamOpen(job.signal)
    const attemptId = await startAttempt(
      deps.db,
      attempt,
      payload,
      kind.entity(payload),
    )
    try {
      return await runOnce(kind, job, payload, run, attemptId, deps)
    } catch (error) {
      const waitMs = rateLimitWait(error, job, started)
      const message = errorMessage(error)
      if (waitMs !== undefined) {
        await finishAttempt(deps.db, attemptId, 'rate-limited', message)
        log.warn({ waitMs }, 'rate limited; waiting, not counted as a failure')
        pauseUpstream(waitMs)
        await sleep(waitMs, job.signal)
        continue
      }
      return failed(kind, job, payload, attemptId, error, deps, log)
    }
  }
}

async function runOnce(
  kind: AnyJobKind,
  job: Job,
  payload: JobPayload,
  run: JobRun,
  attemptId: string,
  deps: RunnerDeps,
): Promise<JobResult> {
  if (kind.kind === 'write') {
    await (kind as WriteJobKind<JobPayload>).perform(payload, run)
    await finishAttempt(deps.db, attemptId, 'succeeded')
    run.log.info('write delivered')
    return { id: job.id, status: 'completed' }
  }
  return tick(
    kind as PollKind,
    job,
    payload as PollPayload,
    run,
    attemptId,
    deps,
  )
}

type PollPayload = JobPayload & { abandonAfter: string }
type PollKind = PollJobKind<PollPayload>

async function tick(
  kind: PollKind,
  job: Job,
  payload: PollPayload,
  run: JobRun,
  attemptId: string,
  deps: RunnerDeps,
): Promise<JobResult> {
  const now = await dbNow(deps.db)
  if (now.getTime() > Date.parse(payload.abandonAfter)) {
    await finishAttempt(deps.db, attemptId, 'deadline-passed')
    run.log.warn('watch passed its deadline; escalating')
    return deadLetter(job, 'the watch passed its deadline')
  }
  const outcome = await kind.tick(payload, run)
  if (outcome.outcome === 'waiting') {
    await enqueue(deps.boss, kind, payload, {
      startAfter: outcome.retryInSeconds,
    })
  }
  const error = outcome.outcome === 'cancelled' ? outcome.reason : undefined
  await finishAttempt(deps.db, attemptId, outcome.outcome, error)
  return { id: job.id, status: 'completed', output: outcome }
}

async function failed(
  kind: AnyJobKind,
  job: Job,
  payload: JobPayload,
  attemptId: string,
  error: unknown,
  deps: RunnerDeps,
  log: Logger,
): Promise<JobResult> {
  const message = errorMessage(error)
  const permanent = isPermanent(error)
  await finishAttempt(
    deps.db,
    attemptId,
    permanent ? 'permanent' : 'retryable',
    message,
  )
  if (kind.kind === 'write' && !permanent) {
    await (kind as WriteJobKind<JobPayload>).onAttemptFailed(
      deps.db,
      payload,
      RETRYING,
    )
  }
  log.warn({ err: message, permanent }, 'attempt failed')
  if (permanent) return deadLetter(job, message)
  return { id: job.id, status: 'failed', output: { message } }
}

function isPermanent(error: unknown): boolean {
  if (!isUpstreamError(error)) return false
  return error.failure === 'permanent' || error.failure === 'not-found'
}

/** How long to wait out a 429, or undefined when it must count instead. */
function rateLimitWait(error: unknown, job: Job, startedMs: number) {
  if (!isUpstreamError(error) || error.failure !== 'rate-limited') return
  const waitMs = (error as UpstreamError).retryAfterMs ?? RATE_WINDOW_MS
  const expireMs = job.expireInSeconds * 1000
  const marginMs = Math.min(
    EXPIRY_MARGIN_MAX_MS,
    expireMs * EXPIRY_MARGIN_SHARE,
  )
  const budgetMs = expireMs - (Date.now() - startedMs) - marginMs
  return waitMs < budgetMs ? Math.max(waitMs, 100) : undefined
}

function deadLetter(job: Job, message: string): JobResult {
  return { id: job.id, status: 'deadletter', output: { message } }
}
