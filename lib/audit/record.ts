import type { Prisma } from '../db/client'
import type { Viewer } from '../viewer'

// Writes the audit trail. Callers pass their own transaction, so a row
// exists exactly when the change it records was committed.

/**
 * What a row says was done. Writes sent as jobs (acceptWrite) carry their
 * job's id, and only they have an outcome; the rest are done when
 * recorded. The job engine's own sends are not here.
 */
export type AuditAction =
  | 'ticket-create'
  | 'ticket-update'
  | 'quote-approve'
  | 'quote-reject'
  | 'escalation-redrive'
  | 'escalation-dismiss'
  | 'user-invite'
  | 'user-remove'

export interface AuditRecord {
  actor: Viewer
  clientId: string
  action: AuditAction
  entity: { type: string; id: string }
  mutationId: string
  /** The job that carries the write to its upstream, when it has one. */
  jobId?: string
  escalationId?: string
  cancelledMutationIds?: string[]
}

type Tx = Pick<Prisma.TransactionClient, 'auditEvent'>

export async function recordAudit(tx: Tx, record: AuditRecord) {
  // The role is copied as it reads now; nothing here depends on its value.
  await tx.auditEvent.create({
    data: {
      actorId: record.actor.userId,
      actorEmail: record.actor.email,
      actorRole: record.actor.role,
      clientId: record.clientId,
      action: record.action,
      entityType: record.entity.type,
      entityId: record.entity.id,
      mutationId: record.mutationId,
      jobId: record.jobId ?? null,
      escalationId: record.escalationId ?? null,
      cancelledMutationIds: record.cancelledMutationIds ?? [],
    },
    select: { id: true },
  })
}
