import { json } from '@/app/_server/respond'
import { getDb } from '@/lib/db/client'
import { getEnv } from '@/lib/env'
import { isWorkerAlive } from '@/lib/jobs/heartbeat'
import { errorMessage, log } from '@/lib/log'

// Liveness for scripts and load balancers: the database answers, and some
// worker has beaten recently on the database's own clock.

export const dynamic = 'force-dynamic'

type Part = 'ok' | 'down' | 'stale' | 'unknown'

async function check(part: string, probe: () => Promise<boolean>) {
  try {
    return await probe()
  } catch (error) {
    log.warn({ part, reason: errorMessage(error) }, 'health check failed')
    return null
  }
}

function answer(db: Part, worker: Part): Response {
  if (db !== 'ok') return json({ status: 'down', db, worker }, 503)
  if (worker !== 'ok') return json({ status: 'degraded', db, worker }, 503)
  return json({ status: 'ok', db, worker })
}

export async function GET() {
  const dbUp = await check('db', async () => {
    await getDb().$queryRaw`select 1`
    return true
  })
  if (!dbUp) return answer('down', 'unknown')

  const seconds = getEnv().WORKER_STALE_SECONDS
  const alive = await check('worker', () => isWorkerAlive(getDb(), seconds))
  if (alive === null) return answer('ok', 'unknown')
  return answer('ok', alive ? 'ok' : 'stale')
}
