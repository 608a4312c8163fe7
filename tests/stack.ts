import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { inject } from 'vitest'
import { createDb, type Db } from '../lib/db/client'
import { startBoss } from '../lib/jobs/boss'
import { HaloClient } from '../lib/upstream/halo'
import { createSimulator, type Simulator } from '../simulator/app'
import { startWorker } from '../worker/worker'
import { databaseUrl } from './global-setup'
import { TEST_AUTH_SECRET } from './viewers'

// The real parts a test file needs: its own database cloned from the
// migrated template, and a simulator over real HTTP on a free port. The
// process's settings point at both, so lib's singletons use them.

export const SIM_CLIENT_ID = 'portal-test'
export const SIM_CLIENT_SECRET = 'portal-test-secret'

export interface TestStack {
  url: string
  db: Db
  sim: Simulator
  halo: HaloClient
  simControl(path: string, init?: RequestInit): Promise<unknown>
  /** PUT /__sim/chaos: `{}` puts the simulator back to normal. */
  chaos(settings: object): Promise<unknown>
  close(): Promise<void>
}

type Settings = Record<string, string>

/** Settings may name the simulator, whose address is known only here. */
export async function startTestStack(
  settings: Settings | ((simUrl: string) => Settings) = {},
): Promise<TestStack> {
  const url = await cloneTemplate()
  const sim = createSimulator({
    clientId: SIM_CLIENT_ID,
    clientSecret: SIM_CLIENT_SECRET,
  })
  const simUrl = await sim.listen(0, '127.0.0.1')
  Object.assign(process.env, {
    DATABASE_URL: url,
    HALO_URL: simUrl,
    HALO_CLIENT_ID: SIM_CLIENT_ID,
    HALO_CLIENT_SECRET: SIM_CLIENT_SECRET,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    AUTH_SECRET: TEST_AUTH_SECRET,
    ...(typeof settings === 'function' ? settings(simUrl) : settings),
  })
  const setup = await startBoss({ connectionString: url, role: 'setup' })
  await setup.stop({ graceful: false })
  const db = createDb(url)
  const halo = new HaloClient({
    baseUrl: simUrl,
    clientId: SIM_CLIENT_ID,
    clientSecret: SIM_CLIENT_SECRET,
  })
  const simControl = async (path: string, init?: RequestInit) => {
    const response = await fetch(`${simUrl}${path}`, init)
    if (!response.ok) throw new Error(`${path}: ${response.status}`)
    return response.json()
  }
  const chaos = (settings: object) =>
    simControl('/__sim/chaos', {
      method: 'PUT',
      body: JSON.stringify(settings),
    })
  return {
    url,
    db,
    sim,
    halo,
    simControl,
    chaos,
    close: () => closeAll(db, sim),
  }
}

async function closeAll(db: Db, sim: Simulator) {
  const shared = globalThis as {
    portalDb?: Db
    portalBoss?: Promise<{ stop(o: object): Promise<void> }>
  }
  const boss = await shared.portalBoss
  await boss?.stop({ graceful: false })
  await shared.portalDb?.$disconnect()
  await db.$disconnect()
  await sim.close()
}

async function cloneTemplate(): Promise<string> {
  const adminUrl = inject('adminUrl')
  const name = `portal_test_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  try {
    await admin.query(
      `CREATE DATABASE ${name} TEMPLATE ${inject('templateDatabase')}`,
    )
  } finally {
    await admin.end()
  }
  return databaseUrl(adminUrl, name)
}

/** A worker on the stack's database and simulator, stopped by the caller. */
export function startTestWorker(stack: TestStack, concurrency = 4) {
  return startWorker({
    connectionString: stack.url,
    db: stack.db,
    halo: stack.halo,
    concurrency,
  })
}

/** Polls until check returns a value; fails with the last state seen. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | null | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
