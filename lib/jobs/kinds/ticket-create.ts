import { z } from 'zod'
import { toDate } from '../../cache/ticket-store'
import { type Db, dbNow } from '../../db/client'
import { getEnv } from '../../env'
import { log } from '../../log'
import { isUpstreamError } from '../../upstream/errors'
import type { HaloClient } from '../../upstream/halo'
import {
  createHaloTicket,
  findHaloTicketByMark,
  type HaloTicket,
} from '../../upstream/halo-tickets'
import { defineWriteJob, type JobRun, writePolicy } from '../kind'
import { sleep, writeSignal } from '../waiting'
import { TICKET_WRITES } from './queues'

// Delivers a ticket the portal accepted to Halo, effectively once: the
// create carries the mutation id in third_party_id_string, and a re-run
// that finds the create was already sent looks for that mark first.

/** Halo's last_update may trail the attempt by clock skew; look back this far. */
const MARK_LOOKBACK_MS = 10 * 60_000

export const ticketCreateSchema = z.object({
  ticketId: z.uuid(),
  mutationId: z.uuid(),
  writeVersion: z.number().int().positive(),
  clientId: z.uuid(),
  /** As accepted: later edits of the row travel in their own jobs. */
  fields: z.object({ summary: z.string(), details: z.string() }),
})

export type TicketCreate = z.infer<typeof ticketCreateSchema>

export const ticketCreateJob = defineWriteJob<TicketCreate>({
  name: 'ticket-create',
  queue: TICKET_WRITES,
  schema: ticketCreateSchema,
  entity: (payload) => ({ type: 'ticket', id: payload.ticketId }),
  policy: writePolicy,
  clientOf: ticketClient,
  action: () => 'ticket-create',
  dismissalEndsEntity: true,
  perform: async (payload, run) => {
    const ticket = await run.db.ticket.findUnique({
      where: { id: payload.ticketId },
      include: { client: true },
    })
    if (!ticket || ticket.haloId !== null) return
    const found = ticket.createSentAt
      ? await findEarlierCreate(run, ticket, payload)
      : undefined
    const saved =
      found ??
      (await sendCreate(run.db, run.halo, ticket, payload, writeSignal(run)))
    await storeDelivered(run.db, ticket.id, saved, payload.writeVersion)
  },
  onAttemptFailed: (db, payload, error) =>
    noteError(db, payload.ticketId, error),
  onRedriven: (db, payload) => showPendingAgain(db, payload.ticketId),
  onEscalated: async (db, payload, message) => {
    await db.ticket.updateMany({
      where: { id: payload.ticketId, haloId: null },
      data: { pendingWrite: false, writeError: message },
    })
  },
})

/**
 * A re-run after an attempt that sent the create: the ticket that attempt
 * made, if it shows up in Halo within the settle window. An answer lost on
 * the way back (a timeout, a crash) does not mean Halo did not save it, and
 * Halo may still be saving it; posting again at once would make a second.
 */
async function findEarlierCreate(
  run: JobRun,
  ticket: { createSentAt: Date | null; client: { haloId: number } },
  payload: TicketCreate,
) {
  const sentAt = ticket.createSentAt?.getTime() ?? 0
  const mark = {
    clientId: ticket.client.haloId,
    since: new Date(sentAt - MARK_LOOKBACK_MS),
    thirdPartyId: payload.mutationId,
  }
  const found = await findHaloTicketByMark(run.halo, mark, writeSignal(run))
  if (found) return found
  const settleMs = getEnv().WRITE_SETTLE_SECONDS * 1000
  const waitMs = sentAt + settleMs - (await dbNow(run.db)).getTime()
  if (waitMs <= 0) return undefined
  run.log.info({ waitMs }, 'an earlier create may still land; waiting')
  await sleep(waitMs, run.signal)
  return findHaloTicketByMark(run.halo, mark, writeSignal(run))
}

export async function ticketClient(db: Db, payload: { ticketId: string }) {
  const ticket = await db.ticket.findUnique({
    where: { id: payload.ticketId },
    select: { clientId: true },
  })
  return ticket?.clientId ?? null
}

/** Staff sent a ticket's write again: it shows as pending once more. */
export async function showPendingAgain(db: Db, ticketId: string) {
  await db.ticket.updateMany({
    where: { id: ticketId },
    data: { pendingWrite: true, writeError: null },
  })
}

export async function noteError(db: Db, ticketId: string, error: string) {
  await db.ticket.updateMany({
    where: { id: ticketId },
    data: { writeError: error },
  })
}

async function sendCreate(
  db: Db,
  halo: HaloClient,
  ticket: {
    id: string
    haloUserId: number | null
    client: { haloId: number }
  },
  payload: TicketCreate,
  signal: AbortSignal,
) {
  await db.ticket.update({
    where: { id: ticket.id },
    data: { createSentAt: await dbNow(db) },
  })
  const record = {
    summary: payload.fields.summary,
    details: payload.fields.details,
    client_id: ticket.client.haloId,
    user_id: ticket.haloUserId ?? undefined,
    third_party_id_string: payload.mutationId,
  }
  try {
    return await createHaloTicket(halo, record, signal)
  } catch (error) {
    if (wasNotApplied(error)) {
      await db.ticket.update({
        where: { id: ticket.id },
        data: { createSentAt: null },
      })
    }
    throw error
  }
}

/**
 * Halo answered, and the answer says nothing was saved: a refusal (4xx),
 * a rate limit, or "unavailable". A timeout, a cut connection or another
 * 5xx leaves it open whether the ticket was saved.
 */
function wasNotApplied(error: unknown): boolean {
  if (!isUpstreamError(error) || error.status === undefined) return false
  return error.status < 500 || error.status === 503
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
