'use client'

import { useActionState, useEffect, useRef } from 'react'
import { FieldErrors, fieldA11y } from '@/components/form-field'
import { confirmSetup, startSetup } from './actions'
import { PasswordOnlyForm, StepForm } from './form-parts'
import { QrCode } from './qr-code'
import { RecoveryCodes } from './recovery-codes'
import { NO_SETUP, PASSWORD_FIELDS, type SetupDetails, UNTRIED } from './state'

// Setting up two-factor sign-in: the password, then what the app needs and
// the recovery codes, then a code from the app to show that it works.

function ConfirmForm({ returnTo }: { returnTo: string }) {
  const [state, action, pending] = useActionState(confirmSetup, UNTRIED)
  return (
    <StepForm
      state={state}
      action={action}
      pending={pending}
      labelledBy="confirm-title"
      idle="Turn on two-factor sign-in"
      busy="Checking…"
    >
      <input type="hidden" name="next" value={returnTo} />
      <div className="field">
        <label htmlFor="code">Code from your app</label>
        <input
          {...fieldA11y('code', state.errors.code)}
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          required
        />
        <FieldErrors name="code" errors={state.errors.code} />
      </div>
    </StepForm>
  )
}

function SetupSteps({
  setup,
  returnTo,
}: {
  setup: SetupDetails
  returnTo: string
}) {
  // The password form the reader was in is gone: start them at step one.
  const first = useRef<HTMLHeadingElement>(null)
  useEffect(() => first.current?.focus(), [])
  return (
    <div className="setup-steps">
      <h3 ref={first} tabIndex={-1}>
        1. Add the portal to your authenticator app
      </h3>
      <p>
        Scan the QR code with the app on your phone, or choose to enter a setup
        key and type the key below.
      </p>
      <div className="setup-key-box">
        {setup.qr && <QrCode picture={setup.qr} />}
        <p>
          Setup key
          <code className="setup-key">{setup.setupKey}</code>
        </p>
      </div>
      <h3>2. Save your recovery codes</h3>
      <p>
        If you lose your phone, each of these codes signs you in once instead of
        a code from the app. Save them now, in a password manager or on paper
        kept somewhere safe: they are shown only this once.
      </p>
      <RecoveryCodes codes={setup.recoveryCodes} />
      <h3 id="confirm-title">3. Enter the code from your app</h3>
      <p>The app shows a new six-digit code for the portal every 30 seconds.</p>
      <ConfirmForm returnTo={returnTo} />
    </div>
  )
}

export function TwoFactorSetup({ returnTo }: { returnTo: string }) {
  const [state, action, pending] = useActionState(startSetup, NO_SETUP)
  if (state.setup) return <SetupSteps setup={state.setup} returnTo={returnTo} />
  return (
    <>
      <h3 id="setup-title">Set up</h3>
      <p>
        You need an authenticator app on your phone, such as Google
        Authenticator, Microsoft Authenticator or 1Password. First, confirm it
        is you.
      </p>
      <PasswordOnlyForm
        state={state}
        action={action}
        pending={pending}
        field={PASSWORD_FIELDS.setup}
        labelledBy="setup-title"
        idle="Set up two-factor sign-in"
        busy="Checking…"
      />
    </>
  )
}
