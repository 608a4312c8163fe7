import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import nodemailer from 'nodemailer'
import { z } from 'zod'
import { getEnv } from '../env'
import type { Logger } from '../log'

// Mail the portal sends (invitations, password resets) goes through the job
// queue: the request that asked for it only enqueues, and the worker sends
// it through MAIL_URL's transport, retrying when the server is away.
//
//   log:          no mail; the worker logs the link (development)
//   file:<dir>    each message written to <dir> as JSON (tests, demos)
//   smtp(s)://…   nodemailer's SMTP transport

export const MAIL_QUEUE = 'mail'

export const mailSchema = z.object({
  to: z.email(),
  template: z.enum(['invitation', 'password-reset']),
  /** The one-time link; it is the message's whole point. */
  link: z.url(),
  name: z.string(),
  clientName: z.string().nullable(),
  inviterName: z.string().nullable(),
})

export type Mail = z.infer<typeof mailSchema>

interface Message {
  to: string
  subject: string
  text: string
}

function compose(mail: Mail, ttl: string): Message {
  if (mail.template === 'invitation') {
    const who = mail.inviterName ?? 'The service desk'
    const where = mail.clientName ? ` for ${mail.clientName}` : ''
    return {
      to: mail.to,
      subject: 'Your client portal account',
      text:
        `Hello ${mail.name},\n\n${who} has given you access to the client ` +
        `portal${where}. Choose your password here:\n\n${mail.link}\n\n` +
        `The link works once and for ${ttl}.\n`,
    }
  }
  return {
    to: mail.to,
    subject: 'Reset your client portal password',
    text:
      `Hello ${mail.name},\n\nSomeone asked to reset your password. If it ` +
      `was you, choose a new one here:\n\n${mail.link}\n\nThe link works ` +
      `once and for ${ttl}. If it was not you, ignore this message; your ` +
      'password stays as it is.\n',
  }
}

function validity(mail: Mail): string {
  const env = getEnv()
  return mail.template === 'invitation'
    ? `${env.INVITATION_TTL_HOURS} hours`
    : `${env.PASSWORD_RESET_TTL_MINUTES} minutes`
}

/** The worker's handler for one mail job; throws to have it retried. */
export async function sendMail(data: unknown, log: Logger) {
  const mail = mailSchema.parse(data)
  const message = compose(mail, validity(mail))
  const url = getEnv().MAIL_URL
  const fields = { to: mail.to, template: mail.template }
  if (url === 'log:') {
    log.info({ ...fields, link: mail.link }, 'mail not sent (MAIL_URL=log:)')
    return
  }
  if (url.startsWith('file:')) {
    await writeToFolder(url.slice('file:'.length), message, mail)
  } else {
    const from = getEnv().MAIL_FROM
    await nodemailer.createTransport(url).sendMail({ from, ...message })
  }
  log.info(fields, 'mail sent')
}

async function writeToFolder(folder: string, message: Message, mail: Mail) {
  await mkdir(folder, { recursive: true })
  const name = `${Date.now()}-${mail.template}-${mail.to}.json`
  const body = JSON.stringify({ ...message, link: mail.link }, null, 2)
  await writeFile(path.join(folder, name), body)
}
