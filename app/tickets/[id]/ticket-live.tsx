'use client'

import { useQuery } from '@tanstack/react-query'
import { RefreshProblem, StaleNotice } from '@/components/stale-notice'
import { TicketDetail } from '@/components/ticket-detail'
import type { TicketView } from '@/lib/tickets/view'
import { ticketQuery } from '../queries'

export function TicketLive({ initial }: { initial: TicketView }) {
  const { data, error } = useQuery(ticketQuery(initial))
  return (
    <>
      {data.stale && <StaleNotice asOf={data.syncedAt} />}
      {error && <RefreshProblem message={error.message} />}
      <TicketDetail ticket={data} />
    </>
  )
}
