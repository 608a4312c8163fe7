import { describe, expect, it } from 'vitest'
import { sharedTestSimulator } from './test-client'

const sim = sharedTestSimulator()

async function received() {
  return (await sim.control('webhooks')).json()
}

describe('the webhook receiver', () => {
  it('keeps each notification in order with when it came', async () => {
    for (const event of ['job.failed', 'job.escalated']) {
      const response = await sim.control('webhooks', 'POST', { event })
      expect(response.status).toBe(204)
    }

    const hooks = await received()
    expect(hooks.map((h: { body: unknown }) => h.body)).toEqual([
      { event: 'job.failed' },
      { event: 'job.escalated' },
    ])
    expect(Date.parse(hooks[0].at)).toBeGreaterThan(Date.now() - 5000)
    expect(hooks[0].headers['content-type']).toBe('application/json')
  })

  it('refuses a body that is not JSON with 400', async () => {
    const response = await fetch(`${sim.base}/__sim/webhooks`, {
      method: 'POST',
      body: 'not json',
    })
    expect(response.status).toBe(400)
    expect(await received()).toEqual([])
  })

  it('forgets them on reset', async () => {
    await sim.control('webhooks', 'POST', { event: 'x' })
    await sim.control('reset', 'POST')
    expect(await received()).toEqual([])
  })

  it('is never affected by chaos', async () => {
    await sim.control('chaos', 'PUT', {
      down: true,
      rateLimit: { limit: 1, windowMs: 60_000 },
    })
    const response = await sim.control('webhooks', 'POST', { event: 'x' })
    expect(response.status).toBe(204)
  })
})
