import { type APIResponse, expect, test } from '@playwright/test'
import {
  apiAs,
  copiesInHalo,
  deliverMarker,
  expectUnchanged,
  FROM_PORTAL,
  landedTicketOf,
  lastWriteSeq,
  ticketsOf,
  uniqueSummary,
  writesToTicketSince,
} from './support'

// Bodies no form of the portal sends: too large, not JSON, or JSON of the
// wrong shape. Each is refused with field errors a client can show, and
// none of them reaches the cache or Halo.

const ONE_MB = 1024 * 1024

/** A body, the status it gets, and the fields its errors must name. */
type Bad = [what: string, body: string | Buffer, status: number, at: string[]]

function badBodies(summary: string): Bad[] {
  const huge = JSON.stringify({ summary, details: 'x'.repeat(ONE_MB) })
  return [
    ['a 1 MB body', huge, 413, ['body']],
    ['JSON cut short', `{"summary": "${summary}",`, 400, ['body']],
    ['a form instead of JSON', `summary=${summary}&details=x`, 400, ['body']],
    ['an empty body', '', 400, ['body']],
    ['a JSON array', `["${summary}", "details"]`, 400, ['body']],
    ['JSON null', 'null', 400, ['body']],
    [
      'bytes that are not UTF-8',
      Buffer.from([0x7b, 0xff, 0xfe, 0x7d]),
      400,
      ['body'],
    ],
    [
      'numbers and a list where text goes',
      '{"summary": 4242, "details": ["jammed"]}',
      400,
      ['details', 'summary'],
    ],
    [
      'an object and a boolean where text goes',
      '{"summary": {"$ne": ""}, "details": true}',
      400,
      ['details', 'summary'],
    ],
  ]
}

async function refusesEach(
  send: (body: string | Buffer) => Promise<APIResponse>,
  summary: string,
) {
  for (const [what, body, status, fields] of badBodies(summary)) {
    const response = await send(body)
    expect.soft(response.status(), what).toBe(status)
    const answer = (await response.json()) as {
      errors?: Record<string, string[]>
    }
    expect.soft(Object.keys(answer.errors ?? {}).sort(), what).toEqual(fields)
    for (const messages of Object.values(answer.errors ?? {})) {
      expect.soft(messages, what).toEqual([expect.any(String)])
    }
  }
}

const JSON_TYPE = { ...FROM_PORTAL, 'content-type': 'application/json' }

test('a new ticket with a malformed or oversize body is refused, naming what is wrong, and nothing is written', async ({
  request,
}) => {
  const api = await apiAs('customer-a@example.com')
  const before = (await ticketsOf(api)).map((ticket) => ticket.id)
  const summary = uniqueSummary('Refused body')
  await refusesEach(
    (data) => api.post('/api/tickets', { data, headers: JSON_TYPE }),
    summary,
  )

  expect((await ticketsOf(api)).map((ticket) => ticket.id)).toEqual(before)
  await deliverMarker(api, request)
  expect(await copiesInHalo(request, summary)).toBe(0)
})

test('an edit with a malformed or oversize body is refused, naming what is wrong, and nothing is written', async ({
  request,
}) => {
  const api = await apiAs('customer-a@example.com')
  const ticket = await landedTicketOf(api)
  const seq = await lastWriteSeq(request)
  await refusesEach(
    (data) =>
      api.patch(`/api/tickets/${ticket.id}`, { data, headers: JSON_TYPE }),
    uniqueSummary('Refused edit'),
  )

  await expectUnchanged(api, ticket)
  await deliverMarker(api, request)
  expect(await writesToTicketSince(request, seq, ticket.haloId)).toEqual([])
})
