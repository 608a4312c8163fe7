import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getBoss } from '../lib/jobs/boss'
import { resolveEscalation } from '../lib/jobs/escalation'
import { ticketCreateJob } from '../lib/jobs/kinds/ticket-create'
import { sweepOrphans } from '../lib/jobs/sweeper'
import { createTicket } from '../lib/tickets/create-ticket'
import { updateTicket } from '../lib/tickets/update-ticket'
import {
  startTestStack,
  startTestWorker,
  type TestStack,
  waitFor,
} from '../tests/stack'
import { type DemoViewers, seedViewers } from '../tests/viewers'
import type { RunningWorker } from './worker'

// What happens after a write is escalated: staff are notified through the
// webhook, and can send it again or set it aside; either is recorded, and
// the ticket's later writes are no longer held behind it.

let stack: TestStack
let viewers: DemoViewers
let worker: RunningWorker | undefined

beforeAll(async () => {
  stack = await startTestStack((simUrl) => ({
    STAFF_WEBHOOK_URL: `${simUrl}/__sim/webhooks`,
    WRITE_RETRY_DELAY_SECONDS: '1',
  }))
  viewers = await seedViewers(stack.db, stack.halo)
  worker = await startTestWorker(stack, 2)
})
afterAll(async () => {
  await worker?.stop()
  await stack?.close()
})

async function escalatedTicket(summary: string) {
  await stack.simControl('/__sim/chaos', {
    method: 'PUT',
    body: JSON.stringify({
      faults: [{ route: 'POST /api/Tickets', times: 1, status: 422 }],
    }),
  })
  const result = await createTicket(viewers.customerA, {
    summary,
    details: 'x',
  })
  if (!result.ok) throw new Error('not accepted')
  const escalation = await waitFor('the escalation', () =>
    stack.db.escalation.findFirst({ where: { entityId: result.ticket.id } }),
  )
  return { ticket: result.ticket, escalation }
}

const row = (id: string) => stack.db.ticket.findUniqueOrThrow({ where: { id } })

describe('an escalation', () => {
  it('is posted to the staff webhook with its reason', async () => {
    const { escalation } = await escalatedTicket('Webhook please')
    const hooks = await waitFor('the webhook', async () => {
      const all = (await stack.simControl('/__sim/webhooks')) as {
        body: { escalation: { id: string; reason: string }; text: string }
      }[]
      return all.find((h) => h.body.escalation.id === escalation.id)
    })
    expect(hooks.body.escalation.reason).toBe('permanent')
    expect(hooks.body.text).toMatch(/could not be delivered/)
    const notified = await waitFor(
      'notifiedAt',
      async () =>
        (
          await stack.db.escalation.findUniqueOrThrow({
            where: { id: escalation.id },
          })
        ).notifiedAt,
    )
    expect(notified).toBeInstanceOf(Date)
  })

  it('sent again by staff lands once, and is recorded as redriven', async () => {
    const { ticket, escalation } = await escalatedTicket('Send me again')
    const boss = await getBoss()
    const resolved = await resolveEscalation(
      { db: stack.db, boss },
      escalation.id,
      'redriven',
      viewers.staff,
    )
    expect(resolved).toMatchObject({
      status: 'redriven',
      resolvedBy: 'staff@example.com',
    })
    const done = await waitFor('the redriven create', async () => {
      const current = await row(ticket.id)
      return current.haloId ? current : undefined
    })
    expect(done.pendingWrite).toBe(false)
    const store = (await stack.simControl('/__sim/store/tickets')) as {
      summary: string
    }[]
    expect(store.filter((t) => t.summary === 'Send me again')).toHaveLength(1)
    const again = await resolveEscalation(
      { db: stack.db, boss },
      escalation.id,
      'dismissed',
      viewers.staff,
    )
    expect(again).toBeNull()
  })

  it('sent again runs before the edits accepted after it', async () => {
    const { ticket, escalation } = await escalatedTicket('Edited while refused')
    const edit = await updateTicket(viewers.customerA, ticket.id, {
      details: 'edited after the refusal',
    })
    expect(edit.ok).toBe(true)
    const boss = await getBoss()
    await resolveEscalation(
      { db: stack.db, boss },
      escalation.id,
      'redriven',
      viewers.staff,
    )
    const done = await waitFor('the create and the edit', async () => {
      const current = await row(ticket.id)
      return !current.pendingWrite && current.haloId ? current : undefined
    })
    expect(done.details).toBe('edited after the refusal')
    expect(done.writeError).toBeNull()
    const others = await stack.db.escalation.count({
      where: { entityId: ticket.id, id: { not: escalation.id } },
    })
    expect(others).toBe(0)
  })

  it('dismissed by staff takes the edits queued behind its create with it', async () => {
    const { ticket, escalation } = await escalatedTicket('Dismiss me')
    const edit = await updateTicket(viewers.customerA, ticket.id, {
      details: 'later',
    })
    expect(edit.ok).toBe(true)
    const boss = await getBoss()
    const resolved = await resolveEscalation(
      { db: stack.db, boss },
      escalation.id,
      'dismissed',
      viewers.staff,
    )
    expect(resolved?.status).toBe('dismissed')
    const current = await row(ticket.id)
    expect(current.pendingWrite).toBe(false)
    expect(current.writeError).toMatch(/set this aside/)
    const queued = await boss.findJobs(ticketCreateJob.queue, {
      key: `ticket:${ticket.id}`,
      queued: true,
    })
    expect(queued).toHaveLength(0)
    const log = pino({ level: 'silent' })
    expect(await sweepOrphans({ db: stack.db, boss, log })).toBe(0)
  })
})

describe('a pending ticket whose job was lost', () => {
  it('gets a job again from the sweep, and lands once', async () => {
    await worker?.stop()
    worker = undefined
    const result = await createTicket(viewers.customerA, {
      summary: 'Job deleted by hand',
      details: 'x',
    })
    if (!result.ok) throw new Error('not accepted')
    const boss = await getBoss()
    const [job] = await boss.findJobs(ticketCreateJob.queue, {
      key: `ticket:${result.ticket.id}`,
    })
    await boss.deleteJob(ticketCreateJob.queue, job?.id ?? '')
    const log = pino({ level: 'silent' })
    expect(await sweepOrphans({ db: stack.db, boss, log })).toBe(1)
    expect(await sweepOrphans({ db: stack.db, boss, log })).toBe(0)
    worker = await startTestWorker(stack, 2)
    const done = await waitFor('the swept create', async () => {
      const current = await row(result.ticket.id)
      return current.pendingWrite ? undefined : current
    })
    expect(done.haloId).not.toBeNull()
  })
})
