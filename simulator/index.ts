import { pino } from 'pino'
import { createSimulator } from './app'

// `tsx simulator/index.ts`: the simulated Halo tenant for development and
// the demo. SIM_HOST, SIM_PORT, HALO_CLIENT_ID and HALO_CLIENT_SECRET
// override the defaults below.

const log = pino({ name: 'halo-simulator' })

function readPort(raw: string | undefined): number {
  const port = Number(raw || 4010)
  if (Number.isInteger(port) && port >= 0 && port <= 65535) return port
  log.fatal({ SIM_PORT: raw }, 'SIM_PORT must be a port number (0-65535)')
  process.exit(1)
}

const clientId = process.env.HALO_CLIENT_ID || 'portal-demo'
const simulator = createSimulator({
  clientId,
  clientSecret: process.env.HALO_CLIENT_SECRET || 'portal-demo-secret',
  logger: log,
})

async function start(port: number, host: string) {
  try {
    const url = await simulator.listen(port, host)
    log.info({ url, clientId }, 'Halo simulator listening')
  } catch (error) {
    log.fatal({ err: error, host, port }, 'Halo simulator could not listen')
    process.exit(1)
  }
}

await start(readPort(process.env.SIM_PORT), process.env.SIM_HOST || '127.0.0.1')

async function shutdown(signal: string) {
  await simulator.close()
  log.info({ signal }, 'Halo simulator stopped')
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => void shutdown(signal))
}
