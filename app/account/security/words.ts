import type { Refusal } from './auth-calls'
import type { FormState } from './state'

// What the reader is told when better-auth said no, in the portal's words.

export const WRONG_PASSWORD = 'That is not your current password.'

export const WRONG_CODE =
  'That code is not right. Enter the six-digit code your app shows now; ' +
  'it changes every 30 seconds.'

export const OUT_OF_DATE =
  'Two-factor sign-in was changed since this page was shown, perhaps in ' +
  'another tab. Reload the page to see where it stands.'

export const STAFF_KEEP_IT =
  'Staff accounts keep two-factor sign-in on, because staff can see every ' +
  "client's tickets."

export const FACTOR_FIRST =
  'Set up two-factor sign-in first; then you can change your password.'

const FAILED =
  'That did not go through just now. Try again in a minute; if it keeps ' +
  'failing, contact the service desk.'

function throttled(seconds: number): string {
  const minutes = Math.ceil(seconds / 60)
  return (
    'Too many wrong passwords for this account. Try again in ' +
    `${minutes} minute${minutes === 1 ? '' : 's'}.`
  )
}

/** The form's state after a refusal; `field` is where a wrong entry was. */
export function refused(answer: Refusal, field: string): FormState {
  switch (answer.refusal) {
    case 'wrong-password':
      return { errors: { [field]: [WRONG_PASSWORD] }, problem: null }
    case 'wrong-code':
      return { errors: { [field]: [WRONG_CODE] }, problem: null }
    case 'throttled':
      return { errors: {}, problem: throttled(answer.retryAfterSeconds) }
    case 'out-of-date':
      return { errors: {}, problem: OUT_OF_DATE }
    case 'failed':
      return { errors: {}, problem: FAILED }
  }
}
