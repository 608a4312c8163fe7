import { queryOptions } from '@tanstack/react-query'
import type { TicketList, TicketView } from '@/lib/tickets/view'

// How the browser keeps ticket pages current. The server page renders the
// first copy; these queries ask the portal's own JSON routes again only
// while a write is pending, so a Pending badge clears without a reload.

export const POLL_WHILE_PENDING_MS = 1_000

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { cache: 'no-store' })
  const body: { error?: string } | null = await response
    .json()
    .catch(() => null)
  if (!response.ok) {
    throw new Error(body?.error ?? `The portal answered ${response.status}.`)
  }
  return body as T
}

function pollWhile(pending: boolean): number | false {
  return pending ? POLL_WHILE_PENDING_MS : false
}

export function ticketListQuery(initialData: TicketList) {
  return queryOptions({
    queryKey: ['tickets'],
    queryFn: () => getJson<TicketList>('/api/tickets'),
    initialData,
    // Each visit starts from the server's render, which has just read the
    // cache; a copy kept from an earlier visit could only be older.
    gcTime: 0,
    refetchInterval: (query) =>
      pollWhile(Boolean(query.state.data?.tickets.some((t) => t.pendingWrite))),
  })
}

/** One ticket's key; an accepted edit is put there to show at once. */
export function ticketKey(id: string) {
  return ['tickets', id]
}

export function ticketQuery(initialData: TicketView) {
  const url = `/api/tickets/${encodeURIComponent(initialData.id)}`
  return queryOptions({
    queryKey: ticketKey(initialData.id),
    queryFn: async () => (await getJson<{ ticket: TicketView }>(url)).ticket,
    initialData,
    gcTime: 0,
    refetchInterval: (query) =>
      pollWhile(Boolean(query.state.data?.pendingWrite)),
  })
}
