import pg from 'pg'
import type { TestProject } from 'vitest/node'
import {
  type EmbeddedDatabase,
  startEmbeddedPostgres,
} from '../lib/db/embedded'
import { migrate } from '../lib/db/migrate'

// Once per `vitest run`: a PostgreSQL server (embedded unless DATABASE_URL
// names one) and a template database built from the migrations. Each test
// file clones the template (tests/stack.ts), so files never share rows.

export const TEMPLATE_DATABASE = 'portal_test_template'
const TEST_PG_PORT = 54_339
const TEST_PG_DIR = '.data/test-postgres'

declare module 'vitest' {
  export interface ProvidedContext {
    /** A connection string of the server's maintenance database. */
    adminUrl: string
    templateDatabase: string
  }
}

export default async function setup(project: TestProject) {
  let embedded: EmbeddedDatabase | undefined
  let adminUrl = process.env.DATABASE_URL
  if (!adminUrl) {
    embedded = await startEmbeddedPostgres({
      dir: TEST_PG_DIR,
      port: TEST_PG_PORT,
    })
    adminUrl = embedded.adminUrl
  }
  await buildTemplate(adminUrl)
  project.provide('adminUrl', adminUrl)
  project.provide('templateDatabase', TEMPLATE_DATABASE)
  return async () => {
    await embedded?.stop()
  }
}

export function databaseUrl(adminUrl: string, database: string) {
  const url = new URL(adminUrl)
  url.pathname = `/${database}`
  return url.toString()
}

async function buildTemplate(adminUrl: string) {
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  try {
    await dropLeftovers(admin)
    await admin.query(
      `DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`,
    )
    await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`)
  } finally {
    await admin.end()
  }
  await migrate(databaseUrl(adminUrl, TEMPLATE_DATABASE))
}

/** Each file's clone outlives its run, to be looked at; the next run drops it. */
async function dropLeftovers(admin: pg.Client) {
  const { rows } = await admin.query<{ datname: string }>(
    "SELECT datname FROM pg_database WHERE datname LIKE 'portal_test_%'",
  )
  for (const { datname } of rows) {
    if (datname === TEMPLATE_DATABASE) continue
    await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`)
  }
}
