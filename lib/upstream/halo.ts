import { z } from 'zod'
import { l1Delete, l1Get, l1Set } from '../cache/l1'
import { getEnv } from '../env'
import { errorMessage, log } from '../log'
import { failureOfStatus, parseRetryAfter, UpstreamError } from './errors'

// The one HTTP client for HaloPSA. Only lib/cache (read-through with a
// deadline) and the worker's jobs may use it; app/ and components/ are kept
// out by the lint rule in biome.json.

export interface HaloConfig {
  baseUrl: string
  clientId: string
  clientSecret: string
  /** Hosted tenants name themselves on the token request. */
  tenant?: string
}

export interface HaloRequest {
  method?: 'GET' | 'POST'
  query?: Record<string, string | number | boolean | undefined>
  body?: unknown
  /** Ends the call: a deadline (AbortSignal.timeout) or a job's signal. */
  signal: AbortSignal
}

/** Refresh a token this long before Halo says it expires. */
const TOKEN_MARGIN_MS = 60_000
const UPSTREAM = 'halo'

const tokenSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().positive().default(3600),
})

const authInfoSchema = z.looseObject({ auth_url: z.string().optional() })

export class HaloClient {
  constructor(readonly config: HaloConfig) {}

  /** Calls `/api/{path}` with a bearer token; one refresh on a 401. */
  async request<T = unknown>(path: string, request: HaloRequest): Promise<T> {
    const signal = request.signal
    const first = await this.send(path, request, signal, false)
    if (first.status !== 401) return this.answer<T>(path, first)
    l1Delete(this.tokenKey())
    return this.answer<T>(path, await this.send(path, request, signal, true))
  }

  private async send(
    path: string,
    request: HaloRequest,
    signal: AbortSignal,
    retried: boolean,
  ) {
    const token = await this.token(signal)
    const url = new URL(`${this.config.baseUrl}/api/${path}`)
    for (const [key, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value))
    }
    const headers: Record<string, string> = {
      authorization: `Bearer ${token}`,
      accept: 'application/json',
    }
    if (request.body !== undefined) headers['content-type'] = 'application/json'
    log.debug({ upstream: UPSTREAM, path, retried }, 'halo request')
    return this.fetch(url, {
      method: request.method ?? 'GET',
      headers,
      body:
        request.body === undefined ? undefined : JSON.stringify(request.body),
      signal,
    })
  }

  private async answer<T>(path: string, response: Response): Promise<T> {
    if (response.ok) return (await response.json()) as T
    const text = await response.text().catch(() => '')
    throw new UpstreamError(
      UPSTREAM,
      failureOfStatus(response.status),
      `Halo answered ${response.status} to ${path}: ${text.slice(0, 300)}`,
      response.status,
      parseRetryAfter(response.headers.get('retry-after')),
    )
  }

  /** fetch, with network failures and timeouts as retryable errors. */
  private async fetch(url: URL | string, init: RequestInit) {
    try {
      return await fetch(url, init)
    } catch (error) {
      const timedOut = init.signal?.aborted === true
      throw new UpstreamError(
        UPSTREAM,
        'retryable',
        timedOut
          ? `Halo did not answer in time (${url.toString().split('?')[0]})`
          : `Halo could not be reached: ${errorMessage(causeOf(error))}`,
      )
    }
  }

  private tokenKey() {
    return `halo:token:${this.config.baseUrl}:${this.config.clientId}`
  }

  private async token(signal: AbortSignal): Promise<string> {
    const cached = l1Get<string>(this.tokenKey())
    if (cached) return cached
    const response = await this.fetch(await this.tokenUrl(signal), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: this.config.clientId,
        client_secret: this.config.clientSecret,
        scope: 'all',
      }),
      signal,
    })
    const body = tokenSchema.parse(await this.answer('token', response))
    const ttl = Math.max(1000, body.expires_in * 1000 - TOKEN_MARGIN_MS)
    l1Set(this.tokenKey(), body.access_token, ttl)
    return body.access_token
  }

  /** The auth server Halo names in authinfo, else `{base}/auth`. */
  private async tokenUrl(signal: AbortSignal): Promise<string> {
    const key = `halo:authinfo:${this.config.baseUrl}`
    let authUrl = l1Get<string>(key)
    if (!authUrl) {
      const response = await this.fetch(`${this.config.baseUrl}/api/authinfo`, {
        signal,
      })
      const info = authInfoSchema.parse(await this.answer('authinfo', response))
      authUrl = (info.auth_url ?? `${this.config.baseUrl}/auth`).replace(
        /\/+$/,
        '',
      )
      l1Set(key, authUrl, 3_600_000)
    }
    const tenant = this.config.tenant
    return `${authUrl}/token${tenant ? `?tenant=${encodeURIComponent(tenant)}` : ''}`
  }
}

function causeOf(error: unknown): unknown {
  return error instanceof Error && error.cause ? error.cause : error
}

const globalForHalo = globalThis as typeof globalThis & { halo?: HaloClient }

/** This process's Halo client, configured from the environment. */
export function getHalo(): HaloClient {
  if (globalForHalo.halo) return globalForHalo.halo
  const env = getEnv()
  if (!env.HALO_URL || !env.HALO_CLIENT_ID || !env.HALO_CLIENT_SECRET) {
    throw new Error(
      'HALO_URL, HALO_CLIENT_ID and HALO_CLIENT_SECRET must all be set',
    )
  }
  globalForHalo.halo = new HaloClient({
    baseUrl: env.HALO_URL,
    clientId: env.HALO_CLIENT_ID,
    clientSecret: env.HALO_CLIENT_SECRET,
    tenant: env.HALO_TENANT,
  })
  return globalForHalo.halo
}
