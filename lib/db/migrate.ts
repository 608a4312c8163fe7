import { createHash, randomUUID } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import pg from 'pg'
import { log } from '../log'

// Applies prisma/migrations the way `prisma migrate deploy` does, without
// Prisma's native schema engine (which these machines cannot download).
// Rows in _prisma_migrations match Prisma's own, so a machine that has the
// engine sees these migrations as applied. See
// docs/decisions/0002-migrations-without-native-engines.md.

/** Prisma's advisory lock key for migrations. */
const PRISMA_MIGRATE_LOCK = 72_707_369

export const MIGRATIONS_DIR = path.resolve(
  import.meta.dirname,
  '../../prisma/migrations',
)

const CREATE_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`

interface Migration {
  name: string
  sql: string
  checksum: string
}

interface AppliedRow {
  migration_name: string
  checksum: string
  finished_at: Date | null
  rolled_back_at: Date | null
  logs: string | null
}

export class MigrationError extends Error {
  override name = 'MigrationError'
}

export async function readMigrations(dir = MIGRATIONS_DIR) {
  const entries = await readdir(dir, { withFileTypes: true })
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
  return Promise.all(
    names.map(async (name): Promise<Migration> => {
      const bytes = await readFile(path.join(dir, name, 'migration.sql'))
      const checksum = createHash('sha256').update(bytes).digest('hex')
      return { name, sql: bytes.toString('utf8'), checksum }
    }),
  )
}

/** Applies every migration not yet applied; returns the names it applied. */
export async function migrate(connectionString: string, dir = MIGRATIONS_DIR) {
  const migrations = await readMigrations(dir)
  const client = new pg.Client({ connectionString })
  await client.connect()
  try {
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_MIGRATE_LOCK])
    await client.query(CREATE_TABLE)
    const applied = await appliedRows(client)
    const done: string[] = []
    for (const migration of migrations) {
      if (isApplied(migration, applied)) continue
      await applyOne(client, migration)
      done.push(migration.name)
    }
    return done
  } finally {
    await client
      .query('SELECT pg_advisory_unlock($1)', [PRISMA_MIGRATE_LOCK])
      .catch((error) => log.warn({ err: error }, 'migration unlock failed'))
    await client.end()
  }
}

async function appliedRows(client: pg.Client) {
  const { rows } = await client.query<AppliedRow>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at, logs
       FROM "_prisma_migrations" ORDER BY started_at`,
  )
  const failed = rows.find((row) => !row.finished_at && !row.rolled_back_at)
  if (failed) {
    throw new MigrationError(
      `Migration ${failed.migration_name} failed earlier and blocks the ` +
        `rest. Fix the database by hand, then mark the row in ` +
        `_prisma_migrations as rolled back. Its error:\n${failed.logs}`,
    )
  }
  return rows.filter((row) => row.finished_at)
}

function isApplied(migration: Migration, applied: AppliedRow[]) {
  const row = applied.find((r) => r.migration_name === migration.name)
  if (!row) return false
  if (row.checksum !== migration.checksum) {
    log.warn(
      { migration: migration.name },
      'migration was edited after it was applied; its checksum differs',
    )
  }
  return true
}

async function applyOne(client: pg.Client, migration: Migration) {
  const id = randomUUID()
  await client.query(
    `INSERT INTO "_prisma_migrations" (id, checksum, migration_name)
     VALUES ($1, $2, $3)`,
    [id, migration.checksum, migration.name],
  )
  try {
    await client.query('BEGIN')
    await client.query(migration.sql)
    await client.query('COMMIT')
  } catch (error) {
    await client.query('ROLLBACK')
    await client.query(
      'UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1',
      [id, String(error)],
    )
    throw new MigrationError(
      `Migration ${migration.name} failed: ${String(error)}`,
    )
  }
  await client.query(
    `UPDATE "_prisma_migrations"
        SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
    [id],
  )
  log.info({ migration: migration.name }, 'migration applied')
}
