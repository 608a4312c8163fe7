import { z } from 'zod'
import type { HaloClient } from './halo'

// Halo's quotes ("QuotationHeader") and their approvals, only the fields
// the portal uses.

export const haloQuoteSchema = z.object({
  id: z.number().int(),
  title: z
    .string()
    .nullish()
    .transform((value) => value ?? ''),
  client_id: z.number().int(),
  client_name: z.string().nullish(),
  total: z
    .number()
    .nullish()
    .transform((value) => value ?? 0),
  approvalstate: z.number().int().nullish(),
  approvalnote: z.string().nullish(),
})

export type HaloQuote = z.infer<typeof haloQuoteSchema>

export interface HaloApproval {
  id: number
  result: boolean
  approvalname: string
  approvalemailaddress: string
  approvalnote?: string
}

export async function getHaloQuote(
  halo: HaloClient,
  id: number,
  signal: AbortSignal,
): Promise<HaloQuote> {
  return haloQuoteSchema.parse(
    await halo.request(`Quotation/${id}`, { signal }),
  )
}

/** Posts the customer's decision; Halo answers with the quote. */
export async function approveHaloQuote(
  halo: HaloClient,
  approval: HaloApproval,
  signal: AbortSignal,
) {
  await halo.request('Quotation/Approval', {
    method: 'POST',
    body: [approval],
    signal,
  })
}
