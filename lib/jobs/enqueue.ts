import { fromPrisma, type Db as IDatabase, type PgBoss } from 'pg-boss'
import { recordAudit } from '../audit/record'
import type { Prisma } from '../db/client'
import type { Viewer } from '../viewer'
import {
  type AnyJobKind,
  entityKey,
  type JobPayload,
  type WriteJobKind,
} from './kind'

// The two ways a job is sent, both with its kind's name in the payload and
// its entity as the key. A user's write goes through acceptWrite, in the
// caller's transaction, which also writes its audit row; only the engine's
// own sends (a watch's next tick, a sweep, a handover from a write to its
// watch) use enqueue. No other path takes a transaction, so a write
// service cannot send a job with its cache change and skip the trail.

export function enqueue<P extends JobPayload>(
  boss: PgBoss,
  kind: AnyJobKind,
  payload: P,
  options: { startAfter?: number } = {},
): Promise<string> {
  return send(boss, kind, payload, options)
}

/**
 * A write the portal accepted from `actor`: its job and its audit row, in
 * `tx` with the cache change, so a committed write always has both and a
 * refused or rolled-back one has neither.
 */
export async function acceptWrite<P extends JobPayload>(
  tx: Prisma.TransactionClient,
  boss: PgBoss,
  write: { actor: Viewer; kind: WriteJobKind<P>; payload: P },
): Promise<string> {
  const { actor, kind, payload } = write
  const jobId = await send(boss, kind, payload, { db: fromPrisma(tx) })
  await recordAudit(tx, {
    actor,
    clientId: payload.clientId,
    action: kind.action(payload),
    entity: kind.entity(payload),
    mutationId: payload.mutationId,
    jobId,
  })
  return jobId
}

async function send<P extends JobPayload>(
  boss: PgBoss,
  kind: AnyJobKind,
  payload: P,
  options: { db?: IDatabase; startAfter?: number },
): Promise<string> {
  const id = await boss.send(
    kind.queue,
    { ...payload, kind: kind.name },
    { ...options, singletonKey: entityKey(kind.entity(payload)) },
  )
  if (!id) throw new Error(`queue ${kind.queue} refused a ${kind.name} job`)
  return id
}
