import Link from 'next/link'

// Also what a customer sees for another client's ticket: the portal does
// not say whether such a ticket exists.

export default function TicketNotFound() {
  return (
    <section className="panel" aria-labelledby="no-ticket-title">
      <h1 id="no-ticket-title">No such ticket</h1>
      <p>
        There is no ticket with this number in your account. Check the link, or
        find the ticket in your list.
      </p>
      <p>
        <Link href="/tickets">Go to your tickets</Link>
      </p>
    </section>
  )
}
