import { LRUCache } from 'lru-cache'

// The in-process first level: small, hot values (upstream tokens, catalogs,
// recent upstream failures). Everything here may vanish at any time; the
// PostgreSQL cache is the one that counts.

const MAX_ENTRIES = 1000

type Value = NonNullable<unknown>

const l1 = new LRUCache<string, Value>({
  max: MAX_ENTRIES,
  ttlAutopurge: false,
})

export function l1Get<T extends Value>(key: string): T | undefined {
  return l1.get(key) as T | undefined
}

export function l1Set(key: string, value: Value, ttlMs: number) {
  l1.set(key, value, { ttl: ttlMs })
}

export function l1Delete(key: string) {
  l1.delete(key)
}
