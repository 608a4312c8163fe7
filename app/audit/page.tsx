import type { Metadata } from 'next'
import Link from 'next/link'
import { AuditTable } from '@/components/audit-table'
import { ClientFilter } from '@/components/client-filter'
import { type AuditQuery, auditQuerySchema } from '@/lib/audit/list'
import { readAuditTrail } from '../_server/audit'
import { listClients } from '../_server/clients'
import { requireStaff } from '../_server/staff'

export const metadata: Metadata = { title: 'Audit trail' }

function first(value: string | string[] | undefined) {
  const one = Array.isArray(value) ? value[0] : value
  return one || undefined
}

/** A hand-edited address falls back to the first page of every client. */
function queryOf(asked: Record<string, string | string[] | undefined>) {
  const parsed = auditQuerySchema.safeParse({
    client: first(asked.client),
    cursor: first(asked.cursor),
  })
  return parsed.success ? parsed.data : auditQuerySchema.parse({})
}

function hrefOf(query: Partial<AuditQuery>) {
  const params = new URLSearchParams()
  if (query.client) params.set('client', query.client)
  if (query.cursor) params.set('cursor', query.cursor)
  const search = params.toString()
  return search ? `/audit?${search}` : '/audit'
}

function Pager({
  query,
  nextCursor,
}: {
  query: AuditQuery
  nextCursor: string | null
}) {
  if (!query.cursor && !nextCursor) return null
  return (
    <nav aria-label="Pages of the audit trail" className="filters pager">
      {query.cursor && (
        <Link href={hrefOf({ client: query.client })}>Newest</Link>
      )}
      {nextCursor && (
        <Link href={hrefOf({ client: query.client, cursor: nextCursor })}>
          Older entries
        </Link>
      )}
    </nav>
  )
}

export default async function AuditPage({ searchParams }: PageProps<'/audit'>) {
  await requireStaff('/audit')
  const query = queryOf(await searchParams)
  const [page, clients] = await Promise.all([
    readAuditTrail(query),
    listClients(),
  ])
  return (
    <>
      <h1>Audit trail</h1>
      <p className="lead">
        Every write the portal accepted, who asked for it and what became of it,
        and what staff did with the ones that were escalated. Newest first.
      </p>
      <ClientFilter
        action="/audit"
        clients={clients}
        current={query.client}
        allClients="All clients"
      />
      {page.entries.length > 0 ? (
        <AuditTable entries={page.entries} />
      ) : (
        <p className="empty">
          {query.cursor ? 'No older entries.' : 'Nothing written yet.'}
        </p>
      )}
      <Pager query={query} nextCursor={page.nextCursor} />
    </>
  )
}
