import type { Db as IDatabase, PgBoss } from 'pg-boss'
import { type AnyJobKind, entityKey, type JobPayload } from './kind'

// The one way a job is sent: with its kind's name in the payload and its
// entity as the key, in the caller's transaction when one is given.

export async function enqueue<P extends JobPayload>(
  boss: PgBoss,
  kind: AnyJobKind,
  payload: P,
  options: { db?: IDatabase; startAfter?: number } = {},
): Promise<string> {
  const id = await boss.send(
    kind.queue,
    { ...payload, kind: kind.name },
    { ...options, singletonKey: entityKey(kind.entity(payload)) },
  )
  if (!id) throw new Error(`queue ${kind.queue} refused a ${kind.name} job`)
  return id
}
