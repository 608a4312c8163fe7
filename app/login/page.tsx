import { createOTP } from '@better-auth/utils/otp'
import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { isCodeClaimed } from '@/lib/auth/throttle'
import { getDb } from '@/lib/db/client'
import {
  DEMO_CUSTOMER_ADMIN,
  DEMO_CUSTOMERS,
  DEMO_STAFF,
  DEMO_STAFF_TOTP_SECRET,
} from '@/lib/demo/accounts'
import { getEnv } from '@/lib/env'
import { safeReturnPath } from '../_server/return-path'
import { getViewer } from '../_server/viewer'
import { SignInForm } from './sign-in-form'

export const metadata: Metadata = { title: 'Sign in' }

const TOTP_PERIOD_MS = 30_000

const DEMO_ACCOUNTS = [...DEMO_CUSTOMERS, DEMO_CUSTOMER_ADMIN, DEMO_STAFF]

/**
 * A code the demo staff account's authenticator would show and the portal
 * has not taken yet: each code signs in once, so right after a sign-in the
 * current one is spent and the next (which is accepted too) is shown.
 */
async function demoStaffCode(): Promise<string> {
  const staff = await getDb().portalUser.findUnique({
    where: { email: DEMO_STAFF },
  })
  const otp = createOTP(DEMO_STAFF_TOTP_SECRET)
  const now = Math.floor(Date.now() / TOTP_PERIOD_MS)
  for (const counter of [now, now + 1]) {
    const code = await otp.hotp(counter)
    if (!staff || !(await isCodeClaimed(staff.id, code))) return code
  }
  return otp.hotp(now + 1)
}

function DemoHint({ password, code }: { password: string; code: string }) {
  return (
    <aside className="hint" aria-labelledby="demo-title">
      <h2 id="demo-title">Demo accounts</h2>
      <ul>
        {DEMO_ACCOUNTS.map((email) => (
          <li key={email}>
            <code>{email}</code>
          </li>
        ))}
      </ul>
      <p>
        Password for each: <code>{password}</code>
      </p>
      <p>
        {DEMO_STAFF} also needs a code from an authenticator app; in the demo it
        is shown here: <code>{code}</code> (it changes every 30 seconds; reload
        for a fresh one).
      </p>
    </aside>
  )
}

export default async function LoginPage({ searchParams }: PageProps<'/login'>) {
  const { next, password } = await searchParams
  const returnTo = safeReturnPath(Array.isArray(next) ? next[0] : next)
  if (await getViewer()) redirect(returnTo)

  const env = getEnv()
  return (
    <div className="sign-in">
      <h1>Sign in</h1>
      {password === 'saved' && (
        <p role="status" className="notice">
          Your password is saved. Sign in with it now.
        </p>
      )}
      <SignInForm returnTo={returnTo} />
      <p>
        <a href="/login/forgot">Forgot your password?</a>
      </p>
      {env.PORTAL_DEMO && (
        <DemoHint password={env.DEMO_PASSWORD} code={await demoStaffCode()} />
      )}
    </div>
  )
}
