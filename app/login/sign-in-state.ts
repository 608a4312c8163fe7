// What the sign-in form shows after an attempt. The password is never sent
// back; the email is, so the reader does not type it twice.

export interface SignInState {
  email: string
  errors: Record<string, string[]>
  error: string | null
}

export const NO_ATTEMPT: SignInState = { email: '', errors: {}, error: null }
