// The headers every answer carries, and the Content-Security-Policy of
// pages. next.config.ts sets the fixed ones; proxy.ts sets a page's policy,
// whose nonce is new on every request.

type Header = { key: string; value: string }

/** One year; browsers ignore the header on an answer over plain http. */
const HSTS_MAX_AGE_SECONDS = 31_536_000

/** Headers for every path, assets and JSON answers included. */
export function securityHeaders(production: boolean): Header[] {
  const headers = [
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'X-Frame-Options', value: 'DENY' },
  ]
  if (!production) return headers
  // Only in production: a developer's http://localhost must not be pinned
  // to https. Over plain http browsers ignore the header anyway, so the demo
  // (`npm start`, production on http) is not affected either.
  return [
    ...headers,
    {
      key: 'Strict-Transport-Security',
      value: `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains`,
    },
  ]
}

/** JSON answers load nothing and may be framed by nobody. */
export const API_CONTENT_SECURITY_POLICY =
  "default-src 'none'; frame-ancestors 'none'"

/**
 * A page's policy. Scripts run only when Next.js tagged them with this
 * request's nonce, or when such a script loaded them ('strict-dynamic');
 * 'self' is for browsers that predate 'strict-dynamic'. Styles come only
 * from the app's own stylesheets: the app writes no inline style.
 * Development also needs eval (React rebuilds server error stacks with it)
 * and inline styles (the dev overlay and hot reload inject them).
 */
export function pageContentSecurityPolicy(
  nonce: string,
  development: boolean,
): string {
  const devScript = development ? " 'unsafe-eval'" : ''
  const devStyle = development ? " 'unsafe-inline'" : ''
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${devScript}`,
    `style-src 'self'${devStyle}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}
