import { createDb } from '../../lib/db/client'
import {
  DEMO_CUSTOMER_ADMIN,
  DEMO_CUSTOMERS,
  DEMO_STAFF,
  type DemoOptions,
  seedDemoAccounts,
} from '../../lib/demo/seed'
import { HaloClient, type HaloConfig } from '../../lib/upstream/halo'
import { DEFAULT_DEMO_PASSWORD } from './settings'

// The demo accounts: created (or their password reset) at every start when
// the settings allow it, and named in the line that says the portal is up.

export async function seedDemo(
  databaseUrl: string,
  halo: HaloConfig,
  options: DemoOptions,
) {
  const db = createDb(databaseUrl)
  try {
    await seedDemoAccounts(db, new HaloClient(halo), options)
  } finally {
    await db.$disconnect()
  }
}

/** The one plain line `npm start` prints once every part is healthy. */
export function readyLine(url: string, demoPassword: string | undefined) {
  if (demoPassword === undefined) return `Portal ready at ${url}`
  const named = [...DEMO_CUSTOMERS, DEMO_CUSTOMER_ADMIN].join(', ')
  const accounts = `${named} or ${DEMO_STAFF}`
  // A password someone chose is theirs to know; only the default is shown.
  const password =
    demoPassword === DEFAULT_DEMO_PASSWORD
      ? `password "${demoPassword}"`
      : 'the password in DEMO_PASSWORD'
  return `Portal ready at ${url} — sign in as ${accounts} with ${password}`
}
