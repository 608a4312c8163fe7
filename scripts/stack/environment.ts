import path from 'node:path'
import type { Database } from './database'
import { BIN_DIR } from './paths'
import { DEFAULT_DEMO_PASSWORD, type StartSettings } from './settings'
import type { Upstream } from './upstream'

// What the children and the build are told: every setting npm start
// resolved, so that none of them falls back to a default of its own.

export function environmentFor(
  settings: StartSettings,
  database: Database,
  upstream: Upstream,
): Record<string, string> {
  const halo = upstream.config
  return {
    DATABASE_URL: database.url,
    HALO_URL: halo.baseUrl,
    HALO_CLIENT_ID: halo.clientId,
    HALO_CLIENT_SECRET: halo.clientSecret,
    HALO_TENANT: halo.tenant ?? '',
    PORTAL_DEMO: settings.demoPassword === DEFAULT_DEMO_PASSWORD ? '1' : '0',
    AUTH_SECRET: settings.authSecret,
    // Next sends usage data unless told not to; the portal keeps quiet.
    NEXT_TELEMETRY_DISABLED: process.env.NEXT_TELEMETRY_DISABLED ?? '1',
    PATH: [BIN_DIR, process.env.PATH].filter(Boolean).join(path.delimiter),
  }
}

/** The address to reach HOST at: a wildcard is reached on loopback. */
export function urlHost(host: string) {
  if (host === '0.0.0.0') return '127.0.0.1'
  if (host === '::') return '[::1]'
  return host.includes(':') ? `[${host}]` : host
}
