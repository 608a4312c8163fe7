import { createServer } from 'node:net'
import { StartError } from './errors'

// A port already in use is the most common reason a part fails to start.
// Checking first turns it into a message that names the setting, instead
// of a child that crashes and restarts in a loop.

/** Fails, naming the setting, when the port cannot be listened on. */
export async function assertPortFree(
  setting: string,
  host: string,
  port: number,
) {
  const error = await tryListen(host, port)
  if (error) throw listenProblem(setting, host, port, error)
}

/** A StartError naming the setting whose port could not be listened on. */
export function listenProblem(
  setting: string,
  host: string,
  port: number,
  error: NodeJS.ErrnoException,
): StartError {
  if (error.code === 'EADDRINUSE') {
    return new StartError(
      `${setting}=${port}: port ${port} on ${host} is already in use, ` +
        `perhaps by an earlier npm start. Stop that program or set ` +
        `${setting} to a free port.`,
    )
  }
  return new StartError(
    `${setting}=${port}: cannot listen on ${host}:${port} ` +
      `(${error.code ?? error.message}).`,
  )
}

function tryListen(host: string, port: number) {
  return new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
    const server = createServer()
    server.once('error', resolve)
    server.listen({ host, port, exclusive: true }, () => {
      server.close(() => resolve(undefined))
    })
  })
}
