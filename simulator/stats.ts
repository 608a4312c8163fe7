// Counters for /api and /auth traffic, read by tests and the demo through
// GET /__sim/stats. `failed` counts requests that chaos failed, faulted or
// dropped; `rateLimited` the ones refused with 429, which are not `failed`.
export interface Stats {
  requests: number
  created: { tickets: number; actions: number; quoteApprovals: number }
  updated: { tickets: number; actions: number }
  byRoute: Record<string, number>
  failed: number
  rateLimited: number
}

export function createStats(): Stats {
  return {
    requests: 0,
    created: { tickets: 0, actions: 0, quoteApprovals: 0 },
    updated: { tickets: 0, actions: 0 },
    byRoute: {},
    failed: 0,
    rateLimited: 0,
  }
}

export function countRequest(stats: Stats, key: string): void {
  stats.requests += 1
  stats.byRoute[key] = (stats.byRoute[key] ?? 0) + 1
}
