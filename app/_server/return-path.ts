// Where the browser goes after signing in. Kept apart from sign-in.ts, which
// is server-only, so that it can be tested on its own.

const FALLBACK = '/tickets'

// A host no request can have: a value that resolves off it names another
// site, however it is spelled (tabs, backslashes, dot segments).
const BASE = 'http://portal.invalid'

function samePath(value: string): string | null {
  try {
    const url = new URL(value, BASE)
    if (url.origin !== BASE) return null
    return url.pathname + url.search + url.hash
  } catch {
    return null
  }
}

/** Only paths on this site, so a crafted link cannot send users away. */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || value === '') return FALLBACK
  const path = samePath(value)
  // '/.//evil' resolves on our host to the path '//evil', which a browser
  // reads as another host: the path must stay here when resolved again.
  if (path === null || samePath(path) !== path) return FALLBACK
  return path
}
