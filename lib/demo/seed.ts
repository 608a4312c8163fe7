import { hashPassword } from '../auth/password'
import type { Db } from '../db/client'
import { log } from '../log'
import type { HaloClient } from '../upstream/halo'
import { findHaloUsers, listHaloClients } from '../upstream/halo-directory'
import { DEMO_CUSTOMERS, DEMO_STAFF } from './accounts'

// Demo accounts for the embedded demo: a customer of each seeded client,
// linked to their Halo end user by email, and one member of staff.

export { DEMO_CUSTOMERS, DEMO_STAFF }

const SEED_TIMEOUT_MS = 10_000

export async function seedDemoAccounts(
  db: Db,
  halo: HaloClient,
  password: string,
) {
  const signal = AbortSignal.timeout(SEED_TIMEOUT_MS)
  const passwordHash = await hashPassword(password)
  const clients = await listHaloClients(halo, signal)
  for (const client of clients) {
    await db.client.upsert({
      where: { haloId: client.id },
      create: { haloId: client.id, name: client.name, syncedAt: new Date() },
      update: { name: client.name, syncedAt: new Date() },
    })
  }
  for (const email of DEMO_CUSTOMERS) {
    await seedCustomer(db, halo, email, passwordHash, signal)
  }
  await db.portalUser.upsert({
    where: { email: DEMO_STAFF },
    create: {
      email: DEMO_STAFF,
      name: 'Sam Staff',
      role: 'staff',
      passwordHash,
    },
    update: { passwordHash },
  })
  log.info({ clients: clients.length }, 'demo accounts ready')
}

async function seedCustomer(
  db: Db,
  halo: HaloClient,
  email: string,
  passwordHash: string,
  signal: AbortSignal,
) {
  const users = await findHaloUsers(halo, email, signal)
  const user = users.find((u) => u.emailaddress?.toLowerCase() === email)
  if (!user) {
    log.warn({ email }, 'no Halo end user has this email; account skipped')
    return
  }
  const client = await db.client.findUnique({
    where: { haloId: user.client_id },
  })
  if (!client) throw new Error(`Halo user ${user.id} has an unknown client`)
  const fields = {
    name: user.name,
    role: 'customer' as const,
    passwordHash,
    clientId: client.id,
    haloUserId: user.id,
    syncedAt: new Date(),
  }
  await db.portalUser.upsert({
    where: { email },
    create: { email, ...fields },
    update: fields,
  })
}
