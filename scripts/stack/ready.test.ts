import { describe, expect, it } from 'vitest'
import { describeBody } from './ready'

describe('describeBody', () => {
  it('names the parts of a health answer that are not ok', () => {
    const body = '{"status":"degraded","db":"ok","worker":"stale"}'
    expect(describeBody(body)).toBe('worker is stale')
  })

  it('names every part that is down', () => {
    const body = '{"status":"down","db":"down","worker":"unknown"}'
    expect(describeBody(body)).toBe('db is down, worker is unknown')
  })

  it('shows a body it cannot read as it is', () => {
    expect(describeBody('Internal Server Error')).toBe('Internal Server Error')
    expect(describeBody('')).toBe('(empty)')
  })
})
