import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrate, readMigrations } from '../lib/db/migrate'
import { startTestStack, type TestStack } from './stack'

// The SQL migrations and the Prisma schema must describe the same tables:
// every model is written and read back through the generated client.

let stack: TestStack

beforeAll(async () => {
  stack = await startTestStack()
})
afterAll(async () => {
  await stack?.close()
})

describe('migrations', () => {
  it('are recorded as Prisma records them, and apply only once', async () => {
    const client = new pg.Client({ connectionString: stack.url })
    await client.connect()
    const { rows } = await client.query(
      'SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations"',
    )
    await client.end()
    const files = await readMigrations()
    expect(rows.map((row) => row.migration_name)).toEqual(
      files.map((file) => file.name),
    )
    expect(rows[0].checksum).toBe(files[0]?.checksum)
    expect(rows[0].finished_at).toBeInstanceOf(Date)
    expect(await migrate(stack.url)).toEqual([])
  })

  it('give every model a table the generated client can use', async () => {
    const { db } = stack
    const client = await db.client.create({
      data: { haloId: 9001, name: 'Test Co', syncedAt: new Date() },
    })
    const user = await db.portalUser.create({
      data: {
        email: 'someone@example.com',
        name: 'Someone',
        role: 'customer_admin',
        clientId: client.id,
        haloUserId: 9001,
      },
    })
    await db.account.create({
      data: {
        accountId: user.id,
        providerId: 'credential',
        userId: user.id,
        password: 'x',
      },
    })
    await db.session.create({
      data: { token: 't', userId: user.id, expiresAt: new Date() },
    })
    await db.verification.create({
      data: { identifier: 'i', value: 'v', expiresAt: new Date() },
    })
    await db.twoFactor.create({
      data: { secret: 's', backupCodes: '[]', userId: user.id },
    })
    await db.signInThrottle.create({ data: { key: 'k', points: 1 } })
    const ticket = await db.ticket.create({
      data: {
        clientId: client.id,
        createdById: user.id,
        summary: 's',
        details: 'd',
        statusId: 1,
        openedAt: new Date(),
        lastUpdate: new Date(),
        mutationId: crypto.randomUUID(),
        pendingWrite: true,
        writeVersion: 1,
      },
    })
    await db.listSync.create({ data: { key: 'k', syncedAt: new Date() } })
    await db.workerHeartbeat.create({
      data: { workerId: 'w', beatAt: new Date(), startedAt: new Date() },
    })
    await db.jobAttempt.create({
      data: {
        jobId: crypto.randomUUID(),
        queue: 'ticket-create',
        mutationId: crypto.randomUUID(),
        entityType: 'ticket',
        entityId: ticket.id,
        attempt: 1,
        workerId: 'w',
        outcome: 'succeeded',
      },
    })
    await db.escalation.create({
      data: {
        queue: 'ticket-writes',
        jobId: crypto.randomUUID(),
        mutationId: crypto.randomUUID(),
        entityType: 'ticket',
        entityId: ticket.id,
        clientId: client.id,
        reason: 'permanent',
        attempts: 1,
        payload: { kind: 'ticket-create' },
      },
    })
    await db.quote.create({
      data: { haloId: 3001, clientId: client.id, title: 'q', total: 12.5 },
    })
    expect(await db.jobAttempt.count()).toBe(1)
    expect(await db.escalation.count()).toBe(1)
    expect((await db.quote.findFirstOrThrow()).total).toBe(12.5)
    const read = await db.ticket.findUniqueOrThrow({
      where: { id: ticket.id },
      include: { client: true, createdBy: { include: { sessions: true } } },
    })
    expect(read.client.name).toBe('Test Co')
    expect(read.createdBy?.sessions).toHaveLength(1)
    expect(await db.listSync.count()).toBe(1)
    expect(await db.workerHeartbeat.count()).toBe(1)
  })

  it('give the audit trail a table that takes its time from the database', async () => {
    const { db } = stack
    const cancelled = crypto.randomUUID()
    const row = {
      actorId: crypto.randomUUID(),
      actorEmail: 'staff@example.com',
      actorRole: 'staff',
      clientId: crypto.randomUUID(),
      action: 'escalation-dismiss',
      entityType: 'ticket',
      entityId: crypto.randomUUID(),
      mutationId: crypto.randomUUID(),
    }
    // Filled in by PostgreSQL: the transaction's own now(), to the ms.
    const [plain, txNow] = await db.$transaction(async (tx) => {
      const [clock] = await tx.$queryRaw<{ now: Date }[]>`
        SELECT now()::timestamptz(3) AS now`
      return [await tx.auditEvent.create({ data: row }), clock?.now]
    })
    expect(plain.at).toEqual(txNow)
    expect(plain.cancelledMutationIds).toEqual([])
    await db.auditEvent.create({
      data: {
        ...row,
        escalationId: crypto.randomUUID(),
        jobId: crypto.randomUUID(),
        cancelledMutationIds: [cancelled],
      },
    })
    const found = await db.auditEvent.findMany({
      where: { cancelledMutationIds: { has: cancelled } },
    })
    expect(found).toHaveLength(1)
  })
})
