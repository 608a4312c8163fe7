import { z } from 'zod'
import { HttpError, type Reply, readJson } from '../http'
import { setApprovalState, settleApprovals } from '../quote-approvals'
import { APPROVAL_STATES } from '../quote-states'
import type { Context, Route } from '../router'

// PUT /__sim/quotes/{id}: lets a test set a quote's approval state, or
// make the quote's next approval show only after a delay, so a poller sees
// "still awaiting" first.

const approvalStateSchema = z.literal(Object.values(APPROVAL_STATES))

const quoteControlSchema = z.strictObject({
  approvalstate: approvalStateSchema.nullable().optional(),
  settleAfterMs: z.int().min(0).max(600_000).optional(),
})

async function readControl(req: Context['req']) {
  const result = quoteControlSchema.safeParse(await readJson(req))
  if (!result.success) throw new HttpError(400, z.prettifyError(result.error))
  return result.data
}

async function putQuote({ req, params, state }: Context): Promise<Reply> {
  const { approvalstate, settleAfterMs } = await readControl(req)
  settleApprovals(state.store)
  const id = Number(params.id)
  const quote = state.store.quotes.get(id)
  if (!quote) throw new HttpError(404, `Quote ${params.id} not found`)

  if (approvalstate !== undefined) {
    setApprovalState(state.store, quote, approvalstate)
  }
  if (settleAfterMs !== undefined) state.settleDelays.set(id, settleAfterMs)
  const settle = state.settleDelays.get(id) ?? 0
  return { json: { quote, settleAfterMs: settle } }
}

export const quoteControlRoutes: Route[] = [
  { method: 'PUT', pattern: '/__sim/quotes/{id}', handle: putQuote },
]
