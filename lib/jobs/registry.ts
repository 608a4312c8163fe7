import type { AnyJobKind } from './kind'
import { ticketCreateJob } from './kinds/ticket-create'
import { ticketUpdateJob } from './kinds/ticket-update'

// Every job kind the worker runs. A new upstream write is one file in
// kinds/ and one line here.

export const JOB_KINDS: AnyJobKind[] = [ticketCreateJob, ticketUpdateJob]

/** Where every job that cannot finish goes, on its way to staff. */
export const ESCALATION_QUEUE = 'escalate'

/** Sends staff the word about an escalation. */
export const NOTIFY_QUEUE = 'notify-staff'

export function kindOfQueue(queue: string): AnyJobKind | undefined {
  return JOB_KINDS.find((kind) => kind.queue === queue)
}
