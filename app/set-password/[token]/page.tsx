import type { Metadata } from 'next'
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
