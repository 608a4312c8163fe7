import type { IncomingMessage, ServerResponse } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import type { Logger } from 'pino'
import { shouldFail } from './chaos'
import { HttpError, type Reply, sendReply } from './http'
import { matchRoute, type RouteMatch, routeKey } from './router'
import { routes } from './routes/index'
import type { SimulatorState } from './state'
import { countRequest } from './stats'
import { isAuthorized, type Tokens } from './tokens'

// One request's path through the simulator: count it, let chaos have its
// say (for /api and /auth only), check the token, run the handler.

export interface PipelineDeps {
  state: SimulatorState
  log: Logger
  /** Aborted when the simulator closes, to cut chaos delays short. */
  signal: AbortSignal
}

const UPSTREAM_PATH = /^\/(api|auth)(\/|$)/i
const API_PATH = /^\/api(\/|$)/i
const TOKEN_FREE_PATH = /^\/api\/authinfo\/?$/i

const unauthorized: Reply = {
  status: 401,
  headers: { 'www-authenticate': 'Bearer error="invalid_token"' },
}

export async function handleRequest(
  req: IncomingMessage,
  res: ServerResponse,
  deps: PipelineDeps,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://simulator')
  const method = req.method ?? 'GET'
  const match = matchRoute(routes, method, url.pathname)

  if (UPSTREAM_PATH.test(url.pathname)) {
    const key = match ? routeKey(match.route) : `${method} ${url.pathname}`
    countRequest(deps.state.stats, key)
    if (!(await survivesChaos(req, res, deps))) return
  }
  sendReply(res, await answer(req, url, match, deps))
}

/** False when chaos has already dealt with the request. */
async function survivesChaos(
  req: IncomingMessage,
  res: ServerResponse,
  { state, signal }: PipelineDeps,
): Promise<boolean> {
  const { chaos, stats } = state
  if (chaos.down) {
    stats.failed += 1
    req.socket.destroy()
    return false
  }

  const fails = shouldFail(chaos)
  if (chaos.latencyMs > 0) await sleep(chaos.latencyMs, undefined, { signal })
  if (!fails) return true

  stats.failed += 1
  sendReply(res, { status: 500, text: 'Simulated server error' })
  return false
}

async function answer(
  req: IncomingMessage,
  url: URL,
  match: RouteMatch | undefined,
  { state, log }: PipelineDeps,
): Promise<Reply> {
  try {
    if (!hasAccess(req, url, state.tokens)) return unauthorized
    if (!match) return { status: 404, text: `No route for ${url.pathname}` }
    return await match.route.handle({ req, url, params: match.params, state })
  } catch (error) {
    return errorReply(error, url, log)
  }
}

function hasAccess(req: IncomingMessage, url: URL, tokens: Tokens): boolean {
  const isOpen =
    !API_PATH.test(url.pathname) || TOKEN_FREE_PATH.test(url.pathname)
  return isOpen || isAuthorized(tokens, req.headers.authorization)
}

function errorReply(error: unknown, url: URL, log: Logger): Reply {
  if (error instanceof HttpError)
    return { status: error.status, ...error.reply }
  log.error({ err: error, path: url.pathname }, 'simulator handler failed')
  return { status: 500, text: 'The simulator failed; see its log' }
}
