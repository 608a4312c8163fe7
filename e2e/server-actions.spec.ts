import { existsSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import {
  type APIRequestContext,
  type Browser,
  expect,
  test,
} from '@playwright/test'
import { E2E_MAIL_DIR } from '../playwright.config'
import {
  captureAction,
  captureTicketEdit,
  formField,
  replayAction,
} from './action-replay'
import {
  apiAs,
  deliverMarker,
  expectUnchanged,
  isOpenEscalation,
  lastWriteSeq,
  openEscalationOf,
  REFUSE_NEXT_CREATE,
  raiseByApi,
  raiseLanded,
  setChaos,
  signIn,
  ticketById,
  ticketsOf,
  writesToTicketSince,
} from './support'

// A server action checks on the server who is asking. The request a
// browser sends when a form is submitted is kept, then sent again with the
// cookies of someone who may not do it, or with the id of another client's
// record: nothing is invited, removed, resolved or edited. Each test ends
// by sending it as someone who may, to show that the replays were well
// formed and were refused for who sent them.

const MAIL_DIR = fileURLToPath(new URL(`../${E2E_MAIL_DIR}`, import.meta.url))

test.afterEach(async ({ request }) => {
  await setChaos(request, {})
})

async function pageOf(browser: Browser, email: string) {
  const page = await (await browser.newContext()).newPage()
  await signIn(page, email)
  return page
}

async function clientOf(email: string) {
  const [ticket] = await ticketsOf(await apiAs(email))
  return ticket?.clientId as string
}

type UserState = 'invited' | 'active' | 'removed'

/** A user of a client as staff see them on /users, if they are there. */
async function userOnList(
  staff: APIRequestContext,
  clientId: string,
  email: string,
) {
  const page = await (await staff.get(`/users?client=${clientId}`)).text()
  const row = page.split('<tr').find((html) => html.includes(email))
  if (!row) return undefined
  const id = /name="userId" value="([^"]+)"/.exec(row)?.[1]
  const state: UserState = row.includes('Access removed')
    ? 'removed'
    : row.includes('Invited')
      ? 'invited'
      : 'active'
  return { id, state }
}

function mailsTo(email: string) {
  if (!existsSync(MAIL_DIR)) return 0
  const files = readdirSync(MAIL_DIR, { encoding: 'utf8' })
  return files.filter((name) => name.endsWith(`-${email}.json`)).length
}

function inviteeEmail(tag: string) {
  return `replay-${tag}-${Date.now().toString(36)}@example.com`
}

test('an invitation sent again by a customer, or for another client, invites nobody', async ({
  browser,
}) => {
  const [clientA, clientB] = [
    await clientOf('customer-a@example.com'),
    await clientOf('customer-b@example.com'),
  ]
  const admin = await pageOf(browser, 'admin-a@example.com')
  await admin.goto('/users')
  const captured = inviteeEmail('captured')
  await admin.getByLabel('Name').fill('Replayed Invitee')
  await admin.getByLabel('Email').fill(captured)
  const invite = await captureAction(admin, () =>
    admin.getByRole('button', { name: 'Send invitation' }).click(),
  )

  const staff = await apiAs('staff@example.com')
  const attempts: [who: string, into: string][] = [
    ['customer-a@example.com', clientA],
    ['customer-b@example.com', clientB],
    ['customer-b@example.com', clientA],
    ['admin-a@example.com', clientB],
  ]
  const refused: string[] = []
  for (const [who, into] of attempts) {
    const email = inviteeEmail(who.split('@')[0] as string)
    refused.push(email)
    await replayAction(await apiAs(who), invite, {
      swap: [
        [captured, email],
        [formField('clientId', clientA), formField('clientId', into)],
      ],
    })
    for (const client of [clientA, clientB]) {
      const listed = await userOnList(staff, client, email)
      expect.soft(listed, `${who} inviting into ${into}`).toBeUndefined()
    }
  }

  const allowed = inviteeEmail('admin')
  await replayAction(admin.request, invite, { swap: [[captured, allowed]] })
  const invited = await userOnList(staff, clientA, allowed)
  expect(invited?.state).toBe('invited')
  await expect.poll(() => mailsTo(allowed), { timeout: 30_000 }).toBe(1)
  for (const email of refused) expect.soft(mailsTo(email), email).toBe(0)
})

/** Invites someone through the users page; answers their user id. */
async function invite(
  browser: Browser,
  who: string,
  clientId: string,
  email: string,
) {
  const page = await pageOf(browser, who)
  await page.goto(`/users?client=${clientId}`)
  await page.getByLabel('Name').fill('Someone To Remove')
  await page.getByLabel('Email').fill(email)
  await page.getByRole('button', { name: 'Send invitation' }).click()
  await expect(page).toHaveURL(/done=invited/)
  const staff = await apiAs('staff@example.com')
  const listed = await userOnList(staff, clientId, email)
  expect(listed?.id).toBeDefined()
  return listed?.id as string
}

test('a removal sent again by someone who may not manage that user removes nobody', async ({
  browser,
}) => {
  const [clientA, clientB] = [
    await clientOf('customer-a@example.com'),
    await clientOf('customer-b@example.com'),
  ]
  const [inA, inB] = [inviteeEmail('in-a'), inviteeEmail('in-b')]
  const userA = await invite(browser, 'admin-a@example.com', clientA, inA)
  const userB = await invite(browser, 'staff@example.com', clientB, inB)

  const admin = await pageOf(browser, 'admin-a@example.com')
  await admin.goto('/users')
  const row = admin.getByRole('row').filter({ hasText: inA })
  const remove = await captureAction(admin, () =>
    row.getByRole('button', { name: 'Remove access' }).click(),
  )

  const staff = await apiAs('staff@example.com')
  for (const who of ['customer-a@example.com', 'customer-b@example.com']) {
    await replayAction(await apiAs(who), remove)
    const listed = await userOnList(staff, clientA, inA)
    expect.soft(listed?.state, `${who} removing ${inA}`).toBe('invited')
  }
  const toB: [string, string][] = [
    [userA, userB],
    [formField('clientId', clientA), formField('clientId', clientB)],
  ]
  await replayAction(admin.request, remove, { swap: toB })
  const other = await userOnList(staff, clientB, inB)
  expect.soft(other?.state, `admin A removing ${inB}`).toBe('invited')

  await replayAction(admin.request, remove)
  expect((await userOnList(staff, clientA, inA))?.state).toBe('removed')
  await replayAction(staff, remove, { swap: toB })
  expect((await userOnList(staff, clientB, inB))?.state).toBe('removed')
})

test('a dismissal sent again by a customer or their admin leaves the escalation open', async ({
  browser,
  request,
}) => {
  const customer = await apiAs('customer-b@example.com')
  const staff = await apiAs('staff@example.com')
  await setChaos(request, { faults: [REFUSE_NEXT_CREATE] })
  const ticketId = await raiseByApi(customer, 'Replayed dismissal')
  const escalationId = await openEscalationOf(staff, ticketId)

  const page = await pageOf(browser, 'staff@example.com')
  await page.goto('/escalations')
  const form = page.locator(`form:has(input[value="${escalationId}"])`)
  const dismiss = await captureAction(page, () =>
    form.getByRole('button', { name: /^Dismiss/ }).click(),
  )

  const redrive: [string, string] = [
    formField('resolution', 'dismissed'),
    formField('resolution', 'redriven'),
  ]
  for (const who of [
    'customer-a@example.com',
    'customer-b@example.com',
    'admin-a@example.com',
  ]) {
    const api = await apiAs(who)
    await replayAction(api, dismiss)
    await replayAction(api, dismiss, { swap: [redrive] })
    const open = await isOpenEscalation(staff, escalationId)
    expect.soft(open, `${who} resolving ${escalationId}`).toBe(true)
  }

  await replayAction(page.request, dismiss)
  expect(await isOpenEscalation(staff, escalationId)).toBe(false)
})

test("customer A's edit sent again for B's ticket, or by B, changes neither ticket", async ({
  browser,
  request,
}) => {
  const a = await apiAs('customer-a@example.com')
  const b = await apiAs('customer-b@example.com')
  const ticketA = await raiseLanded(a, 'Edit to replay')
  const ticketB = await raiseLanded(b, 'Edit nobody else may make')
  const seq = await lastWriteSeq(request)

  const page = await pageOf(browser, 'customer-a@example.com')
  const edited = `${ticketA.summary}, edited by a replay`
  const save = await captureTicketEdit(page, ticketA.id, edited)

  const swapped = await replayAction(a, save, {
    swap: [[ticketA.id, ticketB.id]],
  })
  expect.soft(await swapped.text()).not.toContain(ticketB.summary)
  await replayAction(b, save)
  await expectUnchanged(b, ticketB)
  await expectUnchanged(a, ticketA)

  await replayAction(page.request, save)
  expect(await ticketById(a, ticketA.id)).toMatchObject({ summary: edited })
  await deliverMarker(a, request)
  const writes = await writesToTicketSince(request, seq, ticketB.haloId)
  expect(writes).toEqual([])
})
