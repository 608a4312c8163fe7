import { hostname } from 'node:os'
import type { JobResult, JobWithMetadata } from 'pg-boss'
import { linkHaloUser } from '../lib/accounts/link'
import type { Db } from '../lib/db/client'
import { type Boss, startBoss } from '../lib/jobs/boss'
import { handleEscalation } from '../lib/jobs/escalation'
import { beat, forget } from '../lib/jobs/heartbeat'
import { notifyStaff } from '../lib/jobs/notify'
import {
  ACCOUNT_LINK_QUEUE,
  ESCALATION_QUEUE,
  kindOfJob,
  kindQueues,
  NOTIFY_QUEUE,
} from '../lib/jobs/registry'
import { runJob } from '../lib/jobs/runner'
import { type SweepDeps, sweepOrphans } from '../lib/jobs/sweeper'
import { errorMessage, log } from '../lib/log'
import { MAIL_QUEUE, sendMail } from '../lib/mail/mail'
import type { HaloClient } from '../lib/upstream/halo'

// The worker: performs the upstream writes and watches the web app
// enqueued. Its own process, so a slow or failing upstream never holds a
// request.

const HEARTBEAT_MS = 5000
/**
 * How often a worker looks for pending entities left with no job. Two
 * workers may both find one and both send a job; the kinds are idempotent.
 */
const SWEEP_MS = 60_000
/** How long a stop waits for in-flight jobs before handing them back. */
const STOP_TIMEOUT_MS = 25_000

export interface WorkerOptions {
  connectionString: string
  db: Db
  halo: HaloClient
  concurrency: number
  /**
   * Seconds between polls of an idle queue (pg-boss's minimum is 0.5). It
   * bounds how long a write waits after the one before it on its entity.
   */
  pollingIntervalSeconds?: number
}

export interface RunningWorker {
  id: string
  boss: Boss
  stop(): Promise<void>
}

type Job = JobWithMetadata<unknown>

export async function startWorker(
  options: WorkerOptions,
): Promise<RunningWorker> {
  const id = `${hostname()}:${process.pid}:${Date.now().toString(36)}`
  const workerLog = log.child({ workerId: id })
  const boss = await startBoss({
    connectionString: options.connectionString,
    role: 'worker',
  })
  const deps = {
    db: options.db,
    halo: options.halo,
    boss,
    log: workerLog,
    workerId: id,
  }
  const polling = {
    pollingIntervalSeconds: options.pollingIntervalSeconds ?? 0.5,
    includeMetadata: true,
    batchSize: 1,
  } as const
  for (const { queue } of kindQueues()) {
    await workQueue(boss, queue, deps, options, polling)
  }
  await boss.work(ESCALATION_QUEUE, polling, async (jobs: Job[]) => {
    for (const job of jobs) await handleEscalation(job, deps)
  })
  await boss.work(NOTIFY_QUEUE, polling, async (jobs: Job[]) => {
    for (const job of jobs) await notifyStaff(job.data, deps)
  })
  await boss.work(MAIL_QUEUE, polling, async (jobs: Job[]) => {
    for (const job of jobs) await sendMail(job.data, deps.log)
  })
  await boss.work(ACCOUNT_LINK_QUEUE, polling, async (jobs: Job[]) => {
    for (const job of jobs) await linkHaloUser(job.data, deps)
  })
  const timer = startHeartbeat(options.db, id)
  const sweeper = startSweeper(deps)
  workerLog.info({ concurrency: options.concurrency }, 'worker started')
  return {
    id,
    boss,
    stop: async () => {
      clearInterval(timer)
      clearInterval(sweeper)
      await boss.stop({ graceful: true, timeout: STOP_TIMEOUT_MS })
      await forget(options.db, id)
      workerLog.info('worker stopped')
    },
  }
}

async function workQueue(
  boss: Boss,
  queue: string,
  deps: Parameters<typeof runJob>[2],
  options: WorkerOptions,
  polling: {
    pollingIntervalSeconds: number
    includeMetadata: true
    batchSize: 1
  },
) {
  const runOne = (job: Job): Promise<JobResult> => {
    const kind = kindOfJob(queue, job.data)
    if (kind) return runJob(kind, job, deps)
    deps.log.error({ jobId: job.id, queue }, 'job of no known kind')
    const output = { message: 'job of no known kind' }
    return Promise.resolve({ id: job.id, status: 'deadletter', output })
  }
  await boss.work(
    queue,
    { ...polling, localConcurrency: options.concurrency, perJobResults: true },
    (jobs: Job[]) => Promise.all(jobs.map(runOne)),
  )
}

function startSweeper(deps: SweepDeps) {
  const sweep = () =>
    sweepOrphans(deps).catch((error) =>
      deps.log.warn({ err: errorMessage(error) }, 'orphan sweep failed'),
    )
  void sweep()
  return setInterval(sweep, SWEEP_MS)
}

function startHeartbeat(db: Db, id: string) {
  const tick = () =>
    beat(db, id).catch((error) =>
      log.warn({ workerId: id, err: errorMessage(error) }, 'heartbeat failed'),
    )
  void tick()
  return setInterval(tick, HEARTBEAT_MS)
}
