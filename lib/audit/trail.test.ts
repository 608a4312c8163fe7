import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  startTestStack,
  startTestWorker,
  type TestStack,
  waitFor,
} from '../../tests/stack'
import { type DemoViewers, seedViewers } from '../../tests/viewers'
import type { RunningWorker } from '../../worker/worker'
import { listQuotes } from '../cache/quotes'
import { dbNow } from '../db/client'
import { getBoss } from '../jobs/boss'
import { resolveEscalation } from '../jobs/escalation'
import { decideQuote } from '../quotes/decide-quote'
import { createTicket } from '../tickets/create-ticket'
import { updateTicket } from '../tickets/update-ticket'
import { type AuditEntry, listAuditTrail } from './list'

// The audit trail against the real database, worker and simulator: every
// accepted write has its row, a refused one has none, and the outcome
// follows the job through retries, escalation and what staff do about it.

let stack: TestStack
let viewers: DemoViewers
let worker: RunningWorker | undefined

beforeAll(async () => {
  stack = await startTestStack({ WRITE_RETRY_DELAY_SECONDS: '1' })
  viewers = await seedViewers(stack.db, stack.halo)
})
afterEach(async () => {
  await stack.chaos({})
})
afterAll(async () => {
  await worker?.stop()
  await stack?.close()
})

/** Tests that need writes delivered start the worker; the first does not. */
async function withWorker() {
  worker ??= await startTestWorker(stack, 2)
}

const REFUSE_NEXT_CREATE = {
  faults: [{ route: 'POST /api/Tickets', times: 1, status: 422 }],
}

async function trail(): Promise<AuditEntry[]> {
  return (await listAuditTrail(stack.db, { limit: 100 })).entries
}

/** The row of one write, by the entity and action it names. */
async function entryOf(entityId: string, action: string) {
  const entry = (await trail()).find(
    (e) => e.entityId === entityId && e.action === action,
  )
  if (!entry) throw new Error(`no ${action} row for ${entityId}`)
  return entry
}

function outcomeBecomes(entityId: string, action: string, outcome: string) {
  return waitFor(`${action} of ${entityId} to read ${outcome}`, async () => {
    const entry = await entryOf(entityId, action)
    return entry.outcome === outcome ? entry : undefined
  })
}

async function accepted(summary: string, viewer = viewers.customerA) {
  const result = await createTicket(viewer, { summary, details: 'x' })
  if (!result.ok) throw new Error(`not accepted: ${summary}`)
  return result.ticket
}

describe('an accepted write', () => {
  it('is in the trail with its actor, client and the database time, and reads delivered once the worker has run', async () => {
    const before = await dbNow(stack.db)
    const ticket = await accepted('Printer on fire')
    const after = await dbNow(stack.db)

    const entry = await entryOf(ticket.id, 'ticket-create')
    const row = await stack.db.ticket.findUniqueOrThrow({
      where: { id: ticket.id },
    })
    expect(entry).toMatchObject({
      actorId: viewers.customerA.userId,
      actorEmail: 'customer-a@example.com',
      actorRole: 'customer',
      clientId: viewers.customerA.clientId,
      clientName: viewers.customerA.clientName,
      entityType: 'ticket',
      entitySummary: 'Printer on fire',
      mutationId: row.mutationId,
      outcome: 'pending',
    })
    const at = Date.parse(entry.at)
    expect(at).toBeGreaterThanOrEqual(before.getTime())
    expect(at).toBeLessThanOrEqual(after.getTime())

    await withWorker()
    await outcomeBecomes(ticket.id, 'ticket-create', 'delivered')
  })

  it('of each kind is named for what it did, with its own mutation id', async () => {
    await withWorker()
    const ticket = await accepted('Edit me later')
    const edit = await updateTicket(viewers.customerA, ticket.id, {
      details: 'more detail',
    })
    expect(edit.ok).toBe(true)
    const { quotes } = await listQuotes(viewers.customerA)
    const quote = quotes.find((q) => !q.pendingWrite && q.approvalState == null)
    if (!quote) throw new Error('no awaiting quote')
    const decided = await decideQuote(viewers.customerA, quote.id, {
      approve: false,
    })
    expect(decided.ok).toBe(true)

    const create = await entryOf(ticket.id, 'ticket-create')
    const update = await entryOf(ticket.id, 'ticket-update')
    expect(update.mutationId).not.toBe(create.mutationId)
    const rejected = await entryOf(quote.id, 'quote-reject')
    expect(rejected).toMatchObject({
      entityType: 'quote',
      clientId: quote.clientId,
    })
    await outcomeBecomes(ticket.id, 'ticket-update', 'delivered')
  })
})

describe('a write whose row cannot be written', () => {
  it('is not accepted: its cache change and its job roll back with it', async () => {
    await withWorker()
    const ticket = await accepted('Audit or nothing')
    await outcomeBecomes(ticket.id, 'ticket-create', 'delivered')
    const before = await stack.db.ticket.findUniqueOrThrow({
      where: { id: ticket.id },
    })
    const rows = await stack.db.auditEvent.count()
    const nobody = { ...viewers.customerA, userId: 'not-a-portal-user-id' }

    const edit = updateTicket(nobody, ticket.id, { details: 'never saved' })
    await expect(edit).rejects.toThrow(/uuid/i)
    const after = await stack.db.ticket.findUniqueOrThrow({
      where: { id: ticket.id },
    })
    expect(after).toMatchObject({
      details: before.details,
      writeVersion: before.writeVersion,
      pendingWrite: false,
    })
    const boss = await getBoss()
    const jobs = await boss.findJobs('ticket-writes', {
      key: `ticket:${ticket.id}`,
    })
    expect(jobs.map((job) => job.data)).not.toContainEqual(
      expect.objectContaining({ kind: 'ticket-update' }),
    )
    expect(await stack.db.auditEvent.count()).toBe(rows)
  })
})

describe('a refused write', () => {
  it('leaves no row in the trail', async () => {
    await withWorker()
    const rows = await stack.db.auditEvent.count()
    const empty = await createTicket(viewers.customerA, {
      summary: '',
      details: 'x',
    })
    expect(empty.ok).toBe(false)
    const theirs = await accepted('Client B only', viewers.customerB)
    const rowsAfterB = await stack.db.auditEvent.count()
    const edit = await updateTicket(viewers.customerA, theirs.id, {
      summary: 'not mine to change',
    })
    expect(edit).toEqual({ ok: false, notFound: true })
    const quote = await decideQuote(viewers.customerA, theirs.id, {
      approve: 'yes',
    })
    expect(quote.ok).toBe(false)
    expect(rowsAfterB).toBe(rows + 1)
    expect(await stack.db.auditEvent.count()).toBe(rowsAfterB)
    // Settled, so that no later test's scripted refusal meets it instead.
    await outcomeBecomes(theirs.id, 'ticket-create', 'delivered')
  })
})

describe('an escalated write', () => {
  async function escalated(summary: string) {
    await withWorker()
    await stack.chaos(REFUSE_NEXT_CREATE)
    const ticket = await accepted(summary)
    const escalation = await waitFor('the escalation', () =>
      stack.db.escalation.findFirst({ where: { entityId: ticket.id } }),
    )
    return { ticket, escalation }
  }

  it('reads escalated; a redrive is recorded with the staff user, and the write then lands', async () => {
    const { ticket, escalation } = await escalated('Refused, then sent again')
    await outcomeBecomes(ticket.id, 'ticket-create', 'escalated')

    const boss = await getBoss()
    const deps = { db: stack.db, boss }
    await resolveEscalation(deps, escalation.id, 'redriven', viewers.staff)
    const redrive = await entryOf(ticket.id, 'escalation-redrive')
    expect(redrive).toMatchObject({
      actorId: viewers.staff.userId,
      actorEmail: 'staff@example.com',
      actorRole: 'staff',
      clientId: viewers.customerA.clientId,
      escalationId: escalation.id,
      mutationId: escalation.mutationId,
      outcome: null,
    })
    await outcomeBecomes(ticket.id, 'ticket-create', 'delivered')
  })

  it('dismissed reads dismissed, and the edit queued behind it cancelled', async () => {
    await worker?.stop()
    worker = undefined
    await stack.chaos(REFUSE_NEXT_CREATE)
    const ticket = await accepted('Refused, then set aside')
    const edit = await updateTicket(viewers.customerA, ticket.id, {
      details: 'queued behind the create',
    })
    expect(edit.ok).toBe(true)
    await withWorker()
    const escalation = await waitFor('the escalation', () =>
      stack.db.escalation.findFirst({ where: { entityId: ticket.id } }),
    )

    const boss = await getBoss()
    const deps = { db: stack.db, boss }
    await resolveEscalation(deps, escalation.id, 'dismissed', viewers.staff)
    const dismissal = await entryOf(ticket.id, 'escalation-dismiss')
    expect(dismissal).toMatchObject({
      actorEmail: 'staff@example.com',
      cancelledWrites: 1,
    })
    expect((await entryOf(ticket.id, 'ticket-create')).outcome).toBe(
      'dismissed',
    )
    expect((await entryOf(ticket.id, 'ticket-update')).outcome).toBe(
      'cancelled',
    )
  })
})

describe('the trail', () => {
  it('pages newest first without repeating or skipping rows of one moment', async () => {
    const at = await dbNow(stack.db)
    const same = {
      at,
      actorId: viewers.customerB.userId,
      actorEmail: 'customer-b@example.com',
      actorRole: 'customer',
      clientId: viewers.customerB.clientId as string,
      action: 'ticket-update',
      entityType: 'ticket',
      entityId: crypto.randomUUID(),
    }
    await stack.db.auditEvent.createMany({
      data: [1, 2, 3].map(() => ({ ...same, mutationId: crypto.randomUUID() })),
    })
    const everything = await trail()
    const paged: AuditEntry[] = []
    let cursor: string | undefined
    for (;;) {
      const page = await listAuditTrail(stack.db, { limit: 2, cursor })
      paged.push(...page.entries)
      if (!page.nextCursor) break
      cursor = page.nextCursor
    }
    expect(paged.map((e) => e.id)).toEqual(everything.map((e) => e.id))
    const times = everything.map((e) => Date.parse(e.at))
    expect(times).toEqual([...times].sort((a, b) => b - a))
  })

  it('narrows to one client', async () => {
    const clientId = viewers.customerB.clientId as string
    const { entries } = await listAuditTrail(stack.db, { client: clientId })
    expect(entries.length).toBeGreaterThan(0)
    expect(entries.every((e) => e.clientId === clientId)).toBe(true)
    const all = await trail()
    expect(all.some((e) => e.clientId !== clientId)).toBe(true)
  })
})
