// Errors that reach a user, each with words that say what happened and what
// to do. Routes turn them into status codes; pages into messages.

/** A record is not cached and its upstream cannot be reached right now. */
export class NotLoadedError extends Error {
  override name = 'NotLoadedError'
  readonly status = 503
}

export function isNotLoadedError(error: unknown): error is NotLoadedError {
  return error instanceof NotLoadedError
}
