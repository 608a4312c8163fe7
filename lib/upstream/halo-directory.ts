import { z } from 'zod'
import type { HaloClient } from './halo'

// Halo's clients (the portal's tenants) and their end users.

const haloClientSchema = z.object({ id: z.number().int(), name: z.string() })
const haloUserSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  emailaddress: z.string().nullish(),
  client_id: z.number().int(),
})

export type HaloCompany = z.infer<typeof haloClientSchema>
export type HaloUser = z.infer<typeof haloUserSchema>

export async function listHaloClients(halo: HaloClient, signal: AbortSignal) {
  const answer = await halo.request('Client', {
    query: { pageinate: true, page_size: 100, page_no: 1 },
    signal,
  })
  return z.object({ clients: z.array(haloClientSchema) }).parse(answer).clients
}

/** End users whose name or email matches the search. */
export async function findHaloUsers(
  halo: HaloClient,
  search: string,
  signal: AbortSignal,
) {
  const answer = await halo.request('Users', { query: { search }, signal })
  return z.object({ users: z.array(haloUserSchema) }).parse(answer).users
}
