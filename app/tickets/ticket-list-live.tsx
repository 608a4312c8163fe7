'use client'

import { useQuery } from '@tanstack/react-query'
import Link from 'next/link'
import { RefreshProblem, StaleNotice } from '@/components/stale-notice'
import { TicketTable } from '@/components/ticket-table'
import type { TicketList } from '@/lib/tickets/view'
import { ticketListQuery } from './queries'

function NoTickets() {
  return (
    <p className="empty">
      No tickets yet. <Link href="/tickets/new">Raise the first one</Link>.
    </p>
  )
}

export function TicketListLive({
  initial,
  showClient,
}: {
  initial: TicketList
  showClient: boolean
}) {
  const { data, error } = useQuery(ticketListQuery(initial))
  return (
    <>
      {data.stale && <StaleNotice asOf={data.asOf} />}
      {error && <RefreshProblem message={error.message} />}
      {data.tickets.length > 0 ? (
        <TicketTable tickets={data.tickets} showClient={showClient} />
      ) : (
        <NoTickets />
      )}
    </>
  )
}
