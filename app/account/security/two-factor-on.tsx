'use client'

import { useActionState, useEffect, useRef } from 'react'
import { renewRecoveryCodes, turnOff } from './actions'
import { PasswordOnlyForm } from './form-parts'
import { RecoveryCodes } from './recovery-codes'
import { NO_CODES, PASSWORD_FIELDS, UNTRIED } from './state'
import { STAFF_KEEP_IT } from './words'

// What someone with two-factor sign-in on can do: replace the recovery
// codes, and, for customers, turn it off.

function NewCodes({ codes }: { codes: string[] }) {
  // The form the reader was in is gone: take them to what replaced it.
  const heading = useRef<HTMLParagraphElement>(null)
  useEffect(() => heading.current?.focus(), [])
  return (
    <>
      <p ref={heading} tabIndex={-1} className="notice">
        Here are your new recovery codes. Your old ones no longer work. Save
        these now: they are shown only this once.
      </p>
      <RecoveryCodes codes={codes} />
    </>
  )
}

function RenewCodes() {
  const [state, action, pending] = useActionState(renewRecoveryCodes, NO_CODES)
  return (
    <>
      <h3 id="codes-title">Recovery codes</h3>
      {state.recoveryCodes ? (
        <NewCodes codes={state.recoveryCodes} />
      ) : (
        <>
          <p>
            Used most of your recovery codes, or lost them? New codes replace
            all of the old ones.
          </p>
          <PasswordOnlyForm
            state={state}
            action={action}
            pending={pending}
            field={PASSWORD_FIELDS.codes}
            labelledBy="codes-title"
            idle="New recovery codes"
            busy="Making codes…"
          />
        </>
      )}
    </>
  )
}

function TurnOff() {
  const [state, action, pending] = useActionState(turnOff, UNTRIED)
  return (
    <>
      <h3 id="off-title">Turn off two-factor sign-in</h3>
      <p>
        Signing in will ask only for your password again, and your recovery
        codes will stop working.
      </p>
      <PasswordOnlyForm
        state={state}
        action={action}
        pending={pending}
        field={PASSWORD_FIELDS.off}
        labelledBy="off-title"
        idle="Turn off"
        busy="Turning off…"
      />
    </>
  )
}

export function TwoFactorOn({ canTurnOff }: { canTurnOff: boolean }) {
  return (
    <>
      <p>
        Two-factor sign-in is <strong>on</strong>. Signing in asks for your
        password and a code from your authenticator app, or one of your recovery
        codes.
      </p>
      <RenewCodes />
      {canTurnOff ? (
        <TurnOff />
      ) : (
        <p className="notice notice-quiet">{STAFF_KEEP_IT}</p>
      )}
    </>
  )
}
