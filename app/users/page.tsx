import type { Metadata } from 'next'
import { ClientFilter } from '@/components/client-filter'
import { type ClientUser, listUsersOf } from '@/lib/accounts/manage'
import { getDb } from '@/lib/db/client'
import { isStaff, type Viewer } from '@/lib/viewer'
import { listClients } from '../_server/clients'
import { requireUserManager } from '../_server/users'
import { changeAccessWithForm } from './actions'
import { InviteForm } from './invite-form'

export const metadata: Metadata = { title: 'Users' }

const STATE_WORDS = {
  invited: 'Invited',
  active: 'Active',
  removed: 'Access removed',
} as const

const ROLE_WORDS: Record<string, string> = {
  customer: 'Customer',
  customer_admin: 'Customer admin',
}

const DONE_WORDS: Record<string, string> = {
  invited: 'Invitation sent. It shows as Invited until they choose a password.',
  sent: 'A new invitation link is on its way.',
  removed: 'Access removed. They are signed out everywhere.',
  self: 'You cannot remove your own access.',
  'already-active': 'They have chosen a password already.',
  'not-found': 'There is no such user for you to manage.',
  failed: 'That did not go through just now. Try again in a minute.',
}

function UserRow({
  user,
  clientId,
  self,
}: {
  user: ClientUser
  clientId: string
  self: boolean
}) {
  return (
    <tr>
      <td>
        {user.name}
        <span className="row-facts">{user.email}</span>
        <span className="row-facts narrow-only">
          {ROLE_WORDS[user.role] ?? user.role} · {STATE_WORDS[user.state]}
        </span>
      </td>
      <td className="wide-only">{ROLE_WORDS[user.role] ?? user.role}</td>
      <td className="wide-only">
        {STATE_WORDS[user.state]}
        {user.state === 'active' && user.twoFactorEnabled && ', two-factor'}
        {!user.linkedToHalo && (
          <span className="row-facts">Not linked to a Halo user yet</span>
        )}
      </td>
      <td>
        {user.state !== 'removed' && !self && (
          <form action={changeAccessWithForm} className="row-actions">
            <input type="hidden" name="userId" value={user.id} />
            <input type="hidden" name="clientId" value={clientId} />
            {user.state === 'invited' && (
              <button
                type="submit"
                name="change"
                value="resend"
                className="button button-quiet"
              >
                Invite again
                <span className="visually-hidden"> {user.name}</span>
              </button>
            )}
            <button
              type="submit"
              name="change"
              value="remove"
              className="button button-quiet"
            >
              Remove access
              <span className="visually-hidden"> of {user.name}</span>
            </button>
          </form>
        )}
      </td>
    </tr>
  )
}

async function chosenClient(viewer: Viewer, asked: string | undefined) {
  if (!isStaff(viewer)) return { clientId: viewer.clientId, clients: [] }
  const clients = await listClients()
  const known = clients.find((client) => client.id === asked)
  return { clientId: known?.id ?? clients[0]?.id ?? null, clients }
}

export default async function UsersPage({ searchParams }: PageProps<'/users'>) {
  const viewer = await requireUserManager('/users')
  const { client, done } = await searchParams
  const asked = Array.isArray(client) ? client[0] : client
  const { clientId, clients } = await chosenClient(viewer, asked)
  const users = clientId ? await listUsersOf(getDb(), viewer, clientId) : null
  const doneKey = Array.isArray(done) ? done[0] : done
  return (
    <div className="users">
      <h1>Users</h1>
      {doneKey && DONE_WORDS[doneKey] && (
        <p role="status" className="notice">
          {DONE_WORDS[doneKey]}
        </p>
      )}
      {clients.length > 0 && (
        <ClientFilter
          action="/users"
          clients={clients}
          current={clientId ?? undefined}
        />
      )}
      {users && clientId ? (
        <>
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Who</th>
                  <th scope="col" className="wide-only">
                    Access
                  </th>
                  <th scope="col" className="wide-only">
                    State
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {users.map((user) => (
                  <UserRow
                    key={user.id}
                    user={user}
                    clientId={clientId}
                    self={user.id === viewer.userId}
                  />
                ))}
              </tbody>
            </table>
          </div>
          <h2>Invite someone</h2>
          <p>
            They get an email with a link to choose their password. The link
            works once.
          </p>
          <InviteForm clientId={clientId} />
        </>
      ) : (
        <p>There is no client to manage users for.</p>
      )}
    </div>
  )
}
