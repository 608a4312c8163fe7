import { randomBytes, randomUUID } from 'node:crypto'
import { fromPrisma, type PgBoss } from 'pg-boss'
import { z } from 'zod'
import { recordAudit } from '../audit/record'
import { getAuth } from '../auth/auth'
import { forgetOlderLinks, setPasswordLink } from '../auth/reset'
import { emailField } from '../auth/session'
import { type Db, dbNow } from '../db/client'
import { getEnv } from '../env'
import { ACCOUNT_LINK_QUEUE } from '../jobs/registry'
import { log } from '../log'
import { MAIL_QUEUE, type Mail } from '../mail/mail'
import { type FieldErrors, plainText } from '../tickets/fields'
import { canManageUsersOf, type Viewer } from '../viewer'

// Giving someone access: a portal user for one client, not yet able to sign
// in, and a one-time link (better-auth's reset token, valid for
// INVITATION_TTL_HOURS) mailed through the queue. Opening the link and
// choosing a password creates their credential; a second use is refused.
// The Halo end user is linked by the worker, which may call Halo.

export const INVITABLE_ROLES = ['customer', 'customer_admin'] as const

export const invitationSchema = z.object({
  email: emailField(
    'Enter their email address.',
    'Enter an email address such as name@company.com.',
  ),
  name: plainText('Enter their name.').pipe(
    z
      .string()
      .min(1, 'Enter their name.')
      .max(120, 'A name is at most 120 characters.'),
  ),
  role: z.enum(INVITABLE_ROLES, {
    error: 'Choose Customer or Customer admin.',
  }),
  clientId: z.uuid('Choose the client they belong to.'),
})

export type InvitationInput = z.infer<typeof invitationSchema>

export type InviteResult =
  | { ok: true; userId: string }
  | { ok: false; errors: FieldErrors }
  | { ok: false; notFound: true }

export async function inviteUser(
  db: Db,
  boss: PgBoss,
  actor: Viewer,
  input: unknown,
): Promise<InviteResult> {
  const parsed = invitationSchema.safeParse(input)
  if (!parsed.success) {
    return { ok: false, errors: z.flattenError(parsed.error).fieldErrors }
  }
  const invitation = parsed.data
  if (!canManageUsersOf(actor, invitation.clientId)) {
    return { ok: false, notFound: true }
  }
  const client = await db.client.findUnique({
    where: { id: invitation.clientId },
  })
  if (!client) return { ok: false, notFound: true }
  const taken = await db.portalUser.findUnique({
    where: { email: invitation.email },
  })
  // Someone whose access was removed from this client may be invited
  // back: they choose a new password, the old one is gone.
  const returning = taken?.disabledAt && taken.clientId === client.id
  if (taken && !returning) {
    return {
      ok: false,
      errors: { email: ['Someone with this email has an account already.'] },
    }
  }

  const userId = taken?.id ?? randomUUID()
  const link = await issueInvitationLink(db, userId)
  const fields = {
    name: invitation.name,
    role: invitation.role,
    clientId: client.id,
    invitedById: actor.userId,
    disabledAt: null,
  }
  await db.$transaction(async (tx) => {
    await tx.account.deleteMany({ where: { userId } })
    await tx.portalUser.upsert({
      where: { id: userId },
      create: { id: userId, email: invitation.email, ...fields },
      update: fields,
    })
    const mail = invitationMail(invitation, client.name, actor, link)
    await sendInvitationJobs(boss, tx, mail, userId)
    await recordUserChange(tx, actor, 'user-invite', {
      id: userId,
      clientId: client.id,
    })
  })
  log.info(
    { userId, clientId: client.id, invitedBy: actor.userId },
    'invitation accepted; mail enqueued',
  )
  return { ok: true, userId }
}

/** The invitation mail to someone, naming who invited them and where. */
export function invitationMail(
  to: { email: string; name: string },
  clientName: string | null,
  actor: Viewer,
  link: string,
): Mail {
  return {
    to: to.email,
    template: 'invitation',
    link,
    name: to.name,
    clientName,
    inviterName: actor.name,
  }
}

/** The audit row of a change to a portal user of a client. */
export function recordUserChange(
  tx: Parameters<typeof recordAudit>[0],
  actor: Viewer,
  action: 'user-invite' | 'user-remove',
  user: { id: string; clientId: string },
) {
  return recordAudit(tx, {
    actor,
    clientId: user.clientId,
    action,
    entity: { type: 'portal-user', id: user.id },
    mutationId: randomUUID(),
  })
}

/**
 * A one-time token for the user, stored (hashed) before the user exists so
 * that the transaction that creates them has nothing left to fail on but
 * its own rows; a token whose transaction rolled back names nobody.
 */
export async function issueInvitationLink(
  db: Db,
  userId: string,
): Promise<string> {
  const token = randomBytes(24).toString('base64url')
  const hours = getEnv().INVITATION_TTL_HOURS
  const expiresAt = new Date((await dbNow(db)).getTime() + hours * 3_600_000)
  const context = await getAuth().$context
  await context.internalAdapter.createVerificationValue({
    identifier: `reset-password:${token}`,
    value: userId,
    expiresAt,
  })
  await forgetOlderLinks(userId)
  return setPasswordLink(token)
}

async function sendInvitationJobs(
  boss: PgBoss,
  tx: Parameters<typeof fromPrisma>[0],
  mail: Mail,
  userId: string,
) {
  const db = fromPrisma(tx)
  await boss.send(MAIL_QUEUE, mail, { db })
  await boss.send(ACCOUNT_LINK_QUEUE, { userId }, { db })
}

export const staffInvitationSchema = invitationSchema.pick({
  email: true,
  name: true,
})

/**
 * A member of staff, invited by whoever runs `npm run invite-staff` on the
 * server: staff see every client, so no page can make one. Returns the
 * one-time link for that person to choose a password (and then set up
 * their authenticator, which staff must).
 */
export async function inviteStaff(db: Db, input: unknown): Promise<string> {
  const { email, name } = staffInvitationSchema.parse(input)
  const taken = await db.portalUser.findUnique({ where: { email } })
  if (taken) throw new Error(`${email} has an account already`)
  const userId = randomUUID()
  const link = await issueInvitationLink(db, userId)
  await db.portalUser.create({
    data: { id: userId, email, name, role: 'staff' },
  })
  log.info({ userId }, 'staff invitation made from the command line')
  return link
}
