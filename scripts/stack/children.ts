import { type SpawnOptions, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import {
  Command,
  createConcurrently,
  LogError,
  Logger,
  LogOutput,
} from 'concurrently'
import type { Env } from '../../lib/env'
import { log } from '../../lib/log'
import { ROOT } from './paths'
import { Supervisor } from './supervisor'
import { settlesWithin } from './time'

// The long-running processes, through concurrently's core API with its
// output prefixes. Its all-in-one `concurrently()` is not used because it
// passes every signal straight on to the children, while here they are
// stopped in order, each with SIGTERM, and the database stays up meanwhile.

const SETPRIV = '/usr/bin/setpriv'
const RESTART_TRIES = 5
const RESTART_DELAY_MS = 2_000
/** Time for the worker to finish its jobs or hand them back. */
const STOP_TIMEOUT_MS = 30_000
const KILL_TIMEOUT_MS = 5_000
const ORPHAN_GUARD = existsSync(SETPRIV)
  ? `${SETPRIV} --pdeathsig TERM -- `
  : ''

export interface ChildSpec {
  name: string
  command: string
}

export interface Children {
  /** SIGTERM, then SIGKILL for any child still running after 30 s. */
  stop(): Promise<void>
  /** SIGKILL now, without waiting. */
  kill(): void
}

/**
 * The worker runs on Node with tsx's loader rather than the tsx CLI: the
 * CLI is a second process that SIGKILLs the worker when it does not
 * acknowledge a signal within some 60 ms, which a busy worker can miss.
 */
export function portalChildren(env: Env): ChildSpec[] {
  const host = shellQuote(env.HOST)
  return [
    { name: 'worker', command: 'node --import tsx worker/index.ts' },
    { name: 'web', command: `next start -H ${host} -p ${env.PORT}` },
  ]
}

export function startChildren(
  specs: ChildSpec[],
  env: Record<string, string>,
  onGiveUp: (reason: string) => void,
): Children {
  const logger = new Logger({ prefixFormat: 'name' })
  const supervisor = new Supervisor({
    tries: RESTART_TRIES,
    delayMs: RESTART_DELAY_MS,
    onGiveUp,
  })
  const { commands, result } = createConcurrently(
    specs.map((spec) => ({
      ...spec,
      env: { ...env, PORTAL_SERVICE: spec.name },
    })),
    {
      cwd: ROOT,
      logger,
      outputStream: process.stdout,
      prefixColors: ['cyan', 'magenta'],
      spawn: spawnInOwnGroup,
      kill: signalGroup,
      controllers: [
        new LogError({ logger }),
        new LogOutput({ logger }),
        supervisor,
      ],
    },
  )
  // Every exit is the supervisor's business; this summary adds nothing.
  result.catch(() => undefined)
  return {
    stop: () => {
      supervisor.expectExits()
      return stopAll(commands)
    },
    kill: () => {
      supervisor.expectExits()
      for (const command of commands) command.kill('SIGKILL')
    },
  }
}

async function stopAll(commands: Command[]) {
  const running = commands.filter((command) => Command.canKill(command))
  if (running.length === 0) return
  const closed = Promise.all(running.map(nextClose))
  log.info({ children: namesOf(running) }, 'sending the children SIGTERM')
  for (const command of running) command.kill('SIGTERM')
  if (await settlesWithin(closed, STOP_TIMEOUT_MS)) return

  const stuck = running.filter((command) => Command.canKill(command))
  log.warn(
    { children: namesOf(stuck), waitedMs: STOP_TIMEOUT_MS },
    'children did not stop in time; sending SIGKILL',
  )
  for (const command of stuck) command.kill('SIGKILL')
  await settlesWithin(closed, KILL_TIMEOUT_MS)
}

function nextClose(command: Command): Promise<void> {
  return new Promise((resolve) => {
    const subscription = command.close.subscribe(() => {
      subscription.unsubscribe()
      resolve()
    })
  })
}

function namesOf(commands: Command[]) {
  return commands.map((command) => command.name)
}

// A child in a process group of its own hears no Ctrl-C from the terminal:
// only this script stops it, at its turn. If this script is killed outright
// (SIGKILL), Linux sends the child SIGTERM through setpriv's parent-death
// signal, so that no web server or worker is left behind; where setpriv is
// missing, such a child outlives it. `exec` leaves no shell in between.
function spawnInOwnGroup(command: string, options: SpawnOptions) {
  return spawn('/bin/sh', ['-c', `exec ${ORPHAN_GUARD}${command}`], {
    ...options,
    detached: true,
  })
}

/** Signals the whole group: a child may run helper processes of its own. */
function signalGroup(pid: number, signal: string = 'SIGTERM') {
  try {
    process.kill(-pid, signal)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error
  }
}

function shellQuote(value: string) {
  return `'${value.replaceAll("'", `'\\''`)}'`
}
