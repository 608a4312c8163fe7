import { z } from 'zod'
import { type Db, dbNow } from '../../db/client'
import { getEnv } from '../../env'
import { isDecided } from '../../quotes/approval-states'
import { isUpstreamError } from '../../upstream/errors'
import { approveHaloQuote, getHaloQuote } from '../../upstream/halo-quotes'
import { enqueue } from '../enqueue'
import { defineWriteJob, writePolicy } from '../kind'
import { writeSignal } from '../waiting'
import { QUOTE_WRITES } from './queues'
import { quoteWatchJob } from './quote-watch'

// Delivers a customer's decision on a quote, then hands the quote to a
// watch until Halo shows it settled. Halo has no idempotency keys: a
// quote that already shows a decision is not posted to again, and Halo's
// "already decided" answer means a decision is on its way (ours from a
// lost answer, or another user's); the watch tells which.

export const quoteApproveSchema = z.object({
  quoteId: z.uuid(),
  mutationId: z.uuid(),
  writeVersion: z.number().int().positive(),
  clientId: z.uuid(),
  approve: z.boolean(),
  note: z.string().optional(),
  approverName: z.string(),
  approverEmail: z.string(),
})

export type QuoteApprove = z.infer<typeof quoteApproveSchema>

export const quoteApproveJob = defineWriteJob<QuoteApprove>({
  name: 'quote-approve',
  queue: QUOTE_WRITES,
  schema: quoteApproveSchema,
  entity: (payload) => ({ type: 'quote', id: payload.quoteId }),
  policy: writePolicy,
  clientOf: quoteClient,
  action: (payload) => (payload.approve ? 'quote-approve' : 'quote-reject'),
  perform: async (payload, run) => {
    const quote = await run.db.quote.findUnique({
      where: { id: payload.quoteId },
    })
    if (!quote) return
    const current = await getHaloQuote(run.halo, quote.haloId, writeSignal(run))
    if (!isDecided(current.approvalstate)) {
      await postDecision(run, quote.haloId, payload)
    }
    await startWatch(run.db, run.boss, payload)
  },
  onAttemptFailed: (db, payload, message) =>
    noteQuoteError(db, payload.quoteId, message),
  onEscalated: async (db, payload, message) => {
    await db.quote.updateMany({
      where: { id: payload.quoteId, writeVersion: payload.writeVersion },
      data: { pendingWrite: false, writeError: message },
    })
  },
  onRedriven: async (db, payload) => {
    await db.quote.updateMany({
      where: { id: payload.quoteId },
      data: { pendingWrite: true, writeError: null },
    })
  },
})

async function postDecision(
  run: Parameters<typeof quoteApproveJob.perform>[1],
  haloId: number,
  payload: QuoteApprove,
) {
  const approval = {
    id: haloId,
    result: payload.approve,
    approvalname: payload.approverName,
    approvalemailaddress: payload.approverEmail,
    approvalnote: payload.note,
  }
  try {
    await approveHaloQuote(run.halo, approval, writeSignal(run))
  } catch (error) {
    const decided = isUpstreamError(error) && error.status === 400
    if (!decided || !/already decided/i.test(error.message)) throw error
    run.log.info('Halo says the quote is already decided; watching it')
  }
}

async function startWatch(
  db: Db,
  boss: Parameters<typeof enqueue>[0],
  payload: QuoteApprove,
) {
  const now = await dbNow(db)
  const deadline = now.getTime() + getEnv().QUOTE_WATCH_SECONDS * 1000
  await enqueue(boss, quoteWatchJob, {
    quoteId: payload.quoteId,
    mutationId: payload.mutationId,
    clientId: payload.clientId,
    writeVersion: payload.writeVersion,
    approve: payload.approve,
    abandonAfter: new Date(deadline).toISOString(),
  })
}

export async function quoteClient(db: Db, payload: { quoteId: string }) {
  const quote = await db.quote.findUnique({
    where: { id: payload.quoteId },
    select: { clientId: true },
  })
  return quote?.clientId ?? null
}

export async function noteQuoteError(db: Db, quoteId: string, message: string) {
  await db.quote.updateMany({
    where: { id: quoteId },
    data: { writeError: message },
  })
}
