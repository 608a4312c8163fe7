import { PgBoss } from 'pg-boss'
import { requireSetting } from '../env'
import { log } from '../log'
import { ensureQueues } from './queues'

// pg-boss keeps its own schema ("pgboss") in the portal's database. The web
// server only sends jobs; the worker also supervises (expiry, retries,
// maintenance).

export type Boss = PgBoss

const SUPERVISE_SECONDS = 5

export async function startBoss(options: {
  connectionString: string
  role: 'web' | 'worker' | 'setup'
}): Promise<Boss> {
  const boss = new PgBoss({
    connectionString: options.connectionString,
    application_name: `portal-${options.role}`,
    supervise: options.role === 'worker',
    // Expired jobs and jobs of a dead worker (no heartbeat) are found on
    // each pass: this bounds how long a crashed worker's job waits.
    superviseIntervalSeconds: SUPERVISE_SECONDS,
    monitorIntervalSeconds: SUPERVISE_SECONDS,
    schedule: false,
    max: options.role === 'worker' ? 12 : 4,
  })
  boss.on('error', (error) =>
    log.error({ err: error, role: options.role }, 'pg-boss error'),
  )
  await boss.start()
  await ensureQueues(boss)
  return boss
}

const globalForBoss = globalThis as typeof globalThis & {
  portalBoss?: Promise<Boss>
}

/** The web process's pg-boss, started on first use. */
export function getBoss(): Promise<Boss> {
  globalForBoss.portalBoss ??= startBoss({
    connectionString: requireSetting('DATABASE_URL'),
    role: 'web',
  }).catch((error) => {
    globalForBoss.portalBoss = undefined
    throw error
  })
  return globalForBoss.portalBoss
}
