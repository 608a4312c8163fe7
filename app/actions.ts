'use server'

import { cookies } from 'next/headers'
import { redirect } from 'next/navigation'
import { endSession, SESSION_COOKIE } from '@/lib/auth/session'
import { errorMessage, log } from '@/lib/log'

// Signing out from the header on any page.

export async function signOut() {
  const store = await cookies()
  const token = store.get(SESSION_COOKIE)?.value
  if (token) {
    // The cookie goes either way; a row left behind expires by itself.
    await endSession(token).catch((error: unknown) =>
      log.warn({ reason: errorMessage(error) }, 'could not end session'),
    )
  }
  store.delete(SESSION_COOKIE)
  redirect('/login')
}
