// What the orchestrator and its PostgreSQL host process say over IPC.

/** From the host: the server is up, or it could not be started. */
export type HostReport =
  | { type: 'ready'; url: string }
  | { type: 'failed'; message: string }

/** To the host: stop PostgreSQL cleanly, then exit. */
export type HostCommand = { type: 'stop' }
