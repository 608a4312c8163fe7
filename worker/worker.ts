import { hostname } from 'node:os'
import type { Job } from 'pg-boss'
import type { Db } from '../lib/db/client'
import { type Boss, startBoss } from '../lib/jobs/boss'
import { beat, forget } from '../lib/jobs/heartbeat'
import { TICKET_CREATE, TICKET_CREATE_DEAD } from '../lib/jobs/queues'
import {
  type JobContext,
  runTicketCreate,
  runTicketCreateDead,
} from '../lib/jobs/ticket-create'
import { errorMessage, log } from '../lib/log'
import type { HaloClient } from '../lib/upstream/halo'

// The worker: performs the upstream writes the web app enqueued. Its own
// process, so a slow or failing upstream never holds a request.

const HEARTBEAT_MS = 5000
/** How long a stop waits for in-flight jobs before handing them back. */
const STOP_TIMEOUT_MS = 25_000

export interface WorkerOptions {
  connectionString: string
  db: Db
  halo: HaloClient
  concurrency: number
  /** Seconds between polls of an idle queue; pg-boss's minimum is 0.5. */
  pollingIntervalSeconds?: number
}

export interface RunningWorker {
  id: string
  boss: Boss
  stop(): Promise<void>
}

export async function startWorker(
  options: WorkerOptions,
): Promise<RunningWorker> {
  const id = `${hostname()}:${process.pid}:${Date.now().toString(36)}`
  const workerLog = log.child({ workerId: id })
  const boss = await startBoss({
    connectionString: options.connectionString,
    role: 'worker',
  })
  const context: JobContext = {
    db: options.db,
    halo: options.halo,
    log: workerLog,
  }
  const each =
    (run: (job: Job<unknown>, c: JobContext) => Promise<void>) =>
    async (jobs: Job<unknown>[]) => {
      for (const job of jobs) await run(job, context)
    }
  const polling = {
    pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1,
  }
  await boss.work(
    TICKET_CREATE,
    { localConcurrency: options.concurrency, batchSize: 1, ...polling },
    each(runTicketCreate),
  )
  await boss.work(
    TICKET_CREATE_DEAD,
    { batchSize: 1, ...polling },
    each(runTicketCreateDead),
  )
  const timer = startHeartbeat(options.db, id)
  workerLog.info({ concurrency: options.concurrency }, 'worker started')
  return {
    id,
    boss,
    stop: async () => {
      clearInterval(timer)
      await boss.stop({ graceful: true, timeout: STOP_TIMEOUT_MS })
      await forget(options.db, id)
      workerLog.info('worker stopped')
    },
  }
}

function startHeartbeat(db: Db, id: string) {
  const tick = () =>
    beat(db, id).catch((error) =>
      log.warn({ workerId: id, err: errorMessage(error) }, 'heartbeat failed'),
    )
  void tick()
  return setInterval(tick, HEARTBEAT_MS)
}
