import { z } from 'zod'
import { type Db, dbNow, getDb } from '../db/client'
import { getEnv } from '../env'
import { getHalo } from '../upstream/halo'
import { type HaloQuote, haloQuoteSchema } from '../upstream/halo-quotes'
import { clientScope, type Viewer } from '../viewer'
import { refreshEntry } from './read-through'

// Quotes as the portal reads them: from the cache, the customer's list
// refreshed from Halo through refreshEntry when older than the TTL.

const quotePageSchema = z.object({ quotes: z.array(haloQuoteSchema) })

export async function listQuotes(viewer: Viewer) {
  const db = getDb()
  const key = `quotes:client:${viewer.clientHaloId ?? 'all'}`
  const outcome = await refreshEntry({
    key,
    isFresh: async () => isFresh(db, key),
    refresh: () => refreshQuotes(db, key, viewer.clientHaloId),
    cooldownMs: getEnv().UPSTREAM_RETRY_COOLDOWN_MS,
  })
  const quotes = await db.quote.findMany({
    where: clientScope(viewer),
    orderBy: { haloId: 'desc' },
  })
  return { quotes, stale: !outcome.ok }
}

async function isFresh(db: Db, key: string) {
  const ttl = getEnv().CACHE_TTL_SECONDS
  const rows = await db.$queryRaw<{ fresh: boolean }[]>`
    SELECT synced_at > now() - make_interval(secs => ${ttl}) AS fresh
      FROM list_syncs WHERE key = ${key}`
  return rows[0]?.fresh ?? false
}

async function refreshQuotes(db: Db, key: string, clientHaloId: number | null) {
  const signal = AbortSignal.timeout(getEnv().UPSTREAM_READ_TIMEOUT_MS)
  const answer = await getHalo().request('Quotation', {
    query: {
      pageinate: true,
      page_size: 100,
      page_no: 1,
      client_id: clientHaloId ?? undefined,
    },
    signal,
  })
  const now = await dbNow(db)
  for (const quote of quotePageSchema.parse(answer).quotes) {
    await storeHaloQuote(db, quote, now)
  }
  await db.listSync.upsert({
    where: { key },
    create: { key, syncedAt: now },
    update: { syncedAt: now },
  })
}

/** Writes one quote through; a quote with a decision in flight keeps it. */
export async function storeHaloQuote(db: Db, quote: HaloQuote, now: Date) {
  const client = await db.client.upsert({
    where: { haloId: quote.client_id },
    create: {
      haloId: quote.client_id,
      name: quote.client_name ?? `Client ${quote.client_id}`,
      syncedAt: now,
    },
    update: {},
  })
  const fields = {
    clientId: client.id,
    title: quote.title,
    total: quote.total,
    approvalState: quote.approvalstate ?? null,
    approvalNote: quote.approvalnote ?? null,
    syncedAt: now,
  }
  await db.quote.upsert({
    where: { haloId: quote.id },
    create: { haloId: quote.id, ...fields },
    update: {},
  })
  await db.quote.updateMany({
    where: { haloId: quote.id, pendingWrite: false },
    data: fields,
  })
}
