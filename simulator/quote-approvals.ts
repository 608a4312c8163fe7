import { z } from 'zod'
import { HttpError } from './http'
import { APPROVAL_STATES, isAwaitingApproval, statusFor } from './quote-states'
import { int32, parseRecords, type Supplied } from './record-input'
import type { SimulatorState } from './state'
import type { Quote, Store } from './store'
import { recordWrite } from './write-log'

// A customer's answer to a quote, posted as Halo's `QuotationApproval`. The
// decision is recorded when the POST is answered; with a settle delay
// (PUT /__sim/quotes/{id}) the quote keeps showing "awaiting" until the
// delay has passed, as a tenant that processes approvals in the background
// would. Nothing runs on a timer: due approvals settle whenever a quote is
// read, so a closed simulator leaves nothing behind.

const approvalInputSchema = z.object({
  id: int32.positive(),
  result: z.boolean(),
  approvalname: z.string().nullish(),
  approvalemailaddress: z.string().nullish(),
  approvalnote: z.string().nullish(),
  ponumber: z.string().nullish(),
})

type ApprovalInput = Supplied<z.infer<typeof approvalInputSchema>>

type Decision = Pick<
  Quote,
  | 'status'
  | 'approvalstate'
  | 'approvaldatetime'
  | 'approvalname'
  | 'approvalemailaddress'
  | 'approvalnote'
  | 'ponumber'
>

export interface PendingApproval {
  quoteId: number
  /** Epoch ms from which the quote shows the decision. */
  settlesAt: number
  decision: Decision
}

/**
 * Saves a POST /Quotation/Approval body. Every record is checked before
 * any is saved: an unknown quote is a 404, a quote already decided (or
 * with a decision still settling) a 400.
 */
export function saveApprovals(
  state: SimulatorState,
  body: unknown,
  route: string,
): Quote[] {
  const now = Date.now()
  settleApprovals(state.store, now)
  const records = parseRecords(
    body,
    approvalInputSchema,
    'POST /Quotation/Approval takes a JSON array of approvals, even for one',
  )

  const seen = new Set<number>()
  const checked = records.map((record) => ({
    ...record,
    quote: requireUndecided(state.store, record.input.id, seen),
  }))
  return checked.map((approval) => accept(state, approval, route, now))
}

function requireUndecided(store: Store, id: number, seen: Set<number>) {
  const quote = store.quotes.get(id)
  if (!quote) throw new HttpError(404, `Quote ${id} not found`)
  if (!quote.requires_approval) {
    throw new HttpError(400, `Quote ${id} does not require approval`)
  }
  const settling = store.pendingApprovals.has(id)
  if (seen.has(id) || settling || !isAwaitingApproval(quote)) {
    throw new HttpError(400, 'Quote already decided')
  }

  seen.add(id)
  return quote
}

interface CheckedApproval {
  quote: Quote
  input: ApprovalInput
  posted: unknown
}

function accept(
  state: SimulatorState,
  { quote, input, posted }: CheckedApproval,
  route: string,
  now: number,
): Quote {
  const delay = state.settleDelays.get(quote.id) ?? 0
  state.settleDelays.delete(quote.id)
  state.store.pendingApprovals.set(quote.id, {
    quoteId: quote.id,
    settlesAt: now + delay,
    decision: decide(input, now),
  })

  const write = { route, resource: 'quoteApproval', id: quote.id } as const
  recordWrite(state.store, { ...write, fields: posted })
  state.stats.created.quoteApprovals += 1
  settleApprovals(state.store, now)
  return quote
}

function decide(input: ApprovalInput, now: number): Decision {
  const { approved, rejected } = APPROVAL_STATES
  const approvalstate = input.result ? approved : rejected
  return {
    approvalstate,
    status: statusFor(approvalstate),
    approvaldatetime: new Date(now).toISOString(),
    approvalname: input.approvalname ?? null,
    approvalemailaddress: input.approvalemailaddress ?? null,
    approvalnote: input.approvalnote ?? null,
    ponumber: input.ponumber ?? null,
  }
}

/** Makes every approval whose delay has passed visible on its quote. */
export function settleApprovals(store: Store, now = Date.now()): void {
  for (const [id, pending] of store.pendingApprovals) {
    if (pending.settlesAt > now) continue
    const quote = store.quotes.get(id)
    const last_update_time = new Date(pending.settlesAt).toISOString()
    if (quote) Object.assign(quote, pending.decision, { last_update_time })
    store.pendingApprovals.delete(id)
  }
}

/**
 * Sets a quote's approval state directly, for tests. It replaces any
 * decision still settling; back to awaiting clears the decision's fields.
 */
export function setApprovalState(
  store: Store,
  quote: Quote,
  approvalstate: number | null,
): void {
  const now = new Date().toISOString()
  store.pendingApprovals.delete(quote.id)
  const decided = !isAwaitingApproval({ ...quote, approvalstate })
  Object.assign(quote, {
    approvalstate,
    status: statusFor(approvalstate),
    approvaldatetime: decided ? now : null,
    last_update_time: now,
  })
  if (decided) return

  Object.assign(quote, {
    approvalname: null,
    approvalemailaddress: null,
    approvalnote: null,
    ponumber: null,
  })
}
