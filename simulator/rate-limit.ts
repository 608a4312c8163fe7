import type { RateLimit } from './chaos'

// A hosted tenant's limit: at most `limit` requests in any `windowMs`,
// counted over every /api and /auth request. Only admitted requests take a
// slot, so a client that keeps retrying through 429s is let in as soon as
// the oldest admitted request has left the window.

/** Arrival times (epoch ms) of admitted requests, oldest first. */
export type RateWindow = number[]

/**
 * Admits the request and records it, or answers how many milliseconds
 * remain until a slot frees.
 */
export function admitRequest(
  window: RateWindow,
  rateLimit: RateLimit,
  now: number,
): { admitted: true } | { admitted: false; waitMs: number } {
  const since = now - rateLimit.windowMs
  while (window.length > 0 && (window[0] ?? now) <= since) window.shift()
  if (window.length < rateLimit.limit) {
    window.push(now)
    return { admitted: true }
  }

  const freeing = window[window.length - rateLimit.limit] ?? now
  return { admitted: false, waitMs: freeing + rateLimit.windowMs - now }
}

/** Halo's 429, with Retry-After in whole seconds, never less than 1. */
export function rateLimitedReply(rateLimit: RateLimit, waitMs: number) {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000))
  const headers = rateLimit.retryAfter
    ? { 'retry-after': String(seconds) }
    : undefined
  return { status: 429, text: 'Rate Limit Reached', headers }
}
