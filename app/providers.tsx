'use client'

import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { type ReactNode, useState } from 'react'

// One query client per browser tab, made once so that re-renders of the
// layout do not throw its cache away.

const FRESH_FOR_MS = 5_000

function createQueryClient() {
  return new QueryClient({
    // Server-rendered data is fresh on arrival; without a stale time every
    // page would fetch again the moment it hydrates.
    defaultOptions: { queries: { staleTime: FRESH_FOR_MS, retry: 1 } },
  })
}

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient)
  return (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  )
}
