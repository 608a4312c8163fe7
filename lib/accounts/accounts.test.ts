import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  startTestStack,
  startTestWorker,
  type TestStack,
  waitFor,
} from '../../tests/stack'
import { type DemoViewers, seedViewers } from '../../tests/viewers'
import { requestReset, setPasswordFromLink } from '../auth/passwords'
import { signInWithPassword, viewerOfHeaders } from '../auth/session'
import { getBoss } from '../jobs/boss'
import { needsSecondFactor } from '../viewer'
import { inviteStaff, inviteUser } from './invite'
import { listUsersOf, removeAccess, resendInvitation } from './manage'

// Invitations, resets and removals against the real database, the worker
// and the simulator: the mail they send lands in a folder (MAIL_URL=file:).

let stack: TestStack
let viewers: DemoViewers
let outbox: string
let worker: Awaited<ReturnType<typeof startTestWorker>>

const NEW_PASSWORD = 'a brand new password'

beforeAll(async () => {
  outbox = await mkdtemp(path.join(tmpdir(), 'portal-mail-'))
  stack = await startTestStack({ MAIL_URL: `file:${outbox}` })
  viewers = await seedViewers(stack.db, stack.halo)
  worker = await startTestWorker(stack)
})

afterAll(async () => {
  await worker?.stop()
  await stack?.close()
  await rm(outbox, { recursive: true, force: true })
})

interface SentMail {
  to: string
  subject: string
  text: string
  link: string
}

async function mailTo(email: string, count = 1): Promise<SentMail> {
  const mails = await waitFor(`mail to ${email}`, async () => {
    const names = (await readdir(outbox)).filter((n) => n.includes(email))
    return names.length >= count ? names.sort() : null
  })
  const newest = mails[mails.length - 1] as string
  return JSON.parse(await readFile(path.join(outbox, newest), 'utf8'))
}

function tokenOf(link: string): string {
  return decodeURIComponent(link.split('/set-password/')[1] ?? '')
}

async function invite(email: string, actor = viewers.adminA) {
  return inviteUser(stack.db, await getBoss(), actor, {
    email,
    name: 'Priya Shah',
    role: 'customer',
    clientId: viewers.customerA.clientId,
  })
}

describe('an invitation', () => {
  it('mails a link that sets a password once, and links the Halo user', async () => {
    const email = 'priya.shah@acmedental.example'
    const result = await invite(email)
    expect(result.ok).toBe(true)

    const mail = await mailTo(email)
    expect(mail.subject).toMatch(/client portal account/)
    expect(mail.text).toContain(mail.link)
    const token = tokenOf(mail.link)
    const input = { password: NEW_PASSWORD, confirm: NEW_PASSWORD }
    expect(await setPasswordFromLink(token, input)).toEqual({ ok: true })
    const again = await setPasswordFromLink(token, input)
    expect(again).toMatchObject({ ok: false, error: expect.any(String) })

    const signIn = await signInWithPassword(
      { email, password: NEW_PASSWORD },
      new Headers(),
    )
    expect(signIn.outcome).toBe('signed-in')
    const linked = await waitFor('the Halo link', async () => {
      const user = await stack.db.portalUser.findUnique({ where: { email } })
      return user?.haloUserId
    })
    expect(linked).toBe(202)
  })

  it('is refused for another client, or from a plain customer', async () => {
    const boss = await getBoss()
    const otherClient = await inviteUser(stack.db, boss, viewers.adminA, {
      email: 'someone@brightwater.example',
      name: 'Someone',
      role: 'customer',
      clientId: viewers.customerB.clientId,
    })
    expect(otherClient).toEqual({ ok: false, notFound: true })
    const byCustomer = await invite('x@acmedental.example', viewers.customerA)
    expect(byCustomer).toEqual({ ok: false, notFound: true })
    const users = await stack.db.portalUser.count({
      where: {
        email: { in: ['someone@brightwater.example', 'x@acmedental.example'] },
      },
    })
    expect(users).toBe(0)
  })

  it('says what to fix in a bad form, and writes nothing', async () => {
    const before = await stack.db.portalUser.count()
    const result = await inviteUser(stack.db, await getBoss(), viewers.staff, {
      email: 'not an email',
      name: '',
      role: 'staff',
      clientId: 'nope',
    })
    expect(result.ok).toBe(false)
    if (!result.ok && 'errors' in result) {
      expect(Object.keys(result.errors).sort()).toEqual([
        'clientId',
        'email',
        'name',
        'role',
      ])
    }
    expect(await stack.db.portalUser.count()).toBe(before)
  })

  it('stops working once it has expired', async () => {
    const email = 'tom.fletcher@acmedental.example'
    expect((await invite(email)).ok).toBe(true)
    const mail = await mailTo(email)
    await stack.db.verification.updateMany({
      data: { expiresAt: new Date(Date.now() - 1000) },
    })
    const input = { password: NEW_PASSWORD, confirm: NEW_PASSWORD }
    const result = await setPasswordFromLink(tokenOf(mail.link), input)
    expect(result).toMatchObject({ ok: false, error: expect.any(String) })
  })
})

describe('only the newest link', () => {
  it('works: an invitation sent again kills the first one', async () => {
    const email = 'maria.lopez@acmedental.example'
    expect((await invite(email)).ok).toBe(true)
    const first = await mailTo(email)
    const user = await stack.db.portalUser.findUniqueOrThrow({
      where: { email },
    })
    const again = await resendInvitation(
      stack.db,
      await getBoss(),
      viewers.adminA,
      user.id,
    )
    expect(again).toBe('sent')
    const second = await mailTo(email, 2)
    expect(second.link).not.toBe(first.link)

    const input = { password: NEW_PASSWORD, confirm: NEW_PASSWORD }
    const old = await setPasswordFromLink(tokenOf(first.link), input)
    expect(old).toMatchObject({ ok: false })
    expect(await setPasswordFromLink(tokenOf(second.link), input)).toEqual({
      ok: true,
    })
  })

  it('works, and setting a password lifts a lock and kills the rest', async () => {
    const email = 'customer-b@example.com'
    await stack.db.signInThrottle.deleteMany()
    for (let i = 0; i < 5; i++) {
      await signInWithPassword({ email, password: 'guess' }, new Headers())
    }
    const locked = await signInWithPassword(
      { email, password: 'guess' },
      new Headers(),
    )
    expect(locked.outcome).toBe('throttled')

    await requestReset({ email })
    const first = await mailTo(email, 1)
    await requestReset({ email })
    const second = await mailTo(email, 2)
    const input = { password: NEW_PASSWORD, confirm: NEW_PASSWORD }
    expect(await setPasswordFromLink(tokenOf(first.link), input)).toMatchObject(
      { ok: false },
    )
    expect(await setPasswordFromLink(tokenOf(second.link), input)).toEqual({
      ok: true,
    })
    const after = await signInWithPassword(
      { email, password: NEW_PASSWORD },
      new Headers(),
    )
    expect(after.outcome).toBe('signed-in')
  })
})

describe('a password reset', () => {
  it('answers alike for unknown addresses and mails only real ones', async () => {
    expect(await requestReset({ email: 'nobody@example.com' })).toEqual({
      ok: true,
    })
    expect(await requestReset({ email: 'customer-b@example.com' })).toEqual({
      ok: true,
    })
    const mail = await mailTo('customer-b@example.com')
    expect(mail.subject).toMatch(/Reset/)
    const names = await readdir(outbox)
    expect(names.some((name) => name.includes('nobody@'))).toBe(false)
  })

  it('mails one address at most three links per window', async () => {
    const email = 'customer-a@example.com'
    for (let i = 0; i < 5; i++) {
      expect(await requestReset({ email })).toEqual({ ok: true })
    }
    // Each request that mails enqueues before it answers, so the queue
    // holds every mail these five requests will ever send.
    const rows = await stack.db.$queryRaw<{ count: bigint }[]>`
      SELECT count(*) FROM pgboss.job
       WHERE name = 'mail' AND data->>'to' = ${email}`
    expect(Number(rows[0]?.count)).toBe(3)
  })
})

describe('removing access', () => {
  it('ends the sessions at once, refuses the next sign-in, and can be undone by a new invitation', async () => {
    const email = 'grace.okafor@acmedental.example'
    expect((await invite(email)).ok).toBe(true)
    const mail = await mailTo(email)
    const input = { password: NEW_PASSWORD, confirm: NEW_PASSWORD }
    await setPasswordFromLink(tokenOf(mail.link), input)
    const signIn = await signInWithPassword(
      { email, password: NEW_PASSWORD },
      new Headers(),
    )
    if (signIn.outcome !== 'signed-in') throw new Error(signIn.outcome)
    const cookie = signIn.headers.getSetCookie()[0]?.split(';')[0] ?? ''
    const session = new Headers({ cookie })
    expect(await viewerOfHeaders(session)).not.toBeNull()

    const user = await stack.db.portalUser.findUniqueOrThrow({
      where: { email },
    })
    expect(await removeAccess(stack.db, viewers.customerB, user.id)).toBe(
      'not-found',
    )
    expect(await removeAccess(stack.db, viewers.adminA, user.id)).toBe(
      'removed',
    )
    expect(await stack.db.session.count({ where: { userId: user.id } })).toBe(0)
    expect(await viewerOfHeaders(session)).toBeNull()
    const again = await signInWithPassword(
      { email, password: NEW_PASSWORD },
      new Headers(),
    )
    expect(again.outcome).toBe('wrong')

    expect((await invite(email)).ok).toBe(true)
    const back = await mailTo(email, 2)
    await setPasswordFromLink(tokenOf(back.link), {
      password: 'a password for coming back',
      confirm: 'a password for coming back',
    })
    const returned = await signInWithPassword(
      { email, password: NEW_PASSWORD },
      new Headers(),
    )
    expect(returned.outcome).toBe('wrong')
    const withNew = await signInWithPassword(
      { email, password: 'a password for coming back' },
      new Headers(),
    )
    expect(withNew.outcome).toBe('signed-in')
    await stack.db.portalUser.update({
      where: { email },
      data: { disabledAt: new Date() },
    })

    const listed = await listUsersOf(
      stack.db,
      viewers.adminA,
      user.clientId ?? '',
    )
    expect(listed?.find((u) => u.id === user.id)?.state).toBe('removed')
    expect(
      await listUsersOf(stack.db, viewers.customerA, user.clientId ?? ''),
    ).toBeNull()
  })
})

describe('a staff invitation from the command line', () => {
  it('gives a link to a password, after which a second factor is due', async () => {
    const email = 'new.staff@provider.example'
    const link = await inviteStaff(stack.db, { email, name: 'New Staff' })
    const input = { password: NEW_PASSWORD, confirm: NEW_PASSWORD }
    expect(await setPasswordFromLink(tokenOf(link), input)).toEqual({
      ok: true,
    })
    const signIn = await signInWithPassword(
      { email, password: NEW_PASSWORD },
      new Headers(),
    )
    if (signIn.outcome !== 'signed-in') throw new Error(signIn.outcome)
    const cookie = signIn.headers.getSetCookie()[0]?.split(';')[0] ?? ''
    const viewer = await viewerOfHeaders(new Headers({ cookie }))
    expect(viewer?.role).toBe('staff')
    expect(viewer && needsSecondFactor(viewer)).toBe(true)
    await expect(
      inviteStaff(stack.db, { email, name: 'Again' }),
    ).rejects.toThrow(/has an account/)
  })
})
