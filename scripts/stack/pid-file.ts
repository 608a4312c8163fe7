import { readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { log } from '../../lib/log'
import { StartError } from './errors'

// PostgreSQL will not start while postmaster.pid names a live process.
// After a crash, in a container especially, that pid is often taken by some
// other program, and PostgreSQL then refuses to start with a message that
// does not say what to do. So the file is checked first.

type Holder = 'postgres' | 'other' | 'gone' | 'unknown'

/** Removes a stale postmaster.pid; fails when a PostgreSQL still runs. */
export async function clearStalePidFile(dir: string) {
  const file = path.join(dir, 'postmaster.pid')
  const pid = await postmasterPid(dir)
  if (pid === undefined) return

  const holder = await holderOf(pid)
  if (holder === 'postgres') {
    throw new StartError(
      `EMBEDDED_PG_DIR=${dir} is in use by a running PostgreSQL ` +
        `(pid ${pid}), perhaps left by an earlier npm start that was ` +
        `killed. Stop it with \`kill ${pid}\`, or set EMBEDDED_PG_DIR to ` +
        'another folder.',
    )
  }
  // Without /proc the holder cannot be told apart; PostgreSQL decides.
  if (holder === 'unknown') return

  const reason = holder === 'gone' ? 'no such process' : 'not PostgreSQL'
  log.warn({ file, pid, reason }, 'removing a stale postmaster.pid')
  await rm(file, { force: true })
}

/** The pid in the folder's postmaster.pid, when there is one. */
export async function postmasterPid(dir: string): Promise<number | undefined> {
  const file = path.join(dir, 'postmaster.pid')
  const text = await readFile(file, 'utf8').catch(() => undefined)
  const pid = Number(text?.split('\n', 1)[0])
  return Number.isInteger(pid) && pid > 0 ? pid : undefined
}

async function holderOf(pid: number): Promise<Holder> {
  if (!isAlive(pid)) return 'gone'
  const name = await readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '')
  if (name === '') return 'unknown'
  return name.trim() === 'postgres' ? 'postgres' : 'other'
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
