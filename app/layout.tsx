import './globals.css'
import type { Metadata } from 'next'
import { type HeaderUser, SiteHeader } from '@/components/site-header'
import { errorMessage, log } from '@/lib/log'
import { canManageUsersOf, isStaff } from '@/lib/viewer'
import { clientLabel } from './_server/clients'
import { countOpen } from './_server/escalations'
import { getViewer } from './_server/viewer'
import { signOut } from './actions'
import { Providers } from './providers'

export const metadata: Metadata = {
  title: { default: 'Client portal', template: '%s · Client portal' },
  description: 'Your tickets with the service desk.',
}

// Every page depends on who is signed in.
export const dynamic = 'force-dynamic'

/** A number beside the link is a nicety; the header shows without it. */
async function openEscalations(): Promise<number | null> {
  try {
    return await countOpen()
  } catch (error) {
    log.warn({ reason: errorMessage(error) }, 'header could not count')
    return null
  }
}

/** The header's user; null rather than an error, so pages can explain. */
async function headerUser(): Promise<HeaderUser | null> {
  try {
    const viewer = await getViewer()
    if (!viewer) return null
    const staff = isStaff(viewer)
    return {
      name: viewer.name,
      client: clientLabel(viewer),
      staff,
      manageUsers: canManageUsersOf(viewer, viewer.clientId),
      openEscalations: staff ? await openEscalations() : null,
    }
  } catch (error) {
    log.warn({ reason: errorMessage(error) }, 'header could not load user')
    return null
  }
}

export default async function RootLayout({ children }: LayoutProps<'/'>) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader user={await headerUser()} signOut={signOut} />
        <Providers>
          <main id="main" className="page">
            {children}
          </main>
        </Providers>
      </body>
    </html>
  )
}
