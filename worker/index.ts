import { createDb } from '../lib/db/client'
import { EnvError, getEnv, requireSetting } from '../lib/env'
import { errorMessage, log } from '../lib/log'
import { getHalo } from '../lib/upstream/halo'
import { startWorker } from './worker'

// Entry point of the worker process: `npm run worker`, or started by
// `npm start`. Stops on SIGTERM/SIGINT after in-flight jobs finish or are
// handed back to the queue.

async function main() {
  const env = getEnv()
  const connectionString = requireSetting('DATABASE_URL')
  const db = createDb(connectionString)
  const worker = await startWorker({
    connectionString,
    db,
    halo: getHalo(),
    concurrency: env.WORKER_CONCURRENCY,
  })
  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    log.info({ signal }, 'worker stopping')
    await worker.stop()
    await db.$disconnect()
    process.exit(0)
  }
  process.on('SIGTERM', () => void stop('SIGTERM'))
  process.on('SIGINT', () => void stop('SIGINT'))
}

main().catch((error) => {
  if (error instanceof EnvError) console.error(error.message)
  else log.fatal({ err: errorMessage(error) }, 'worker failed to start')
  process.exit(1)
})
