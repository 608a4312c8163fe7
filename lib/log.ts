import pino from 'pino'

// One structured logger for every process. Children carry the ids needed to
// follow a request or a job (requestId, ticketId, jobId, attempt).
const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']

// The logger exists before the settings are checked (it reports them), so
// a bad LOG_LEVEL falls back to info here and lib/env.ts names it.
const level = LEVELS.includes(process.env.LOG_LEVEL ?? '')
  ? (process.env.LOG_LEVEL as string)
  : 'info'

export const log = pino({
  level,
  base: { service: process.env.PORTAL_SERVICE ?? 'portal' },
  redact: {
    paths: [
      'password',
      '*.password',
      'secret',
      '*.client_secret',
      'authorization',
      '*.authorization',
      'access_token',
      '*.access_token',
    ],
    censor: '[redacted]',
  },
})

export type Logger = typeof log

/** The message of anything thrown, for logs and user-facing errors. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message
  return String(error)
}
