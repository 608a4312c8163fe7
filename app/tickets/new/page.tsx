import type { Metadata } from 'next'
import Link from 'next/link'
import { DETAILS_MAX, SUMMARY_MAX } from '@/lib/tickets/create-ticket'
import { isStaff } from '@/lib/viewer'
import { listClients } from '../../_server/clients'
import { requireViewer } from '../../_server/viewer'
import { NewTicketForm } from './new-ticket-form'

export const metadata: Metadata = { title: 'New ticket' }

export default async function NewTicketPage() {
  const viewer = await requireViewer('/tickets/new')
  const clients = isStaff(viewer) ? await listClients() : null
  return (
    <>
      <p className="back">
        <Link href="/tickets">← All tickets</Link>
      </p>
      <h1>New ticket</h1>
      <p className="lead">
        Tell the service desk what is wrong. You can follow the ticket from your
        list as soon as you send it.
      </p>
      <NewTicketForm
        clients={clients}
        summaryMax={SUMMARY_MAX}
        detailsMax={DETAILS_MAX}
      />
    </>
  )
}
