import { describe, expect, it } from 'vitest'
import { safeReturnPath } from './return-path'

describe('safeReturnPath', () => {
  it('keeps a path on this site with its query and fragment', () => {
    expect(safeReturnPath('/tickets/42?tab=notes#top')).toBe(
      '/tickets/42?tab=notes#top',
    )
  })

  it('falls back to the tickets when there is nothing to go back to', () => {
    expect(safeReturnPath(undefined)).toBe('/tickets')
    expect(safeReturnPath('')).toBe('/tickets')
    expect(safeReturnPath(['/tickets/1'])).toBe('/tickets')
  })

  it.each([
    ['a protocol-relative address', '//evil.example'],
    ['a tab the browser drops', '/\t/evil.example'],
    ['a newline the browser drops', '/\n/evil.example'],
    ['a backslash read as a slash', '/\\evil.example'],
    ['an absolute address', 'https://evil.example/tickets'],
    ['a script address', 'javascript:alert(1)'],
    ['dot segments that leave a double slash', '/.//evil.example'],
    ['parent segments that leave a double slash', '/a/..//evil.example'],
  ])('refuses %s', (_what, value) => {
    expect(safeReturnPath(value)).toBe('/tickets')
  })

  it('keeps encoded slashes as a path on this site', () => {
    expect(safeReturnPath('/%2F%2Fevil.example')).toBe('/%2F%2Fevil.example')
  })
})
