import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'

// The portal for the benchmark: `scripts/start.ts` in a child process, on
// its own ports and data folder, signed in as a demo customer.

const PORT = 3200
const SIM_PORT = 4210
const PG_PORT = 54_359
const READY_TIMEOUT_MS = 180_000
const POLL_MS = 250

export interface BenchStack {
  baseUrl: string
  databaseUrl: string
  cookie: string
  post(path: string, body: object): Promise<{ ticket: { id: string } }>
  patch(path: string, body: object): Promise<unknown>
  runId: string
  chaos(settings: object): Promise<void>
  simStats(): Promise<{ created: { tickets: number } }>
  waitForCreated(
    total: number,
    timeoutMs: number,
  ): Promise<{ ok: boolean; at: number; created: number }>
  duplicateSummaries(): Promise<number>
  waitForNoPending(timeoutMs: number): Promise<{ at: number; pending: number }>
  stop(): Promise<void>
}

export async function startBenchStack(): Promise<BenchStack> {
  const baseUrl = `http://127.0.0.1:${PORT}`
  const simUrl = `http://127.0.0.1:${SIM_PORT}`
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/start.ts'],
    {
      env: {
        ...process.env,
        PORT: String(PORT),
        SIM_PORT: String(SIM_PORT),
        EMBEDDED_PG_PORT: String(PG_PORT),
        EMBEDDED_PG_DIR: '.data/bench-postgres',
        SIM_DATA_FILE: '.data/bench-halo-simulator.json',
        DATABASE_URL: '',
        HALO_URL: '',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  )
  await waitUntil(async () => (await fetch(`${baseUrl}/api/health`)).ok)
  const cookie = await signIn(baseUrl)
  const runId = Date.now().toString(36)
  const sim = async (path: string, init?: RequestInit) =>
    (await fetch(`${simUrl}${path}`, init)).json()
  const api = async (path: string) =>
    (await fetch(`${baseUrl}${path}`, { headers: { cookie } })).json()
  const send = (method: string) => async (path: string, body: object) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { cookie, origin: baseUrl, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    if (response.status !== 202) throw new Error(`${path}: ${response.status}`)
    return response.json()
  }
  return {
    baseUrl,
    databaseUrl: `postgresql://portal:portal@127.0.0.1:${PG_PORT}/portal`,
    cookie,
    post: send('POST'),
    patch: send('PATCH'),
    runId,
    chaos: async (settings) => {
      await sim('/__sim/chaos', {
        method: 'PUT',
        body: JSON.stringify(settings),
      })
    },
    simStats: () => sim('/__sim/stats'),
    waitForCreated: (total, timeoutMs) =>
      waitForCreated(() => sim('/__sim/stats'), total, timeoutMs),
    duplicateSummaries: async () => {
      const tickets = (await sim('/__sim/store/tickets')) as {
        summary: string
      }[]
      const ours = tickets.filter((t) => t.summary.includes(runId))
      return ours.length - new Set(ours.map((t) => t.summary)).size
    },
    waitForNoPending: async (timeoutMs) => {
      const pending = async () => {
        const { tickets } = await api('/api/tickets')
        return tickets.filter((t: { pendingWrite: boolean }) => t.pendingWrite)
          .length as number
      }
      const deadline = Date.now() + timeoutMs
      let left = await pending()
      while (left > 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS))
        left = await pending()
      }
      return { at: Date.now(), pending: left }
    },
    stop: () => stop(child),
  }
}

async function signIn(baseUrl: string) {
  const response = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    // Writes from elsewhere than the portal's own pages are refused.
    headers: { origin: baseUrl, 'content-type': 'application/json' },
    body: JSON.stringify({
      email: 'customer-a@example.com',
      password: process.env.DEMO_PASSWORD ?? 'demo',
    }),
  })
  const cookie = response.headers.get('set-cookie')?.split(';')[0]
  if (!response.ok || !cookie) throw new Error(`sign-in: ${response.status}`)
  return cookie
}

async function waitForCreated(
  stats: () => Promise<{ created: { tickets: number } }>,
  total: number,
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const created = (await stats()).created.tickets
    if (created >= total) return { ok: true, at: Date.now(), created }
    if (Date.now() > deadline) return { ok: false, at: Date.now(), created }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
  }
}

async function waitUntil(check: () => Promise<boolean>) {
  const deadline = Date.now() + READY_TIMEOUT_MS
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
  }
  throw new Error('the portal did not become healthy in time')
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return
  child.kill('SIGTERM')
  await once(child, 'exit')
}
