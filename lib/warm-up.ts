import { getDb } from './db/client'
import { getBoss } from './jobs/boss'
import { errorMessage, log } from './log'

/** Connects the web process's database client and pg-boss. */
export async function warmUp() {
  const started = Date.now()
  try {
    await getDb().$queryRaw`SELECT 1`
    await getBoss()
    log.info({ ms: Date.now() - started }, 'web server connected')
  } catch (error) {
    // Not fatal: routes connect on first use and /api/health reports it.
    log.error({ err: errorMessage(error) }, 'web server could not connect')
  }
}
