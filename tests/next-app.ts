import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { inject } from 'vitest'
import { SECRET_SETTINGS } from '../lib/security/secret-settings'
import { freePort } from './global-setup'
import { waitFor } from './stack'

// The portal as `next build` and `next start` make it, for tests that need
// the real server or the real bundle. One build per test run, in a folder
// of its own (NEXT_DIST_DIR) so that the build `npm start` serves is left
// alone; every secret setting holds a marker value while it builds.

export const ROOT = path.resolve(import.meta.dirname, '..')
const NEXT = path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next')
const BUILD_LOG = 'test-build-output.log'

/** A build on this 2-core machine takes 30 to 60 s. */
export const BUILD_TIMEOUT_MS = 240_000

/** `next build` rewrites these to name its folder; they are put back. */
const REWRITTEN_BY_BUILD = ['tsconfig.json', 'next-env.d.ts']

const RUN = inject('nextDistDir').replace(/\W/g, '')

/** Settings that hold secrets, each with a value no real file contains. */
export const SECRET_MARKERS: Record<string, string> = Object.fromEntries(
  SECRET_SETTINGS.map((name) => [name, `${name.toLowerCase()}-marker-${RUN}`]),
)

export interface Build {
  distDir: string
  /** What `next build` printed, stdout and stderr. */
  output: string
}

function buildEnv(distDir: string): NodeJS.ProcessEnv {
  const { DATABASE_URL, MAIL_URL, STAFF_WEBHOOK_URL, ...markers } =
    SECRET_MARKERS
  return {
    ...process.env,
    ...markers,
    // Still URLs the settings accept, the marker where their secret goes.
    DATABASE_URL: `postgresql://portal:${DATABASE_URL}@127.0.0.1:9/portal`,
    MAIL_URL: `smtp://portal:${MAIL_URL}@127.0.0.1:9`,
    STAFF_WEBHOOK_URL: `http://127.0.0.1:9/${STAFF_WEBHOOK_URL}`,
    NEXT_DIST_DIR: distDir,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
  }
}

async function run(args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [NEXT, ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk) => {
    output += chunk
  })
  child.stderr.on('data', (chunk) => {
    output += chunk
  })
  const [code] = await once(child, 'close')
  return { code: code as number | null, output }
}

async function readIfThere(file: string) {
  return readFile(file, 'utf8').catch(() => undefined)
}

async function putBack(saved: Map<string, string | undefined>) {
  for (const [file, content] of saved) {
    if (content === undefined) await rm(file, { force: true })
    else await writeFile(file, content)
  }
}

/** The run's build, made on first use; later test files reuse it. */
export async function buildApp(): Promise<Build> {
  const distDir = inject('nextDistDir')
  const log = path.join(ROOT, distDir, BUILD_LOG)
  const done = await readIfThere(log)
  if (done !== undefined) return { distDir, output: done }

  const saved = new Map<string, string | undefined>()
  for (const name of REWRITTEN_BY_BUILD) {
    const file = path.join(ROOT, name)
    saved.set(file, await readIfThere(file))
  }
  const build = await run(['build'], buildEnv(distDir)).finally(() =>
    putBack(saved),
  )
  if (build.code !== 0) {
    throw new Error(`next build failed (${build.code}):\n${build.output}`)
  }
  await writeFile(log, build.output)
  return { distDir, output: build.output }
}

export interface RunningApp {
  url: string
  close(): Promise<void>
}

/** `next start` on the build, with this process's settings (the stack's). */
export async function startApp(build: Build): Promise<RunningApp> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const child = spawn(
    process.execPath,
    [NEXT, 'start', '-H', '127.0.0.1', '-p', String(port)],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        NEXT_DIST_DIR: build.distDir,
        NODE_ENV: 'production',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  )
  let errors = ''
  child.stderr.on('data', (chunk) => {
    errors += chunk
  })
  const exited = once(child, 'exit')
  await waitFor(`next start on ${url}`, async () => {
    if (child.exitCode !== null) {
      throw new Error(`next start exited (${child.exitCode}):\n${errors}`)
    }
    return fetch(`${url}/api/health`).then(
      () => true,
      () => false,
    )
  })
  return {
    url,
    async close() {
      if (child.exitCode === null) child.kill('SIGTERM')
      await exited
    },
  }
}
