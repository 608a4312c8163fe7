// Counters for /api and /auth traffic, read by tests and the demo through
// GET /__sim/stats. `failed` counts requests that chaos failed or dropped.
export interface Stats {
  requests: number
  created: { tickets: number }
  updated: { tickets: number }
  byRoute: Record<string, number>
  failed: number
}

export function createStats(): Stats {
  return {
    requests: 0,
    created: { tickets: 0 },
    updated: { tickets: 0 },
    byRoute: {},
    failed: 0,
  }
}

export function countRequest(stats: Stats, key: string): void {
  stats.requests += 1
  stats.byRoute[key] = (stats.byRoute[key] ?? 0) + 1
}
