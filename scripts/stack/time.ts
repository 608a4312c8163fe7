import { setTimeout as sleep } from 'node:timers/promises'

/** Whether the promise settled within the time; it is not cancelled. */
export async function settlesWithin(
  promise: Promise<unknown>,
  ms: number,
): Promise<boolean> {
  const timeout = new AbortController()
  const settled = promise.then(
    () => true,
    () => true,
  )
  const expired = sleep(ms, false, { signal: timeout.signal }).catch(
    () => false,
  )
  const result = await Promise.race([settled, expired])
  timeout.abort()
  return result
}
