import { type ChildProcess, fork } from 'node:child_process'
import { once } from 'node:events'
import path from 'node:path'
import { migrate } from '../../lib/db/migrate'
import type { Env } from '../../lib/env'
import { startBoss } from '../../lib/jobs/boss'
import { log } from '../../lib/log'
import { StartError } from './errors'
import { ROOT } from './paths'
import { clearStalePidFile } from './pid-file'
import { assertPortFree } from './ports'
import type { HostCommand, HostReport } from './postgres-messages'
import { settlesWithin } from './time'

// The portal's database: DATABASE_URL's, or the embedded PostgreSQL run by
// scripts/stack/postgres-host.ts (see there for why it is a process apart).

const HOST_SCRIPT = path.join(import.meta.dirname, 'postgres-host.ts')
const EMBEDDED_HOST = '127.0.0.1'
/** A fast shutdown takes well under a second; this allows a slow disk. */
const STOP_TIMEOUT_MS = 20_000

export interface Database {
  url: string
  /** Stops the embedded PostgreSQL; absent for DATABASE_URL's. */
  stop?: () => Promise<void>
}

/** `onLost` hears of an embedded PostgreSQL that stopped on its own. */
export async function openDatabase(
  env: Env,
  onLost: (reason: string) => void,
): Promise<Database> {
  if (env.DATABASE_URL) {
    return { url: env.DATABASE_URL }
  }
  const dir = path.resolve(ROOT, env.EMBEDDED_PG_DIR)
  await clearStalePidFile(dir)
  await assertPortFree('EMBEDDED_PG_PORT', EMBEDDED_HOST, env.EMBEDDED_PG_PORT)
  return startHost(dir, env.EMBEDDED_PG_PORT, onLost)
}

/** Applies the migrations and creates pg-boss's schema and queues. */
export async function prepareDatabase(url: string) {
  const applied = await migrate(url)
  if (applied.length > 0) log.info({ applied }, 'migrations applied')
  else log.info('database schema is up to date')

  const boss = await startBoss({ connectionString: url, role: 'setup' })
  await boss.stop()
  log.info('job queues ready')
}

async function startHost(
  dir: string,
  port: number,
  onLost: (reason: string) => void,
): Promise<Database> {
  const host = fork(HOST_SCRIPT, [dir, String(port)], {
    cwd: ROOT,
    detached: true,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const url = await firstReport(host)
  let stopping = false
  host.once('exit', (code, signal) => {
    if (stopping) return
    onLost(
      `The embedded PostgreSQL stopped unexpectedly (exit ${code ?? signal}); ` +
        'its messages are above. Start the portal again.',
    )
  })
  const stop = () => {
    stopping = true
    return stopHost(host)
  }
  return { url, stop }
}

function firstReport(host: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) =>
      reject(
        new StartError(
          `The embedded PostgreSQL's host process exited while starting ` +
            `(exit code ${code}); its messages are above.`,
        ),
      )
    host.once('exit', onExit)
    host.once('message', (report: HostReport) => {
      host.off('exit', onExit)
      if (report.type === 'ready') resolve(report.url)
      else reject(new StartError(report.message))
    })
  })
}

async function stopHost(host: ChildProcess) {
  if (host.exitCode !== null || host.signalCode !== null) return
  const exited = once(host, 'exit')
  host.send({ type: 'stop' } satisfies HostCommand)
  if (await settlesWithin(exited, STOP_TIMEOUT_MS)) return

  log.warn('embedded PostgreSQL is slow to stop; sending its host SIGTERM')
  host.kill('SIGTERM')
  await settlesWithin(exited, STOP_TIMEOUT_MS)
}
