import type { Env } from '../../lib/env'
import { log } from '../../lib/log'
import type { HaloConfig } from '../../lib/upstream/halo'
import { createSimulator } from '../../simulator/app'
import { listenProblem } from './ports'

// The Halo the portal talks to: HALO_URL's tenant, or the simulator run in
// this process on 127.0.0.1:SIM_PORT with its demo tickets.

/** The simulator accepts exactly these; the children are given them. */
const SIMULATOR_CLIENT_ID = 'portal-demo'
const SIMULATOR_CLIENT_SECRET = 'portal-demo-secret'
const SIMULATOR_HOST = '127.0.0.1'

export interface Upstream {
  config: HaloConfig
  /** Closes the simulator; absent for a real tenant. */
  stop?: () => Promise<void>
}

export async function openUpstream(
  env: Env,
  halo: HaloConfig | undefined,
): Promise<Upstream> {
  if (halo) return { config: halo }

  const simulator = createSimulator({
    seed: true,
    clientId: SIMULATOR_CLIENT_ID,
    clientSecret: SIMULATOR_CLIENT_SECRET,
    logger: log.child({ component: 'halo-simulator' }),
    dataFile: env.SIM_DATA_FILE,
  })
  const baseUrl = await simulator
    .listen(env.SIM_PORT, SIMULATOR_HOST)
    .catch((error: NodeJS.ErrnoException) => {
      throw listenProblem('SIM_PORT', SIMULATOR_HOST, env.SIM_PORT, error)
    })
  log.info({ url: baseUrl }, 'Halo simulator listening')
  const config = {
    baseUrl,
    clientId: SIMULATOR_CLIENT_ID,
    clientSecret: SIMULATOR_CLIENT_SECRET,
  }
  return { config, stop: () => simulator.close() }
}
