import type { HaloClient } from './halo'
import { type HaloTicket, haloTicketSchema } from './halo-tickets'

/** Halo updates with the same POST as a create, carrying the id. */
export async function updateHaloTicket(
  halo: HaloClient,
  update: { id: number; summary?: string; details?: string },
  signal: AbortSignal,
): Promise<HaloTicket> {
  const answer = await halo.request('Tickets', {
    method: 'POST',
    body: [update],
    signal,
  })
  return haloTicketSchema.parse(Array.isArray(answer) ? answer[0] : answer)
}
