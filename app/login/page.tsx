import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { DEMO_CUSTOMERS, DEMO_STAFF } from '@/lib/demo/accounts'
import { getEnv } from '@/lib/env'
import { safeReturnPath } from '../_server/return-path'
import { getViewer } from '../_server/viewer'
import { SignInForm } from './sign-in-form'

export const metadata: Metadata = { title: 'Sign in' }

const DEMO_ACCOUNTS = [...DEMO_CUSTOMERS, DEMO_STAFF]

function DemoHint({ password }: { password: string }) {
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
    </aside>
  )
}

export default async function LoginPage({ searchParams }: PageProps<'/login'>) {
  const { next } = await searchParams
  const returnTo = safeReturnPath(Array.isArray(next) ? next[0] : next)
  if (await getViewer()) redirect(returnTo)

  const env = getEnv()
  return (
    <div className="sign-in">
      <h1>Sign in</h1>
      <SignInForm returnTo={returnTo} />
      {env.PORTAL_DEMO && <DemoHint password={env.DEMO_PASSWORD} />}
    </div>
  )
}
