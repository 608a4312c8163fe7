import { randomBytes } from 'node:crypto'
import { type NextRequest, NextResponse } from 'next/server'
import { log } from '@/lib/log'
import { pageContentSecurityPolicy } from '@/lib/security/headers'
import { crossSiteProblem } from '@/lib/security/request-checks'

// A Content-Security-Policy with a nonce of its own on every page request.
// Next.js reads the nonce from the policy on the request and puts it on
// every script it writes into the page, so the browser runs those and no
// script an attacker managed to inject.

const NONCE_BYTES = 16

export function proxy(request: NextRequest) {
  if (request.headers.has('next-action')) return checkAction(request)
  const nonce = randomBytes(NONCE_BYTES).toString('base64')
  const policy = pageContentSecurityPolicy(
    nonce,
    process.env.NODE_ENV === 'development',
  )
  const headers = new Headers(request.headers)
  headers.set('content-security-policy', policy)
  const response = NextResponse.next({ request: { headers } })
  response.headers.set('content-security-policy', policy)
  return response
}

/**
 * A server action must come from the portal's own pages, as JSON writes
 * must (app/_server/respond.ts). Next.js refuses only an Origin that names
 * another host; one with no Origin at all it runs, and a refusal it answers
 * with a 500 and a stack trace in the log. Only headers are read here.
 */
function checkAction(request: NextRequest) {
  const problem = crossSiteProblem(request.headers)
  if (!problem) return NextResponse.next()
  const path = request.nextUrl.pathname
  log.warn({ path, reason: problem }, 'refused a cross-site server action')
  return NextResponse.json({ error: problem }, { status: 403 })
}

export const config = {
  matcher: [
    {
      // Server action calls, for the same-origin check only.
      source: '/((?!api/|_next/static/|_next/image/).*)',
      has: [{ type: 'header', key: 'next-action' }],
    },
    {
      // Pages only: static assets need no policy, and JSON answers get a
      // fixed one from next.config.ts.
      source: '/((?!api/|_next/static/|_next/image/|favicon.ico).*)',
      // Prefetches and server action calls answer with RSC data, which the
      // browser does not run as a page. Skipping actions also keeps Next.js
      // from buffering their bodies for this proxy before their own size
      // limit (next.config.ts) applies.
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
        { type: 'header', key: 'next-action' },
      ],
    },
  ],
}
