import { type Chaos, defaultChaos } from './chaos'
import { createSeededStore } from './seed'
import { createStats, type Stats } from './stats'
import type { Store } from './store'
import type { Tokens } from './tokens'

export interface Credentials {
  clientId: string
  clientSecret: string
}

/** Everything one simulator instance holds; handlers read and change it. */
export interface SimulatorState {
  store: Store
  tokens: Tokens
  chaos: Chaos
  stats: Stats
  credentials: Credentials
  startedAt: Date
  seedTickets: boolean
}

export function createState(
  credentials: Credentials,
  seedTickets: boolean,
  saved?: Store,
): SimulatorState {
  const startedAt = new Date()
  return {
    store: saved ?? createSeededStore(startedAt, seedTickets),
    tokens: new Map(),
    chaos: defaultChaos(),
    stats: createStats(),
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
}
