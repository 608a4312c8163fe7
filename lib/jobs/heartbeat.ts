import type { Db } from '../db/client'

// The worker's sign of life, on the database's clock, read by /api/health.

export async function beat(db: Db, workerId: string) {
  await db.$executeRaw`
    INSERT INTO worker_heartbeats (worker_id, beat_at, started_at)
    VALUES (${workerId}, now(), now())
    ON CONFLICT (worker_id) DO UPDATE SET beat_at = now()`
}

export async function forget(db: Db, workerId: string) {
  await db.workerHeartbeat.deleteMany({ where: { workerId } })
}

/** True when some worker has beaten within the last `seconds`. */
export async function isWorkerAlive(db: Db, seconds: number) {
  const rows = await db.$queryRaw<{ alive: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM worker_heartbeats
       WHERE beat_at > now() - make_interval(secs => ${seconds})
    ) AS alive`
  return rows[0]?.alive ?? false
}
