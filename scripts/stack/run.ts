import { type Env, EnvError } from '../../lib/env'
import { errorMessage, log } from '../../lib/log'
import { buildIfNeeded } from './build'
import { type ChildSpec, startChildren } from './children'
import { type Database, openDatabase, prepareDatabase } from './database'
import { readyLine, seedDemo } from './demo'
import { environmentFor, urlHost } from './environment'
import { StartError } from './errors'
import { Lifecycle, StopRequested } from './lifecycle'
import { ROOT } from './paths'
import { assertPortFree } from './ports'
import { waitUntilHealthy } from './ready'
import { resolveSettings, type StartSettings } from './settings'
import { openUpstream, type Upstream } from './upstream'

// `npm start`: the whole portal from one command, step by step. Each step
// is logged with its duration; the first that fails stops what was started
// and says, in one plain message, what went wrong.

export interface PortalPlan {
  /** The long-running processes: the portal's worker and web server. */
  children(env: Env): ChildSpec[]
}

export async function runPortal(plan: PortalPlan): Promise<never> {
  const settings = settingsOrExit()
  const lifecycle = new Lifecycle()
  lifecycle.stopOnSignals()
  exitOnCrash(lifecycle)
  try {
    await startPortal(settings, lifecycle, plan)
    await lifecycle.untilStopped()
  } catch (error) {
    reportFailure(error, lifecycle)
  }
  await lifecycle.unwind()
  log.info({ exitCode: lifecycle.exitCode }, 'portal stopped')
  process.exit(lifecycle.exitCode)
}

interface Run {
  settings: StartSettings
  lifecycle: Lifecycle
  step: Step
}

async function startPortal(
  settings: StartSettings,
  lifecycle: Lifecycle,
  plan: PortalPlan,
) {
  const startedAt = performance.now()
  const run = { settings, lifecycle, step: stepper(lifecycle) }
  const { database, upstream } = await startBackends(run)
  const env = environmentFor(settings, database, upstream)
  const url = await startServers(run, env, plan)
  const startupMs = Math.round(performance.now() - startedAt)
  log.info({ url, startupMs }, 'every part is healthy')
  process.stdout.write(`${readyLine(url, settings.demoPassword)}\n`)
}

/** The database, its schema, the Halo to use, and the demo accounts. */
async function startBackends({ settings, lifecycle, step }: Run) {
  const fail = (reason: string) => lifecycle.fail(new StartError(reason))
  await step('checking ports', () => checkPorts(settings))
  const database = await step('starting the database', () =>
    openDatabase(settings.env, fail),
  )
  const { stop } = database
  if (stop) lifecycle.add({ name: 'the embedded PostgreSQL', stop })
  const where = settings.embedded ? 'the embedded database' : 'DATABASE_URL'
  await step(`preparing ${where}`, () => prepareDatabase(database.url))

  const halo = settings.halo ? 'using HALO_URL' : 'starting the Halo simulator'
  const upstream = await step(halo, () =>
    openUpstream(settings.env, settings.halo),
  )
  if (upstream.stop) {
    lifecycle.add({ name: 'the Halo simulator', stop: upstream.stop })
  }
  await seedIfAllowed(settings, database, upstream, step)
  return { database, upstream }
}

/** Builds when needed, starts the children; resolves once all is healthy. */
async function startServers(
  { settings, lifecycle, step }: Run,
  env: Record<string, string>,
  plan: PortalPlan,
) {
  await step('building the web app', () =>
    buildIfNeeded(ROOT, { ...process.env, ...env }, lifecycle.signal),
  )
  const fail = (reason: string) => lifecycle.fail(new StartError(reason))
  const children = startChildren(plan.children(settings.env), env, fail)
  lifecycle.add({ name: 'the children', ...children })

  const { HOST, PORT } = settings.env
  const url = `http://${urlHost(HOST)}:${PORT}`
  await step('waiting for the portal to be healthy', () =>
    waitUntilHealthy(`${url}/api/health`, lifecycle.signal),
  )
  return url
}

type Step = <T>(name: string, run: () => Promise<T>) => Promise<T>

/** Runs a step unless a stop was asked for; names the step on failure. */
function stepper(lifecycle: Lifecycle): Step {
  return async (name, run) => {
    lifecycle.signal.throwIfAborted()
    const startedAt = performance.now()
    try {
      const result = await run()
      const ms = Math.round(performance.now() - startedAt)
      log.info({ step: name, ms }, 'start-up step done')
      return result
    } catch (error) {
      if (lifecycle.signal.aborted) throw lifecycle.signal.reason
      if (error instanceof StartError) throw error
      throw new StartError(`Failed ${name}: ${errorMessage(error)}`, {
        cause: error,
      })
    }
  }
}

async function checkPorts({ env, halo }: StartSettings) {
  await assertPortFree('PORT', env.HOST, env.PORT)
  if (!halo) await assertPortFree('SIM_PORT', '127.0.0.1', env.SIM_PORT)
}

async function seedIfAllowed(
  settings: StartSettings,
  database: Database,
  upstream: Upstream,
  step: Step,
) {
  const password = settings.demoPassword
  if (password === undefined) {
    log.info(
      'demo accounts not created: DATABASE_URL names an external database ' +
        'and DEMO_PASSWORD is the default. Set DEMO_PASSWORD to another ' +
        'password to create them.',
    )
    return
  }
  await step('creating the demo accounts', () =>
    seedDemo(database.url, upstream.config, {
      password,
      authSecret: settings.authSecret,
      staffAuthenticator: settings.demoAuthenticator,
    }),
  )
}

function settingsOrExit(): StartSettings {
  try {
    return resolveSettings()
  } catch (error) {
    if (!(error instanceof EnvError)) throw error
    process.stderr.write(`${error.message}\n`)
    process.exit(1)
  }
}

function reportFailure(error: unknown, lifecycle: Lifecycle) {
  if (error instanceof StopRequested) return
  lifecycle.exitCode = 1
  if (!(error instanceof StartError)) log.error({ err: error }, 'start failed')
  process.stderr.write(`${errorMessage(error)}\n`)
}

// Children and the database must not outlive a crash of this script.
function exitOnCrash(lifecycle: Lifecycle) {
  const crash = (error: unknown) => {
    log.fatal({ err: error }, 'npm start crashed; killing the children')
    lifecycle.killAll()
    process.exit(1)
  }
  process.on('uncaughtException', crash)
  process.on('unhandledRejection', crash)
}
