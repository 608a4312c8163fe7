import type { PgBoss } from 'pg-boss'
import { fromPrisma } from 'pg-boss'
import type { Db } from '../db/client'
import { log } from '../log'
import { MAIL_QUEUE } from '../mail/mail'
import { canManageUsersOf, type Viewer } from '../viewer'
import { invitationMail, issueInvitationLink, recordUserChange } from './invite'

// A client's portal users as their customer admin (or staff) sees them, and
// what they may do about one: send the invitation again, or remove access.

export type UserState = 'invited' | 'active' | 'removed'

export interface ClientUser {
  id: string
  email: string
  name: string
  role: string
  state: UserState
  twoFactorEnabled: boolean
  linkedToHalo: boolean
}

export async function listUsersOf(
  db: Db,
  actor: Viewer,
  clientId: string,
): Promise<ClientUser[] | null> {
  if (!canManageUsersOf(actor, clientId)) return null
  const users = await db.portalUser.findMany({
    where: { clientId },
    orderBy: [
      { disabledAt: { sort: 'desc', nulls: 'first' } },
      { name: 'asc' },
    ],
    include: { accounts: { where: { providerId: 'credential' } } },
  })
  return users.map((user) => ({
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    state: user.disabledAt
      ? 'removed'
      : user.accounts.length > 0
        ? 'active'
        : 'invited',
    twoFactorEnabled: user.twoFactorEnabled,
    linkedToHalo: user.haloUserId !== null,
  }))
}

/** The user when the actor may manage them; null reads as not found. */
async function managedUser(db: Db, actor: Viewer, userId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(userId)) return null
  const user = await db.portalUser.findUnique({
    where: { id: userId },
    include: { client: true, accounts: true },
  })
  if (!user || !canManageUsersOf(actor, user.clientId)) return null
  return user
}

/**
 * Removes someone's access: they cannot sign in, and their sessions end
 * now. Their tickets stay; so does the record of what they did.
 */
export async function removeAccess(
  db: Db,
  actor: Viewer,
  userId: string,
): Promise<'removed' | 'self' | 'not-found'> {
  const user = await managedUser(db, actor, userId)
  const clientId = user?.clientId
  if (!user || !clientId) return 'not-found'
  if (user.id === actor.userId) return 'self'
  await db.$transaction(async (tx) => {
    await tx.portalUser.update({
      where: { id: user.id },
      data: { disabledAt: new Date() },
    })
    await tx.session.deleteMany({ where: { userId: user.id } })
    await recordUserChange(tx, actor, 'user-remove', { id: user.id, clientId })
  })
  log.info({ userId, by: actor.userId }, 'portal access removed')
  return 'removed'
}

/** A fresh link for someone who has not chosen a password yet. */
export async function resendInvitation(
  db: Db,
  boss: PgBoss,
  actor: Viewer,
  userId: string,
): Promise<'sent' | 'not-found' | 'already-active'> {
  const user = await managedUser(db, actor, userId)
  const clientId = user?.clientId
  if (!user || !clientId || user.disabledAt) return 'not-found'
  if (user.accounts.length > 0) return 'already-active'
  const link = await issueInvitationLink(db, user.id)
  const mail = invitationMail(user, user.client?.name ?? null, actor, link)
  await db.$transaction(async (tx) => {
    await boss.send(MAIL_QUEUE, mail, { db: fromPrisma(tx) })
    await recordUserChange(tx, actor, 'user-invite', { id: user.id, clientId })
  })
  log.info({ userId, by: actor.userId }, 'invitation sent again')
  return 'sent'
}
