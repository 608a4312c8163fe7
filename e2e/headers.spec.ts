import { expect, test } from '@playwright/test'
import { signIn } from './support'

// The portal's pages run only the scripts Next.js wrote into them, under a
// Content-Security-Policy whose nonce is new on every request, and no
// answer may be framed, sniffed or leak its address to other sites.

const FIXED_HEADERS = {
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
}

function nonceOf(policy: string | undefined) {
  return /'nonce-([^']+)'/.exec(policy ?? '')?.[1]
}

test('pages and JSON answers carry the security headers', async ({
  request,
}) => {
  const page = (await request.get('/login')).headers()
  expect(page).toMatchObject(FIXED_HEADERS)
  expect(page['strict-transport-security']).toMatch(/^max-age=\d+/)
  const policy = page['content-security-policy']
  expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/)
  for (const directive of [
    "style-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ]) {
    expect(policy).toContain(directive)
  }
  expect(policy).not.toContain('unsafe-')

  const api = (await request.get('/api/health')).headers()
  expect(api).toMatchObject({
    ...FIXED_HEADERS,
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  })
})

test('each page gets a nonce of its own, on every script Next.js writes', async ({
  request,
}) => {
  const first = await request.get('/login')
  const second = await request.get('/login')
  const nonce = nonceOf(first.headers()['content-security-policy'])
  expect(nonce).toBeTruthy()
  expect(nonceOf(second.headers()['content-security-policy'])).not.toBe(nonce)

  const html = await first.text()
  const scripts = html.match(/<script\b[^>]*>/g) ?? []
  expect(scripts.length).toBeGreaterThan(0)
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`)

  // Static files get the fixed headers but no page policy of their own.
  const src = /<script\b[^>]*\ssrc="([^"]+)"/.exec(html)?.[1]
  expect(src).toMatch(/^\/_next\/static\//)
  const asset = (await request.get(src as string)).headers()
  expect(asset).toMatchObject(FIXED_HEADERS)
  expect(asset['content-security-policy']).toBeUndefined()
})

test('a customer signs in and opens a ticket with no policy violation', async ({
  page,
}) => {
  const violations: string[] = []
  await page.exposeFunction('reportViolation', (text: string) => {
    violations.push(text)
  })
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as Record<string, unknown>)
        .reportViolation as (text: string) => void
      report(`${event.violatedDirective} blocked ${event.blockedURI}`)
    })
  })

  await signIn(page, 'customer-a@example.com')
  const landed = page.getByRole('row').filter({ hasText: /#\d+/ })
  await landed.first().getByRole('link').click()
  await expect(page).toHaveURL(/\/tickets\/[^/]+$/)
  // The Edit button works only once React runs on the page.
  await page.getByRole('button', { name: 'Edit' }).click()
  await expect(page.getByLabel('Summary')).toBeVisible()
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByRole('button', { name: 'Edit' })).toBeFocused()

  expect(violations).toEqual([])
})
