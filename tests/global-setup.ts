import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { type AddressInfo, createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
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
// It also names the folder of the run's `next build` (tests/next-app.ts),
// if a test makes one, and removes it at the end.

export const TEMPLATE_DATABASE = 'portal_test_template'
const ROOT = path.resolve(import.meta.dirname, '..')

declare module 'vitest' {
  export interface ProvidedContext {
    /** A connection string of the server's maintenance database. */
    adminUrl: string
    templateDatabase: string
    /** Where a test's `next build` goes (tests/next-app.ts), made lazily. */
    nextDistDir: string
  }
}

export default async function setup(project: TestProject) {
  let embedded: EmbeddedDatabase | undefined
  let dataDir: string | undefined
  let adminUrl = process.env.DATABASE_URL
  if (!adminUrl) {
    // A cluster of its own for each run, so that runs side by side (two
    // checkouts, a helper and CI) never share a data folder or a port.
    dataDir = await mkdtemp(path.join(tmpdir(), 'portal-test-pg-'))
    embedded = await startEmbeddedPostgres({
      dir: dataDir,
      port: await freePort(),
    })
    adminUrl = embedded.adminUrl
  }
  await buildTemplate(adminUrl)
  project.provide('adminUrl', adminUrl)
  project.provide('templateDatabase', TEMPLATE_DATABASE)
  const nextDistDir = `.next-test-${randomBytes(4).toString('hex')}`
  project.provide('nextDistDir', nextDistDir)
  return async () => {
    await rm(path.join(ROOT, nextDistDir), { recursive: true, force: true })
    await embedded?.stop()
    if (dataDir) await rm(dataDir, { recursive: true, force: true })
  }
}

/** A port nothing listens on now, so two checkouts can test at once. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      server.close(() => resolve(port))
    })
  })
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

/** With DATABASE_URL, clones outlive their run; the next run drops them. */
async function dropLeftovers(admin: pg.Client) {
  const { rows } = await admin.query<{ datname: string }>(
    "SELECT datname FROM pg_database WHERE datname LIKE 'portal_test_%'",
  )
  for (const { datname } of rows) {
    if (datname === TEMPLATE_DATABASE) continue
    await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`)
  }
}
