import type { Client, User } from './store'

// The demo tenant's companies and end users. The two `customer-*` addresses
// are the portal's demo sign-ins; the rest make the lists look lived in.

export const ACME_ID = 101
export const BRIGHTWATER_ID = 102

export const seedClients: Client[] = [
  { id: ACME_ID, name: 'Acme Dental Group', inactive: false },
  { id: BRIGHTWATER_ID, name: 'Brightwater Logistics', inactive: false },
]

const sites = {
  [ACME_ID]: { site_id: 11, site_name: 'Head Office' },
  [BRIGHTWATER_ID]: { site_id: 21, site_name: 'Distribution Centre' },
}

type UserRow = [id: number, client: number, name: string, email: string]

const userRows: UserRow[] = [
  [201, ACME_ID, 'Alice Morgan', 'customer-a@example.com'],
  [202, ACME_ID, 'Priya Shah', 'priya.shah@acmedental.example'],
  [203, ACME_ID, 'Tom Fletcher', 'tom.fletcher@acmedental.example'],
  [204, ACME_ID, 'Grace Okafor', 'grace.okafor@acmedental.example'],
  [205, ACME_ID, 'Dana Reyes', 'admin-a@example.com'],
  [211, BRIGHTWATER_ID, 'Ben Hughes', 'customer-b@example.com'],
  [212, BRIGHTWATER_ID, 'Maria Lopez', 'maria.lopez@brightwater.example'],
  [213, BRIGHTWATER_ID, 'Daniel Kim', 'daniel.kim@brightwater.example'],
]

function toUser([id, clientId, name, email]: UserRow): User {
  const [firstname = '', surname = ''] = name.split(' ')
  const client = seedClients.find((c) => c.id === clientId)

  return {
    id,
    name,
    firstname,
    surname,
    emailaddress: email,
    phonenumber: `01632 960${String(id).padStart(3, '0')}`,
    client_id: clientId,
    client_name: client?.name ?? '',
    ...sites[clientId as keyof typeof sites],
    inactive: false,
  }
}

export const seedUsers: User[] = userRows.map(toUser)
