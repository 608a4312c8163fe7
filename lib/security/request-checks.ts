// The checks a request that changes state passes before any route reads it:
// it comes from the portal's own pages, and its body is small. Kept free of
// Next.js's server-only modules so that tests and next.config.ts can load
// it.

/**
 * The largest body a write may send: 64 KiB holds the longest ticket the
 * fields accept (lib/tickets/fields.ts) even with every character escaped
 * in JSON. Server actions get the same limit (next.config.ts).
 */
export const MAX_BODY_BYTES = 64 * 1024

/** Untrusted header values are cut to this length in answers. */
const ECHO_MAX = 100

const OWN_PAGES_ONLY = "changes are accepted from the portal's own pages only"

export type BodyOutcome =
  | { ok: true; value: unknown }
  | { ok: false; status: 400 | 413; errors: { body: string[] } }

function refused(status: 400 | 413, message: string): BodyOutcome {
  return { ok: false, status, errors: { body: [message] } }
}

function echo(value: string): string {
  return value.length > ECHO_MAX ? `${value.slice(0, ECHO_MAX)}…` : value
}

/** The host the browser addressed; a proxy in front names it first. */
function requestHost(headers: Headers): string | undefined {
  const forwarded = headers.get('x-forwarded-host')?.split(',')[0]?.trim()
  return (forwarded || headers.get('host') || undefined)?.toLowerCase()
}

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host.toLowerCase()
  } catch {
    return undefined
  }
}

/**
 * Why a request may come from another site, or undefined when it comes
 * from this one. Browsers name the page's origin on every write (Origin),
 * or at least whether it is this site (Sec-Fetch-Site). A request with
 * neither is refused: it cannot be told apart from another site's.
 */
export function crossSiteProblem(headers: Headers): string | undefined {
  const host = requestHost(headers)
  const origin = headers.get('origin')
  if (origin !== null) {
    if (host && hostOf(origin) === host) return undefined
    const here = host ? echo(host) : 'no Host header'
    const named = `Origin ${echo(origin)} is not this site (${here})`
    return `${named}; ${OWN_PAGES_ONLY}.`
  }
  const site = headers.get('sec-fetch-site')
  if (site === 'same-origin') return undefined
  if (site !== null)
    return `Sec-Fetch-Site is ${echo(site)}; ${OWN_PAGES_ONLY}.`
  return (
    'The request names no Origin (nor Sec-Fetch-Site); send the ' +
    "portal's own address as Origin with every change."
  )
}

/**
 * The body's bytes, read up to `limit` and no further: Content-Length may
 * be absent (a chunked body) or untrue, so the stream itself is counted.
 * Undefined when the body is larger.
 */
export async function readLimitedBytes(
  request: Request,
  limit = MAX_BODY_BYTES,
): Promise<Uint8Array | undefined> {
  if (Number(request.headers.get('content-length')) > limit) {
    await request.body?.cancel()
    return undefined
  }
  if (!request.body) return new Uint8Array()
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return Buffer.concat(chunks)
    size += value.byteLength
    if (size > limit) {
      await reader.cancel()
      return undefined
    }
    chunks.push(value)
  }
}

function notJson(error: unknown): BodyOutcome {
  // The position only: the parser's own message quotes the body back.
  const at = /position (\d+)/.exec(String(error))?.[1]
  const where = at === undefined ? '' : ` at character ${at}`
  return refused(400, `The body is not valid JSON${where}; send an object.`)
}

/** The JSON body of a write, read within the limit; empty is undefined. */
export async function readJsonBody(
  request: Request,
  limit = MAX_BODY_BYTES,
): Promise<BodyOutcome> {
  const bytes = await readLimitedBytes(request, limit)
  if (!bytes) {
    const kib = Math.floor(limit / 1024)
    return refused(413, `The body is larger than ${kib} KiB; send less text.`)
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return refused(400, 'The body is not UTF-8 text; send JSON in UTF-8.')
  }
  if (text.trim() === '') return { ok: true, value: undefined }
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch (error) {
    return notJson(error)
  }
}

/** The value when it is a JSON object; null otherwise. */
export function asJsonObject(value: unknown): Record<string, unknown> | null {
  const isObject =
    typeof value === 'object' && value !== null && !Array.isArray(value)
  return isObject ? (value as Record<string, unknown>) : null
}
