import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { type Env, EnvError } from '../../lib/env'
import { ROOT } from './paths'

// AUTH_SECRET signs session cookies and encrypts authenticator secrets. The
// embedded demo makes one on first start and keeps it beside the database,
// so a restart keeps everyone signed in and their authenticators working.
// Against an external database it must be given: a secret the portal made up
// on one machine would sign nobody in on the next.

export const AUTH_SECRET_FILE = path.join(ROOT, '.data', 'auth-secret')

export function authSecretFor(
  env: Env,
  embedded: boolean,
  file = AUTH_SECRET_FILE,
): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET
  if (!embedded) {
    throw new EnvError(
      'AUTH_SECRET must be set when DATABASE_URL names an external ' +
        'database: it signs sessions and encrypts authenticator secrets. ' +
        'Generate one with: openssl rand -base64 32',
    )
  }
  return readOrCreate(file)
}

function readOrCreate(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim()
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  const secret = randomBytes(32).toString('base64url')
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' })
  return secret
}
