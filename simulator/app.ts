import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { type Logger, pino } from 'pino'
import { loadStore, saveStore } from './persistence'
import { handleRequest } from './pipeline'
import { createState } from './state'

// A stand-in HaloPSA tenant over real HTTP. See README.md for the endpoints.

export interface SimulatorOptions {
  /**
   * Load the demo tickets. Default true. Clients and users are loaded
   * either way, since no ticket can be created without a client.
   */
  seed?: boolean
  /** The one accepted client id. Default `portal-demo`. */
  clientId?: string
  /** Its secret. Default `portal-demo-secret`. */
  clientSecret?: string
  /** Where handler failures are logged. Default: a pino logger at `warn`. */
  logger?: Logger
  /**
   * Keep the tenant's records in this JSON file across restarts. Default:
   * none, every start begins from the seed.
   */
  dataFile?: string
}

export interface Simulator {
  /** Resolves the base URL, with the real port when `port` is 0. */
  listen(port: number, host?: string): Promise<string>
  close(): Promise<void>
  /** The base URL once listening; an empty string before. */
  readonly url: string
}

export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const state = createState(
    {
      clientId: options.clientId ?? 'portal-demo',
      clientSecret: options.clientSecret ?? 'portal-demo-secret',
    },
    options.seed ?? true,
    options.dataFile ? loadStore(options.dataFile) : undefined,
  )
  const log = options.logger ?? pino({ level: 'warn' })
  let closing = new AbortController()
  let url = ''
  const persist = () => {
    if (!options.dataFile) return
    try {
      saveStore(options.dataFile, state.store)
    } catch (error) {
      log.error({ err: error, file: options.dataFile }, 'could not save')
    }
  }

  const server = createServer((req, res) => {
    const deps = { state, log, signal: closing.signal }
    handleRequest(req, res, deps)
      .catch((error: unknown) => {
        if (!closing.signal.aborted) log.error({ err: error }, 'request failed')
        res.destroy()
      })
      .finally(() => {
        if (req.method !== 'GET') persist()
      })
  })

  return {
    get url() {
      return url
    },
    async listen(port, host = '127.0.0.1') {
      closing = new AbortController()
      url = await startListening(server, port, host)
      return url
    },
    async close() {
      closing.abort()
      await stopListening(server)
      persist()
    },
  }
}

function startListening(server: Server, port: number, host: string) {
  return new Promise<string>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      const { port: actual } = server.address() as AddressInfo
      const name = host.includes(':') ? `[${host}]` : host
      resolve(`http://${name}:${actual}`)
    })
  })
}

// Idle keep-alive connections would hold close() open, so they are cut.
function stopListening(server: Server) {
  return new Promise<void>((resolve, reject) => {
    if (!server.listening) return resolve()
    server.close((error) => (error ? reject(error) : resolve()))
    server.closeAllConnections()
  })
}
