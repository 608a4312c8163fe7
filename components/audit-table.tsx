import Link from 'next/link'
import type { AuditEntry } from '@/lib/audit/list'
import { actionWords, cancelledWords, outcomeWords } from './audit-words'
import { LocalTime } from './local-time'

// The audit trail, newest first: who asked for what, for which client, and
// what became of it. On a narrow screen the time, the person and the client
// move to a line under the action, as in the tickets list.

const GONE = 'A record no longer in the portal'

function Entity({ entry }: { entry: AuditEntry }) {
  const summary = entry.entitySummary ?? GONE
  const linked = entry.entityType === 'ticket' && entry.entitySummary
  return (
    <span className="row-facts">
      {linked ? (
        <Link href={`/tickets/${entry.entityId}`}>{summary}</Link>
      ) : (
        summary
      )}
      {cancelledWords(entry)}
    </span>
  )
}

function NarrowFacts({ entry }: { entry: AuditEntry }) {
  return (
    <span className="narrow-only row-facts">
      <LocalTime iso={entry.at} /> · {entry.actorEmail} ·{' '}
      {entry.clientName ?? 'Unknown client'}
    </span>
  )
}

function Outcome({ entry }: { entry: AuditEntry }) {
  const outcome = outcomeWords(entry)
  if (!outcome) {
    return (
      <>
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">done when recorded</span>
      </>
    )
  }
  if (outcome.tone === 'done') {
    return <span className="status">{outcome.words}</span>
  }
  const tone = outcome.tone === 'failed' ? 'badge-failed' : 'badge-pending'
  return <span className={`badge ${tone}`}>{outcome.words}</span>
}

function AuditRow({ entry }: { entry: AuditEntry }) {
  return (
    <tr>
      <td className="when wide-only">
        <LocalTime iso={entry.at} />
      </td>
      <td className="who wide-only">
        {entry.actorEmail}
        <span className="row-facts">{entry.actorRole}</span>
      </td>
      <td className="wide-only">{entry.clientName ?? 'Unknown client'}</td>
      <td className="what">
        {actionWords(entry)}
        <Entity entry={entry} />
        <NarrowFacts entry={entry} />
      </td>
      <td>
        <Outcome entry={entry} />
      </td>
    </tr>
  )
}

const HEADINGS = [
  { label: 'When', wide: true },
  { label: 'Who', wide: true },
  { label: 'Client', wide: true },
  { label: 'What', wide: false },
  { label: 'Outcome', wide: false },
]

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  return (
    <div className="table-scroll">
      <table className="data-table audit">
        <caption className="visually-hidden">Audit trail, newest first</caption>
        <thead>
          <tr>
            {HEADINGS.map(({ label, wide }) => (
              <th
                key={label}
                scope="col"
                className={wide ? 'wide-only' : undefined}
              >
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <AuditRow key={entry.id} entry={entry} />
          ))}
        </tbody>
      </table>
    </div>
  )
}
