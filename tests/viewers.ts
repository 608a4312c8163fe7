import { createSession, viewerOfToken } from '../lib/auth/session'
import type { Db } from '../lib/db/client'
import { seedDemoAccounts } from '../lib/demo/seed'
import type { HaloClient } from '../lib/upstream/halo'
import type { Viewer } from '../lib/viewer'

// The demo accounts, as the viewers the cache and write service take.

export const TEST_PASSWORD = 'correct horse battery'

export interface DemoViewers {
  customerA: Viewer
  customerB: Viewer
  staff: Viewer
}

export async function seedViewers(
  db: Db,
  halo: HaloClient,
): Promise<DemoViewers> {
  await seedDemoAccounts(db, halo, TEST_PASSWORD)
  return {
    customerA: await viewerOf(db, 'customer-a@example.com'),
    customerB: await viewerOf(db, 'customer-b@example.com'),
    staff: await viewerOf(db, 'staff@example.com'),
  }
}

async function viewerOf(db: Db, email: string): Promise<Viewer> {
  const user = await db.portalUser.findUniqueOrThrow({ where: { email } })
  const viewer = await viewerOfToken((await createSession(user.id)).token)
  if (!viewer) throw new Error(`no viewer for ${email}`)
  return viewer
}
