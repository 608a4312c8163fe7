import type { AnyJobKind } from './kind'
import { quoteApproveJob } from './kinds/quote-approve'
import { quoteWatchJob } from './kinds/quote-watch'
import { ticketCreateJob } from './kinds/ticket-create'
import { ticketUpdateJob } from './kinds/ticket-update'

// Every job kind the worker runs. A new upstream write is one file in
// kinds/ and one line here.

export const JOB_KINDS: AnyJobKind[] = [
  ticketCreateJob,
  ticketUpdateJob,
  quoteApproveJob,
  quoteWatchJob,
]

/** Where every job that cannot finish goes, on its way to staff. */
export const ESCALATION_QUEUE = 'escalate'

/** Sends staff the word about an escalation. */
export const NOTIFY_QUEUE = 'notify-staff'

/** Links a newly invited portal user to their Halo end user. */
export const ACCOUNT_LINK_QUEUE = 'account-link'

/** The kind a job of this queue is, by the name its payload carries. */
export function kindOfJob(
  queue: string,
  data: unknown,
): AnyJobKind | undefined {
  const name = (data as { kind?: unknown } | null)?.kind
  return JOB_KINDS.find((kind) => kind.queue === queue && kind.name === name)
}

/** Each queue once, with a kind that stands for its policy. */
export function kindQueues(): AnyJobKind[] {
  const seen = new Map<string, AnyJobKind>()
  for (const kind of JOB_KINDS)
    if (!seen.has(kind.queue)) seen.set(kind.queue, kind)
  return [...seen.values()]
}
