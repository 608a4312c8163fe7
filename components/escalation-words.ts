import type { EscalationView } from '@/lib/jobs/escalation-list'

// Escalations in the staff page's words. The stored codes stay the
// worker's; an unknown code shows as it is rather than as nothing.

const REASONS: Record<string, string> = {
  'retries-exhausted': 'Halo did not answer, after every retry',
  permanent: 'Halo refused it',
  'deadline-passed': 'Halo did not settle it in time',
}

const KINDS: Record<string, string> = {
  'ticket-create': 'New ticket',
  'ticket-update': 'Edit of a ticket',
}

const STATUSES: Record<string, string> = {
  open: 'Open',
  redriven: 'Sent again',
  dismissed: 'Dismissed',
}

export function reasonWords(escalation: EscalationView): string {
  return REASONS[escalation.reason] ?? escalation.reason
}

export function kindWords(escalation: EscalationView): string {
  return KINDS[escalation.kind] ?? escalation.kind
}

export function statusWords(escalation: EscalationView): string {
  return STATUSES[escalation.status] ?? escalation.status
}
