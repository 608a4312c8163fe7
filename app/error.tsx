'use client'

// What a page shows when something unexpected failed on the server. The
// cause is in the server log under the reference; the reader gets a way on.

function referenceOf(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null
  const digest = (error as { digest?: unknown }).digest
  return typeof digest === 'string' ? digest : null
}

export default function ErrorPage({
  error,
  retry,
}: {
  error: unknown
  retry: () => void
}) {
  const reference = referenceOf(error)
  return (
    <section className="panel" role="alert" aria-labelledby="error-title">
      <h1 id="error-title">Something went wrong</h1>
      <p>
        This page could not be shown just now. Try again in a minute; if it
        keeps happening, call the service desk
        {reference ? ` and quote reference ${reference}` : ''}.
      </p>
      <p>
        <button type="button" className="button" onClick={retry}>
          Try again
        </button>
      </p>
    </section>
  )
}
