// What can go wrong with an upstream call, sorted by what the caller should
// do about it. The words for users are chosen at the edge, not here.

export type UpstreamFailure =
  /** Try again later: a timeout, a refused connection, a 5xx. */
  | 'retryable'
  /** Too many requests: wait at least retryAfterMs, then try again. */
  | 'rate-limited'
  /** The upstream refused the request as it stands: do not repeat it. */
  | 'permanent'
  /** The record does not exist upstream. */
  | 'not-found'

export class UpstreamError extends Error {
  override name = 'UpstreamError'

  constructor(
    readonly upstream: string,
    readonly failure: UpstreamFailure,
    message: string,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(message)
  }
}

/**
 * By shape as well as by class: Next bundles a module once per route and
 * once for instrumentation, so an error thrown by the process's one Halo
 * client may come from another copy of this class than the caller's.
 */
export function isUpstreamError(error: unknown): error is UpstreamError {
  if (error instanceof UpstreamError) return true
  return (
    error instanceof Error &&
    error.name === 'UpstreamError' &&
    typeof (error as { failure?: unknown }).failure === 'string'
  )
}

export function failureOfStatus(status: number): UpstreamFailure {
  if (status === 404) return 'not-found'
  if (status === 429) return 'rate-limited'
  if (status >= 500 || status === 408) return 'retryable'
  return 'permanent'
}

/** Retry-After as milliseconds: either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined
  const seconds = Number(value)
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now())
}
