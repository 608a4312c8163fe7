import { readFileSync, statSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { EnvError } from '../../lib/env'
import { resolveSettings } from './settings'

const EXTERNAL = 'postgresql://portal:secret@db.example.com:5432/portal'
const HALO = 'https://acme.halopsa.com'

const SECRET = 'an-auth-secret-of-at-least-32-characters'

let secretFile: string

beforeAll(async () => {
  const folder = await mkdtemp(path.join(tmpdir(), 'portal-settings-'))
  secretFile = path.join(folder, 'auth-secret')
})

/** Next's types make NODE_ENV required; the settings do not need it. */
const resolve = (vars: Record<string, string>) =>
  resolveSettings(vars as NodeJS.ProcessEnv, secretFile)

describe('resolveSettings', () => {
  it('runs the embedded demo with the simulator when nothing is set', () => {
    const settings = resolve({})
    expect(settings.embedded).toBe(true)
    expect(settings.halo).toBeUndefined()
    expect(settings.demoPassword).toBe('demo')
  })

  it('fails naming both credentials when HALO_URL comes alone', () => {
    expect(() => resolve({ HALO_URL: HALO })).toThrow(EnvError)
    expect(() => resolve({ HALO_URL: HALO })).toThrow(
      /HALO_CLIENT_ID and HALO_CLIENT_SECRET/,
    )
  })

  it('names only the credential that is missing', () => {
    const source = { HALO_URL: HALO, HALO_CLIENT_ID: 'portal' }
    expect(() => resolve(source)).toThrow(/so HALO_CLIENT_SECRET must/)
  })

  it('uses the tenant given by HALO_URL and its credentials', () => {
    const settings = resolve({
      HALO_URL: HALO,
      HALO_CLIENT_ID: 'portal',
      HALO_CLIENT_SECRET: 'secret',
      HALO_TENANT: 'acme',
    })
    expect(settings.halo).toEqual({
      baseUrl: HALO,
      clientId: 'portal',
      clientSecret: 'secret',
      tenant: 'acme',
    })
  })

  it('creates no demo accounts in an external database by default', () => {
    const settings = resolve({ DATABASE_URL: EXTERNAL, AUTH_SECRET: SECRET })
    expect(settings.embedded).toBe(false)
    expect(settings.demoPassword).toBeUndefined()
  })

  it('refuses the default password even when it is set by hand', () => {
    const source = {
      DATABASE_URL: EXTERNAL,
      AUTH_SECRET: SECRET,
      DEMO_PASSWORD: 'demo',
    }
    expect(resolve(source).demoPassword).toBeUndefined()
  })

  it('refuses the default password against a real Halo tenant', () => {
    const source = {
      HALO_URL: HALO,
      HALO_CLIENT_ID: 'portal',
      HALO_CLIENT_SECRET: 'secret',
    }
    expect(resolve(source).demoPassword).toBeUndefined()
  })

  it('creates demo accounts in an external database with a chosen one', () => {
    const source = {
      DATABASE_URL: EXTERNAL,
      AUTH_SECRET: SECRET,
      DEMO_PASSWORD: 'long-chosen',
    }
    expect(resolve(source).demoPassword).toBe('long-chosen')
  })

  it('needs AUTH_SECRET with an external database, and says how to make one', () => {
    expect(() => resolve({ DATABASE_URL: EXTERNAL })).toThrow(
      /AUTH_SECRET must be set.*openssl rand/s,
    )
  })

  it('makes the embedded demo a secret once, readable only by its owner', () => {
    const first = resolve({}).authSecret
    expect(first.length).toBeGreaterThanOrEqual(32)
    expect(resolve({}).authSecret).toBe(first)
    expect(readFileSync(secretFile, 'utf8').trim()).toBe(first)
    expect(statSync(secretFile).mode & 0o077).toBe(0)
  })

  it('gives the well-known staff authenticator only to the embedded demo', () => {
    expect(resolve({}).demoAuthenticator).toBe(true)
    const external = {
      DATABASE_URL: EXTERNAL,
      AUTH_SECRET: SECRET,
      DEMO_PASSWORD: 'long-chosen',
    }
    expect(resolve(external).demoAuthenticator).toBe(false)
  })
})
