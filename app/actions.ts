'use server'

import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { signOut as endSession } from '@/lib/auth/session'
import { errorMessage, log } from '@/lib/log'

// Signing out from the header on any page: the session row is deleted, so
// the cookie is worthless even if it was copied.

export async function signOut() {
  try {
    await endSession(await headers())
  } catch (error) {
    log.error({ reason: errorMessage(error) }, 'could not end session')
  }
  redirect('/login')
}
