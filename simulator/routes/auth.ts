import { type Reply, readText } from '../http'
import type { Context, Route } from '../router'
import { issueToken, TOKEN_TTL_SECONDS } from '../tokens'

// Halo's client-credentials flow: GET /api/authinfo names the auth server,
// and POST {auth_url}/token trades the client id and secret for a token.

function authInfo({ req, url }: Context): Reply {
  // Built from the Host header so the address works for whoever asked,
  // also behind a port mapping.
  const origin = req.headers.host ? `http://${req.headers.host}` : url.origin
  return { json: { auth_url: `${origin}/auth` } }
}

async function token({ req, state }: Context): Promise<Reply> {
  const form = new URLSearchParams(await readText(req))
  if (form.get('grant_type') !== 'client_credentials') {
    return { status: 400, json: { error: 'unsupported_grant_type' } }
  }

  const { clientId, clientSecret } = state.credentials
  const isKnown =
    form.get('client_id') === clientId &&
    form.get('client_secret') === clientSecret
  if (!isKnown) return { status: 401, json: { error: 'invalid_client' } }

  const access_token = issueToken(state.tokens)
  return {
    json: { access_token, token_type: 'Bearer', expires_in: TOKEN_TTL_SECONDS },
  }
}

export const authRoutes: Route[] = [
  { method: 'GET', pattern: '/api/authinfo', handle: authInfo },
  // Hosted tenants add ?tenant=NAME; the simulator is one tenant and
  // ignores it.
  { method: 'POST', pattern: '/auth/token', handle: token },
]
