import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { getDb } from '../db/client'
import { getBoss } from '../jobs/boss'
import { acceptWrite } from '../jobs/enqueue'
import { type QuoteApprove, quoteApproveJob } from '../jobs/kinds/quote-approve'
import { log } from '../log'
import type { FieldErrors } from '../tickets/fields'
import { clientScope, type Viewer } from '../viewer'
import { approvalStateOf, isDecided } from './approval-states'

// A customer approves or rejects a quote: shown at once as their decision
// (pending), delivered by the worker, confirmed by a watch.

export const quoteDecisionSchema = z.object({
  approve: z.boolean({ error: 'Choose whether to approve or reject.' }),
  note: z
    .string()
    .trim()
    .max(2000, 'Keep the note under 2000 characters.')
    .optional(),
})

export type DecideQuoteResult =
  | { ok: true; quoteId: string; writeVersion: number }
  | { ok: false; errors: FieldErrors }
  | { ok: false; notFound: true }

export async function decideQuote(
  viewer: Viewer,
  quoteId: string,
  input: unknown,
): Promise<DecideQuoteResult> {
  const parsed = quoteDecisionSchema.safeParse(input)
  if (!parsed.success) {
    return { ok: false, errors: z.flattenError(parsed.error).fieldErrors }
  }
  const quote = await getDb().quote.findFirst({
    where: { id: quoteId, ...clientScope(viewer) },
  })
  if (!quote) return { ok: false, notFound: true }
  if (isDecided(quote.approvalState) && !quote.pendingWrite) {
    return {
      ok: false,
      errors: { approve: ['This quote is already decided.'] },
    }
  }
  const writeVersion = await applyDecision(viewer, quote.id, parsed.data)
  log.info(
    { quoteId, userId: viewer.userId, writeVersion },
    'quote decision accepted',
  )
  return { ok: true, quoteId, writeVersion }
}

async function applyDecision(
  viewer: Viewer,
  quoteId: string,
  decision: { approve: boolean; note?: string },
) {
  const boss = await getBoss()
  return getDb().$transaction(async (tx) => {
    const quote = await tx.quote.update({
      where: { id: quoteId },
      data: {
        approvalState: approvalStateOf(decision.approve),
        approvalNote: decision.note ?? null,
        decidedBy: viewer.email,
        pendingWrite: true,
        writeError: null,
        writeVersion: { increment: 1 },
      },
    })
    const job: QuoteApprove = {
      quoteId,
      mutationId: randomUUID(),
      writeVersion: quote.writeVersion,
      clientId: quote.clientId,
      approve: decision.approve,
      note: decision.note,
      approverName: viewer.name,
      approverEmail: viewer.email,
    }
    await acceptWrite(tx, boss, {
      actor: viewer,
      kind: quoteApproveJob,
      payload: job,
    })
    return quote.writeVersion
  })
}
