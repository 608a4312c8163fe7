'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { errorMessage, log } from '@/lib/log'
import { createTicket } from '@/lib/tickets/create-ticket'
import { isStaff, type Viewer } from '@/lib/viewer'
import { requireViewer } from '../../_server/viewer'
import type { NewTicketState, NewTicketValues } from './form-state'

// Raising a ticket from the form: the write service saves it as a pending
// write and queues the job; the reader lands on it, shown as Pending.

const NOT_SENT =
  'Your ticket could not be saved just now. Nothing was lost on this page; ' +
  'try sending it again in a minute.'

const CHOOSE_CLIENT = 'Choose a client.'

function text(form: FormData, name: string): string {
  const value = form.get(name)
  return typeof value === 'string' ? value : ''
}

function readValues(form: FormData): NewTicketValues {
  return {
    summary: text(form, 'summary'),
    details: text(form, 'details'),
    clientId: text(form, 'clientId'),
  }
}

async function send(viewer: Viewer, values: NewTicketValues) {
  // Only staff choose a client; an empty choice is "none chosen".
  const clientId = isStaff(viewer) ? values.clientId || undefined : undefined
  try {
    return await createTicket(viewer, { ...values, clientId })
  } catch (error) {
    log.error({ userId: viewer.userId, reason: errorMessage(error) }, NOT_SENT)
    return null
  }
}

/**
 * The service checks the client only once the other fields pass; staff
 * should see every problem with an empty form at once.
 */
function withClientChoice(
  viewer: Viewer,
  values: NewTicketValues,
  errors: Record<string, string[]>,
) {
  if (!isStaff(viewer) || values.clientId || errors.clientId) return errors
  return { clientId: [CHOOSE_CLIENT], ...errors }
}

export async function sendNewTicket(
  _previous: NewTicketState,
  form: FormData,
): Promise<NewTicketState> {
  const viewer = await requireViewer('/tickets/new')
  const values = readValues(form)
  const result = await send(viewer, values)
  if (!result) return { values, errors: {}, problem: NOT_SENT }
  if (!result.ok) {
    const errors = withClientChoice(viewer, values, result.errors)
    return { values, errors, problem: null }
  }

  revalidatePath('/tickets')
  redirect(`/tickets/${result.ticket.id}`)
}
