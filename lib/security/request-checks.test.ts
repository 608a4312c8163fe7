import { describe, expect, it } from 'vitest'
import {
  crossSiteProblem,
  MAX_BODY_BYTES,
  readJsonBody,
} from './request-checks'

// The checks every write route runs first, on real Request objects.

const SITE = 'portal.example.com'

function headers(values: Record<string, string>) {
  return new Headers({ host: SITE, ...values })
}

describe('crossSiteProblem', () => {
  it('lets a write from this site through', () => {
    expect(crossSiteProblem(headers({ origin: `https://${SITE}` }))).toBe(
      undefined,
    )
  })

  it('compares with the host a proxy in front names', () => {
    const forwarded = headers({
      host: '127.0.0.1:3000',
      'x-forwarded-host': SITE,
      origin: `https://${SITE}`,
    })
    expect(crossSiteProblem(forwarded)).toBe(undefined)
  })

  it.each([
    ['another site', 'https://evil.example'],
    ['another port of this host', `https://${SITE}:8443`],
    ['a sandboxed page', 'null'],
    ['something that is no origin', 'not a url'],
  ])('refuses an Origin of %s, naming it', (_what, origin) => {
    const problem = crossSiteProblem(headers({ origin }))
    expect(problem).toContain(`Origin ${origin} is not this site (${SITE})`)
  })

  it('trusts Sec-Fetch-Site only when there is no Origin', () => {
    const sameOrigin = { 'sec-fetch-site': 'same-origin' }
    expect(crossSiteProblem(headers(sameOrigin))).toBe(undefined)
    const forged = { ...sameOrigin, origin: 'https://evil.example' }
    expect(crossSiteProblem(headers(forged))).toMatch(/^Origin/)
  })

  it.each(['same-site', 'cross-site', 'none'])(
    'refuses Sec-Fetch-Site %s without an Origin',
    (site) => {
      const problem = crossSiteProblem(headers({ 'sec-fetch-site': site }))
      expect(problem).toMatch(new RegExp(`^Sec-Fetch-Site is ${site};`))
    },
  )

  it('refuses a write that names neither', () => {
    expect(crossSiteProblem(headers({}))).toMatch(/names no Origin/)
  })

  it('cuts a long forged value short in its answer', () => {
    const origin = `https://${'a'.repeat(500)}.example`
    expect(crossSiteProblem(headers({ origin }))?.length).toBeLessThan(300)
  })
})

function post(body: BodyInit, extra: Record<string, string> = {}) {
  return new Request(`https://${SITE}/api/tickets`, {
    method: 'POST',
    body,
    headers: extra,
    duplex: 'half',
  } as RequestInit)
}

function streamOf(parts: Uint8Array[]) {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const part of parts) controller.enqueue(part)
      controller.close()
    },
  })
}

describe('readJsonBody', () => {
  it('parses a body of exactly the limit', async () => {
    const json = JSON.stringify({ details: '' })
    const padded = json.replace(
      '""',
      `"${'x'.repeat(MAX_BODY_BYTES - json.length)}"`,
    )
    expect(new TextEncoder().encode(padded).byteLength).toBe(MAX_BODY_BYTES)
    const outcome = await readJsonBody(post(padded))
    expect(outcome.ok).toBe(true)
  })

  it('refuses one byte more, with a field error for the body', async () => {
    const outcome = await readJsonBody(post(' '.repeat(MAX_BODY_BYTES + 1)))
    expect(outcome).toEqual({
      ok: false,
      status: 413,
      errors: { body: ['The body is larger than 64 KiB; send less text.'] },
    })
  })

  it('counts a stream that sends more than it declares', async () => {
    const part = new Uint8Array(16 * 1024).fill(32)
    const stream = streamOf([part, part, part, part, part])
    const outcome = await readJsonBody(post(stream, { 'content-length': '2' }))
    expect(outcome).toMatchObject({ ok: false, status: 413 })
  })

  it('stops reading once the stream passes the limit', async () => {
    let pulled = 0
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1
        controller.enqueue(new Uint8Array(1024).fill(32))
      },
    })
    const outcome = await readJsonBody(post(endless))
    expect(outcome).toMatchObject({ ok: false, status: 413 })
    expect(pulled).toBeLessThan(MAX_BODY_BYTES / 1024 + 4)
  })

  it('refuses a declared length over the limit unread', async () => {
    const stream = streamOf([new Uint8Array([123, 125])])
    const declared = { 'content-length': String(MAX_BODY_BYTES + 1) }
    const outcome = await readJsonBody(post(stream, declared))
    expect(outcome).toMatchObject({ ok: false, status: 413 })
  })

  it('names where malformed JSON breaks', async () => {
    const outcome = await readJsonBody(post('{"summary": "x",'))
    expect(outcome).toEqual({
      ok: false,
      status: 400,
      errors: {
        body: ['The body is not valid JSON at character 16; send an object.'],
      },
    })
  })

  it('does not quote a malformed body back', async () => {
    const outcome = await readJsonBody(post('{"summary": secret-words}'))
    expect(outcome).toMatchObject({ ok: false, status: 400 })
    expect(JSON.stringify(outcome)).not.toContain('secret')
  })

  it('refuses bytes that are not UTF-8', async () => {
    const outcome = await readJsonBody(post(new Uint8Array([123, 0xff, 125])))
    expect(outcome).toMatchObject({ ok: false, status: 400 })
  })

  it('reads an empty body as no value', async () => {
    expect(await readJsonBody(post(''))).toEqual({ ok: true, value: undefined })
  })
})
