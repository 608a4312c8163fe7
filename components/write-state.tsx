import type { TicketView } from '@/lib/tickets/view'

// What the portal knows about a write it accepted: still on its way to the
// service desk, or given up on with a reason.

export function PendingBadge() {
  // A status role takes its name from aria-label, not from its text.
  return (
    <span
      role="status"
      aria-label="Pending"
      className="badge badge-pending"
      title="Saved in the portal; on its way to the service desk"
    >
      Pending
    </span>
  )
}

export function WriteState({
  ticket,
}: {
  ticket: Pick<TicketView, 'pendingWrite' | 'writeError'>
}) {
  if (ticket.pendingWrite) return <PendingBadge />
  if (!ticket.writeError) return null
  return (
    <span className="write-failed">
      <span className="badge badge-failed">Not saved</span>{' '}
      <span className="write-error">{ticket.writeError}</span>
    </span>
  )
}
