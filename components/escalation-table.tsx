import Link from 'next/link'
import type { EscalationView } from '@/lib/jobs/escalation-list'
import { kindWords, reasonWords, statusWords } from './escalation-words'
import { LocalTime } from './local-time'
import { type ResolveAction, ResolveButtons } from './resolve-buttons'

// Writes the worker gave up on, newest first, for staff to send again or
// set aside. Only open ones can be acted on.

const NO_SUMMARY = 'A record no longer in the portal'

function What({ escalation }: { escalation: EscalationView }) {
  const summary = escalation.entitySummary ?? NO_SUMMARY
  return (
    <>
      {escalation.entityType === 'ticket' ? (
        <Link href={`/tickets/${escalation.entityId}`}>{summary}</Link>
      ) : (
        summary
      )}
      <span className="row-facts">{kindWords(escalation)}</span>
    </>
  )
}

function Status({ escalation }: { escalation: EscalationView }) {
  const { resolvedAt, resolvedBy } = escalation
  return (
    <>
      <span className="status">{statusWords(escalation)}</span>
      {resolvedAt && (
        <span className="row-facts">
          {resolvedBy ? `by ${resolvedBy}, ` : ''}
          <LocalTime iso={resolvedAt} />
        </span>
      )}
    </>
  )
}

interface RowProps {
  escalation: EscalationView
  filter: string
  resolve: ResolveAction
}

function EscalationRow({ escalation, filter, resolve }: RowProps) {
  return (
    <tr>
      <td className="when">
        <LocalTime iso={escalation.createdAt} />
      </td>
      <td>{escalation.clientName ?? '—'}</td>
      <td className="what">
        <What escalation={escalation} />
      </td>
      <td className="reason">{reasonWords(escalation)}</td>
      <td className="last-error">{escalation.lastError ?? '—'}</td>
      <td className="numeric">{escalation.attempts}</td>
      <td>
        <Status escalation={escalation} />
      </td>
      <td>
        {escalation.status === 'open' && (
          <ResolveButtons
            escalationId={escalation.id}
            what={escalation.entitySummary ?? NO_SUMMARY}
            filter={filter}
            resolve={resolve}
          />
        )}
      </td>
    </tr>
  )
}

const HEADINGS = [
  'When',
  'Client',
  'What',
  'Reason',
  'Last error',
  'Attempts',
  'Status',
  'Actions',
]

export function EscalationTable({
  escalations,
  filter,
  resolve,
}: {
  escalations: EscalationView[]
  filter: string
  resolve: ResolveAction
}) {
  return (
    <div className="table-scroll">
      <table className="data-table escalations">
        <caption className="visually-hidden">Escalations, newest first</caption>
        <thead>
          <tr>
            {HEADINGS.map((heading) => (
              <th key={heading} scope="col">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {escalations.map((escalation) => (
            <EscalationRow
              key={escalation.id}
              escalation={escalation}
              filter={filter}
              resolve={resolve}
            />
          ))}
        </tbody>
      </table>
    </div>
  )
}
