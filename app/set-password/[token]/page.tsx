import type { Metadata } from 'next'
import { isLinkAlive, LINK_EXPIRED } from '@/lib/auth/passwords'
import { SetPasswordForm } from './set-password-form'

export const metadata: Metadata = {
  title: 'Choose your password',
  // The token is in the address: no referrer carries it elsewhere.
  referrer: 'no-referrer',
}

export default async function SetPasswordPage({
  params,
}: PageProps<'/set-password/[token]'>) {
  const { token } = await params
  if (!(await isLinkAlive(token))) {
    return (
      <div className="sign-in">
        <h1>This link no longer works</h1>
        <p role="alert">{LINK_EXPIRED}</p>
        <p>
          <a href="/login/forgot">Ask for a new link</a>
        </p>
      </div>
    )
  }
  return (
    <div className="sign-in">
      <h1>Choose your password</h1>
      <p>
        At least 10 characters. A few unrelated words make a password that is
        long and easy to remember.
      </p>
      <SetPasswordForm token={token} />
    </div>
  )
}
