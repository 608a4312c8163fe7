import { describe, expect, it } from 'vitest'
import { EnvError, parseEnv } from '../lib/env'

// The settings `npm start` and its children read: a bad value stops the
// start with a message that names the variable.

/** Next's types make NODE_ENV required; parseEnv does not need it. */
const envOf = (vars: Record<string, string>) => vars as NodeJS.ProcessEnv

function messageOf(vars: Record<string, string>): string {
  try {
    parseEnv(envOf(vars))
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError)
    return (error as EnvError).message
  }
  throw new Error('parseEnv accepted the settings')
}

describe('parseEnv', () => {
  it('rejects a DATABASE_URL that is not a PostgreSQL URL, naming it', () => {
    const message = messageOf({ DATABASE_URL: 'mysql://db.example.com/x' })
    expect(message).toMatch(/DATABASE_URL: must start with postgres/)
  })

  it('rejects a DATABASE_URL that is not a URL at all', () => {
    expect(messageOf({ DATABASE_URL: 'localhost:5432' })).toMatch(
      /DATABASE_URL/,
    )
  })

  it('rejects a HALO_URL that is not http(s), naming it', () => {
    const message = messageOf({ HALO_URL: 'ftp://halo.example.com' })
    expect(message).toMatch(/HALO_URL: must start with http/)
  })

  it('rejects a PORT that is not a port number, naming it', () => {
    expect(messageOf({ PORT: 'abc' })).toMatch(/PORT/)
    expect(messageOf({ PORT: '70000' })).toMatch(/PORT/)
  })

  it('names every bad variable at once', () => {
    const message = messageOf({ HALO_URL: 'nope', SIM_PORT: '-1' })
    expect(message).toMatch(/HALO_URL/)
    expect(message).toMatch(/SIM_PORT/)
  })

  it('applies the defaults when nothing is set', () => {
    const env = parseEnv(envOf({}))
    expect(env).toMatchObject({
      EMBEDDED_PG_PORT: 54_329,
      EMBEDDED_PG_DIR: '.data/postgres',
      SIM_PORT: 4010,
      HOST: '127.0.0.1',
      PORT: 3000,
      DEMO_PASSWORD: 'demo',
      PORTAL_DEMO: false,
      LOG_LEVEL: 'info',
    })
    expect(env.DATABASE_URL).toBeUndefined()
    expect(env.HALO_URL).toBeUndefined()
  })

  it('treats a blank variable as unset', () => {
    const env = parseEnv(envOf({ DATABASE_URL: '', PORT: '' }))
    expect(env.DATABASE_URL).toBeUndefined()
    expect(env.PORT).toBe(3000)
  })

  it('drops a trailing slash from HALO_URL', () => {
    const env = parseEnv(envOf({ HALO_URL: 'https://acme.halopsa.com/' }))
    expect(env.HALO_URL).toBe('https://acme.halopsa.com')
  })
})
