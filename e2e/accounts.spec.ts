import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { expect, type Page, test } from '@playwright/test'
import { E2E_MAIL_DIR } from '../playwright.config'
import { FROM_PORTAL, signIn } from './support'

// Accounts as their owners meet them: an invitation from a customer admin,
// a forgotten password, and an account that is locked after guessing.

const CHOSEN = 'a long chosen password'

/** An address no other run has used, at customer A's client. */
function newColleague() {
  return `colleague-${Date.now().toString(36)}@acmedental.example`
}

async function linkMailedTo(email: string, subject: RegExp): Promise<string> {
  let link = ''
  await expect
    .poll(async () => {
      const names = await readdir(E2E_MAIL_DIR).catch(() => [] as string[])
      for (const name of names.filter((n) => n.includes(email)).sort()) {
        const mail = JSON.parse(
          await readFile(path.join(E2E_MAIL_DIR, name), 'utf8'),
        ) as { subject: string; link: string }
        if (subject.test(mail.subject)) link = mail.link
      }
      return link
    })
    .not.toBe('')
  return link
}

async function invite(page: Page, email: string) {
  await signIn(page, 'admin-a@example.com')
  await page.getByRole('link', { name: 'Users' }).click()
  await page.getByLabel('Name').fill('Casey Colleague')
  await page.getByLabel('Email').fill(email)
  await page.getByRole('button', { name: 'Send invitation' }).click()
  await expect(page.getByRole('status')).toContainText('Invitation sent')
  const row = page.getByRole('row', { name: new RegExp(email) })
  await expect(row).toContainText('Invited')
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page).toHaveURL(/\/login/)
}

async function choosePassword(page: Page, link: string) {
  await page.goto(link)
  await page.getByLabel('New password').fill(CHOSEN)
  await page.getByLabel('The same again').fill(CHOSEN)
  await page.getByRole('button', { name: 'Save password' }).click()
}

async function signInWith(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

test('a customer admin invites a colleague, who sets a password once and signs in', async ({
  page,
}) => {
  const email = newColleague()
  await invite(page, email)

  const link = await linkMailedTo(email, /account/)
  await choosePassword(page, link)
  await expect(page.getByRole('status')).toContainText('password is saved')
  await signInWith(page, email, CHOSEN)
  await expect(page).toHaveURL(/\/tickets/)
  await expect(page.getByText('Acme Dental Group')).toBeVisible()
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page).toHaveURL(/\/login/)

  await page.goto(link)
  await expect(
    page.getByRole('heading', { name: 'This link no longer works' }),
  ).toBeVisible()
  await expect(page.getByRole('main').getByRole('alert')).toContainText(
    /expired or has been/,
  )
})

test('a forgotten password is reset from a mailed link', async ({ page }) => {
  const email = newColleague()
  await invite(page, email)
  await choosePassword(page, await linkMailedTo(email, /account/))

  await page.goto('/login')
  await page.getByRole('link', { name: 'Forgot your password?' }).click()
  await page.getByLabel('Email').fill(email)
  await page.getByRole('button', { name: 'Send me a link' }).click()
  await expect(page.getByRole('status')).toContainText('on its way')

  const reset = await linkMailedTo(email, /Reset/)
  await page.goto(reset)
  await page.getByLabel('New password').fill('another chosen password')
  await page.getByLabel('The same again').fill('another chosen password')
  await page.getByRole('button', { name: 'Save password' }).click()
  await signInWith(page, email, CHOSEN)
  await expect(page.getByText('Email or password is not right.')).toBeVisible()
  await signInWith(page, email, 'another chosen password')
  await expect(page).toHaveURL(/\/tickets/)
})

test('an account is locked after repeated wrong passwords, and says for how long', async ({
  page,
}) => {
  const email = newColleague()
  await invite(page, email)
  await choosePassword(page, await linkMailedTo(email, /account/))

  for (let i = 0; i < 5; i++) {
    const guess = await page.request.post('/api/session', {
      data: { email, password: `wrong guess ${i}` },
      headers: FROM_PORTAL,
    })
    expect(guess.status()).toBe(401)
  }
  await page.goto('/login')
  await signInWith(page, email, CHOSEN)
  await expect(page.getByText(/Too many failed sign-ins/)).toBeVisible()
  await expect(page.getByText(/Try again in 1\d minutes/)).toBeVisible()
  await expect(page).toHaveURL(/\/login/)
})
