import { LocalTime } from './local-time'

// Shown when the service desk could not be asked just now, so the reader
// knows the copy in front of them may be behind.

export function StaleNotice({ asOf }: { asOf: string | null }) {
  const since = asOf && (
    <>
      {' from '}
      <LocalTime iso={asOf} />
    </>
  )
  return (
    <p className="notice notice-stale">
      Showing a saved copy{since}; the service desk is not answering right now.
    </p>
  )
}

export function RefreshProblem({ message }: { message: string }) {
  return (
    <p className="notice notice-quiet" aria-live="polite">
      Could not refresh just now: {message}
    </p>
  )
}
