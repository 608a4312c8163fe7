'use client'

import { useSyncExternalStore } from 'react'

// Times are shown in the reader's own time zone, which only the browser
// knows. The server writes UTC; the browser swaps in local time once it has
// hydrated, without a hydration mismatch.

const FORMATS = {
  date: { dateStyle: 'medium' },
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
} satisfies Record<string, Intl.DateTimeFormatOptions>

export type TimeFormat = keyof typeof FORMATS

const subscribeNever = () => () => {}

function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  )
}

function formatTime(iso: string, format: TimeFormat, local: boolean) {
  const date = new Date(iso)
  if (local) return date.toLocaleString(undefined, FORMATS[format])
  const utc = { ...FORMATS[format], timeZone: 'UTC' }
  const text = date.toLocaleString('en-GB', utc)
  return format === 'date' ? text : `${text} UTC`
}

export function LocalTime({
  iso,
  format = 'dateTime',
}: {
  iso: string
  format?: TimeFormat
}) {
  const hydrated = useHydrated()
  return <time dateTime={iso}>{formatTime(iso, format, hydrated)}</time>
}
