'use server'

import { redirect } from 'next/navigation'
import { getAuth } from '@/lib/auth/auth'
import { claimCode } from '@/lib/auth/throttle'
import { log } from '@/lib/log'
import { isStaff, needsSecondFactor } from '@/lib/viewer'
import { safeReturnPath } from '../../_server/return-path'
import { callAuth, callWithPassword } from './auth-calls'
import {
  changePasswordSchema,
  fieldErrors,
  readPassword,
  setupCodeSchema,
} from './schemas'
import { setupDetailsOf } from './setup-key'
import { requireSignedIn, SECURITY_PATH } from './signed-in'
import {
  type CodesState,
  type FormState,
  NO_CODES,
  NO_SETUP,
  PASSWORD_FIELDS,
  type SetupState,
  UNTRIED,
} from './state'
import { FACTOR_FIRST, OUT_OF_DATE, refused, STAFF_KEEP_IT } from './words'

// The security page's forms. Each one asks who is signed in again, checks
// its fields, then makes one better-auth call with the request's headers.

function text(form: FormData, name: string): string {
  const value = form.get(name)
  return typeof value === 'string' ? value : ''
}

/** The password step: better-auth keeps the factor unverified for now. */
export async function startSetup(
  _previous: SetupState,
  form: FormData,
): Promise<SetupState> {
  const viewer = await requireSignedIn()
  const field = PASSWORD_FIELDS.setup
  const read = readPassword(text(form, field), field)
  if (!read.ok) return { ...NO_SETUP, errors: read.errors }
  if (viewer.twoFactorEnabled) return { ...NO_SETUP, problem: OUT_OF_DATE }

  const answer = await callWithPassword(viewer, 'start setup', (headers) =>
    getAuth().api.enableTwoFactor({
      body: { password: read.password },
      headers,
    }),
  )
  if (!answer.ok) return { ...refused(answer, field), setup: null }
  if (!('totpURI' in answer.value)) return { ...NO_SETUP, problem: OUT_OF_DATE }

  log.info({ userId: viewer.userId }, 'two-factor setup started')
  return { ...UNTRIED, setup: setupDetailsOf(answer.value, viewer.userId) }
}

/** A right code turns the factor on; better-auth rotates the session. */
export async function confirmSetup(
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  const viewer = await requireSignedIn()
  const parsed = setupCodeSchema.safeParse({ code: text(form, 'code') })
  if (!parsed.success) return { ...UNTRIED, errors: fieldErrors(parsed.error) }

  const { code } = parsed.data
  const answer = await callAuth(viewer, 'confirm setup', (headers) =>
    getAuth().api.verifyTOTP({ body: { code }, headers }),
  )
  if (!answer.ok) return refused(answer, 'code')
  // The code that turned it on cannot sign anyone in as well.
  await claimCode(viewer.userId, code)

  log.info({ userId: viewer.userId }, 'two-factor turned on')
  // Staff were sent here from the page they asked for; they go on to it.
  if (isStaff(viewer)) redirect(safeReturnPath(form.get('next')))
  redirect(`${SECURITY_PATH}?done=on`)
}

/** New recovery codes; the old ones stop working. */
export async function renewRecoveryCodes(
  _previous: CodesState,
  form: FormData,
): Promise<CodesState> {
  const viewer = await requireSignedIn()
  const field = PASSWORD_FIELDS.codes
  const read = readPassword(text(form, field), field)
  if (!read.ok) return { ...NO_CODES, errors: read.errors }
  if (!viewer.twoFactorEnabled) return { ...NO_CODES, problem: OUT_OF_DATE }

  const answer = await callWithPassword(viewer, 'renew codes', (headers) =>
    getAuth().api.generateBackupCodes({
      body: { password: read.password },
      headers,
    }),
  )
  if (!answer.ok) return { ...refused(answer, field), recoveryCodes: null }

  log.info({ userId: viewer.userId }, 'recovery codes renewed')
  return { ...UNTRIED, recoveryCodes: answer.value.backupCodes }
}

/**
 * Customers only: the page hides the form from staff, this refuses them.
 * So a member of staff with a new phone cannot move their authenticator
 * (better-auth refuses a second setup while one is on). A "replace
 * authenticator" step that verifies the old code, or a reset by another
 * member of staff from the users page, would let them.
 */
export async function turnOff(
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  const viewer = await requireSignedIn()
  if (isStaff(viewer)) {
    log.warn({ userId: viewer.userId }, 'staff turn-off of two-factor refused')
    return { ...UNTRIED, problem: STAFF_KEEP_IT }
  }
  const field = PASSWORD_FIELDS.off
  const read = readPassword(text(form, field), field)
  if (!read.ok) return { ...UNTRIED, errors: read.errors }
  if (!viewer.twoFactorEnabled) return { ...UNTRIED, problem: OUT_OF_DATE }

  const answer = await callWithPassword(viewer, 'turn off', (headers) =>
    getAuth().api.disableTwoFactor({
      body: { password: read.password },
      headers,
    }),
  )
  if (!answer.ok) return refused(answer, field)

  log.info({ userId: viewer.userId }, 'two-factor turned off')
  redirect(`${SECURITY_PATH}?done=off`)
}

/**
 * Every other session of the user ends; this one gets a new cookie. Staff
 * held for a second factor do that first, as with everything else.
 */
export async function changePassword(
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  const viewer = await requireSignedIn()
  if (needsSecondFactor(viewer)) return { ...UNTRIED, problem: FACTOR_FIRST }
  const parsed = changePasswordSchema.safeParse({
    currentPassword: text(form, 'currentPassword'),
    password: text(form, 'password'),
    confirm: text(form, 'confirm'),
  })
  if (!parsed.success) return { ...UNTRIED, errors: fieldErrors(parsed.error) }

  const { currentPassword, password: newPassword } = parsed.data
  const answer = await callWithPassword(viewer, 'change password', (headers) =>
    getAuth().api.changePassword({
      body: { currentPassword, newPassword, revokeOtherSessions: true },
      headers,
    }),
  )
  if (!answer.ok) return refused(answer, 'currentPassword')

  log.info({ userId: viewer.userId }, 'password changed, other sessions ended')
  redirect(`${SECURITY_PATH}?done=password`)
}
