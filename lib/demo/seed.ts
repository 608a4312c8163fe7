import { symmetricEncrypt } from 'better-auth/crypto'
import { hashPassword } from '../auth/password'
import type { Db } from '../db/client'
import { log } from '../log'
import type { HaloClient } from '../upstream/halo'
import { findHaloUsers, listHaloClients } from '../upstream/halo-directory'
import {
  DEMO_CUSTOMER_ADMIN,
  DEMO_CUSTOMERS,
  DEMO_STAFF,
  DEMO_STAFF_TOTP_SECRET,
} from './accounts'

// Demo accounts for the embedded demo: a customer of each seeded client and
// a customer admin of the first, linked to their Halo end users by email,
// and one member of staff with an authenticator already set up.

export { DEMO_CUSTOMER_ADMIN, DEMO_CUSTOMERS, DEMO_STAFF }

type Role = 'customer' | 'customer_admin' | 'staff'

const SEED_TIMEOUT_MS = 10_000

export interface DemoOptions {
  password: string
  /** AUTH_SECRET, which encrypts the staff authenticator secret. */
  authSecret: string
  /**
   * Give staff the well-known DEMO_STAFF_TOTP_SECRET; otherwise staff set
   * up their own authenticator at first sign-in.
   */
  staffAuthenticator: boolean
}

export async function seedDemoAccounts(
  db: Db,
  halo: HaloClient,
  options: DemoOptions,
) {
  const signal = AbortSignal.timeout(SEED_TIMEOUT_MS)
  const passwordHash = await hashPassword(options.password)
  const clients = await listHaloClients(halo, signal)
  for (const client of clients) {
    await db.client.upsert({
      where: { haloId: client.id },
      create: { haloId: client.id, name: client.name, syncedAt: new Date() },
      update: { name: client.name, syncedAt: new Date() },
    })
  }
  const customers: [string, Role][] = [
    ...DEMO_CUSTOMERS.map((email): [string, Role] => [email, 'customer']),
    [DEMO_CUSTOMER_ADMIN, 'customer_admin'],
  ]
  for (const [email, role] of customers) {
    await seedCustomer(db, halo, { email, role, passwordHash }, signal)
  }
  const staff = await db.portalUser.upsert({
    where: { email: DEMO_STAFF },
    create: { email: DEMO_STAFF, name: 'Sam Staff', role: 'staff' },
    update: { disabledAt: null },
  })
  await setPassword(db, staff.id, passwordHash)
  if (options.staffAuthenticator) {
    await setAuthenticator(db, staff.id, options.authSecret)
  }
  log.info({ clients: clients.length }, 'demo accounts ready')
}

/** The credential account better-auth checks passwords against. */
async function setPassword(db: Db, userId: string, passwordHash: string) {
  await db.account.upsert({
    where: {
      providerId_accountId: { providerId: 'credential', accountId: userId },
    },
    create: {
      userId,
      providerId: 'credential',
      accountId: userId,
      password: passwordHash,
    },
    update: { password: passwordHash },
  })
}

/** TOTP as better-auth's two-factor plugin stores it: encrypted. */
async function setAuthenticator(db: Db, userId: string, authSecret: string) {
  const encrypt = (data: string) => symmetricEncrypt({ key: authSecret, data })
  const fields = {
    secret: await encrypt(DEMO_STAFF_TOTP_SECRET),
    backupCodes: await encrypt(JSON.stringify([])),
    verified: true,
    failedVerificationCount: 0,
    lockedUntil: null,
  }
  await db.twoFactor.upsert({
    where: { userId },
    create: { userId, ...fields },
    update: fields,
  })
  await db.portalUser.update({
    where: { id: userId },
    data: { twoFactorEnabled: true },
  })
}

async function seedCustomer(
  db: Db,
  halo: HaloClient,
  account: { email: string; role: Role; passwordHash: string },
  signal: AbortSignal,
) {
  const { email, role, passwordHash } = account
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
    role,
    clientId: client.id,
    haloUserId: user.id,
    syncedAt: new Date(),
    disabledAt: null,
    // Like the password, a demo account's second factor is put back at each
    // start: off, so that anyone trying the demo can sign in.
    twoFactorEnabled: false,
  }
  const saved = await db.portalUser.upsert({
    where: { email },
    create: { email, ...fields },
    update: fields,
  })
  await setPassword(db, saved.id, passwordHash)
  await db.twoFactor.deleteMany({ where: { userId: saved.id } })
}
