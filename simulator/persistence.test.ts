import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Action, Quote } from './store'
import { startTestClient, type TestClient } from './test-client'

function tempDataFile(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sim-'))
  return path.join(dir, 'halo.json')
}

async function restart(first: TestClient, dataFile: string) {
  await first.simulator.close()
  return startTestClient({ dataFile })
}

async function read<T>(sim: TestClient, what: string): Promise<T> {
  return (await sim.control(what)).json()
}

describe('a simulator with a data file', () => {
  it('keeps notes, approvals and the write log across a restart', async () => {
    const dataFile = tempDataFile()
    const first = await startTestClient({ dataFile })
    await first.post('Actions', [{ ticket_id: 1001, note: 'Kept' }])
    await first.post('Quotation/Approval', [{ id: 3001, result: true }])

    const second = await restart(first, dataFile)
    await second.post('Tickets', [{ id: 1001, status_id: 2 }])
    const actions = await read<Action[]>(second, 'store/actions')
    const quotes = await read<Quote[]>(second, 'store/quotes')
    const writes = await read<{ seq: number }[]>(second, 'writes')
    await second.simulator.close()

    expect(actions.some((a) => a.note === 'Kept')).toBe(true)
    expect(quotes.find((q) => q.id === 3001)?.approvalstate).toBe(1)
    expect(writes.map((w) => w.seq)).toEqual([1, 2, 3])
  })

  it('takes quotes and notes from the seed when an older file lacks them', async () => {
    const dataFile = tempDataFile()
    const first = await startTestClient({ dataFile })
    await first.post('Tickets', [{ summary: 'Old', client_id: 101 }])
    await first.simulator.close()
    const { clients, users, tickets, nextTicketId } = JSON.parse(
      readFileSync(dataFile, 'utf8'),
    )
    const older = { clients, users, tickets, nextTicketId }
    writeFileSync(dataFile, JSON.stringify(older))

    const second = await startTestClient({ dataFile })
    const quotes = await read<Quote[]>(second, 'store/quotes')
    const stored = await read<{ summary: string }[]>(second, 'store/tickets')
    await second.simulator.close()
    expect(quotes).toHaveLength(5)
    expect(stored.at(-1)?.summary).toBe('Old')
  })
})
