'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { inviteUser } from '@/lib/accounts/invite'
import { removeAccess, resendInvitation } from '@/lib/accounts/manage'
import { getDb } from '@/lib/db/client'
import { getBoss } from '@/lib/jobs/boss'
import { errorMessage, log } from '@/lib/log'
import { requireUserManager } from '../_server/users'

// Inviting, re-inviting and removing portal users from the users page. Each
// action checks on the server who is asking; a user or client the asker
// may not manage reads as not found.

export interface InviteState {
  values: Record<string, string>
  errors: Record<string, string[]>
  error: string | null
}

const NOT_DONE =
  'That did not go through just now. Nothing was changed; try again in a ' +
  'minute.'
const NOT_FOUND = 'There is no such client or user for you to manage.'

function fields(form: FormData): Record<string, string> {
  const read = (name: string) => String(form.get(name) ?? '')
  return {
    email: read('email'),
    name: read('name'),
    role: read('role'),
    clientId: read('clientId'),
  }
}

export async function inviteWithForm(
  _previous: InviteState,
  form: FormData,
): Promise<InviteState> {
  const actor = await requireUserManager('/users')
  const values = fields(form)
  const result = await inviteUser(
    getDb(),
    await getBoss(),
    actor,
    values,
  ).catch((error: unknown) => {
    log.error({ reason: errorMessage(error) }, 'invitation failed')
    return null
  })
  if (!result) return { values, errors: {}, error: NOT_DONE }
  if (!result.ok) {
    if ('errors' in result)
      return { values, errors: result.errors, error: null }
    return { values, errors: {}, error: NOT_FOUND }
  }
  revalidatePath('/users')
  redirect(`/users?client=${values.clientId}&done=invited`)
}

const DONE_WORDS: Record<string, string> = {
  removed: 'removed',
  sent: 'sent',
}

export async function changeAccessWithForm(form: FormData) {
  const actor = await requireUserManager('/users')
  const userId = String(form.get('userId') ?? '')
  const clientId = String(form.get('clientId') ?? '')
  const change = form.get('change')
  const db = getDb()
  const outcome = await (change === 'remove'
    ? removeAccess(db, actor, userId)
    : resendInvitation(db, await getBoss(), actor, userId)
  ).catch((error: unknown) => {
    log.error({ userId, reason: errorMessage(error) }, 'access change failed')
    return 'failed' as const
  })
  revalidatePath('/users')
  const done = DONE_WORDS[outcome] ?? outcome
  redirect(`/users?client=${encodeURIComponent(clientId)}&done=${done}`)
}
