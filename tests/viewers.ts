import { viewerOfUser } from '../lib/auth/session'
import type { Db } from '../lib/db/client'
import { seedDemoAccounts } from '../lib/demo/seed'
import type { HaloClient } from '../lib/upstream/halo'
import type { Viewer } from '../lib/viewer'

// The demo accounts, as the viewers the cache and write service take.

export const TEST_PASSWORD = 'correct horse battery'
export const TEST_AUTH_SECRET = 'test-auth-secret-that-is-long-enough-0123'

export interface DemoViewers {
  customerA: Viewer
  customerB: Viewer
  /** The customer admin of customer A's client. */
  adminA: Viewer
  staff: Viewer
}

export async function seedViewers(
  db: Db,
  halo: HaloClient,
): Promise<DemoViewers> {
  await seedDemoAccounts(db, halo, {
    password: TEST_PASSWORD,
    authSecret: TEST_AUTH_SECRET,
    staffAuthenticator: true,
  })
  return {
    customerA: await viewerOf(db, 'customer-a@example.com'),
    customerB: await viewerOf(db, 'customer-b@example.com'),
    adminA: await viewerOf(db, 'admin-a@example.com'),
    staff: await viewerOf(db, 'staff@example.com'),
  }
}

async function viewerOf(db: Db, email: string): Promise<Viewer> {
  const user = await db.portalUser.findUniqueOrThrow({ where: { email } })
  const viewer = await viewerOfUser(user.id)
  if (!viewer) throw new Error(`no viewer for ${email}`)
  return viewer
}
