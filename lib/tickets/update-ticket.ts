import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { getDb } from '../db/client'
import { getBoss } from '../jobs/boss'
import { acceptWrite } from '../jobs/enqueue'
import { type TicketUpdate, ticketUpdateJob } from '../jobs/kinds/ticket-update'
import { log } from '../log'
import { clientScope, type Viewer } from '../viewer'
import { detailsField, type FieldErrors, summaryField } from './fields'
import { type TicketView, ticketWithClient, toTicketView } from './view'

// An edit of a ticket's summary or details: applied to the cache at once
// with a new write version, and handed to the worker in the same
// transaction. Edits of one ticket reach Halo in the order accepted.

export const ticketEditSchema = z
  .object({
    summary: summaryField.optional(),
    details: detailsField.optional(),
  })
  .refine((edit) => edit.summary !== undefined || edit.details !== undefined, {
    message: 'Change the summary, the details, or both.',
    path: ['summary'],
  })

/** Edits name the ticket by the portal's id, the one pages link to. */
const PORTAL_ID =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export type UpdateTicketResult =
  | { ok: true; ticket: TicketView }
  | { ok: false; errors: FieldErrors }
  | { ok: false; notFound: true }

export async function updateTicket(
  viewer: Viewer,
  id: string,
  input: unknown,
): Promise<UpdateTicketResult> {
  const parsed = ticketEditSchema.safeParse(input)
  if (!parsed.success) {
    return { ok: false, errors: z.flattenError(parsed.error).fieldErrors }
  }
  if (!PORTAL_ID.test(id)) return { ok: false, notFound: true }
  const db = getDb()
  const where = { id, ...clientScope(viewer) }
  const found = await db.ticket.findFirst({ where, select: { id: true } })
  if (!found) return { ok: false, notFound: true }
  const ticket = await applyEdit(viewer, found.id, parsed.data)
  log.info(
    { ticketId: id, userId: viewer.userId, writeVersion: ticket.writeVersion },
    'ticket edit accepted; update job enqueued',
  )
  return { ok: true, ticket: toTicketView(ticket, false) }
}

async function applyEdit(
  viewer: Viewer,
  id: string,
  fields: { summary?: string; details?: string },
) {
  const boss = await getBoss()
  return getDb().$transaction(async (tx) => {
    const ticket = await tx.ticket.update({
      where: { id },
      data: {
        ...fields,
        pendingWrite: true,
        writeError: null,
        writeVersion: { increment: 1 },
      },
      include: ticketWithClient,
    })
    const job: TicketUpdate = {
      ticketId: id,
      mutationId: randomUUID(),
      writeVersion: ticket.writeVersion,
      clientId: ticket.clientId,
      fields,
    }
    await acceptWrite(tx, boss, {
      actor: viewer,
      kind: ticketUpdateJob,
      payload: job,
    })
    return ticket
  })
}
