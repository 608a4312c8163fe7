import type { PgBoss } from 'pg-boss'
import { z } from 'zod'
import { getEnv } from '../env'

// Queue names and payloads. Every queue is created at start (dead-letter
// queues first): pg-boss drops a job sent to a queue that does not exist.

export const TICKET_CREATE = 'ticket-create'
export const TICKET_CREATE_DEAD = 'ticket-create-dead'

export const ticketCreateJobSchema = z.object({
  ticketId: z.uuid(),
  mutationId: z.uuid(),
  writeVersion: z.number().int().positive(),
  clientId: z.uuid(),
})

export type TicketCreateJob = z.infer<typeof ticketCreateJobSchema>

const RETRY_DELAY_MAX_SECONDS = 60
/** Longer than any one attempt can take: a write's deadline plus margin. */
const EXPIRE_SECONDS = 120

export async function ensureQueues(boss: PgBoss) {
  await boss.createQueue(TICKET_CREATE_DEAD, { retryLimit: 0 })
  await boss.createQueue(TICKET_CREATE, {
    deadLetter: TICKET_CREATE_DEAD,
    retryLimit: getEnv().WRITE_RETRY_LIMIT,
    // The first retry waits this long; each next one about twice as long,
    // with jitter, up to the cap.
    retryDelay: getEnv().WRITE_RETRY_DELAY_SECONDS,
    retryBackoff: true,
    retryDelayMax: RETRY_DELAY_MAX_SECONDS,
    expireInSeconds: EXPIRE_SECONDS,
  })
}
