import { PrismaPg } from '@prisma/adapter-pg'
import { requireSetting } from '../env'
import { PrismaClient } from '../generated/prisma/client'

export type { Prisma } from '../generated/prisma/client'
export type Db = PrismaClient

const globalForDb = globalThis as typeof globalThis & { portalDb?: Db }

export function createDb(connectionString: string): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString }) })
}

/** This process's one Prisma client, kept across Next's dev reloads. */
export function getDb(): Db {
  globalForDb.portalDb ??= createDb(requireSetting('DATABASE_URL'))
  return globalForDb.portalDb
}

/** The database's clock: deadlines and freshness never use a process's own. */
export async function dbNow(db: Db): Promise<Date> {
  const rows = await db.$queryRaw<{ now: Date }[]>`select now() as now`
  const row = rows[0]
  if (!row) throw new Error('select now() returned no row')
  return row.now
}
