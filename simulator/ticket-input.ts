import { z } from 'zod'
import { HttpError } from './http'

// The fields of a posted ticket the simulator keeps, typed as Halo's `Faults`
// schema types them. Other fields are dropped, as Halo drops fields it does
// not know; Faults fields outside this list are dropped too, which is where
// the simulator is narrower than Halo. Every Faults field is nullable, and
// Halo treats null as "not supplied", so nulls are removed before use.
const int32 = z.int32()
const dateTime = z.iso.datetime({ offset: true, local: true })

export const ticketInputSchema = z.object({
  id: int32.positive().nullish(),
  summary: z.string().nullish(),
  details: z.string().nullish(),
  status_id: int32.nullish(),
  tickettype_id: int32.nullish(),
  priority_id: int32.nullish(),
  client_id: int32.nullish(),
  user_id: int32.nullish(),
  dateoccurred: dateTime.nullish(),
  last_update: dateTime.nullish(),
  // Halo's Faults schema types third_party_id as int32; text belongs in
  // third_party_id_string. A real tenant cannot store a string here.
  third_party_id: z
    .int32({
      error: 'must be an int32 in Halo; put text in third_party_id_string',
    })
    .nullish(),
  third_party_id_string: z.string().nullish(),
})

type Parsed = z.infer<typeof ticketInputSchema>
export type TicketInput = { [K in keyof Parsed]?: NonNullable<Parsed[K]> }

/** Parses every record of a POST body; the first problem is a 400. */
export function parseTicketInputs(body: unknown): TicketInput[] {
  if (!Array.isArray(body)) {
    throw new HttpError(
      400,
      'POST /Tickets takes a JSON array of tickets, even for one ticket',
    )
  }
  return body.map((record, index) => parseOne(record, index, body.length))
}

function parseOne(record: unknown, index: number, count: number) {
  const result = ticketInputSchema.safeParse(record)
  if (result.success) return withoutNulls(result.data)

  const issue = result.error.issues[0]
  const field = issue?.path.join('.') || 'record'
  const where = count > 1 ? ` (record ${index + 1} of ${count})` : ''
  throw new HttpError(400, `${field}: ${issue?.message}${where}`)
}

function withoutNulls(parsed: Parsed): TicketInput {
  const entries = Object.entries(parsed).filter(([, value]) => value != null)
  return Object.fromEntries(entries) as TicketInput
}
