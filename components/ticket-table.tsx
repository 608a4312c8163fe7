import Link from 'next/link'
import type { TicketView } from '@/lib/tickets/view'
import { LocalTime } from './local-time'
import { WriteState } from './write-state'

// The list of tickets, newest first as the cache returns them. Staff see
// every client's tickets, so they get a client column.

function TicketRow({
  ticket,
  showClient,
}: {
  ticket: TicketView
  showClient: boolean
}) {
  return (
    <tr>
      <td className="numeric">{ticket.haloId ?? '—'}</td>
      <td>
        <Link href={`/tickets/${ticket.id}`}>{ticket.summary}</Link>
      </td>
      <td>
        <span className="status">{ticket.status}</span>{' '}
        <WriteState ticket={ticket} />
      </td>
      <td>
        <LocalTime iso={ticket.openedAt} format="date" />
      </td>
      {showClient && <td>{ticket.clientName}</td>}
    </tr>
  )
}

export function TicketTable({
  tickets,
  showClient,
}: {
  tickets: TicketView[]
  showClient: boolean
}) {
  return (
    <div className="table-scroll">
      <table className="tickets">
        <caption className="visually-hidden">Tickets, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Halo id</th>
            <th scope="col">Summary</th>
            <th scope="col">Status</th>
            <th scope="col">Opened</th>
            {showClient && <th scope="col">Client</th>}
          </tr>
        </thead>
        <tbody>
          {tickets.map((ticket) => (
            <TicketRow
              key={ticket.id}
              ticket={ticket}
              showClient={showClient}
            />
          ))}
        </tbody>
      </table>
    </div>
  )
}
