import type { Db } from '../db/client'
import type { HaloTicket } from '../upstream/halo-tickets'

// Writes Halo's tickets into the cache. A row with a pending write keeps its
// fields: the user's edit wins until its job has landed.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** `now` is the database's clock, read by the caller. */
export async function storeHaloTickets(
  db: Db,
  tickets: HaloTicket[],
  now: Date,
) {
  if (tickets.length === 0) return
  const clientIds = await upsertClients(db, tickets, now)
  const existing = await findExisting(db, tickets)
  const fresh = tickets.filter((ticket) => !existing.has(ticket.id))
  await db.ticket.createMany({
    data: fresh.map((ticket) => ticketFields(ticket, clientIds, now)),
    skipDuplicates: true,
  })
  for (const [haloId, rowId] of existing) {
    const ticket = tickets.find((t) => t.id === haloId)
    if (!ticket) continue
    await db.ticket.updateMany({
      where: { id: rowId, pendingWrite: false },
      data: ticketFields(ticket, clientIds, now),
    })
  }
}

/** Cache rows of these tickets, by Halo id or by the portal's mark. */
async function findExisting(db: Db, tickets: HaloTicket[]) {
  const marks = tickets
    .map((ticket) => ticket.third_party_id_string)
    .filter(
      (mark): mark is string => typeof mark === 'string' && UUID.test(mark),
    )
  const rows = await db.ticket.findMany({
    where: {
      OR: [
        { haloId: { in: tickets.map((ticket) => ticket.id) } },
        { mutationId: { in: marks } },
      ],
    },
    select: { id: true, haloId: true, mutationId: true },
  })
  const byHaloId = new Map<number, string>()
  for (const ticket of tickets) {
    const mark = ticket.third_party_id_string
    const row = rows.find(
      (r) => r.haloId === ticket.id || (mark && r.mutationId === mark),
    )
    if (row) byHaloId.set(ticket.id, row.id)
  }
  return byHaloId
}

/** Makes sure each ticket's client has a row; returns Halo id → row id. */
async function upsertClients(db: Db, tickets: HaloTicket[], now: Date) {
  const ids = new Map<number, string>()
  for (const ticket of tickets) {
    if (ids.has(ticket.client_id)) continue
    const name = ticket.client_name ?? `Client ${ticket.client_id}`
    const row = await db.client.upsert({
      where: { haloId: ticket.client_id },
      create: { haloId: ticket.client_id, name, syncedAt: now },
      update: {},
      select: { id: true },
    })
    ids.set(ticket.client_id, row.id)
  }
  return ids
}

function ticketFields(
  ticket: HaloTicket,
  clientIds: Map<number, string>,
  now: Date,
) {
  const clientId = clientIds.get(ticket.client_id)
  if (!clientId) throw new Error(`no client row for ${ticket.client_id}`)
  const openedAt = toDate(ticket.dateoccurred) ?? now
  return {
    haloId: ticket.id,
    clientId,
    haloUserId: ticket.user_id ?? null,
    summary: ticket.summary,
    details: ticket.details,
    statusId: ticket.status_id,
    openedAt,
    lastUpdate: toDate(ticket.last_update) ?? openedAt,
    syncedAt: now,
    writeError: null,
  }
}

/** Halo writes local times without an offset; they are read as UTC. */
export function toDate(value: string | null | undefined): Date | undefined {
  if (!value) return undefined
  const hasZone = /[zZ]|[+-]\d\d:?\d\d$/.test(value)
  const date = new Date(hasZone ? value : `${value}Z`)
  return Number.isNaN(date.getTime()) ? undefined : date
}
