import { type Env, EnvError, parseEnv } from '../../lib/env'
import type { HaloConfig } from '../../lib/upstream/halo'
import { AUTH_SECRET_FILE, authSecretFor } from './auth-secret'

// What `npm start` decides before anything runs: which database and which
// Halo to use, and whether the demo accounts are created.

export const DEFAULT_DEMO_PASSWORD = 'demo'

export interface StartSettings {
  env: Env
  /** DATABASE_URL is unset: the embedded PostgreSQL, which is the demo. */
  embedded: boolean
  /** HALO_URL's tenant, or undefined when the simulator stands in. */
  halo: HaloConfig | undefined
  /** The demo accounts' password; undefined when they are not created. */
  demoPassword: string | undefined
  /**
   * Whether the demo staff account gets the well-known authenticator
   * secret: only in the embedded demo, like the default password.
   */
  demoAuthenticator: boolean
  /** AUTH_SECRET, or the embedded demo's own. */
  authSecret: string
}

/** Throws EnvError, naming each variable, when the settings do not fit. */
export function resolveSettings(
  source = process.env,
  authSecretFile = AUTH_SECRET_FILE,
): StartSettings {
  const env = parseEnv(source)
  const embedded = env.DATABASE_URL === undefined
  return {
    env,
    embedded,
    halo: haloConfigOf(env),
    demoPassword: demoPasswordFor(env, embedded),
    demoAuthenticator: embedded && env.HALO_URL === undefined,
    authSecret: authSecretFor(env, embedded, authSecretFile),
  }
}

function haloConfigOf(env: Env): HaloConfig | undefined {
  const { HALO_URL, HALO_CLIENT_ID, HALO_CLIENT_SECRET, HALO_TENANT } = env
  if (HALO_URL === undefined) return undefined
  if (HALO_CLIENT_ID === undefined || HALO_CLIENT_SECRET === undefined) {
    throw new EnvError(missingCredentials(env))
  }
  return {
    baseUrl: HALO_URL,
    clientId: HALO_CLIENT_ID,
    clientSecret: HALO_CLIENT_SECRET,
    tenant: HALO_TENANT,
  }
}

function missingCredentials(env: Env): string {
  const missing = (['HALO_CLIENT_ID', 'HALO_CLIENT_SECRET'] as const).filter(
    (name) => env[name] === undefined,
  )
  return (
    `HALO_URL is set, so ${missing.join(' and ')} must be set too: the ` +
    'portal signs in to Halo with them. Unset HALO_URL to use the ' +
    'simulator instead.'
  )
}

// The well-known default password is only ever given to accounts in the
// embedded demo: its own database and the simulator. Against a real tenant
// a staff account with it would show every client's tickets to anyone.
function demoPasswordFor(env: Env, embedded: boolean): string | undefined {
  const demo = embedded && env.HALO_URL === undefined
  if (demo || env.DEMO_PASSWORD !== DEFAULT_DEMO_PASSWORD) {
    return env.DEMO_PASSWORD
  }
  return undefined
}
