import type { Metadata } from 'next'
import Link from 'next/link'
import { NotLoadedPanel } from '@/components/not-loaded-panel'
import { listTickets } from '@/lib/cache/tickets'
import { isStaff } from '@/lib/viewer'
import { loadOrExplain } from '../_server/not-loaded'
import { requireViewer } from '../_server/viewer'
import { TicketListLive } from './ticket-list-live'

export const metadata: Metadata = { title: 'Tickets' }

export default async function TicketsPage() {
  const viewer = await requireViewer('/tickets')
  const list = await loadOrExplain(() => listTickets(viewer))
  return (
    <>
      <div className="page-heading">
        <h1>Tickets</h1>
        <Link href="/tickets/new" className="button">
          New ticket
        </Link>
      </div>
      {list.ok ? (
        <TicketListLive initial={list.value} showClient={isStaff(viewer)} />
      ) : (
        <NotLoadedPanel message={list.message} retryHref="/tickets" />
      )}
    </>
  )
}
