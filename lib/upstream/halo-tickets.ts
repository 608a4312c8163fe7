import { z } from 'zod'
import type { HaloClient } from './halo'

// Halo's tickets ("Faults" in its API description), only the fields the
// portal uses. Unknown fields are kept out; missing optional ones are null.

/** Halo caps a page at 100 records on hosted tenants. */
export const HALO_PAGE_SIZE = 100

const haloDate = z.iso.datetime({ offset: true, local: true })

export const haloTicketSchema = z.object({
  id: z.number().int(),
  summary: z.string().default(''),
  details: z
    .string()
    .nullish()
    .transform((value) => value ?? ''),
  status_id: z.number().int(),
  client_id: z.number().int(),
  client_name: z.string().nullish(),
  user_id: z.number().int().nullish(),
  dateoccurred: haloDate.nullish(),
  last_update: haloDate.nullish(),
  third_party_id_string: z.string().nullish(),
})

export type HaloTicket = z.infer<typeof haloTicketSchema>

const ticketPageSchema = z.object({
  record_count: z.number().int(),
  tickets: z.array(haloTicketSchema),
})

export interface NewHaloTicket {
  summary: string
  details: string
  client_id: number
  user_id?: number
  /** The portal's mutation id: the mark a re-run looks for. */
  third_party_id_string: string
}

interface ListFilter {
  clientId?: number
  updatedSince?: Date
}

/** Every ticket matching the filter, following Halo's paging to the end. */
export async function listHaloTickets(
  halo: HaloClient,
  filter: ListFilter,
  signal: AbortSignal,
): Promise<HaloTicket[]> {
  const tickets: HaloTicket[] = []
  for (let page = 1; ; page++) {
    const answer = ticketPageSchema.parse(
      await halo.request('Tickets', {
        query: {
          pageinate: true,
          page_size: HALO_PAGE_SIZE,
          page_no: page,
          client_id: filter.clientId,
          lastupdatefromdate: filter.updatedSince?.toISOString(),
        },
        signal,
      }),
    )
    tickets.push(...answer.tickets)
    const done =
      answer.tickets.length === 0 || tickets.length >= answer.record_count
    if (done) return tickets
  }
}

export async function getHaloTicket(
  halo: HaloClient,
  id: number,
  signal: AbortSignal,
): Promise<HaloTicket> {
  const answer = await halo.request(`Tickets/${id}`, { signal })
  return haloTicketSchema.parse(answer)
}

/**
 * Creates one ticket. Halo takes an array and answers with the saved
 * record, or an array of them; both are accepted.
 */
export async function createHaloTicket(
  halo: HaloClient,
  ticket: NewHaloTicket,
  signal: AbortSignal,
): Promise<HaloTicket> {
  const answer = await halo.request('Tickets', {
    method: 'POST',
    body: [ticket],
    signal,
  })
  const saved = Array.isArray(answer) ? answer[0] : answer
  return haloTicketSchema.parse(saved)
}

/**
 * The ticket an earlier attempt created with this mark, if any. Halo cannot
 * filter on third_party_id_string, so this reads the client's tickets updated since
 * the attempt and looks for the mark among them.
 */
export async function findHaloTicketByMark(
  halo: HaloClient,
  mark: { clientId: number; since: Date; thirdPartyId: string },
  signal: AbortSignal,
): Promise<HaloTicket | undefined> {
  const recent = await listHaloTickets(
    halo,
    { clientId: mark.clientId, updatedSince: mark.since },
    signal,
  )
  return recent.find(
    (ticket) => ticket.third_party_id_string === mark.thirdPartyId,
  )
}
