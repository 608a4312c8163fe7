import type { AuditEntry } from '@/lib/audit/list'

// The audit trail in the staff page's words. The stored codes stay the
// trail's; an unknown code shows as it is rather than as nothing.

const ACTIONS: Record<string, string> = {
  'ticket-create': 'Raised a ticket',
  'ticket-update': 'Edited a ticket',
  'quote-approve': 'Approved a quote',
  'quote-reject': 'Rejected a quote',
  'escalation-redrive': 'Sent an escalated write again',
  'escalation-dismiss': 'Dismissed an escalated write',
  'user-invite': 'Invited a portal user',
  'user-remove': 'Removed a portal user',
}

const OUTCOMES: Record<string, { words: string; tone: Tone }> = {
  pending: { words: 'Waiting to be sent', tone: 'pending' },
  sending: { words: 'Being sent', tone: 'pending' },
  retrying: { words: 'Retrying', tone: 'pending' },
  delivered: { words: 'Delivered', tone: 'done' },
  escalated: { words: 'Escalated to staff', tone: 'failed' },
  redriven: { words: 'Sent again', tone: 'pending' },
  dismissed: { words: 'Dismissed', tone: 'failed' },
  cancelled: { words: 'Cancelled', tone: 'failed' },
}

export type Tone = 'pending' | 'done' | 'failed'

export function actionWords(entry: AuditEntry): string {
  return ACTIONS[entry.action] ?? entry.action
}

/** Null for a row with no job of its own to follow (a staff action). */
export function outcomeWords(
  entry: AuditEntry,
): { words: string; tone: Tone } | null {
  if (entry.outcome === null) return null
  return OUTCOMES[entry.outcome] ?? { words: entry.outcome, tone: 'pending' }
}

/** What a dismissal took with it: the writes queued behind a create. */
export function cancelledWords(entry: AuditEntry): string {
  const count = entry.cancelledWrites
  if (count === 0) return ''
  return `; ${count} later ${count === 1 ? 'write' : 'writes'} cancelled`
}
