import Link from 'next/link'

// The header on every page: who is signed in, for which client, and the way
// out. The sign-out action is handed in so components stay free of data
// access.

export interface HeaderUser {
  name: string
  client: string
  staff: boolean
  /** Staff and customer admins manage portal users. */
  manageUsers: boolean
  /** Staff only; null when the count could not be had just now. */
  openEscalations: number | null
}

function Account({
  user,
  signOut,
}: {
  user: HeaderUser
  signOut: () => Promise<void>
}) {
  return (
    <div className="account">
      <span className="account-who">
        <span className="account-name">{user.name}</span>
        <span className="account-client">{user.client}</span>
      </span>
      <Link href="/account/security">Sign-in security</Link>
      <form action={signOut}>
        <button type="submit" className="button button-quiet">
          Sign out
        </button>
      </form>
    </div>
  )
}

function EscalationsLink({ open }: { open: number | null }) {
  return (
    <Link href="/escalations">
      Escalations
      {Boolean(open) && (
        <span className="count">
          {open}
          <span className="visually-hidden"> open</span>
        </span>
      )}
    </Link>
  )
}

function MainNav({ user }: { user: HeaderUser }) {
  return (
    <nav aria-label="Main" className="main-nav">
      <Link href="/tickets">Tickets</Link>
      {user.staff && <EscalationsLink open={user.openEscalations} />}
      {user.staff && <Link href="/audit">Audit trail</Link>}
      {user.manageUsers && <Link href="/users">Users</Link>}
    </nav>
  )
}

export function SiteHeader({
  user,
  signOut,
}: {
  user: HeaderUser | null
  signOut: () => Promise<void>
}) {
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link href="/" className="brand">
          Client portal
        </Link>
        {user && <MainNav user={user} />}
        {user && <Account user={user} signOut={signOut} />}
      </div>
    </header>
  )
}
