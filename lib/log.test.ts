import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { createLogger, SECRET_KEYS } from './log'

// What a log line keeps and what it never shows.

function capture() {
  const lines: string[] = []
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk))
      done()
    },
  })
  const log = createLogger(stream)
  log.level = 'info'
  return { log, output: () => lines.join('') }
}

describe('the logger', () => {
  it('masks every secret key at the top, one and two levels down', () => {
    const { log, output } = capture()
    for (const key of SECRET_KEYS) {
      const marker = `marker-${key}`
      log.info(
        {
          [key]: `${marker}-top`,
          headers: { [key]: `${marker}-one` },
          req: { headers: { [key]: `${marker}-two` } },
        },
        'probe',
      )
      expect(output()).not.toContain(marker)
    }
    expect(output()).toContain('[redacted]')
  })

  it('keeps the fields that are not secret', () => {
    const { log, output } = capture()
    log.info(
      { route: 'POST /api/tickets', headers: { accept: 'application/json' } },
      'halo request',
    )
    const line = JSON.parse(output())
    expect(line).toMatchObject({
      route: 'POST /api/tickets',
      headers: { accept: 'application/json' },
      msg: 'halo request',
    })
  })
})
