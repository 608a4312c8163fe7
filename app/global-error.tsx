'use client'

import './globals.css'

// Only when the root layout itself failed; then no header or styles of the
// layout exist, so this page brings its own.

export default function GlobalError({ retry }: { retry: () => void }) {
  return (
    <html lang="en">
      <body>
        <main id="main" className="page">
          <section className="panel" role="alert">
            <h1>The portal is not available</h1>
            <p>
              Try again in a minute; if it keeps happening, call the service
              desk.
            </p>
            <button type="button" className="button" onClick={retry}>
              Try again
            </button>
          </section>
        </main>
      </body>
    </html>
  )
}
