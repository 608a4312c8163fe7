import { errorMessage, log } from '../log'
import { l1Get, l1Set } from './l1'

// The only road from a request to an upstream: a missing or stale cache
// entry is refreshed here, once per key however many requests miss at the
// same moment, within a deadline. A refresh that fails is remembered for a
// short cooldown so that a down upstream costs each reader nothing while a
// cached copy exists.

const inFlight = new Map<string, Promise<void>>()

export type RefreshOutcome =
  | { ok: true }
  | { ok: false; reason: 'failed' | 'cooling-down'; error: string }

export interface RefreshOptions {
  /** Names the cache entry: one upstream call per key at a time. */
  key: string
  /** Checked again inside the flight, so a latecomer skips a done refresh. */
  isFresh: () => Promise<boolean>
  /** Writes the upstream's answer through to the cache. */
  refresh: () => Promise<void>
  /** Remember a failure this long and skip the upstream meanwhile. */
  cooldownMs: number
}

export async function refreshEntry(
  options: RefreshOptions,
): Promise<RefreshOutcome> {
  const coolingKey = `refresh-failed:${options.key}`
  const lastError = l1Get<string>(coolingKey)
  if (lastError) return { ok: false, reason: 'cooling-down', error: lastError }
  try {
    await shared(options.key, async () => {
      if (await options.isFresh()) return
      try {
        await options.refresh()
      } catch (error) {
        const message = errorMessage(error)
        log.warn({ key: options.key, err: message }, 'cache refresh failed')
        if (options.cooldownMs > 0) {
          l1Set(coolingKey, message, options.cooldownMs)
        }
        throw error
      }
    })
    return { ok: true }
  } catch (error) {
    return { ok: false, reason: 'failed', error: errorMessage(error) }
  }
}

function shared(key: string, run: () => Promise<void>) {
  const running = inFlight.get(key)
  if (running) return running
  const started = run().finally(() => inFlight.delete(key))
  inFlight.set(key, started)
  return started
}
