import type { Quote } from './store'

// What the integers on a quote mean in the simulated tenant. Halo's spec
// types `approvalstate` and `status` as nullable integers and says nothing
// more; each tenant configures its own. This is the one place the
// simulator's choice is written down (README.md repeats it).
//
// approvalstate: null  nobody has decided yet (what Halo shows on a quote
//                      that was sent for approval and not yet answered)
//                0     awaiting approval, written by tenants that reset a
//                      quote for approval; the same as null to a client
//                1     approved by the customer
//                2     rejected by the customer
// status:        1 Sent, 2 Accepted, 3 Declined; an approval moves a quote
//                from Sent to Accepted or Declined.

export const APPROVAL_STATES = {
  awaiting: 0,
  approved: 1,
  rejected: 2,
} as const
export const QUOTE_STATUSES = { sent: 1, accepted: 2, declined: 3 } as const

export type ApprovalState =
  (typeof APPROVAL_STATES)[keyof typeof APPROVAL_STATES]

export function isAwaitingApproval(quote: Quote): boolean {
  if (!quote.requires_approval) return false
  const state = quote.approvalstate
  return state === null || state === APPROVAL_STATES.awaiting
}

/** The status that goes with an approval state. */
export function statusFor(approvalstate: number | null): number {
  if (approvalstate === APPROVAL_STATES.approved) return QUOTE_STATUSES.accepted
  if (approvalstate === APPROVAL_STATES.rejected) return QUOTE_STATUSES.declined
  return QUOTE_STATUSES.sent
}
