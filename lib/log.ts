import pino, { type DestinationStream } from 'pino'
import { SECRET_SETTINGS } from './security/secret-settings'

// One structured logger for every process. Children carry the ids needed to
// follow a request or a job (requestId, ticketId, jobId, attempt).
const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']

// The logger exists before the settings are checked (it reports them), so
// a bad LOG_LEVEL falls back to info here and lib/env.ts names it.
const level = LEVELS.includes(process.env.LOG_LEVEL ?? '')
  ? (process.env.LOG_LEVEL as string)
  : 'info'

/**
 * Keys whose values never reach a log line: credentials, cookies and
 * anything named like a secret, including the settings that hold them. A
 * key matches at the top of a line's fields or up to two objects down
 * (`headers.authorization`, `req.headers.cookie`); deeper ones are not
 * looked at, so log headers and options at most two levels deep.
 * `clientId` is not among them: in the portal it names a customer company,
 * which logs need; the Halo setting is masked by its own name.
 */
export const SECRET_KEYS = [
  'authorization',
  'Authorization',
  'cookie',
  'Cookie',
  'set-cookie',
  'Set-Cookie',
  'x-api-key',
  'password',
  'secret',
  'token',
  'access_token',
  'accessToken',
  'refresh_token',
  'refreshToken',
  'client_secret',
  'clientSecret',
  'apiKey',
  'api_key',
  'connectionString',
  ...SECRET_SETTINGS,
]

const DEPTHS = ['', '*', '*.*']

/** Bracket paths, which also hold keys with a dash (`set-cookie`). */
function redactPaths(keys: string[]): string[] {
  return keys.flatMap((key) => DEPTHS.map((depth) => `${depth}["${key}"]`))
}

/** A logger writing to `destination`, standard output by default. */
export function createLogger(destination?: DestinationStream) {
  return pino(
    {
      level,
      base: { service: process.env.PORTAL_SERVICE ?? 'portal' },
      redact: { paths: redactPaths(SECRET_KEYS), censor: '[redacted]' },
    },
    destination,
  )
}

export const log = createLogger()

export type Logger = typeof log

/** The message of anything thrown, for logs and user-facing errors. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message
  return String(error)
}
