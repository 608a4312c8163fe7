import type { TicketView } from '@/lib/tickets/view'

// The number the service desk knows a ticket by, as customers quote it on
// the phone. A new ticket has none until its write lands.

export function TicketReference({
  ticket,
}: {
  ticket: Pick<TicketView, 'haloId'>
}) {
  if (ticket.haloId === null) {
    return (
      <>
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">not given yet</span>
      </>
    )
  }
  return <>#{ticket.haloId}</>
}
