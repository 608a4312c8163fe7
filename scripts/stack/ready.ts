import { setTimeout as sleep } from 'node:timers/promises'
import { errorMessage } from '../../lib/log'
import { StartError } from './errors'

// The portal is ready when its health endpoint says so: the web server
// answers, and (its body says which) the database and the worker are up.

const READY_TIMEOUT_MS = 60_000
const POLL_INTERVAL_MS = 250
const REQUEST_TIMEOUT_MS = 2_000
const BODY_SHOWN = 500

/** Polls until GET `url` answers 200; fails saying what is not healthy. */
export async function waitUntilHealthy(url: string, signal: AbortSignal) {
  const deadline = Date.now() + READY_TIMEOUT_MS
  let problem: string | undefined = 'it was not asked'
  while (Date.now() < deadline) {
    problem = await healthProblem(url, signal)
    if (problem === undefined) return
    await sleep(POLL_INTERVAL_MS, undefined, { signal })
  }
  throw new StartError(
    `The portal was not healthy within ${READY_TIMEOUT_MS / 1000} s: ` +
      `${problem}. The [web] and [worker] lines above may say why.`,
  )
}

/** What is wrong, or undefined when the endpoint answers 200. */
async function healthProblem(url: string, signal: AbortSignal) {
  const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS)
  try {
    const response = await fetch(url, {
      signal: AbortSignal.any([signal, timeout]),
    })
    if (response.status === 200) return undefined
    const body = describeBody(await response.text())
    return `${url} answered ${response.status}: ${body}`
  } catch (error) {
    signal.throwIfAborted()
    return unreachable(url, error)
  }
}

function unreachable(url: string, error: unknown): string {
  const cause = error instanceof Error && error.cause ? error.cause : error
  return `the web server did not answer ${url} (${errorMessage(cause)})`
}

/**
 * "worker is stale" from a body such as {"status", "db", "worker"}, as
 * app/api/health answers; any other body is shown as it is.
 */
export function describeBody(text: string): string {
  const parts = Object.entries(jsonObject(text) ?? {}).filter(
    ([name, state]) => name !== 'status' && state !== 'ok',
  )
  if (parts.length === 0) return text.trim().slice(0, BODY_SHOWN) || '(empty)'
  return parts.map(([name, state]) => `${name} is ${String(state)}`).join(', ')
}

function jsonObject(text: string): Record<string, unknown> | undefined {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return undefined
  }
  const isObject = typeof value === 'object' && value !== null
  return isObject && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined
}
