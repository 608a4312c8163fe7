import type { PgBoss } from 'pg-boss'
import { MAIL_QUEUE } from '../mail/mail'
import type { AnyJobKind } from './kind'
import {
  ACCOUNT_LINK_QUEUE,
  ESCALATION_QUEUE,
  kindQueues,
  NOTIFY_QUEUE,
} from './registry'

// Every queue is created at start (dead-letter queues first): pg-boss drops
// a job sent to a queue that does not exist.

/** A worker that stops beating for this long has its jobs run again. */
export const HEARTBEAT_SECONDS = 10

export async function ensureQueues(boss: PgBoss) {
  await boss.createQueue(ESCALATION_QUEUE, {
    retryLimit: 5,
    retryDelay: 5,
    retryBackoff: true,
  })
  await boss.createQueue(NOTIFY_QUEUE, {
    retryLimit: 10,
    retryDelay: 10,
    retryBackoff: true,
    retryDelayMax: 600,
  })
  // A mail server or Halo that is away for a while is waited out.
  for (const queue of [MAIL_QUEUE, ACCOUNT_LINK_QUEUE]) {
    await boss.createQueue(queue, {
      retryLimit: 10,
      retryDelay: 10,
      retryBackoff: true,
      retryDelayMax: 600,
    })
  }
  for (const kind of kindQueues()) await ensureKindQueue(boss, kind)
}

async function ensureKindQueue(boss: PgBoss, kind: AnyJobKind) {
  const policy = kind.policy()
  const options = {
    // Writes to one entity go one at a time, in order; a watch has at most
    // one tick queued and one running per entity.
    policy: kind.kind === 'write' ? 'key_strict_fifo' : 'stately',
    deadLetter: ESCALATION_QUEUE,
    retryLimit: policy.retryLimit,
    retryDelay: policy.retryDelaySeconds,
    retryBackoff: true,
    retryDelayMax: policy.retryDelayMaxSeconds,
    expireInSeconds: policy.expireInSeconds,
    heartbeatSeconds: HEARTBEAT_SECONDS,
  } as const
  await boss.createQueue(kind.queue, options)
  const { policy: _policy, ...changeable } = options
  await boss.updateQueue(kind.queue, changeable)
}
