/**
 * A start-up problem the person running `npm start` can fix. Its message
 * says what is wrong and what to do, and is printed without a stack.
 */
export class StartError extends Error {
  override name = 'StartError'
}
