import { mkdir, writeFile } from 'node:fs/promises'
import autocannon from 'autocannon'
import { type BenchStack, startBenchStack } from './stack'
import { measureSuccessorWait } from './successors'

// `npm run bench`: the whole portal as `npm start` runs it, on ports and a
// data folder of its own, measured from outside over HTTP. Results are
// ratios within this one run (a request's latency against the upstream's),
// written to bench-results/latest.json. No assertion here: the numbers are
// for people and for the issue notes.

const UPSTREAM_LATENCY_MS = 5000
const WRITES = 30
const LAND_TIMEOUT_MS = 120_000

async function main() {
  const stack = await startBenchStack()
  try {
    const report = await measure(stack)
    await mkdir('bench-results', { recursive: true })
    await writeFile(
      'bench-results/latest.json',
      JSON.stringify(report, null, 2),
    )
    console.log(JSON.stringify(report, null, 2))
  } finally {
    await stack.stop()
  }
}

async function measure(stack: BenchStack) {
  await stack.chaos({})
  const readsFast = await load(stack, { path: '/api/tickets', duration: 5 })
  await stack.chaos({ latencyMs: UPSTREAM_LATENCY_MS })
  const readsSlowUpstream = await load(stack, {
    path: '/api/tickets',
    duration: 5,
  })
  const before = await stack.simStats()
  const started = Date.now()
  const writes = await load(stack, {
    path: '/api/tickets',
    method: 'POST',
    amount: WRITES,
    connections: 5,
  })
  const landing = await stack.waitForCreated(
    before.created.tickets + WRITES,
    LAND_TIMEOUT_MS,
  )
  const settled = await stack.waitForNoPending(LAND_TIMEOUT_MS)
  await stack.chaos({})
  const successorWait = await measureSuccessorWait(stack, stack.databaseUrl)
  return {
    upstreamLatencyMs: UPSTREAM_LATENCY_MS,
    reads: { upstreamFast: readsFast, upstreamSlow: readsSlowUpstream },
    writes: {
      ...writes,
      p99OverUpstreamLatency: writes.p99 / UPSTREAM_LATENCY_MS,
      landedAll: landing.ok,
      secondsUntilAllReachedHalo: (landing.at - started) / 1000,
      secondsUntilNonePending: (settled.at - started) / 1000,
      createdUpstream: landing.created - before.created.tickets,
      duplicatesUpstream: await stack.duplicateSummaries(),
      stillPending: settled.pending,
    },
    successorWait,
  }
}

interface LoadOptions {
  path: string
  method?: 'GET' | 'POST'
  duration?: number
  amount?: number
  connections?: number
}

async function load(stack: BenchStack, options: LoadOptions) {
  let n = 0
  const result = await autocannon({
    url: `${stack.baseUrl}${options.path}`,
    method: options.method ?? 'GET',
    headers: {
      cookie: stack.cookie,
      origin: stack.baseUrl,
      'content-type': 'application/json',
    },
    ...(options.amount ? { amount: options.amount } : {}),
    ...(options.duration ? { duration: options.duration } : {}),
    connections: options.connections ?? 10,
    requests: [
      {
        setupRequest: (request) => {
          if (options.method !== 'POST') return request
          n += 1
          const summary = `Bench ticket ${stack.runId} #${n}`
          const body = JSON.stringify({ summary, details: 'bench' })
          return { ...request, body }
        },
      },
    ],
  })
  return {
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
