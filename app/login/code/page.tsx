import type { Metadata } from 'next'
import { safeReturnPath } from '../../_server/return-path'
import { CodeForm } from './code-form'

export const metadata: Metadata = { title: 'Enter your code' }

export default async function CodePage({
  searchParams,
}: PageProps<'/login/code'>) {
  const { next } = await searchParams
  const returnTo = safeReturnPath(Array.isArray(next) ? next[0] : next)
  return (
    <div className="sign-in">
      <h1>Enter your code</h1>
      <p>
        Open your authenticator app and enter the six-digit code it shows for
        the client portal. Lost your phone? Enter one of your recovery codes
        instead.
      </p>
      <CodeForm returnTo={returnTo} />
      <p>
        <a href="/login">Start again</a>
      </p>
    </div>
  )
}
