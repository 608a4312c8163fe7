import { describe, expect, it } from 'vitest'
import { sharedTestSimulator } from './test-client'

const sim = sharedTestSimulator()

async function setChaos(settings: object) {
  return sim.control('chaos', 'PUT', settings)
}

async function stats() {
  return (await sim.control('stats')).json()
}

describe('chaos', () => {
  it('fails every request at errorRate 1 and creates nothing', async () => {
    const token = await sim.token()
    await setChaos({ errorRate: 1 })
    const response = await fetch(`${sim.base}/api/Tickets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: JSON.stringify([{ summary: 'Lost', client_id: 101 }]),
    })

    expect(response.status).toBe(500)
    const after = await stats()
    expect(after.created.tickets).toBe(0)
    expect(after.failed).toBe(1)
    expect(await (await sim.control('store/tickets')).json()).toHaveLength(30)
  })

  it('drops connections without an answer while down', async () => {
    await setChaos({ down: true })
    await expect(fetch(`${sim.base}/api/authinfo`)).rejects.toThrow()
    expect((await stats()).requests).toBe(1)
  })

  it('delays answers by at least latencyMs', async () => {
    await setChaos({ latencyMs: 200 })
    const started = performance.now()
    await fetch(`${sim.base}/api/authinfo`)
    expect(performance.now() - started).toBeGreaterThanOrEqual(200)
  })

  it('adds up to latencyJitterMs at random, so answers overtake', async () => {
    await setChaos({ latencyMs: 50, latencyJitterMs: 200 })
    const started = performance.now()
    const finished: number[] = []
    const requests = Array.from({ length: 10 }, async (_, i) => {
      await fetch(`${sim.base}/api/authinfo`)
      finished.push(i)
      return performance.now() - started
    })
    const durations = await Promise.all(requests)

    expect(Math.min(...durations)).toBeGreaterThanOrEqual(50)
    expect(Math.max(...durations) - Math.min(...durations)).toBeGreaterThan(20)
    expect(finished).not.toEqual([...finished].sort((a, b) => a - b))
  })

  it('merges partial settings and resets them all on {}', async () => {
    await setChaos({ latencyMs: 50 })
    const merged = await (await setChaos({ errorRate: 0.5 })).json()
    expect(merged).toMatchObject({ latencyMs: 50, errorRate: 0.5 })

    const reset = await (await setChaos({})).json()
    expect(reset).toEqual({
      latencyMs: 0,
      latencyJitterMs: 0,
      errorRate: 0,
      down: false,
      rateLimit: null,
      faults: [],
    })
    expect((await sim.api('Tickets')).status).toBe(200)
  })

  it('refuses bad settings with 400 naming the field', async () => {
    const response = await setChaos({ errorRate: 2 })
    expect(response.status).toBe(400)
    expect(await response.text()).toContain('errorRate')
    expect(await (await sim.control('chaos')).json()).toMatchObject({
      errorRate: 0,
    })
  })

  it('never delays or fails its own control endpoints', async () => {
    await setChaos({ down: true, errorRate: 1 })
    expect((await sim.control('stats')).status).toBe(200)
  })
})

describe('stats', () => {
  it('counts /api and /auth requests by route', async () => {
    await sim.api('Tickets/1001')
    const counted = await stats()
    expect(counted.requests).toBe(2)
    expect(counted.byRoute).toEqual({
      'POST /auth/token': 1,
      'GET /api/Tickets/{id}': 1,
    })
  })
})
