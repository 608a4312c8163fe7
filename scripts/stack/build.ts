import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import { distDir } from '../../lib/dist-dir'
import { log } from '../../lib/log'
import { StartError } from './errors'
import { BIN_DIR } from './paths'

// `next start` serves the last `next build`. It is rebuilt only when a file
// the build reads is newer than that build. A deleted file is not noticed;
// a stale build then shows until the next change or `npm run build`.

const BUILD_INPUTS = [
  'app',
  'components',
  'lib',
  'instrumentation.ts',
  'next.config.ts',
  'package-lock.json',
  'proxy.ts',
]
/** Prisma's generated client is rewritten by every `npm install`. */
const NOT_INPUTS = [path.join('lib', 'generated')]

/** Why a build is needed, or undefined when the last one is current. */
export async function buildReason(
  root: string,
  dist = distDir(),
): Promise<string | undefined> {
  const builtAt = await modifiedAt(path.join(root, dist, 'BUILD_ID'))
  if (builtAt === undefined) return 'there is no build yet'
  const changed = await firstChangedInput(root, builtAt)
  return changed && `${changed} changed since the last build`
}

/** Runs `next build` with its output shown; fails when it fails. */
export async function buildWeb(
  root: string,
  env: NodeJS.ProcessEnv,
  signal: AbortSignal,
) {
  const build = spawn(process.execPath, [path.join(BIN_DIR, 'next'), 'build'], {
    cwd: root,
    env,
    signal,
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  const [code] = await once(build, 'close').catch((error: unknown) => {
    throw signal.aborted ? signal.reason : error
  })
  if (code === 0) return
  throw new StartError(`next build failed (exit code ${code}); see above.`)
}

async function firstChangedInput(root: string, since: number) {
  for (const input of BUILD_INPUTS) {
    for (const file of await filesOf(root, input)) {
      const changedAt = await modifiedAt(file)
      if (changedAt !== undefined && changedAt > since) {
        return path.relative(root, file)
      }
    }
  }
  return undefined
}

async function filesOf(root: string, input: string): Promise<string[]> {
  const full = path.join(root, input)
  const info = await stat(full).catch(() => undefined)
  if (!info?.isDirectory()) return info ? [full] : []
  const entries = await readdir(full, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !isExcluded(root, file))
}

function isExcluded(root: string, file: string) {
  const relative = path.relative(root, file)
  return NOT_INPUTS.some((dir) => relative.startsWith(dir + path.sep))
}

async function modifiedAt(file: string) {
  const info = await stat(file).catch(() => undefined)
  return info?.mtimeMs
}

/** Builds when needed, saying why in one line; otherwise says it skipped. */
export async function buildIfNeeded(
  root: string,
  env: NodeJS.ProcessEnv,
  signal: AbortSignal,
) {
  const reason = await buildReason(root)
  if (reason === undefined) {
    log.info('web app build is current; not rebuilding')
    return
  }
  log.info({ reason }, 'building the web app')
  await buildWeb(root, env, signal)
}
