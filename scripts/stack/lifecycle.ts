import { constants } from 'node:os'
import { errorMessage, log } from '../../lib/log'

// Decides when `npm start` stops and with which exit code, and stops what
// was started, last started first: the children, then the simulator, then
// the database they both need until the end.

export interface Part {
  /** Names the part in log lines: "stopping the Halo simulator". */
  name: string
  stop(): Promise<void>
  /** For a second Ctrl-C: end it now, without waiting. */
  kill?(): void
}

/** The abort reason when someone asked the portal to stop. */
export class StopRequested extends Error {
  override name = 'StopRequested'
}

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const
/**
 * npm and the tsx CLI pass a Ctrl-C on to this process as well, so one key
 * press can arrive up to three times within milliseconds. Only a signal
 * after this long counts as a second press.
 */
const SAME_PRESS_MS = 1_000

export class Lifecycle {
  private readonly controller = new AbortController()
  private readonly parts: Part[] = []
  private firstSignalAt: number | undefined
  exitCode = 0

  /** Aborted once the portal is to stop, for whatever reason. */
  get signal(): AbortSignal {
    return this.controller.signal
  }

  add(part: Part) {
    this.parts.push(part)
  }

  /** Something the portal cannot run without has failed. */
  fail(reason: Error) {
    if (this.signal.aborted) return
    this.exitCode = 1
    this.controller.abort(reason)
  }

  /** Resolves when asked to stop; rejects with the reason of a failure. */
  async untilStopped(): Promise<void> {
    if (!this.signal.aborted) {
      await new Promise((resolve) =>
        this.signal.addEventListener('abort', resolve, { once: true }),
      )
    }
    if (!(this.signal.reason instanceof StopRequested)) throw this.signal.reason
  }

  /** Stops every part, last started first; a part that fails is logged. */
  async unwind() {
    for (const part of this.parts.toReversed()) {
      log.info({ part: part.name }, `stopping ${part.name}`)
      await part.stop().then(
        () => log.info({ part: part.name }, `stopped ${part.name}`),
        (error: unknown) =>
          log.error(
            { part: part.name, err: errorMessage(error) },
            'stop failed',
          ),
      )
    }
    this.parts.length = 0
  }

  /** A first signal stops the portal in order; a second one forces. */
  stopOnSignals() {
    for (const signal of STOP_SIGNALS) {
      process.on(signal, () => this.onSignal(signal))
    }
  }

  private onSignal(signal: NodeJS.Signals) {
    const now = Date.now()
    if (this.firstSignalAt === undefined) {
      this.firstSignalAt = now
      log.info({ signal }, 'stopping the portal')
      this.controller.abort(new StopRequested(signal))
      return
    }
    if (now - this.firstSignalAt < SAME_PRESS_MS) return
    log.warn({ signal }, 'second signal: killing the children, exiting now')
    this.killAll()
    process.exit(128 + constants.signals[signal])
  }

  /**
   * Ends the parts that can be ended at once. The embedded PostgreSQL is
   * not among them: its host stops it cleanly when this process is gone.
   */
  killAll() {
    for (const part of this.parts) part.kill?.()
  }
}
