import type { Metadata } from 'next'
import { ForgotForm } from './forgot-form'

export const metadata: Metadata = { title: 'Forgot your password?' }

export default function ForgotPage() {
  return (
    <div className="sign-in">
      <h1>Forgot your password?</h1>
      <p>Enter the email you sign in with; we will send you a link.</p>
      <ForgotForm />
      <p>
        <a href="/login">Back to sign in</a>
      </p>
    </div>
  )
}
