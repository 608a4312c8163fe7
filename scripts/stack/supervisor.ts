import type { CloseEvent, Command, FlowController } from 'concurrently'
import { log } from '../../lib/log'

// Restarts a child that dies while the portal runs, a few times, saying so.
// concurrently's own RestartProcess is not used: it goes by the exit code
// alone, so it would also restart a child stopped on purpose with SIGTERM.
// Restarts are counted over the whole run, not per hour: a child that dies
// once a day is given up on after a week. A sliding window would fix that.

export interface SupervisorOptions {
  /** Restarts allowed per child. */
  tries: number
  /** Wait before each restart, so a crash loop does not spin. */
  delayMs: number
  /** A child died with no restarts left. */
  onGiveUp(reason: string): void
}

export class Supervisor implements FlowController {
  private stopping = false
  private readonly restarts = new Map<Command, number>()
  private readonly timers = new Set<NodeJS.Timeout>()

  constructor(private readonly options: SupervisorOptions) {}

  handle(commands: Command[]) {
    for (const command of commands) {
      command.close.subscribe((event) => this.onClose(command, event))
    }
    return { commands }
  }

  /** From now on exits are expected, and nothing is restarted. */
  expectExits() {
    this.stopping = true
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
  }

  private onClose(command: Command, event: CloseEvent) {
    const fields = { child: command.name, exitCode: event.exitCode }
    if (this.stopping) return log.info(fields, 'child stopped')

    const used = this.restarts.get(command) ?? 0
    if (used >= this.options.tries) {
      log.error({ ...fields, restarts: used }, 'child died; no restarts left')
      return this.options.onGiveUp(
        `The ${command.name} died (exit code ${event.exitCode}) after ` +
          `${used} restarts; its output above is marked [${command.name}].`,
      )
    }
    this.restarts.set(command, used + 1)
    const restart = { attempt: used + 1, inMs: this.options.delayMs }
    log.error({ ...fields, ...restart }, 'child died unexpectedly; restarting')
    this.restartLater(command)
  }

  private restartLater(command: Command) {
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      if (!this.stopping) command.start()
    }, this.options.delayMs)
    this.timers.add(timer)
  }
}
