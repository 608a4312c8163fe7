import { z } from 'zod'
import { toDate } from '../../cache/ticket-store'
import { type Db, dbNow } from '../../db/client'
import { UpstreamError } from '../../upstream/errors'
import { updateHaloTicket } from '../../upstream/halo-ticket-update'
import type { HaloTicket } from '../../upstream/halo-tickets'
import { defineWriteJob, writePolicy } from '../kind'
import { writeSignal } from '../waiting'
import { TICKET_WRITES } from './queues'
import { noteError, showPendingAgain, ticketClient } from './ticket-create'

// Delivers one edit of a ticket. Each edit's job carries its own fields and
// version; the key keeps a ticket's edits in the order they were accepted,
// behind its create. Sending the same fields twice leaves Halo as it was,
// so a re-run is harmless.

export const ticketUpdateSchema = z.object({
  ticketId: z.uuid(),
  mutationId: z.uuid(),
  writeVersion: z.number().int().positive(),
  clientId: z.uuid(),
  fields: z.object({
    summary: z.string().optional(),
    details: z.string().optional(),
  }),
})

export type TicketUpdate = z.infer<typeof ticketUpdateSchema>

export const ticketUpdateJob = defineWriteJob<TicketUpdate>({
  name: 'ticket-update',
  queue: TICKET_WRITES,
  schema: ticketUpdateSchema,
  entity: (payload) => ({ type: 'ticket', id: payload.ticketId }),
  policy: writePolicy,
  clientOf: ticketClient,
  action: () => 'ticket-update',
  perform: async (payload, run) => {
    const ticket = await run.db.ticket.findUnique({
      where: { id: payload.ticketId },
    })
    if (!ticket) return
    if (ticket.haloId === null) {
      throw new UpstreamError(
        'halo',
        'permanent',
        'the ticket was never created in Halo, so it cannot be changed',
      )
    }
    const saved = await updateHaloTicket(
      run.halo,
      { id: ticket.haloId, ...payload.fields },
      writeSignal(run),
    )
    await storeUpdated(run.db, ticket.id, saved, payload.writeVersion)
  },
  onAttemptFailed: (db, payload, error) =>
    noteError(db, payload.ticketId, error),
  onRedriven: (db, payload) => showPendingAgain(db, payload.ticketId),
  onEscalated: async (db, payload, message) => {
    await db.ticket.updateMany({
      where: { id: payload.ticketId, writeVersion: payload.writeVersion },
      data: { pendingWrite: false, writeError: message },
    })
  },
})

/** Halo's answer settles the row only if this edit is still the latest. */
async function storeUpdated(
  db: Db,
  ticketId: string,
  saved: HaloTicket,
  writeVersion: number,
) {
  const now = await dbNow(db)
  await db.ticket.updateMany({
    where: { id: ticketId, writeVersion },
    data: {
      summary: saved.summary,
      details: saved.details,
      statusId: saved.status_id,
      lastUpdate: toDate(saved.last_update) ?? now,
      syncedAt: now,
      pendingWrite: false,
      writeError: null,
    },
  })
}
