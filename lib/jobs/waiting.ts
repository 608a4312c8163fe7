import { getEnv } from '../env'

// How jobs wait. Halo's rate limit is shared by the whole tenant: when one
// job hears 429, every job of this worker waits before its next call,
// instead of each finding out for itself and making the limit worse.

/** Wait this long after a 429 that names no Retry-After. */
export const RATE_WINDOW_MS = 10_000

let pausedUntil = 0

export function pauseUpstream(forMs: number) {
  pausedUntil = Math.max(pausedUntil, Date.now() + forMs)
}

/** Resolves once the pause is over; rejects when the signal aborts. */
export async function whenUpstreamOpen(signal: AbortSignal) {
  const waitMs = pausedUntil - Date.now()
  if (waitMs <= 0) return
  await sleep(waitMs, signal)
}

export function sleep(ms: number, signal: AbortSignal) {
  return new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason)
    const timer = setTimeout(resolve, ms)
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer)
        reject(signal.reason)
      },
      { once: true },
    )
  })
}

/** One upstream call's deadline, ended early if the job's own ends. */
export function writeSignal(run: { signal: AbortSignal }): AbortSignal {
  const timeout = AbortSignal.timeout(getEnv().UPSTREAM_WRITE_TIMEOUT_MS)
  return AbortSignal.any([run.signal, timeout])
}
