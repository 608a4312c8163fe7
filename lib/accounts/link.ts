import { z } from 'zod'
import type { Db } from '../db/client'
import type { Logger } from '../log'
import type { HaloClient } from '../upstream/halo'
import { findHaloUsers } from '../upstream/halo-directory'

// The worker links an invited portal user to the Halo end user with the
// same email at the same client, so the tickets they raise carry their
// name in Halo. No such user is not an error to retry: the portal user
// works without one, and the users page shows them as not linked.

const LINK_TIMEOUT_MS = 10_000

export const accountLinkSchema = z.object({ userId: z.uuid() })

export async function linkHaloUser(
  data: unknown,
  deps: { db: Db; halo: HaloClient; log: Logger },
) {
  const { userId } = accountLinkSchema.parse(data)
  const user = await deps.db.portalUser.findUnique({
    where: { id: userId },
    include: { client: true },
  })
  if (!user?.client || user.haloUserId !== null) return
  const signal = AbortSignal.timeout(LINK_TIMEOUT_MS)
  const found = await findHaloUsers(deps.halo, user.email, signal)
  const match = found.find(
    (candidate) =>
      candidate.emailaddress?.toLowerCase() === user.email &&
      candidate.client_id === user.client?.haloId,
  )
  if (!match) {
    deps.log.warn(
      { userId, clientId: user.clientId },
      'no Halo end user at this client has the email; left unlinked',
    )
    return
  }
  await deps.db.portalUser.updateMany({
    where: { id: userId, haloUserId: null },
    data: { haloUserId: match.id, syncedAt: new Date() },
  })
  deps.log.info({ userId, haloUserId: match.id }, 'portal user linked')
}
