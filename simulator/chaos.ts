import { z } from 'zod'

// Failure injection for /api and /auth, set through PUT /__sim/chaos.

const MAX_DELAY_MS = 600_000

// A route as stats.byRoute names it: `POST /api/Tickets`,
// `GET /api/Tickets/{id}`, or the bare path of a request no route matched.
const ROUTE_KEY = /^[A-Za-z]+ \/\S*$/

const faultSchema = z
  .strictObject({
    route: z.string().regex(ROUTE_KEY, 'must look like "POST /api/Tickets"'),
    /** Matching requests left to fault; an entry at 0 is spent. */
    times: z.int().min(0).max(1_000_000),
    /** Answer this status with a plain-text body instead of handling. */
    status: z.int().min(400).max(599).optional(),
    /** Handle the request (its write happens) but cut the connection. */
    dropResponse: z.boolean().optional(),
    /** Extra delay for a matching request, on top of latencyMs. */
    latencyMs: z.int().min(0).max(MAX_DELAY_MS).optional(),
  })
  .refine((fault) => !(fault.status && fault.dropResponse), {
    message: 'status and dropResponse cannot both be set',
  })

const rateLimitSchema = z.strictObject({
  limit: z.int().min(1).max(1_000_000),
  windowMs: z.int().min(1).max(3_600_000),
  retryAfter: z.boolean().default(true),
})

export const chaosPatchSchema = z.strictObject({
  latencyMs: z.int().min(0).max(MAX_DELAY_MS).optional(),
  latencyJitterMs: z.int().min(0).max(MAX_DELAY_MS).optional(),
  errorRate: z.number().min(0).max(1).optional(),
  down: z.boolean().optional(),
  rateLimit: rateLimitSchema.nullable().optional(),
  faults: z.array(faultSchema).max(100).optional(),
})

export type ChaosPatch = z.infer<typeof chaosPatchSchema>
export type Chaos = Required<ChaosPatch>
export type Fault = z.infer<typeof faultSchema>
export type RateLimit = z.infer<typeof rateLimitSchema>

export function defaultChaos(): Chaos {
  return {
    latencyMs: 0,
    latencyJitterMs: 0,
    errorRate: 0,
    down: false,
    rateLimit: null,
    faults: [],
  }
}

/**
 * Merges a patch into the settings; an empty patch means "back to normal".
 * `faults` replaces the whole list.
 */
export function applyChaosPatch(current: Chaos, patch: ChaosPatch): Chaos {
  if (Object.keys(patch).length === 0) return defaultChaos()
  return { ...current, ...patch }
}

/** Decided once per request, before the request does anything. */
export function shouldFail(chaos: Chaos): boolean {
  return chaos.errorRate > 0 && Math.random() < chaos.errorRate
}

/** latencyMs plus a fresh random share of latencyJitterMs. */
export function drawDelay(chaos: Chaos): number {
  return chaos.latencyMs + Math.random() * chaos.latencyJitterMs
}

/**
 * Takes one use of the first unspent fault for this route, matched without
 * regard to case as Halo's paths are.
 */
export function takeFault(chaos: Chaos, route: string): Fault | undefined {
  const wanted = route.toLowerCase()
  const fault = chaos.faults.find(
    (entry) => entry.times > 0 && entry.route.toLowerCase() === wanted,
  )
  if (fault) fault.times -= 1
  return fault
}
