import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { NotLoadedPanel } from '@/components/not-loaded-panel'
import { getTicket } from '@/lib/cache/tickets'
import { DETAILS_MAX, SUMMARY_MAX } from '@/lib/tickets/create-ticket'
import { loadOrExplain } from '../../_server/not-loaded'
import { requireViewer } from '../../_server/viewer'
import { TicketLive } from './ticket-live'

export const metadata: Metadata = { title: 'Ticket' }

const LIMITS = { summaryMax: SUMMARY_MAX, detailsMax: DETAILS_MAX }

function BackToList() {
  return (
    <p className="back">
      <Link href="/tickets">← All tickets</Link>
    </p>
  )
}

export default async function TicketPage({
  params,
}: PageProps<'/tickets/[id]'>) {
  const { id } = await params
  const path = `/tickets/${encodeURIComponent(id)}`
  const viewer = await requireViewer(path)
  const loaded = await loadOrExplain(() => getTicket(viewer, id))
  if (!loaded.ok) {
    return (
      <>
        <BackToList />
        <NotLoadedPanel message={loaded.message} retryHref={path} />
      </>
    )
  }
  if (!loaded.value) notFound()

  return (
    <>
      <BackToList />
      <TicketLive initial={loaded.value} limits={LIMITS} />
    </>
  )
}
