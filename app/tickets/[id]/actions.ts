'use server'

import { revalidatePath } from 'next/cache'
import { errorMessage, log } from '@/lib/log'
import { updateTicket } from '@/lib/tickets/update-ticket'
import type { Viewer } from '@/lib/viewer'
import { requireViewer } from '../../_server/viewer'
import type { EditTicketState, EditValues } from './edit-state'

// Editing a ticket from its page: the write service applies the edit to
// the cache as a pending write and queues the job; the page shows it at
// once, with the Pending badge, until Halo has it.

const NOT_SENT =
  'Your change could not be saved just now. Nothing was lost on this page; ' +
  'try saving it again in a minute.'

const GONE = 'This ticket is no longer in your account.'

function text(form: FormData, name: string): string {
  const value = form.get(name)
  return typeof value === 'string' ? value : ''
}

async function send(viewer: Viewer, id: string, values: EditValues) {
  try {
    return await updateTicket(viewer, id, values)
  } catch (error) {
    const fields = { userId: viewer.userId, ticketId: id }
    log.error({ ...fields, reason: errorMessage(error) }, NOT_SENT)
    return null
  }
}

export async function saveTicketEdit(
  ticketId: string,
  _previous: EditTicketState,
  form: FormData,
): Promise<EditTicketState> {
  const path = `/tickets/${encodeURIComponent(ticketId)}`
  const viewer = await requireViewer(path)
  const values = {
    summary: text(form, 'summary'),
    details: text(form, 'details'),
  }
  const result = await send(viewer, ticketId, values)
  const failed = { values, errors: {}, saved: null }
  if (!result) return { ...failed, problem: NOT_SENT }
  if (!result.ok && 'notFound' in result) return { ...failed, problem: GONE }
  if (!result.ok) return { ...failed, errors: result.errors, problem: null }

  revalidatePath('/tickets')
  revalidatePath(path)
  return { values, errors: {}, problem: null, saved: result.ticket }
}
