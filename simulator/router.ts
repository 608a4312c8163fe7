import type { IncomingMessage } from 'node:http'
import type { Reply } from './http'
import type { SimulatorState } from './state'

export interface Context {
  req: IncomingMessage
  url: URL
  params: Record<string, string>
  state: SimulatorState
  /** The route's name in stats and the write log. */
  route: string
}

export interface Route {
  method: string
  /** Path with `{name}` placeholders, in Halo's own spelling. */
  pattern: string
  handle(ctx: Context): Reply | Promise<Reply>
}

export interface RouteMatch {
  route: Route
  params: Record<string, string>
}

/** The route's name in stats, e.g. `GET /api/Tickets/{id}`. */
export function routeKey(route: Route): string {
  return `${route.method} ${route.pattern}`
}

// Halo is an ASP.NET application, whose routes ignore case: `/api/tickets`
// reaches the same endpoint as `/api/Tickets`.
export function matchRoute(
  routes: Route[],
  method: string,
  path: string,
): RouteMatch | undefined {
  const parts = splitPath(path)
  for (const route of routes) {
    if (route.method !== method) continue
    const params = matchParts(splitPath(route.pattern), parts)
    if (params) return { route, params }
  }
  return undefined
}

function splitPath(path: string): string[] {
  return path.split('/').filter(Boolean)
}

function matchParts(pattern: string[], parts: string[]) {
  if (pattern.length !== parts.length) return undefined
  const params: Record<string, string> = {}
  for (const [i, want] of pattern.entries()) {
    const got = parts[i] ?? ''
    if (want.startsWith('{')) params[want.slice(1, -1)] = got
    else if (want.toLowerCase() !== got.toLowerCase()) return undefined
  }
  return params
}
