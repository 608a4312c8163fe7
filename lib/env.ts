import { z } from 'zod'

// Every setting the portal reads, in one place. README.md documents each
// one; keep the two in step. `npm start` resolves DATABASE_URL and HALO_URL
// (embedded PostgreSQL, simulator) before its children start, so in the web
// server and the worker both are always set.

const port = z.coerce.number().int().min(1).max(65_535)
const positiveInt = z.coerce.number().int().positive()
const flag = z
  .enum(['1', '0', 'true', 'false'])
  .transform((value) => value === '1' || value === 'true')

const postgresUrl = z
  .url()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), {
    message: 'must start with postgres:// or postgresql://',
  })

const httpUrl = z
  .url()
  .refine((value) => /^https?:\/\//.test(value), {
    message: 'must start with http:// or https://',
  })
  .transform((value) => value.replace(/\/+$/, ''))

function isLocalUrl(value: string): boolean {
  const host = new URL(value).hostname
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]'
}

function isNameMap(value: string): boolean {
  try {
    const parsed: unknown = JSON.parse(value)
    return (
      typeof parsed === 'object' &&
      parsed !== null &&
      Object.values(parsed).every((name) => typeof name === 'string')
    )
  } catch {
    return false
  }
}

export const envSchema = z.object({
  DATABASE_URL: postgresUrl.optional(),
  EMBEDDED_PG_PORT: port.default(54_329),
  EMBEDDED_PG_DIR: z.string().min(1).default('.data/postgres'),
  HALO_URL: httpUrl.optional(),
  HALO_CLIENT_ID: z.string().min(1).optional(),
  HALO_CLIENT_SECRET: z.string().min(1).optional(),
  HALO_TENANT: z.string().min(1).optional(),
  HALO_TICKET_STATUSES: z
    .string()
    .optional()
    .refine((value) => value === undefined || isNameMap(value), {
      message: 'must be a JSON object of status id to name',
    }),
  SIM_PORT: port.default(4010),
  SIM_DATA_FILE: z.string().min(1).default('.data/halo-simulator.json'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(3000),
  DEMO_PASSWORD: z.string().min(1).default('demo'),
  PORTAL_DEMO: flag.default(false),
  CACHE_TTL_SECONDS: positiveInt.default(60),
  UPSTREAM_READ_TIMEOUT_MS: positiveInt.default(2000),
  UPSTREAM_WRITE_TIMEOUT_MS: positiveInt.default(30_000),
  UPSTREAM_RETRY_COOLDOWN_MS: z.coerce.number().int().min(0).default(5000),
  WORKER_CONCURRENCY: positiveInt.default(10),
  WRITE_RETRY_LIMIT: z.coerce.number().int().min(0).default(20),
  WRITE_RETRY_DELAY_SECONDS: positiveInt.default(2),
  WRITE_EXPIRE_SECONDS: positiveInt.default(300),
  WRITE_SETTLE_SECONDS: z.coerce.number().int().min(0).default(60),
  WORKER_STALE_SECONDS: positiveInt.default(30),
  STAFF_WEBHOOK_URL: httpUrl.optional(),
  QUOTE_WATCH_SECONDS: positiveInt.default(86_400),
  QUOTE_WATCH_INTERVAL_SECONDS: positiveInt.default(30),
  SESSION_TTL_HOURS: positiveInt.default(12),
  AUTH_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters; try openssl rand -base64 32')
    .optional(),
  PORTAL_URL: httpUrl
    .refine((value) => value.startsWith('https://') || isLocalUrl(value), {
      message: 'must be https:// unless the host is localhost',
    })
    .optional(),
  SIGN_IN_MAX_FAILURES: positiveInt.default(5),
  SIGN_IN_MAX_ADDRESS_FAILURES: positiveInt.default(50),
  SIGN_IN_LOCK_MINUTES: positiveInt.default(15),
  INVITATION_TTL_HOURS: positiveInt.default(72),
  PASSWORD_RESET_TTL_MINUTES: positiveInt.default(60),
  MAIL_URL: z
    .string()
    .refine((value) => /^(log:|file:|smtps?:\/\/)/.test(value), {
      message: 'must be log:, file:<folder> or smtp(s)://user:pass@host:port',
    })
    .default('log:'),
  MAIL_FROM: z.string().min(3).default('Client portal <portal@localhost>'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info'),
})

export type Env = z.infer<typeof envSchema>

/** Thrown when a setting is missing or malformed; names each variable. */
export class EnvError extends Error {
  override name = 'EnvError'
}

export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const blanksRemoved = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== ''),
  )
  const result = envSchema.safeParse(blanksRemoved)
  if (!result.success) {
    const lines = result.error.issues.map(
      (issue) => `  ${issue.path.join('.')}: ${issue.message}`,
    )
    throw new EnvError(
      `Invalid settings (see the settings table in README.md):\n${lines.join('\n')}`,
    )
  }
  return result.data
}

let cached: Env | undefined

/** The validated settings of this process, parsed once. */
export function getEnv(): Env {
  cached ??= parseEnv()
  return cached
}

/**
 * The address browsers use to reach the portal: links in mail, the session
 * cookie's Secure flag. Defaults to this machine's HOST and PORT.
 */
export function portalUrl(env: Env = getEnv()): string {
  if (env.PORTAL_URL) return env.PORTAL_URL
  const host = env.HOST === '0.0.0.0' ? 'localhost' : env.HOST
  return `http://${host}:${env.PORT}`
}

/** A setting the running process cannot do without; names it if absent. */
export function requireSetting<K extends keyof Env>(
  key: K,
): NonNullable<Env[K]> {
  const value = getEnv()[key]
  if (value === undefined || value === null) {
    throw new EnvError(`${String(key)} is not set; see README.md, Settings.`)
  }
  return value as NonNullable<Env[K]>
}
