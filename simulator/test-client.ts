import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, beforeAll, beforeEach } from 'vitest'
import { createSimulator, type Simulator, type SimulatorOptions } from './app'

// A simulator on a free port and a few fetch helpers, for the simulator's
// own tests.

export const CREDENTIALS = { clientId: 'test-id', clientSecret: 'test-secret' }

export interface TestClient {
  simulator: Simulator
  base: string
  token(): Promise<string>
  /** An /api call with a fresh token, which costs an /auth request too. */
  api(path: string, init?: RequestInit): Promise<Response>
  /** An /api call with this token: one request, for rate-limit tests. */
  apiWith(token: string, path: string, init?: RequestInit): Promise<Response>
  post(path: string, body: unknown): Promise<Response>
  control(path: string, method?: string, body?: unknown): Promise<Response>
}

/**
 * One simulator for the test file, reset to its seed before each test. The
 * object is filled in by the time the first test runs.
 */
export function sharedTestSimulator(): TestClient {
  const sim = {} as TestClient
  beforeAll(async () => {
    Object.assign(sim, await startTestClient())
  })
  beforeEach(async () => {
    await sim.control('reset', 'POST')
  })
  afterAll(async () => {
    await sim.simulator.close()
  })
  return sim
}

export async function startTestClient(
  options: SimulatorOptions = {},
): Promise<TestClient> {
  const simulator = createSimulator({ ...CREDENTIALS, ...options })
  const base = await simulator.listen(0)

  const token = () => fetchToken(base)
  const apiWith = (token: string, path: string, init: RequestInit = {}) => {
    const headers = { authorization: `Bearer ${token}`, ...init.headers }
    return fetch(`${base}/api/${path}`, { ...init, headers })
  }
  const api = async (path: string, init: RequestInit = {}) =>
    apiWith(await token(), path, init)
  const post = (path: string, body: unknown) =>
    api(path, { method: 'POST', body: JSON.stringify(body), headers: json })
  const control = (path: string, method = 'GET', body?: unknown) =>
    fetch(`${base}/__sim/${path}`, {
      method,
      body: encode(body),
      headers: json,
    })

  return { simulator, base, token, api, apiWith, post, control }
}

const json = { 'content-type': 'application/json' }

function encode(body: unknown): string | undefined {
  return body === undefined ? undefined : JSON.stringify(body)
}

export async function fetchToken(base: string): Promise<string> {
  const response = await fetch(`${base}/auth/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: CREDENTIALS.clientId,
      client_secret: CREDENTIALS.clientSecret,
      scope: 'all',
    }),
  })
  const body = (await response.json()) as { access_token: string }
  return body.access_token
}

const POLL_MS = 10

/**
 * Asks `probe` again until it answers something other than undefined, for
 * tests that wait on the simulator's state rather than on a sleep.
 */
export async function waitFor<T>(
  probe: () => Promise<T | undefined>,
  timeoutMs = 5000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error('waitFor timed out')
    await sleep(POLL_MS)
  }
}
