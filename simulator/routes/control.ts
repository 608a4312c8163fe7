import { z } from 'zod'
import { applyChaosPatch, chaosPatchSchema } from '../chaos'
import { HttpError, type Reply, readJson } from '../http'
import { settleApprovals } from '../quote-approvals'
import type { Context, Route } from '../router'
import { resetState } from '../state'

// Endpoints for tests and the demo to steer the simulator. They need no
// token and are never delayed or failed by chaos.

function getChaos({ state }: Context): Reply {
  return { json: state.chaos }
}

async function putChaos({ req, state }: Context): Promise<Reply> {
  const result = chaosPatchSchema.safeParse(await readJson(req))
  if (!result.success) {
    const message = z.prettifyError(result.error)
    throw new HttpError(400, message, {
      json: { error: 'invalid chaos settings', message },
    })
  }

  state.chaos = applyChaosPatch(state.chaos, result.data)
  // A fresh window, so a test's limit counts only the requests after it.
  state.rateWindow = []
  return { json: state.chaos }
}

function getStats({ state }: Context): Reply {
  return { json: state.stats }
}

function getStoredTickets({ state }: Context): Reply {
  return { json: [...state.store.tickets.values()] }
}

function getStoredActions({ state }: Context): Reply {
  return { json: [...state.store.actions.values()].flat() }
}

function getStoredQuotes({ state }: Context): Reply {
  settleApprovals(state.store)
  return { json: [...state.store.quotes.values()] }
}

function getWrites({ state }: Context): Reply {
  return { json: state.store.writes }
}

function reset({ state }: Context): Reply {
  resetState(state)
  return { json: { ok: true } }
}

// Makes every issued token stale so a client's refresh-on-401 path can be
// exercised without waiting an hour.
function expireTokens({ state }: Context): Reply {
  state.tokens.clear()
  return { json: { ok: true } }
}

export const controlRoutes: Route[] = [
  { method: 'GET', pattern: '/__sim/chaos', handle: getChaos },
  { method: 'PUT', pattern: '/__sim/chaos', handle: putChaos },
  { method: 'GET', pattern: '/__sim/stats', handle: getStats },
  { method: 'GET', pattern: '/__sim/store/tickets', handle: getStoredTickets },
  { method: 'GET', pattern: '/__sim/store/actions', handle: getStoredActions },
  { method: 'GET', pattern: '/__sim/store/quotes', handle: getStoredQuotes },
  { method: 'GET', pattern: '/__sim/writes', handle: getWrites },
  { method: 'POST', pattern: '/__sim/reset', handle: reset },
  { method: 'POST', pattern: '/__sim/tokens/expire', handle: expireTokens },
]
