import 'server-only'
import { isNotLoadedError } from '@/lib/errors'

// Pages show "not loaded yet" as a friendly panel, not as an error page:
// the cache has no copy and the service desk is not answering, which is
// expected to pass.

export type Loaded<T> = { ok: true; value: T } | { ok: false; message: string }

export async function loadOrExplain<T>(
  load: () => Promise<T>,
): Promise<Loaded<T>> {
  try {
    return { ok: true, value: await load() }
  } catch (error) {
    if (isNotLoadedError(error)) return { ok: false, message: error.message }
    throw error
  }
}
