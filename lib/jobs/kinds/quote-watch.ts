import { z } from 'zod'
import { dbNow } from '../../db/client'
import { getEnv } from '../../env'
import { approvalStateOf, isDecided } from '../../quotes/approval-states'
import { isUpstreamError } from '../../upstream/errors'
import { getHaloQuote } from '../../upstream/halo-quotes'
import { definePollJob } from '../kind'
import { writeSignal } from '../waiting'
import { QUOTE_WATCH } from './queues'

// Watches a quote after a customer decided on it, until Halo shows the
// decision (completed), the quote is gone (cancelled), or abandonAfter
// passes (escalated). Each tick that finds it still awaiting asks to be
// run again later, which does not use the retry budget.

export const quoteWatchSchema = z.object({
  quoteId: z.uuid(),
  mutationId: z.uuid(),
  clientId: z.uuid(),
  writeVersion: z.number().int().positive(),
  approve: z.boolean(),
  abandonAfter: z.iso.datetime({ offset: true }),
})

export type QuoteWatch = z.infer<typeof quoteWatchSchema>

const OTHER_DECISION =
  'Someone else at your company decided on this quote first; it shows ' +
  'their decision.'
const WITHDRAWN = 'The quote was withdrawn before your decision reached it.'

export const quoteWatchJob = definePollJob<QuoteWatch>({
  name: 'quote-watch',
  queue: QUOTE_WATCH,
  schema: quoteWatchSchema,
  entity: (payload) => ({ type: 'quote', id: payload.quoteId }),
  policy: () => ({
    retryLimit: 10,
    retryDelaySeconds: 5,
    retryDelayMaxSeconds: 300,
    expireInSeconds: 120,
  }),
  clientOf: async (db, payload) =>
    (await db.quote.findUnique({ where: { id: payload.quoteId } }))?.clientId ??
    null,
  tick: async (payload, run) => {
    const quote = await run.db.quote.findUnique({
      where: { id: payload.quoteId },
    })
    if (!quote)
      return { outcome: 'cancelled', reason: 'the quote left the cache' }
    const seen = await getHaloQuote(
      run.halo,
      quote.haloId,
      writeSignal(run),
    ).catch((error) => {
      if (isUpstreamError(error) && error.failure === 'not-found') return null
      throw error
    })
    const settle = (data: object) =>
      run.db.quote.updateMany({
        where: { id: quote.id, writeVersion: payload.writeVersion },
        data: { pendingWrite: false, ...data },
      })
    if (!seen) {
      await settle({ writeError: WITHDRAWN })
      return { outcome: 'cancelled', reason: 'the quote is gone from Halo' }
    }
    if (!isDecided(seen.approvalstate)) {
      return {
        outcome: 'waiting',
        retryInSeconds: getEnv().QUOTE_WATCH_INTERVAL_SECONDS,
      }
    }
    const ours = seen.approvalstate === approvalStateOf(payload.approve)
    await settle({
      approvalState: seen.approvalstate,
      syncedAt: await dbNow(run.db),
      writeError: ours ? null : OTHER_DECISION,
    })
    return { outcome: 'completed' }
  },
  onEscalated: async (db, payload, message) => {
    await db.quote.updateMany({
      where: { id: payload.quoteId, writeVersion: payload.writeVersion },
      data: { pendingWrite: false, writeError: message },
    })
  },
})
