import { HttpError } from './http'
import { boolParam, intParam } from './query'

// Halo's list answers: `{ record_count, <plural>: [...] }`, plus `page_no`
// and `page_size` when the caller asked for `pageinate=true`. record_count
// is always the number of matching records, not the length of the page.

/** Hosted Halo never returns more than this many records in one answer. */
export const MAX_PAGE_SIZE = 100
const DEFAULT_PAGE_SIZE = 50

export function listReply<T>(plural: string, records: T[], url: URL) {
  if (!boolParam(url, 'pageinate')) {
    const first = records.slice(0, MAX_PAGE_SIZE)
    return { json: { record_count: records.length, [plural]: first } }
  }

  const { page_no, page_size } = readPaging(url)
  const start = (page_no - 1) * page_size
  const page = records.slice(start, start + page_size)
  return {
    json: { page_no, page_size, record_count: records.length, [plural]: page },
  }
}

function readPaging(url: URL) {
  const asked = intParam(url, 'page_size') ?? DEFAULT_PAGE_SIZE
  const page_no = intParam(url, 'page_no') ?? 1
  if (asked < 1) throw new HttpError(400, 'page_size must be at least 1')
  if (page_no < 1) throw new HttpError(400, 'page_no must be at least 1')

  return { page_no, page_size: Math.min(asked, MAX_PAGE_SIZE) }
}

type SortKey<T> = (record: T) => number | string

/**
 * Sorts by `order` (one of `keys`, case-insensitive) and `orderdesc`;
 * without `order` records come in id order, as Halo returns them.
 */
export function orderRecords<T extends { id: number }>(
  records: T[],
  url: URL,
  keys: Record<string, SortKey<T>>,
): T[] {
  const name = url.searchParams.get('order')?.toLowerCase() || 'id'
  const key = keys[name]
  if (!key) {
    const known = Object.keys(keys).join(', ')
    throw new HttpError(400, `order must be one of ${known}, got "${name}"`)
  }

  const direction = boolParam(url, 'orderdesc') ? -1 : 1
  const byKey = (a: T, b: T) => compare(key(a), key(b)) || a.id - b.id
  return [...records].sort((a, b) => direction * byKey(a, b))
}

function compare(a: number | string, b: number | string): number {
  if (a === b) return 0
  return a < b ? -1 : 1
}
