import 'server-only'
import { isNotLoadedError } from '@/lib/errors'
import { errorMessage, log } from '@/lib/log'

// How every JSON route answers. Responses carry user words only; causes and
// stacks go to the log.

const UNEXPECTED =
  'Something went wrong on our side. Try again in a minute; if it keeps ' +
  'happening, call the service desk.'

export function json(body: unknown, status = 200): Response {
  return Response.json(body, {
    status,
    headers: { 'cache-control': 'no-store' },
  })
}

export function unauthorized(): Response {
  return json({ error: 'Sign in first.' }, 401)
}

export function badBody(): Response {
  return json({ errors: { body: ['Send a JSON object.'] } }, 400)
}

/** The answer for anything a handler threw, with one log line. */
export function errorResponse(error: unknown, route: string): Response {
  if (isNotLoadedError(error)) {
    log.warn({ route, reason: errorMessage(error) }, 'answered not loaded')
    return json({ error: error.message }, error.status)
  }
  log.error({ route, err: error }, 'request failed')
  return json({ error: UNEXPECTED }, 500)
}

/** Wraps a handler so that nothing it throws escapes as a bare 500. */
export function withErrors<A extends unknown[]>(
  route: string,
  handler: (...args: A) => Promise<Response>,
): (...args: A) => Promise<Response> {
  return async (...args) => {
    try {
      return await handler(...args)
    } catch (error) {
      return errorResponse(error, route)
    }
  }
}

/** The request's JSON body when it is an object; null otherwise. */
export async function readJsonObject(
  request: Request,
): Promise<Record<string, unknown> | null> {
  const body: unknown = await request.json().catch(() => null)
  const isObject =
    typeof body === 'object' && body !== null && !Array.isArray(body)
  return isObject ? (body as Record<string, unknown>) : null
}
