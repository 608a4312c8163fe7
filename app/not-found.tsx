import Link from 'next/link'

export default function NotFound() {
  return (
    <section className="panel" aria-labelledby="not-found-title">
      <h1 id="not-found-title">Page not found</h1>
      <p>There is nothing at this address. The link may be old or mistyped.</p>
      <p>
        <Link href="/tickets">Go to your tickets</Link>
      </p>
    </section>
  )
}
