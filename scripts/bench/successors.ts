import pg from 'pg'
import type { BenchStack } from './stack'

// How long a write waits after the one before it on the same ticket has
// finished: edits of a few tickets, then the gaps read from job_attempts.

const TICKETS = 5
const EDITS = 6

export async function measureSuccessorWait(
  stack: BenchStack,
  databaseUrl: string,
) {
  const ids = await acceptEdits(stack)
  await stack.waitForNoPending(120_000)
  const gaps = await successorGaps(databaseUrl, ids)
  gaps.sort((a, b) => a - b)
  const at = (q: number) =>
    gaps[Math.min(gaps.length - 1, Math.floor(q * gaps.length))]
  return {
    samples: gaps.length,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    maxMs: gaps.at(-1),
  }
}

async function acceptEdits(stack: BenchStack) {
  const ids: string[] = []
  for (let t = 0; t < TICKETS; t++) {
    const { ticket } = await stack.post('/api/tickets', {
      summary: `Bench order ${stack.runId} #${t}`,
      details: 'v0',
    })
    ids.push(ticket.id)
  }
  for (let v = 1; v <= EDITS; v++) {
    for (const id of ids) {
      await stack.patch(`/api/tickets/${id}`, { details: `v${v}` })
    }
  }
  return ids
}

async function successorGaps(databaseUrl: string, ids: string[]) {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query<{ gap_ms: number }>(
      `SELECT extract(epoch FROM started_at - lag(finished_at) OVER w) * 1000
              AS gap_ms
         FROM job_attempts
        WHERE entity_id = ANY($1::uuid[]) AND outcome = 'succeeded'
       WINDOW w AS (PARTITION BY entity_id ORDER BY started_at)`,
      [ids],
    )
    return rows.map((row) => Number(row.gap_ms)).filter((gap) => gap > 0)
  } finally {
    await client.end()
  }
}
