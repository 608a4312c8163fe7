import { z } from 'zod'

// Failure injection for /api and /auth, set through PUT /__sim/chaos.
export const chaosPatchSchema = z.strictObject({
  latencyMs: z.int().min(0).max(600_000).optional(),
  errorRate: z.number().min(0).max(1).optional(),
  down: z.boolean().optional(),
})

export type ChaosPatch = z.infer<typeof chaosPatchSchema>
export type Chaos = Required<ChaosPatch>

export function defaultChaos(): Chaos {
  return { latencyMs: 0, errorRate: 0, down: false }
}

/** Merges a patch into the settings; an empty patch means "back to normal". */
export function applyChaosPatch(current: Chaos, patch: ChaosPatch): Chaos {
  if (Object.keys(patch).length === 0) return defaultChaos()
  return { ...current, ...patch }
}

/** Decided once per request, before the request does anything. */
export function shouldFail(chaos: Chaos): boolean {
  return chaos.errorRate > 0 && Math.random() < chaos.errorRate
}
