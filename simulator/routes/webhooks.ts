import { type Reply, readJson } from '../http'
import type { Context, Route } from '../router'

// Stands in for the staff notification endpoint the portal posts to, so a
// test can see what was sent and in what order. Never affected by chaos.

async function receive({ req, state }: Context): Promise<Reply> {
  const body = await readJson(req)
  state.webhooks.push({
    at: new Date().toISOString(),
    headers: req.headers,
    body,
  })
  return { status: 204 }
}

function list({ state }: Context): Reply {
  return { json: state.webhooks }
}

export const webhookRoutes: Route[] = [
  { method: 'POST', pattern: '/__sim/webhooks', handle: receive },
  { method: 'GET', pattern: '/__sim/webhooks', handle: list },
]
