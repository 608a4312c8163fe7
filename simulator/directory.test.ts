import { describe, expect, it } from 'vitest'
import { sharedTestSimulator } from './test-client'

const sim = sharedTestSimulator()

async function getJson(path: string) {
  return (await sim.api(path)).json()
}

describe('clients and users', () => {
  it('lists the two seeded client companies', async () => {
    const answer = await getJson('Client')
    expect(answer.record_count).toBe(2)
    expect(answer.clients.map((c: { name: string }) => c.name)).toEqual([
      'Acme Dental Group',
      'Brightwater Logistics',
    ])
  })

  it('finds an end user by email address', async () => {
    const answer = await getJson('Users?search=customer-b@example.com')
    expect(answer.users).toHaveLength(1)
    expect(answer.users[0]).toMatchObject({ id: 211, client_id: 102 })
  })

  it('lists only the users of the client asked for', async () => {
    const answer = await getJson('Users?client_id=101')
    expect(answer.record_count).toBe(5)
  })

  it('answers 404 for a client or user it does not have', async () => {
    expect((await sim.api('Client/101')).status).toBe(200)
    expect((await sim.api('Client/5')).status).toBe(404)
    expect((await sim.api('Users/5')).status).toBe(404)
  })
})
