import pino from 'pino'

// One structured logger for every process. Children carry the ids needed to
// follow a request or a job (requestId, ticketId, jobId, attempt).
export const log = pino({
  level: process.env.LOG_LEVEL ?? 'info',
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
