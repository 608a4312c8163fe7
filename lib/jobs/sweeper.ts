import { randomUUID } from 'node:crypto'
import type { PgBoss } from 'pg-boss'
import type { Db } from '../db/client'
import type { Logger } from '../log'
import { APPROVAL_APPROVED } from '../quotes/approval-states'
import { enqueue } from './enqueue'
import { type AnyJobKind, type EntityRef, entityKey } from './kind'
import { quoteApproveJob } from './kinds/quote-approve'
import { quoteWatchJob } from './kinds/quote-watch'
import { ticketCreateJob } from './kinds/ticket-create'
import { ticketUpdateJob } from './kinds/ticket-update'

// The promise that no entity stays pending with no job that can clear it.
// A write and its job are committed together, so this finds only what
// something outside the portal did: a job deleted by hand, a restored
// backup, pg-boss's retention. Each orphan gets a job again; the kinds are
// idempotent, so one that turns out not to be needed does no harm.

/** Job states that can still clear an entity's pending flag. */
const LIVE = ['created', 'retry', 'active', 'failed']

export interface SweepDeps {
  db: Db
  boss: PgBoss
  log: Logger
}

export async function sweepOrphans(deps: SweepDeps): Promise<number> {
  return (await sweepTickets(deps)) + (await sweepQuotes(deps))
}

async function hasLiveJob(boss: PgBoss, kind: AnyJobKind, entity: EntityRef) {
  const jobs = await boss.findJobs(kind.queue, { key: entityKey(entity) })
  return jobs.some((job) => LIVE.includes(job.state))
}

async function sweepTickets(deps: SweepDeps) {
  const pending = await deps.db.ticket.findMany({
    where: { pendingWrite: true },
  })
  let found = 0
  for (const ticket of pending) {
    const entity = { type: 'ticket' as const, id: ticket.id }
    if (await hasLiveJob(deps.boss, ticketCreateJob, entity)) continue
    const common = {
      ticketId: ticket.id,
      writeVersion: ticket.writeVersion,
      clientId: ticket.clientId,
    }
    const fields = { summary: ticket.summary, details: ticket.details }
    if (ticket.haloId === null) {
      const mutationId = ticket.mutationId ?? randomUUID()
      await enqueue(deps.boss, ticketCreateJob, {
        ...common,
        mutationId,
        fields,
      })
    } else {
      const mutationId = randomUUID()
      await enqueue(deps.boss, ticketUpdateJob, {
        ...common,
        mutationId,
        fields,
      })
    }
    deps.log.error(
      { ticketId: ticket.id },
      'pending ticket had no job; sent one',
    )
    found++
  }
  return found
}

async function sweepQuotes(deps: SweepDeps) {
  const pending = await deps.db.quote.findMany({
    where: { pendingWrite: true },
  })
  let found = 0
  for (const quote of pending) {
    const entity = { type: 'quote' as const, id: quote.id }
    if (await hasLiveJob(deps.boss, quoteApproveJob, entity)) continue
    if (await hasLiveJob(deps.boss, quoteWatchJob, entity)) continue
    await enqueue(deps.boss, quoteApproveJob, {
      quoteId: quote.id,
      mutationId: randomUUID(),
      writeVersion: quote.writeVersion,
      clientId: quote.clientId,
      approve: quote.approvalState === APPROVAL_APPROVED,
      approverName: quote.decidedBy ?? 'the portal',
      approverEmail: quote.decidedBy ?? '',
    })
    deps.log.error({ quoteId: quote.id }, 'pending quote had no job; sent one')
    found++
  }
  return found
}
