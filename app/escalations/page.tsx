import type { Metadata } from 'next'
import Link from 'next/link'
import { EscalationTable } from '@/components/escalation-table'
import {
  type EscalationFilter,
  escalationFilterSchema,
  listByFilter,
} from '../_server/escalations'
import { requireStaff } from '../_server/staff'
import { resolveWithForm } from './actions'

export const metadata: Metadata = { title: 'Escalations' }

const FILTERS: { value: EscalationFilter; label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'all', label: 'All' },
]

const DONE: Record<string, string> = {
  redriven:
    'Sent again. The ticket shows as Pending until the service desk has it.',
  dismissed: 'Dismissed. It will not be sent again.',
  gone: 'Someone had already dealt with that one; the list is up to date.',
}

const EMPTY: Record<EscalationFilter, string> = {
  open: 'No open escalations: every write is in Halo or on its way.',
  redriven: 'No escalations sent again.',
  dismissed: 'No dismissed escalations.',
  all: 'No escalations yet.',
}

function first(value: string | string[] | undefined) {
  return Array.isArray(value) ? value[0] : value
}

function FilterLinks({ current }: { current: EscalationFilter }) {
  return (
    <nav aria-label="Which escalations" className="filters">
      {FILTERS.map(({ value, label }) => (
        <Link
          key={value}
          href={`/escalations?status=${value}`}
          aria-current={value === current ? 'page' : undefined}
        >
          {label}
        </Link>
      ))}
    </nav>
  )
}

function DoneNote({ done }: { done: string | undefined }) {
  const words = done ? DONE[done] : undefined
  return <div role="status">{words && <p className="notice">{words}</p>}</div>
}

export default async function EscalationsPage({
  searchParams,
}: PageProps<'/escalations'>) {
  await requireStaff('/escalations')
  const asked = await searchParams
  const filter = escalationFilterSchema.catch('open').parse(first(asked.status))
  const escalations = await listByFilter(filter)
  return (
    <>
      <h1>Escalations</h1>
      <p className="lead">
        Writes the portal could not deliver to Halo. Send one again once the
        cause is fixed, or dismiss it when it is not needed any more.
      </p>
      <FilterLinks current={filter} />
      <DoneNote done={first(asked.done)} />
      {escalations.length > 0 ? (
        <EscalationTable
          escalations={escalations}
          filter={filter}
          resolve={resolveWithForm}
        />
      ) : (
        <p className="empty">{EMPTY[filter]}</p>
      )}
    </>
  )
}
