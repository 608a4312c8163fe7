import { z } from 'zod'
import type { Db } from '../db/client'
import { outcomesOf, type WriteOutcome } from './outcome'
import type { AuditAction } from './record'

// The audit trail as staff read it: newest first, a page at a time, for
// one client or all, each write with what became of its job.

export const AUDIT_PAGE_DEFAULT = 50
export const AUDIT_PAGE_MAX = 100

/** ?client= narrows to one client; ?cursor= is the last id of a page. */
export const auditQuerySchema = z.object({
  client: z.uuid('Name a client by its id.').optional(),
  cursor: z.uuid('Use the nextCursor of the page before.').optional(),
  limit: z.coerce
    .number('Give the limit as a number.')
    .int('Give the limit as a whole number.')
    .min(1, 'Ask for at least one entry.')
    .max(AUDIT_PAGE_MAX, `Ask for at most ${AUDIT_PAGE_MAX} entries.`)
    .default(AUDIT_PAGE_DEFAULT),
})

export type AuditQuery = z.infer<typeof auditQuerySchema>

export interface AuditEntry {
  id: string
  /** On the database's clock. */
  at: string
  actorId: string
  actorEmail: string
  actorRole: string
  clientId: string
  clientName: string | null
  action: AuditAction
  entityType: string
  entityId: string
  /**
   * The ticket's summary, the quote's title or the portal user's email,
   * while the portal has it.
   */
  entitySummary: string | null
  mutationId: string
  escalationId: string | null
  /** What became of a write's job; null for a row with no job. */
  outcome: WriteOutcome | null
  /** For a dismissal: the writes queued behind it that it cancelled. */
  cancelledWrites: number
}

export interface AuditPage {
  entries: AuditEntry[]
  /** Pass as ?cursor= for the next, older page; null on the last one. */
  nextCursor: string | null
}

type Row = Awaited<ReturnType<Db['auditEvent']['findMany']>>[number]

export async function listAuditTrail(
  db: Db,
  query: Partial<AuditQuery> = {},
): Promise<AuditPage> {
  const limit = query.limit ?? AUDIT_PAGE_DEFAULT
  const rows = await db.auditEvent.findMany({
    where: query.client ? { clientId: query.client } : {},
    // The id breaks ties between rows of the same moment, so that a
    // cursor neither repeats nor skips one.
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take: limit + 1,
    ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
  })
  const page = rows.slice(0, limit)
  const more = rows.length > limit
  return {
    entries: await toEntries(db, page),
    nextCursor: more ? (page.at(-1)?.id ?? null) : null,
  }
}

async function toEntries(db: Db, rows: Row[]): Promise<AuditEntry[]> {
  const writes = rows.filter(hasJob)
  const [outcomes, names, summaries] = await Promise.all([
    outcomesOf(db, writes),
    clientNames(db, rows),
    entitySummaries(db, rows),
  ])
  const outcomeOfRow = (row: Row) =>
    hasJob(row) ? (outcomes.get(row.mutationId) ?? null) : null
  return rows.map((row) => ({
    id: row.id,
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorEmail: row.actorEmail,
    actorRole: row.actorRole,
    clientId: row.clientId,
    clientName: names.get(row.clientId) ?? null,
    action: row.action as AuditAction,
    entityType: row.entityType,
    entityId: row.entityId,
    entitySummary: summaries.get(row.entityId) ?? null,
    mutationId: row.mutationId,
    escalationId: row.escalationId,
    outcome: outcomeOfRow(row),
    cancelledWrites: row.cancelledMutationIds.length,
  }))
}

/** A staff action or an account change is done when recorded. */
function hasJob(row: Row) {
  return row.jobId !== null
}

async function clientNames(db: Db, rows: Row[]) {
  const clients = await db.client.findMany({
    where: { id: { in: [...new Set(rows.map((row) => row.clientId))] } },
    select: { id: true, name: true },
  })
  return new Map(clients.map((client) => [client.id, client.name]))
}

async function entitySummaries(db: Db, rows: Row[]) {
  const idsOf = (type: string) => [
    ...new Set(
      rows.filter((row) => row.entityType === type).map((r) => r.entityId),
    ),
  ]
  const [tickets, quotes, users] = await Promise.all([
    db.ticket.findMany({
      where: { id: { in: idsOf('ticket') } },
      select: { id: true, summary: true },
    }),
    db.quote.findMany({
      where: { id: { in: idsOf('quote') } },
      select: { id: true, title: true },
    }),
    db.portalUser.findMany({
      where: { id: { in: idsOf('portal-user') } },
      select: { id: true, email: true },
    }),
  ])
  return new Map([
    ...tickets.map((t) => [t.id, t.summary] as const),
    ...quotes.map((q) => [q.id, q.title] as const),
    ...users.map((u) => [u.id, u.email] as const),
  ])
}
