import type { IncomingMessage, ServerResponse } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import type { Logger } from 'pino'
import { judgeArrival } from './chaos-verdict'
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

interface Arrival {
  req: IncomingMessage
  url: URL
  match: RouteMatch | undefined
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
  const arrival = { req, url, match: matchRoute(routes, method, url.pathname) }
  if (!UPSTREAM_PATH.test(url.pathname)) {
    return sendReply(res, await answer(arrival, deps))
  }

  const { match } = arrival
  const key = match ? routeKey(match.route) : `${method} ${url.pathname}`
  countRequest(deps.state.stats, key)
  await handleUpstream(arrival, res, key, deps)
}

// A dropped response is the "lost answer" case: the write is saved but the
// client cannot know it, which is what a retrying client must survive.
async function handleUpstream(
  arrival: Arrival,
  res: ServerResponse,
  key: string,
  deps: PipelineDeps,
): Promise<void> {
  const verdict = judgeArrival(deps.state, key, Date.now())
  if (verdict.kind === 'cut') return void arrival.req.socket.destroy()
  if (verdict.delayMs > 0) {
    await sleep(verdict.delayMs, undefined, { signal: deps.signal })
  }
  if (verdict.kind === 'answer') return sendReply(res, verdict.reply)

  const reply = await answer(arrival, deps)
  if (verdict.dropResponse) return void arrival.req.socket.destroy()
  sendReply(res, reply)
}

async function answer(
  { req, url, match }: Arrival,
  { state, log }: PipelineDeps,
): Promise<Reply> {
  try {
    if (!hasAccess(req, url, state.tokens)) return unauthorized
    if (!match) return { status: 404, text: `No route for ${url.pathname}` }
    const { route, params } = match
    const ctx = { req, url, params, state, route: routeKey(route) }
    return await route.handle(ctx)
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
