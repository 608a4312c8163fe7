import { base32 } from '@better-auth/utils/base32'
import { createOTP } from '@better-auth/utils/otp'
import {
  type Browser,
  expect,
  type Page,
  type TestInfo,
  test,
} from '@playwright/test'
import { freshCode, PASSWORD, signIn } from './support'

// The security page as its users meet it: a customer turns two-factor
// sign-in on with an authenticator app, signs in with recovery codes, and
// turns it off again; staff cannot turn it off; a new password is checked
// before better-auth sees it. The customer is a shared demo account, so
// whatever a test turned on is turned off after it.

const CUSTOMER = 'customer-a@example.com'
const STAFF = 'staff@example.com'
const PERIOD_MS = 30_000

/** The setup key as the page shows it: base32, in groups of four. */
const SETUP_KEY = /^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/

/** The authenticator secret of the key the page showed, as the app has it. */
function secretOf(setupKey: string): Uint8Array {
  return base32.decode(setupKey.replaceAll(' ', ''))
}

/** A code the portal has not seen yet: it takes each one once. */
function codeNow(secret: Uint8Array): Promise<string> {
  return freshCode(secret)
}

/** Six digits that no code around now is, so the refusal is certain. */
async function wrongCode(secret: Uint8Array): Promise<string> {
  const otp = createOTP(secret)
  const now = Math.floor(Date.now() / PERIOD_MS)
  const near = [now - 1, now, now + 1, now + 2].map((step) => otp.hotp(step))
  const valid = new Set(await Promise.all(near))
  return ['123456', '654321', '111111'].find((code) => !valid.has(code)) ?? ''
}

async function enterPassword(page: Page) {
  await page.goto('/login')
  await page.getByLabel('Email').fill(CUSTOMER)
  await page.getByLabel('Password').fill(PASSWORD)
  await page.getByLabel('Password').press('Enter')
}

async function enterCode(page: Page, code: string) {
  await page.getByLabel('Code').fill(code)
  await page.getByLabel('Code').press('Enter')
}

/** The confirmation the page shows after a change. */
function notice(page: Page, text: string) {
  return page.getByRole('status').filter({ hasText: text })
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page).toHaveURL(/\/login/)
}

/** Whatever a test left behind, the customer signs in without a code. */
async function turnOffFor(browser: Browser, secret: Uint8Array) {
  const context = await browser.newContext()
  const page = await context.newPage()
  await enterPassword(page)
  await page.waitForURL(/\/(tickets|login\/code)/)
  if (page.url().includes('/login/code')) {
    await enterCode(page, await codeNow(secret))
    await expect(page).toHaveURL(/\/tickets/)
    await page.goto('/account/security')
    const form = page.getByRole('form', { name: 'Turn off two-factor' })
    await form.getByLabel('Your password').fill(PASSWORD)
    await form.getByRole('button', { name: 'Turn off' }).click()
    await expect(notice(page, 'is off')).toBeVisible()
  }
  await context.close()
}

async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`)
  await page.screenshot({ path, fullPage: true })
  await testInfo.attach(name, { path, contentType: 'image/png' })
}

/** The two-factor section; its password form is the one on show. */
function twoFactorOf(page: Page) {
  return page.getByRole('region', { name: 'Two-factor sign-in' })
}

/** Step one with the right password: the key and codes, as shown. */
async function startSetup(page: Page) {
  const twoFactor = twoFactorOf(page)
  await twoFactor.getByLabel('Your password').fill(PASSWORD)
  await twoFactor.getByRole('button', { name: 'Set up two-factor' }).click()
  const setupKey = twoFactor.getByText(SETUP_KEY)
  await expect(setupKey).toBeVisible()
  const codes = twoFactor.getByRole('list', { name: 'Recovery codes' })
  return {
    secret: secretOf((await setupKey.textContent()) ?? ''),
    recoveryCodes: await codes.getByRole('listitem').allInnerTexts(),
  }
}

async function confirmSetup(page: Page, code: string) {
  const twoFactor = twoFactorOf(page)
  await twoFactor
    .getByRole('textbox', { name: 'Code from your app' })
    .fill(code)
  await twoFactor.getByRole('button', { name: 'Turn on two-factor' }).click()
}

/** A sign-in code refused: the reader stays, taken to the message. */
async function expectRefused(page: Page) {
  await expect(page.locator('[data-form-problem]')).toBeFocused()
  await expect(page).toHaveURL(/\/login\/code/)
}

let secret: Uint8Array | null = null

test.afterEach(async ({ browser }) => {
  if (secret) await turnOffFor(browser, secret)
  secret = null
})

test('a customer turns on two-factor sign-in, signs in with a recovery code once, and turns it off', async ({
  page,
}, testInfo) => {
  await signIn(page, CUSTOMER)
  await page.getByRole('link', { name: 'Sign-in security' }).click()
  const twoFactor = twoFactorOf(page)
  const password = twoFactor.getByLabel('Your password')
  await password.fill('not my password')
  await twoFactor.getByRole('button', { name: 'Set up two-factor' }).click()
  await expect(twoFactor.getByText('not your current password')).toBeVisible()
  await expect(password).toBeFocused()

  const setup = await startSetup(page)
  secret = setup.secret
  expect(setup.recoveryCodes).toHaveLength(10)
  await expect(twoFactor.getByRole('img', { name: /QR code/ })).toBeVisible()
  await screenshot(page, testInfo, 'setup-desktop')
  await page.setViewportSize({ width: 390, height: 844 })
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(width).toBeLessThanOrEqual(390)
  await screenshot(page, testInfo, 'setup-phone')

  await confirmSetup(page, await wrongCode(secret))
  const code = twoFactor.getByRole('textbox', { name: 'Code from your app' })
  await expect(twoFactor.getByText('That code is not right')).toBeVisible()
  await expect(code).toBeFocused()
  await confirmSetup(page, await codeNow(secret))
  await expect(notice(page, 'is on')).toBeVisible()
  await screenshot(page, testInfo, 'on-phone')

  const [recoveryCode = ''] = setup.recoveryCodes
  await signOut(page)
  await enterPassword(page)
  await expect(page).toHaveURL(/\/login\/code/)
  await enterCode(page, recoveryCode)
  await expect(page).toHaveURL(/\/tickets/)
  await signOut(page)
  await enterPassword(page)
  await enterCode(page, recoveryCode)
  await expectRefused(page)
  await enterCode(page, await codeNow(secret))
  await expect(page).toHaveURL(/\/tickets/)

  await page.getByRole('link', { name: 'Sign-in security' }).click()
  const turnOff = page.getByRole('form', { name: 'Turn off two-factor' })
  await turnOff.getByLabel('Your password').fill(PASSWORD)
  await turnOff.getByRole('button', { name: 'Turn off' }).click()
  await expect(notice(page, 'is off')).toBeVisible()
  secret = null
  await signOut(page)
  await signIn(page, CUSTOMER)
})

test('new recovery codes replace the old ones', async ({ page }) => {
  await signIn(page, CUSTOMER)
  await page.goto('/account/security')
  const setup = await startSetup(page)
  secret = setup.secret
  await confirmSetup(page, await codeNow(secret))
  await expect(notice(page, 'is on')).toBeVisible()

  const renew = page.getByRole('form', { name: 'Recovery codes' })
  await renew.getByLabel('Your password').fill(PASSWORD)
  await renew.getByRole('button', { name: 'New recovery codes' }).click()
  const list = twoFactorOf(page).getByRole('list', { name: 'Recovery codes' })
  await expect(list.getByRole('listitem')).toHaveCount(10)
  const renewed = await list.getByRole('listitem').allInnerTexts()
  expect(renewed.filter((code) => setup.recoveryCodes.includes(code))).toEqual(
    [],
  )

  await signOut(page)
  await enterPassword(page)
  await enterCode(page, setup.recoveryCodes[0] ?? '')
  await expectRefused(page)
  await enterCode(page, renewed[0] ?? '')
  await expect(page).toHaveURL(/\/tickets/)
})

test('staff see two-factor sign-in on, with new recovery codes but no way to turn it off', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await signIn(page, STAFF)
  await page.getByRole('link', { name: 'Sign-in security' }).click()
  const twoFactor = twoFactorOf(page)
  await expect(twoFactor).toContainText('Two-factor sign-in is on')
  await expect(
    twoFactor.getByRole('button', { name: 'New recovery codes' }),
  ).toBeVisible()
  await expect(twoFactor.getByRole('button', { name: 'Turn off' })).toHaveCount(
    0,
  )
  await expect(twoFactor).toContainText('Staff accounts keep two-factor')
  await screenshot(page, testInfo, 'staff-phone')
})

test('a new password that is short or typed differently is refused at its field', async ({
  page,
}) => {
  await signIn(page, 'customer-b@example.com')
  await page.goto('/account/security')
  const form = page.getByRole('form', { name: 'Change your password' })
  const change = form.getByRole('button', { name: 'Change password' })
  const newPassword = form.getByLabel('New password', { exact: true })
  await change.click()
  await expect(form.getByLabel('Current password')).toBeFocused()

  await form.getByLabel('Current password').fill(PASSWORD)
  await newPassword.fill('too short')
  await change.click()
  await expect(newPassword).toHaveAttribute('aria-invalid', 'true')
  await expect(newPassword).toBeFocused()

  await form.getByLabel('Current password').fill(PASSWORD)
  await newPassword.fill('long enough now')
  await form.getByLabel('New password again').fill('long enough, no')
  await change.click()
  await expect(form.getByText('not the same')).toBeVisible()
  await expect(form.getByLabel('New password again')).toBeFocused()
})
