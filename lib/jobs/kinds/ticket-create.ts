import { z } from 'zod'
import { toDate } from '../../cache/ticket-store'
import { type Db, dbNow } from '../../db/client'
import { getEnv } from '../../env'
import { log } from '../../log'
import type { HaloClient } from '../../upstream/halo'
import {
  createHaloTicket,
  findHaloTicketByMark,
  type HaloTicket,
} from '../../upstream/halo-tickets'
import { defineWriteJob, writeRetryPolicy } from '../kind'

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
})

export type TicketCreate = z.infer<typeof ticketCreateSchema>

export const ticketCreateJob = defineWriteJob<TicketCreate>({
  queue: 'ticket-create',
  schema: ticketCreateSchema,
  entity: (payload) => ({ type: 'ticket', id: payload.ticketId }),
  retry: writeRetryPolicy,
  expireInSeconds: 300,
  clientOf: ticketClient,
  perform: async (payload, run) => {
    const ticket = await run.db.ticket.findUnique({
      where: { id: payload.ticketId },
      include: { client: true },
    })
    if (!ticket || ticket.haloId !== null) return
    const signal = AbortSignal.any([
      run.signal,
      AbortSignal.timeout(getEnv().UPSTREAM_WRITE_TIMEOUT_MS),
    ])
    const mark = {
      clientId: ticket.client.haloId,
      since: new Date((ticket.createSentAt?.getTime() ?? 0) - MARK_LOOKBACK_MS),
      thirdPartyId: payload.mutationId,
    }
    const found = ticket.createSentAt
      ? await findHaloTicketByMark(run.halo, mark, signal)
      : undefined
    const saved =
      found ?? (await sendCreate(run.db, run.halo, ticket, payload, signal))
    await storeDelivered(run.db, ticket.id, saved, payload.writeVersion)
  },
  onAttemptFailed: (db, payload, error) =>
    noteError(db, payload.ticketId, error),
  onRedriven: async (db, payload) => {
    await db.ticket.updateMany({
      where: { id: payload.ticketId },
      data: { pendingWrite: true, writeError: null },
    })
  },
  onEscalated: async (db, payload, message) => {
    await db.ticket.updateMany({
      where: { id: payload.ticketId, haloId: null },
      data: { pendingWrite: false, writeError: message },
    })
  },
})

export async function ticketClient(db: Db, payload: { ticketId: string }) {
  const ticket = await db.ticket.findUnique({
    where: { id: payload.ticketId },
    select: { clientId: true },
  })
  return ticket?.clientId ?? null
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
    summary: string
    details: string
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
  return createHaloTicket(
    halo,
    {
      summary: ticket.summary,
      details: ticket.details,
      client_id: ticket.client.haloId,
      user_id: ticket.haloUserId ?? undefined,
      third_party_id_string: payload.mutationId,
    },
    signal,
  )
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
