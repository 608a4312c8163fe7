import Link from 'next/link'

// A record the portal has never had a copy of, while the service desk is
// not answering: a passing state, so it reads as a notice with a way on.

export function NotLoadedPanel({
  message,
  retryHref,
}: {
  message: string
  retryHref: string
}) {
  return (
    <section className="panel" aria-labelledby="not-loaded-title">
      <h2 id="not-loaded-title">Not available yet</h2>
      <p>{message}</p>
      <p>
        <Link href={retryHref} className="button" prefetch={false}>
          Try again
        </Link>
      </p>
    </section>
  )
}
