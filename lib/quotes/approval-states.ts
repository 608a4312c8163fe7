// What Halo's integer approvalstate on a quote means. Halo's API
// description types it as a nullable integer and says no more; these are
// the values of a default tenant (and of the simulator). A tenant with
// other values changes them here.

export const APPROVAL_AWAITING = 0
export const APPROVAL_APPROVED = 1
export const APPROVAL_REJECTED = 2

/** Decided one way or the other: nothing more will change. */
export function isDecided(state: number | null | undefined): boolean {
  return state === APPROVAL_APPROVED || state === APPROVAL_REJECTED
}

export function approvalStateOf(approve: boolean): number {
  return approve ? APPROVAL_APPROVED : APPROVAL_REJECTED
}
