import { type Chaos, defaultChaos } from './chaos'
import type { RateWindow } from './rate-limit'
import { createSeededStore } from './seed'
import { createStats, type Stats } from './stats'
import type { Store } from './store'
import type { Tokens } from './tokens'

export interface Credentials {
  clientId: string
  clientSecret: string
}

/** A notification the portal sent to POST /__sim/webhooks. */
export interface Webhook {
  at: string
  headers: Record<string, string | string[] | undefined>
  body: unknown
}

/** Everything one simulator instance holds; handlers read and change it. */
export interface SimulatorState {
  store: Store
  tokens: Tokens
  chaos: Chaos
  stats: Stats
  /** Admitted requests in the current rate-limit window. */
  rateWindow: RateWindow
  /** Quote id to the delay its next approval waits before it shows. */
  settleDelays: Map<number, number>
  webhooks: Webhook[]
  credentials: Credentials
  startedAt: Date
  seedTickets: boolean
}

/**
 * `saved` holds what a data file had; anything it lacks (a file written
 * before quotes existed, say) comes from the seed.
 */
export function createState(
  credentials: Credentials,
  seedTickets: boolean,
  saved?: Partial<Store>,
): SimulatorState {
  const startedAt = new Date()
  const seeded = createSeededStore(startedAt, seedTickets)
  return {
    store: { ...seeded, ...saved },
    tokens: new Map(),
    chaos: defaultChaos(),
    stats: createStats(),
    rateWindow: [],
    settleDelays: new Map(),
    webhooks: [],
    credentials,
    startedAt,
    seedTickets,
  }
}

/** Back to the state the simulator started in; issued tokens stay valid. */
export function resetState(state: SimulatorState): void {
  state.store = createSeededStore(state.startedAt, state.seedTickets)
  state.chaos = defaultChaos()
  state.stats = createStats()
  state.rateWindow = []
  state.settleDelays = new Map()
  state.webhooks = []
}
