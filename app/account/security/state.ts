// What the security page's forms show after an attempt. Passwords are never
// sent back; recovery codes and the setup key are, once, to be written down.

export { PASSWORD_MAX, PASSWORD_MIN } from '@/lib/auth/password-rules'

export interface FormState {
  errors: Record<string, string[]>
  /** A problem with the attempt as a whole, not with any one field. */
  problem: string | null
}

/**
 * The password field of each form that asks only for it. The forms can be
 * on the page together, and a field's name is its id.
 */
export const PASSWORD_FIELDS = {
  setup: 'setupPassword',
  codes: 'codesPassword',
  off: 'offPassword',
} as const

export const UNTRIED: FormState = { errors: {}, problem: null }

/** A QR code as one SVG path of dark squares on a square of `size`. */
export interface QrPicture {
  size: number
  path: string
}

export interface SetupDetails {
  /** The authenticator secret, in groups of four for reading aloud. */
  setupKey: string
  /** Null when the key could not be drawn; the key can still be typed. */
  qr: QrPicture | null
  recoveryCodes: string[]
}

export interface SetupState extends FormState {
  setup: SetupDetails | null
}

export const NO_SETUP: SetupState = { ...UNTRIED, setup: null }

export interface CodesState extends FormState {
  recoveryCodes: string[] | null
}

export const NO_CODES: CodesState = { ...UNTRIED, recoveryCodes: null }

/** The confirmations the page shows after a change, by ?done=. */
export const DONE = {
  on:
    'Two-factor sign-in is on. From now on, signing in asks for a code ' +
    'from your app as well as your password.',
  off: 'Two-factor sign-in is off. Signing in asks only for your password.',
  password:
    'Your password is changed. Everywhere else you were signed in, ' +
    'you are signed out.',
} as const

export type Done = keyof typeof DONE

export function isDone(value: unknown): value is Done {
  return typeof value === 'string' && Object.hasOwn(DONE, value)
}
