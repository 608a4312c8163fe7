import Link from 'next/link'
import type { TicketView } from '@/lib/tickets/view'
import { LocalTime } from './local-time'
import { TicketReference } from './ticket-reference'
import { WriteState } from './write-state'

// The list of tickets, newest first as the cache returns them. Staff see
// every client's tickets, so they get a client column.
//
// On a narrow screen the secondary columns are hidden and the same facts
// show as a line under the summary instead; the table stays a table, so
// screen readers keep its rows and headers. Each fact is in the page once
// at any width.

function NarrowFacts({
  ticket,
  showClient,
}: {
  ticket: TicketView
  showClient: boolean
}) {
  return (
    <span className="narrow-only row-facts">
      Reference <TicketReference ticket={ticket} /> · Opened{' '}
      <LocalTime iso={ticket.openedAt} format="date" />
      {showClient && ` · ${ticket.clientName}`}
    </span>
  )
}

function TicketRow({
  ticket,
  showClient,
}: {
  ticket: TicketView
  showClient: boolean
}) {
  return (
    <tr>
      <td className="numeric wide-only">
        <TicketReference ticket={ticket} />
      </td>
      <td>
        <Link href={`/tickets/${ticket.id}`}>{ticket.summary}</Link>
        <NarrowFacts ticket={ticket} showClient={showClient} />
      </td>
      <td>
        <span className="status">{ticket.status}</span>{' '}
        <WriteState ticket={ticket} />
      </td>
      <td className="wide-only">
        <LocalTime iso={ticket.openedAt} format="date" />
      </td>
      {showClient && <td className="wide-only">{ticket.clientName}</td>}
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
      <table className="data-table">
        <caption className="visually-hidden">Tickets, newest first</caption>
        <thead>
          <tr>
            <th scope="col" className="wide-only">
              Reference
            </th>
            <th scope="col">Summary</th>
            <th scope="col">Status</th>
            <th scope="col" className="wide-only">
              Opened
            </th>
            {showClient && (
              <th scope="col" className="wide-only">
                Client
              </th>
            )}
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
