import { describe, expect, it } from 'vitest'
import { readyLine } from './demo'

const URL = 'http://127.0.0.1:3000'

describe('readyLine', () => {
  it('names the demo accounts and the default password', () => {
    expect(readyLine(URL, 'demo')).toBe(
      'Portal ready at http://127.0.0.1:3000 — sign in as ' +
        'customer-a@example.com, customer-b@example.com, ' +
        'admin-a@example.com or ' +
        'staff@example.com with password "demo"',
    )
  })

  it('does not print a password someone chose', () => {
    const line = readyLine(URL, 'long-chosen')
    expect(line).not.toContain('long-chosen')
    expect(line).toContain('the password in DEMO_PASSWORD')
  })

  it('is only the address when no demo accounts were created', () => {
    expect(readyLine(URL, undefined)).toBe(`Portal ready at ${URL}`)
  })
})
