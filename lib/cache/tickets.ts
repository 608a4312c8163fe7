import { type Db, dbNow, getDb } from '../db/client'
import { getEnv } from '../env'
import { NotLoadedError } from '../errors'
import {
  type TicketList,
  type TicketView,
  ticketWithClient,
  toTicketView,
} from '../tickets/view'
import { isUpstreamError } from '../upstream/errors'
import { getHalo } from '../upstream/halo'
import { getHaloTicket, listHaloTickets } from '../upstream/halo-tickets'
import { clientScope, type Viewer } from '../viewer'
import { l1Get, l1Set } from './l1'
import { type RefreshOutcome, refreshEntry } from './read-through'
import { storeHaloTickets } from './ticket-store'

// Tickets as pages and routes read them: from the cache, refreshed from Halo
// through refreshEntry only when missing or older than CACHE_TTL_SECONDS.

const NOT_LOADED_LIST =
  'Your tickets could not be loaded yet: the service desk is not answering. ' +
  'Try again in a minute.'
const NOT_LOADED_TICKET =
  'This ticket could not be loaded yet: the service desk is not answering. ' +
  'Try again in a minute.'

function listKey(viewer: Viewer): string {
  return viewer.role === 'staff'
    ? 'tickets:all'
    : `tickets:client:${viewer.clientHaloId}`
}

/**
 * Every ticket the viewer may see, newest first. Not paged yet: a client
 * with thousands of tickets gets one long page; a cursor on
 * (openedAt, id) would fix it.
 */
export async function listTickets(viewer: Viewer): Promise<TicketList> {
  const db = getDb()
  const key = listKey(viewer)
  const before = await listSyncedAt(db, key)
  let outcome: RefreshOutcome = { ok: true }
  if (!before.fresh) {
    outcome = await refreshEntry({
      key,
      isFresh: async () => (await listSyncedAt(db, key)).fresh,
      refresh: () => refreshList(db, key, viewer.clientHaloId),
      cooldownMs: getEnv().UPSTREAM_RETRY_COOLDOWN_MS,
    })
  }
  const rows = await db.ticket.findMany({
    where: clientScope(viewer),
    orderBy: [{ openedAt: 'desc' }, { createdAt: 'desc' }],
    include: ticketWithClient,
  })
  if (!outcome.ok && !before.syncedAt && rows.length === 0) {
    throw new NotLoadedError(NOT_LOADED_LIST)
  }
  const after = outcome.ok ? await listSyncedAt(db, key) : before
  return {
    tickets: rows.map((row) => toTicketView(row, !outcome.ok)),
    stale: !outcome.ok,
    asOf: after.syncedAt?.toISOString() ?? null,
  }
}

async function listSyncedAt(db: Db, key: string) {
  const ttl = getEnv().CACHE_TTL_SECONDS
  const rows = await db.$queryRaw<{ synced_at: Date; fresh: boolean }[]>`
    SELECT synced_at, synced_at > now() - make_interval(secs => ${ttl}) AS fresh
      FROM list_syncs WHERE key = ${key}`
  const row = rows[0]
  return { syncedAt: row?.synced_at ?? null, fresh: row?.fresh ?? false }
}

async function refreshList(db: Db, key: string, clientHaloId: number | null) {
  const signal = AbortSignal.timeout(getEnv().UPSTREAM_READ_TIMEOUT_MS)
  const tickets = await listHaloTickets(
    getHalo(),
    { clientId: clientHaloId ?? undefined },
    signal,
  )
  const now = await dbNow(db)
  await storeHaloTickets(db, tickets, now)
  await db.listSync.upsert({
    where: { key },
    create: { key, syncedAt: now },
    update: { syncedAt: now },
  })
}

const missingKey = (haloId: number) => `halo-missing:ticket:${haloId}`

const PORTAL_ID =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const HALO_ID = /^\d{1,9}$/

/**
 * One ticket by the portal's id or by Halo's id; null when it does not
 * exist or the viewer may not see it (the two are not told apart).
 */
export async function getTicket(
  viewer: Viewer,
  id: string,
): Promise<TicketView | null> {
  if (PORTAL_ID.test(id)) return getByPortalId(viewer, id)
  if (HALO_ID.test(id)) return getByHaloId(viewer, Number(id))
  return null
}

async function getByPortalId(viewer: Viewer, id: string) {
  const db = getDb()
  const where = { id, ...clientScope(viewer) }
  const row = await db.ticket.findFirst({ where, include: ticketWithClient })
  if (!row) return null
  const outcome = await refreshIfStale(db, row)
  const latest = await db.ticket.findFirst({ where, include: ticketWithClient })
  return latest ? toTicketView(latest, !outcome.ok) : null
}

async function getByHaloId(viewer: Viewer, haloId: number) {
  const db = getDb()
  const where = { haloId, ...clientScope(viewer) }
  const row = await db.ticket.findFirst({ where, select: { id: true } })
  if (row) return getByPortalId(viewer, row.id)
  // Another client's ticket the cache holds fresh is not the viewer's
  // either: asking Halo again would let id guessing spend Halo's rate
  // limit, as an unknown id would without its remembered miss.
  if (await isFreshElsewhere(db, haloId)) return null
  // A ticket of another client is looked up like an unknown one, so the
  // answer (404, or 503 while Halo is down) does not tell them apart.
  const outcome = await refreshOne(db, haloId)
  if (!outcome.ok) throw new NotLoadedError(NOT_LOADED_TICKET)
  const found = await db.ticket.findFirst({ where, include: ticketWithClient })
  return found ? toTicketView(found, false) : null
}

async function isFreshElsewhere(db: Db, haloId: number): Promise<boolean> {
  const ttl = getEnv().CACHE_TTL_SECONDS
  const rows = await db.$queryRaw<{ fresh: boolean }[]>`
    SELECT synced_at > now() - make_interval(secs => ${ttl}) AS fresh
      FROM tickets WHERE halo_id = ${haloId}`
  return rows[0]?.fresh ?? false
}

async function refreshIfStale(
  db: Db,
  row: { haloId: number | null; pendingWrite: boolean; syncedAt: Date | null },
): Promise<RefreshOutcome> {
  if (row.haloId === null || row.pendingWrite) return { ok: true }
  const ttlMs = getEnv().CACHE_TTL_SECONDS * 1000
  const now = await dbNow(db)
  const age = row.syncedAt ? now.getTime() - row.syncedAt.getTime() : Infinity
  if (age < ttlMs) return { ok: true }
  return refreshOne(db, row.haloId)
}

function refreshOne(db: Db, haloId: number) {
  return refreshEntry({
    key: `ticket:${haloId}`,
    isFresh: async () => false,
    refresh: async () => {
      if (l1Get(missingKey(haloId))) return
      const signal = AbortSignal.timeout(getEnv().UPSTREAM_READ_TIMEOUT_MS)
      try {
        const ticket = await getHaloTicket(getHalo(), haloId, signal)
        await storeHaloTickets(db, [ticket], await dbNow(db))
      } catch (error) {
        if (!isUpstreamError(error) || error.failure !== 'not-found')
          throw error
        // Halo has no such ticket: remember that, so guessing ids does not
        // cost a Halo call (and a share of its rate limit) each.
        l1Set(missingKey(haloId), true, getEnv().CACHE_TTL_SECONDS * 1000)
      }
    },
    cooldownMs: getEnv().UPSTREAM_RETRY_COOLDOWN_MS,
  })
}
