import { z } from 'zod'
import { dateTime, int32, parseRecords, type Supplied } from './record-input'

// The fields of a posted ticket the simulator keeps, typed as Halo's `Faults`
// schema types them. Faults fields outside this list are dropped too, which
// is where the simulator is narrower than Halo. Every Faults field is
// nullable.
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

export type TicketInput = Supplied<z.infer<typeof ticketInputSchema>>

export function parseTicketInputs(body: unknown) {
  return parseRecords(
    body,
    ticketInputSchema,
    'POST /Tickets takes a JSON array of tickets, even for one ticket',
  )
}
