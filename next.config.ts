import type { NextConfig } from 'next'
import { PHASE_PRODUCTION_SERVER } from 'next/constants'
import { parseEnv } from './lib/env'

export default function config(phase: string): NextConfig {
  // The server fails at start, naming the variable, when a setting is bad.
  if (phase === PHASE_PRODUCTION_SERVER) parseEnv()
  return {
    reactStrictMode: true,
    poweredByHeader: false,
    typedRoutes: false,
    serverExternalPackages: ['pino', 'pg-boss'],
    agentRules: false,
    experimental: { agentUpgrade: false },
  } as NextConfig
}
