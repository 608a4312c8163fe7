import type { Job } from 'pg-boss'
import { toDate } from '../cache/ticket-store'
import { type Db, dbNow } from '../db/client'
import { getEnv } from '../env'
import { errorMessage, type Logger, log } from '../log'
import type { HaloClient } from '../upstream/halo'
import {
  createHaloTicket,
  findHaloTicketByMark,
  type HaloTicket,
} from '../upstream/halo-tickets'
import { type TicketCreateJob, ticketCreateJobSchema } from './queues'

// Delivers a ticket the portal accepted to Halo, effectively once: the
// create carries the mutation id in third_party_id_string, and a re-run that finds
// the create was already sent looks for that mark before posting again.

/** Halo's last_update may trail the attempt by clock skew; look back this far. */
const MARK_LOOKBACK_MS = 10 * 60_000

export interface JobContext {
  db: Db
  halo: HaloClient
  log: Logger
}

export async function runTicketCreate(
  job: Job<unknown>,
  context: JobContext,
): Promise<void> {
  const data = ticketCreateJobSchema.parse(job.data)
  const log = context.log.child({
    jobId: job.id,
    ticketId: data.ticketId,
    attempt: job.retryCount + 1,
  })
  try {
    await deliver(data, job.signal, context)
    log.info('ticket delivered to Halo')
  } catch (error) {
    log.warn({ err: errorMessage(error) }, 'ticket create attempt failed')
    await context.db.ticket.updateMany({
      where: { id: data.ticketId },
      data: { writeError: errorMessage(error) },
    })
    throw error
  }
}

async function deliver(
  data: TicketCreateJob,
  jobSignal: AbortSignal,
  { db, halo }: JobContext,
) {
  const ticket = await db.ticket.findUnique({
    where: { id: data.ticketId },
    include: { client: true },
  })
  if (!ticket || ticket.haloId !== null) return
  const signal = AbortSignal.any([
    jobSignal,
    AbortSignal.timeout(getEnv().UPSTREAM_WRITE_TIMEOUT_MS),
  ])
  let saved: HaloTicket | undefined
  if (ticket.createSentAt) {
    saved = await findHaloTicketByMark(
      halo,
      {
        clientId: ticket.client.haloId,
        since: new Date(ticket.createSentAt.getTime() - MARK_LOOKBACK_MS),
        thirdPartyId: data.mutationId,
      },
      signal,
    )
  }
  if (!saved) {
    await db.ticket.update({
      where: { id: ticket.id },
      data: { createSentAt: await dbNow(db) },
    })
    saved = await createHaloTicket(
      halo,
      {
        summary: ticket.summary,
        details: ticket.details,
        client_id: ticket.client.haloId,
        user_id: ticket.haloUserId ?? undefined,
        third_party_id_string: data.mutationId,
      },
      signal,
    )
  }
  await storeDelivered(db, ticket.id, saved, data.writeVersion)
}

/**
 * Stores Halo's answer. pendingWrite clears only when no newer edit was
 * accepted meanwhile; otherwise only the Halo id is kept and the newer
 * edit's job finishes the work.
 */
async function storeDelivered(
  db: Db,
  ticketId: string,
  saved: HaloTicket,
  writeVersion: number,
) {
  const now = await dbNow(db)
  await dropStaleClaims(db, ticketId, saved.id)
  const settled = await db.ticket.updateMany({
    where: { id: ticketId, writeVersion },
    data: {
      haloId: saved.id,
      statusId: saved.status_id,
      lastUpdate: toDate(saved.last_update) ?? now,
      syncedAt: now,
      pendingWrite: false,
      writeError: null,
    },
  })
  if (settled.count === 0) {
    await db.ticket.update({
      where: { id: ticketId },
      data: { haloId: saved.id },
    })
  }
}

/**
 * Halo just said which ticket has this id. A cached row that claims the id
 * too is left from another history of the tenant (a reset simulator, a
 * restored backup) and goes; a pending one is left for its own job.
 */
async function dropStaleClaims(db: Db, ticketId: string, haloId: number) {
  const dropped = await db.ticket.deleteMany({
    where: { haloId, id: { not: ticketId }, pendingWrite: false },
  })
  if (dropped.count > 0) {
    log.warn({ ticketId, haloId }, 'dropped a cached ticket Halo no longer has')
  }
}

/**
 * A create that used up its retries: the ticket stops showing as pending
 * and says why it was not saved.
 */
export async function runTicketCreateDead(
  job: Job<unknown>,
  context: JobContext,
): Promise<void> {
  const data = ticketCreateJobSchema.parse(job.data)
  const ticket = await context.db.ticket.findUnique({
    where: { id: data.ticketId },
  })
  if (!ticket || ticket.haloId !== null) return
  const reason = ticket.writeError ?? 'the service desk did not accept it'
  await context.db.ticket.updateMany({
    where: { id: data.ticketId, writeVersion: data.writeVersion },
    data: {
      pendingWrite: false,
      writeError: `Could not be sent to the service desk: ${reason}`,
    },
  })
  context.log.error(
    { jobId: job.id, ticketId: data.ticketId, reason },
    'ticket create gave up after its retries',
  )
}
