import 'server-only'
import { isNotLoadedError } from '@/lib/errors'
import { errorMessage, log } from '@/lib/log'
import { crossSiteProblem, readJsonBody } from '@/lib/security/request-checks'

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

/**
 * Wraps a handler of a request that changes state (POST, PATCH, DELETE):
 * one from another site is refused (403) and a body over the limit (413)
 * or not JSON (400) is answered before the handler runs. The handler gets
 * the parsed body, undefined when there was none; it still checks the
 * viewer and validates the body's fields itself.
 */
export function withWriteChecks<R extends Request, C>(
  route: string,
  handler: (request: R, context: C, body: unknown) => Promise<Response>,
): (request: R, context: C) => Promise<Response> {
  return withErrors(route, async (request: R, context: C) => {
    const crossSite = crossSiteProblem(request.headers)
    if (crossSite) {
      log.warn({ route, reason: crossSite }, 'refused a cross-site write')
      return json({ error: crossSite }, 403)
    }

    const body = await readJsonBody(request)
    if (!body.ok) {
      log.warn({ route, status: body.status }, 'refused a write body')
      return json({ errors: body.errors }, body.status)
    }
    return handler(request, context, body.value)
  })
}
