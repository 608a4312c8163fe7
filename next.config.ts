import type { NextConfig } from 'next'
import { PHASE_PRODUCTION_SERVER } from 'next/constants'
import { distDir } from './lib/dist-dir'
import { parseEnv } from './lib/env'
import {
  API_CONTENT_SECURITY_POLICY,
  securityHeaders,
} from './lib/security/headers'
import { MAX_BODY_BYTES } from './lib/security/request-checks'

export default function config(phase: string): NextConfig {
  // The server fails at start, naming the variable, when a setting is bad.
  if (phase === PHASE_PRODUCTION_SERVER) parseEnv()
  return {
    distDir: distDir(),
    reactStrictMode: true,
    poweredByHeader: false,
    typedRoutes: false,
    serverExternalPackages: ['pino', 'pg-boss'],
    agentRules: false,
    experimental: {
      agentUpgrade: false,
      // Server actions keep Next.js's own check that Origin names this
      // host: no allowedOrigins, so no other site may call them. Their
      // bodies are held to the same limit as the JSON routes'.
      serverActions: { bodySizeLimit: MAX_BODY_BYTES },
      // proxy.ts sees server action calls (their Origin only); Next.js
      // buffers a body for the proxy, so that buffer is held to it too.
      proxyClientMaxBodySize: MAX_BODY_BYTES,
    },
    async headers() {
      // Evaluated by `next build`: the production build carries HSTS.
      const production = process.env.NODE_ENV === 'production'
      return [
        { source: '/:path*', headers: securityHeaders(production) },
        {
          source: '/api/:path*',
          headers: [
            {
              key: 'Content-Security-Policy',
              value: API_CONTENT_SECURITY_POLICY,
            },
          ],
        },
      ]
    },
  } as NextConfig
}
