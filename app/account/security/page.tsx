import type { Metadata } from 'next'
import { isStaff, needsSecondFactor } from '@/lib/viewer'
import { safeReturnPath } from '../../_server/return-path'
import { signOut } from '../../actions'
import { ChangePasswordForm } from './change-password-form'
import { requireSignedIn } from './signed-in'
import { DONE, isDone } from './state'
import { TwoFactorOn } from './two-factor-on'
import { TwoFactorSetup } from './two-factor-setup'

export const metadata: Metadata = { title: 'Sign-in security' }

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

/** Staff are held here until they have a second factor; say why. */
function Required() {
  return (
    <div className="notice notice-required">
      <p>
        <strong>Set up two-factor sign-in to go on.</strong> Staff accounts can
        see every client&apos;s tickets, so the portal asks staff for a code
        from an authenticator app as well as their password. The rest of the
        portal opens once it is set up; it takes a couple of minutes and your
        phone.
      </p>
    </div>
  )
}

/** The header is not shown until then, so the way out is here. */
function NotNow() {
  return (
    <form action={signOut} className="not-now">
      <p>Not now?</p>
      <button type="submit" className="button button-quiet">
        Sign out
      </button>
    </form>
  )
}

const OFFER =
  'Two-factor sign-in asks for a code from an authenticator app on your ' +
  'phone as well as your password, so someone who learns your password ' +
  'still cannot sign in as you. It is up to you; we recommend it.'

export default async function SecurityPage({
  searchParams,
}: PageProps<'/account/security'>) {
  const viewer = await requireSignedIn()
  const { next, done } = await searchParams
  const returnTo = safeReturnPath(first(next))
  const finished = first(done)
  const required = needsSecondFactor(viewer)
  return (
    <div className="security">
      <h1>Sign-in security</h1>
      {required && <Required />}
      {isDone(finished) && (
        <p role="status" className="notice">
          {DONE[finished]}
        </p>
      )}
      <section className="panel" aria-labelledby="two-factor-title">
        <h2 id="two-factor-title">Two-factor sign-in</h2>
        {viewer.twoFactorEnabled ? (
          <TwoFactorOn canTurnOff={!isStaff(viewer)} />
        ) : (
          <>
            {!isStaff(viewer) && <p>{OFFER}</p>}
            <TwoFactorSetup returnTo={returnTo} />
          </>
        )}
      </section>
      {required ? (
        <NotNow />
      ) : (
        <section className="panel" aria-labelledby="password-title">
          <h2 id="password-title">Change your password</h2>
          <p>Changing it signs you out everywhere else you are signed in.</p>
          <ChangePasswordForm />
        </section>
      )}
    </div>
  )
}
