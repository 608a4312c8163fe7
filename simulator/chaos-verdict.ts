import { STATUS_CODES } from 'node:http'
import { drawDelay, shouldFail, takeFault } from './chaos'
import type { Reply } from './http'
import { admitRequest, rateLimitedReply } from './rate-limit'
import type { SimulatorState } from './state'

// What chaos makes of an /api or /auth request, decided the moment it
// arrives and in arrival order, so a test's faults hit the requests it
// expects and a refused write saves nothing.

export type Verdict =
  /** Cut the connection without reading or answering. */
  | { kind: 'cut' }
  /** After the delay, send this reply instead of handling the request. */
  | { kind: 'answer'; delayMs: number; reply: Reply }
  /** After the delay, handle it; then answer, or cut when dropResponse. */
  | { kind: 'handle'; delayMs: number; dropResponse: boolean }

export function judgeArrival(
  state: SimulatorState,
  route: string,
  now: number,
): Verdict {
  const { chaos, stats } = state
  if (chaos.down) {
    stats.failed += 1
    return { kind: 'cut' }
  }

  const delayMs = drawDelay(chaos)
  const refusal = refuseOverLimit(state, now)
  if (refusal) {
    stats.rateLimited += 1
    return { kind: 'answer', delayMs, reply: refusal }
  }
  return judgeAdmitted(state, route, delayMs)
}

function refuseOverLimit(state: SimulatorState, now: number) {
  const limit = state.chaos.rateLimit
  if (!limit) return undefined
  const admission = admitRequest(state.rateWindow, limit, now)
  if (admission.admitted) return undefined
  return rateLimitedReply(limit, admission.waitMs)
}

function judgeAdmitted(
  state: SimulatorState,
  route: string,
  baseDelayMs: number,
): Verdict {
  const { chaos, stats } = state
  const fault = takeFault(chaos, route)
  const delayMs = baseDelayMs + (fault?.latencyMs ?? 0)
  if (fault?.status) {
    stats.failed += 1
    return { kind: 'answer', delayMs, reply: faultReply(fault.status) }
  }
  if (shouldFail(chaos)) {
    stats.failed += 1
    return { kind: 'answer', delayMs, reply: serverError }
  }

  const dropResponse = fault?.dropResponse ?? false
  if (dropResponse) stats.failed += 1
  return { kind: 'handle', delayMs, dropResponse }
}

const serverError: Reply = { status: 500, text: 'Simulated server error' }

function faultReply(status: number): Reply {
  const reason = STATUS_CODES[status] ?? 'Error'
  return { status, text: `Simulated fault: ${status} ${reason}` }
}
