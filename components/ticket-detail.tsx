import type { ReactNode } from 'react'
import type { TicketView } from '@/lib/tickets/view'
import { LocalTime } from './local-time'
import { TicketReference } from './ticket-reference'
import { WriteState } from './write-state'

// One ticket as its customer reads it. Details keep the line breaks the
// writer typed.

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="fact">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  )
}

function PendingNote({ ticket }: { ticket: TicketView }) {
  if (!ticket.pendingWrite) return null
  return (
    <p className="notice notice-pending">
      Saved in the portal. It is on its way to the service desk, and this page
      updates by itself when it lands.
    </p>
  )
}

export function TicketDetail({ ticket }: { ticket: TicketView }) {
  return (
    <article className="ticket" aria-labelledby="ticket-summary">
      <h1 id="ticket-summary">{ticket.summary}</h1>
      <p className="ticket-state">
        <span className="status">{ticket.status}</span>{' '}
        <WriteState ticket={ticket} />
      </p>
      <PendingNote ticket={ticket} />
      <dl className="facts">
        <Fact term="Reference">
          <TicketReference ticket={ticket} />
        </Fact>
        <Fact term="Client">{ticket.clientName}</Fact>
        <Fact term="Opened">
          <LocalTime iso={ticket.openedAt} />
        </Fact>
        <Fact term="Last update">
          <LocalTime iso={ticket.lastUpdate} />
        </Fact>
      </dl>
      <h2>Details</h2>
      <div className="details">{ticket.details}</div>
    </article>
  )
}
