import { getDb } from '../db/client'
import { portalUrl } from '../env'
import { getBoss } from '../jobs/boss'
import { log } from '../log'
import { MAIL_QUEUE, type Mail } from '../mail/mail'
import { clearFailures } from './throttle'

// Password resets: better-auth makes the one-time token and calls this; the
// link is mailed through the queue. Nobody learns from the answer whether
// the address has an account, and a removed account gets no mail.

/** Where an invitation or reset link points: the set-password page. */
export function setPasswordLink(token: string): string {
  return `${portalUrl()}/set-password/${encodeURIComponent(token)}`
}

export async function mailResetLink(userId: string, token: string) {
  const user = await getDb().portalUser.findUnique({ where: { id: userId } })
  if (!user || user.disabledAt) {
    log.info({ userId }, 'password reset for a removed account; no mail')
    return
  }
  const mail: Mail = {
    to: user.email,
    template: 'password-reset',
    link: setPasswordLink(token),
    name: user.name,
    clientName: null,
    inviterName: null,
  }
  await forgetOlderLinks(userId)
  await (await getBoss()).send(MAIL_QUEUE, mail)
  log.info({ userId }, 'password reset asked; mail enqueued')
}

/**
 * Only the newest link works: one mailed earlier (a reset, an invitation)
 * dies when another is sent. Tokens are stored hashed, so they are told
 * apart by the user they name, and the newest is the one just made. A
 * sign-in challenge of the user's in flight goes with them; it is started
 * again in a moment.
 */
export async function forgetOlderLinks(userId: string) {
  await getDb().$executeRaw`
    DELETE FROM verifications
     WHERE value = ${userId}
       AND id <> (SELECT id FROM verifications WHERE value = ${userId}
                   ORDER BY created_at DESC, id DESC LIMIT 1)`
}

/** After a password is set from a link, no other link of theirs works. */
export async function afterPasswordSet(user: { id: string; email: string }) {
  await getDb().verification.deleteMany({ where: { value: user.id } })
  await clearFailures(user.email)
  log.info({ userId: user.id }, 'password set; other links and locks gone')
}
