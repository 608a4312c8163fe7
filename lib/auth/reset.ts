import { getDb } from '../db/client'
import { portalUrl } from '../env'
import { getBoss } from '../jobs/boss'
import { log } from '../log'
import { MAIL_QUEUE, type Mail } from '../mail/mail'

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
  await (await getBoss()).send(MAIL_QUEUE, mail)
  log.info({ userId }, 'password reset asked; mail enqueued')
}
