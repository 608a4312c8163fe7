import type { Db } from '../db/client'

// What staff see of escalations: newest first, with the client's name and
// the entity's summary so they can act without opening Halo.

export interface EscalationView {
  id: string
  kind: string
  entityType: string
  entityId: string
  entitySummary: string | null
  clientName: string | null
  reason: string
  lastError: string | null
  attempts: number
  status: string
  createdAt: string
  resolvedAt: string | null
  resolvedBy: string | null
  notifiedAt: string | null
}

type Row = Awaited<ReturnType<Db['escalation']['findMany']>>[number]

export async function listEscalations(
  db: Db,
  filter: { status?: 'open' | 'redriven' | 'dismissed' } = {},
): Promise<EscalationView[]> {
  const rows = await db.escalation.findMany({
    where: filter.status ? { status: filter.status } : {},
    orderBy: { createdAt: 'desc' },
    take: 200,
  })
  return toViews(db, rows)
}

export async function getEscalation(
  db: Db,
  id: string,
): Promise<EscalationView | null> {
  const row = await db.escalation.findUnique({ where: { id } })
  return row ? ((await toViews(db, [row]))[0] ?? null) : null
}

/** For the header: one indexed count, so every page can afford it. */
export function countOpenEscalations(db: Db): Promise<number> {
  return db.escalation.count({ where: { status: 'open' } })
}

async function toViews(db: Db, rows: Row[]): Promise<EscalationView[]> {
  const tickets = await db.ticket.findMany({
    where: { id: { in: rows.map((row) => row.entityId) } },
    select: { id: true, summary: true, client: { select: { name: true } } },
  })
  return rows.map((row) => {
    const ticket = tickets.find((t) => t.id === row.entityId)
    const payload = row.payload as { kind?: string }
    return {
      id: row.id,
      kind: payload.kind ?? row.queue,
      entityType: row.entityType,
      entityId: row.entityId,
      entitySummary: ticket?.summary ?? null,
      clientName: ticket?.client.name ?? null,
      reason: row.reason,
      lastError: row.lastError,
      attempts: row.attempts,
      status: row.status,
      createdAt: row.createdAt.toISOString(),
      resolvedAt: row.resolvedAt?.toISOString() ?? null,
      resolvedBy: row.resolvedBy,
      notifiedAt: row.notifiedAt?.toISOString() ?? null,
    }
  })
}
