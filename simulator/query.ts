import { HttpError } from './http'

// Query-string readers. Halo binds parameters to typed arguments, so a value
// that is not the right type is a 400, not a silently ignored filter.

export function intParam(url: URL, name: string): number | undefined {
  const raw = url.searchParams.get(name)
  if (raw === null || raw === '') return undefined
  if (!/^-?\d+$/.test(raw)) throw badParam(name, 'an integer', raw)
  return Number(raw)
}

export function boolParam(url: URL, name: string): boolean {
  const raw = url.searchParams.get(name)?.toLowerCase()
  if (raw === undefined || raw === '' || raw === 'false') return false
  if (raw === 'true' || raw === '1') return true
  throw badParam(name, 'true or false', raw)
}

export function intListParam(url: URL, name: string): number[] | undefined {
  const raw = url.searchParams.get(name)
  if (raw === null || raw === '') return undefined
  const parts = raw.split(',').map((part) => part.trim())
  if (parts.some((part) => !/^\d+$/.test(part))) {
    throw badParam(name, 'a comma-separated list of integers', raw)
  }
  return parts.map(Number)
}

/** A date-time parameter as epoch ms. */
export function dateParam(url: URL, name: string): number | undefined {
  const raw = url.searchParams.get(name)
  if (raw === null || raw === '') return undefined
  const time = Date.parse(raw)
  if (Number.isNaN(time)) throw badParam(name, 'an ISO date-time', raw)
  return time
}

function badParam(name: string, want: string, got: string): HttpError {
  return new HttpError(400, `${name} must be ${want}, got "${got}"`)
}
