import 'server-only'
import { type AuditQuery, listAuditTrail } from '@/lib/audit/list'
import { getDb } from '@/lib/db/client'

// The audit trail as the staff page and its JSON route read it.

export function readAuditTrail(query: AuditQuery) {
  return listAuditTrail(getDb(), query)
}
