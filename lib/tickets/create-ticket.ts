import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { dbNow, getDb } from '../db/client'
import { getBoss } from '../jobs/boss'
import { acceptWrite } from '../jobs/enqueue'
import { type TicketCreate, ticketCreateJob } from '../jobs/kinds/ticket-create'
import { log } from '../log'
import { isStaff, type Viewer } from '../viewer'
import { detailsField, type FieldErrors, summaryField } from './fields'
import { NEW_TICKET_STATUS_ID } from './statuses'
import { type TicketView, ticketWithClient, toTicketView } from './view'

// A customer's new ticket: saved to the cache as a pending write and handed
// to the worker in one transaction. Nothing here waits for Halo.

export { DETAILS_MAX, type FieldErrors, SUMMARY_MAX } from './fields'

export const newTicketSchema = z.object({
  summary: summaryField,
  details: detailsField,
  clientId: z.uuid('Choose a client.').optional(),
})

export type CreateTicketResult =
  | { ok: true; ticket: TicketView }
  | { ok: false; errors: FieldErrors }

export async function createTicket(
  viewer: Viewer,
  input: unknown,
): Promise<CreateTicketResult> {
  const parsed = newTicketSchema.safeParse(input)
  if (!parsed.success) {
    return { ok: false, errors: z.flattenError(parsed.error).fieldErrors }
  }
  const requested = parsed.data.clientId
  if (!isStaff(viewer) && requested && requested !== viewer.clientId) {
    const own = 'You can only raise tickets for your own company.'
    return { ok: false, errors: { clientId: [own] } }
  }
  const clientId = await resolveClient(viewer, requested)
  if (!clientId) {
    return { ok: false, errors: { clientId: ['Choose a client.'] } }
  }
  const ticket = await insertPendingTicket(viewer, clientId, parsed.data)
  log.info(
    { ticketId: ticket.id, clientId, userId: viewer.userId },
    'ticket accepted; create job enqueued',
  )
  return { ok: true, ticket: toTicketView(ticket, false) }
}

/** Customers write for their own client; staff name the client. */
async function resolveClient(viewer: Viewer, requested: string | undefined) {
  if (!isStaff(viewer)) return viewer.clientId
  if (!requested) return null
  const client = await getDb().client.findUnique({ where: { id: requested } })
  return client?.id ?? null
}

async function insertPendingTicket(
  viewer: Viewer,
  clientId: string,
  input: { summary: string; details: string },
) {
  const db = getDb()
  const boss = await getBoss()
  const now = await dbNow(db)
  return db.$transaction(async (tx) => {
    const ticket = await tx.ticket.create({
      data: {
        clientId,
        createdById: viewer.userId,
        haloUserId: viewer.haloUserId,
        summary: input.summary,
        details: input.details,
        statusId: NEW_TICKET_STATUS_ID,
        openedAt: now,
        lastUpdate: now,
        mutationId: randomUUID(),
        pendingWrite: true,
        writeVersion: 1,
      },
      include: ticketWithClient,
    })
    const job: TicketCreate = {
      ticketId: ticket.id,
      mutationId: ticket.mutationId as string,
      writeVersion: ticket.writeVersion,
      clientId,
      fields: { summary: input.summary, details: input.details },
    }
    await acceptWrite(tx, boss, {
      actor: viewer,
      kind: ticketCreateJob,
      payload: job,
    })
    return ticket
  })
}
