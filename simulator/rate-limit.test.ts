import { describe, expect, it } from 'vitest'
import { sharedTestSimulator, waitFor } from './test-client'

const sim = sharedTestSimulator()

async function limitTo(limit: number, windowMs: number, more: object = {}) {
  const token = await sim.token()
  await sim.control('chaos', 'PUT', { rateLimit: { limit, windowMs, ...more } })
  return token
}

async function stats() {
  return (await sim.control('stats')).json()
}

describe('rate limiting', () => {
  it('answers 429 "Rate Limit Reached" beyond the limit', async () => {
    const token = await limitTo(3, 300)
    for (let i = 0; i < 3; i++) {
      expect((await sim.apiWith(token, 'Tickets/1001')).status).toBe(200)
    }

    const refused = await sim.apiWith(token, 'Tickets/1001')
    expect(refused.status).toBe(429)
    expect(await refused.text()).toBe('Rate Limit Reached')
    expect(refused.headers.get('retry-after')).toBe('1')
    expect((await stats()).rateLimited).toBe(1)
  })

  it('counts token requests in the same window', async () => {
    await limitTo(2, 300)
    const token = await sim.token()
    expect((await sim.apiWith(token, 'Client')).status).toBe(200)
    expect((await sim.apiWith(token, 'Client')).status).toBe(429)
  })

  it('saves nothing from a refused write', async () => {
    const token = await limitTo(1, 300)
    await sim.apiWith(token, 'Client')
    const refused = await sim.apiWith(token, 'Tickets', {
      method: 'POST',
      body: JSON.stringify([{ summary: 'Refused', client_id: 101 }]),
    })

    expect(refused.status).toBe(429)
    expect((await stats()).created.tickets).toBe(0)
    expect(await (await sim.control('writes')).json()).toEqual([])
  })

  it('lets a request in once the oldest has left the window', async () => {
    const token = await limitTo(2, 300)
    const started = Date.now()
    await sim.apiWith(token, 'Client')
    await sim.apiWith(token, 'Client')
    expect((await sim.apiWith(token, 'Client')).status).toBe(429)

    await waitFor(async () => {
      const response = await sim.apiWith(token, 'Client')
      return response.status === 200 ? true : undefined
    })
    expect(Date.now() - started).toBeGreaterThanOrEqual(300)
  })

  it('rounds Retry-After up to the whole seconds until a slot frees', async () => {
    const token = await limitTo(1, 2500)
    await sim.apiWith(token, 'Client')
    const refused = await sim.apiWith(token, 'Client')
    expect(refused.headers.get('retry-after')).toBe('3')
  })

  it('leaves Retry-After out when retryAfter is false', async () => {
    const token = await limitTo(1, 300, { retryAfter: false })
    await sim.apiWith(token, 'Client')
    const refused = await sim.apiWith(token, 'Client')
    expect(refused.status).toBe(429)
    expect(refused.headers.has('retry-after')).toBe(false)
  })

  it('never limits its own control endpoints', async () => {
    await limitTo(1, 60_000)
    await fetch(`${sim.base}/api/authinfo`)
    for (let i = 0; i < 3; i++) {
      expect((await sim.control('stats')).status).toBe(200)
    }
  })

  it('stops limiting when rateLimit is set to null', async () => {
    const token = await limitTo(1, 60_000)
    await sim.apiWith(token, 'Client')
    await sim.control('chaos', 'PUT', { rateLimit: null })
    expect((await sim.apiWith(token, 'Client')).status).toBe(200)
    expect((await sim.apiWith(token, 'Client')).status).toBe(200)
  })
})
