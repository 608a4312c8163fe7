// Runs once when the web server starts, before it takes requests: opens the
// database pool and pg-boss now, so that the first user's request does not
// pay for them.

export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { warmUp } = await import('./lib/warm-up')
  await warmUp()
}
