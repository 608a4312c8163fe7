import { inviteStaff } from '../lib/accounts/invite'
import { getDb } from '../lib/db/client'
import { errorMessage } from '../lib/log'

// npm run invite-staff -- <email> "<name>"
// Makes a staff account against DATABASE_URL (AUTH_SECRET must be the web
// server's) and prints the one-time link that person opens to choose a
// password. Staff see every client, so only someone on the server can.

async function main() {
  const [email, name] = process.argv.slice(2)
  if (!email || !name) {
    process.stderr.write('usage: npm run invite-staff -- <email> "<name>"\n')
    process.exit(2)
  }
  try {
    const link = await inviteStaff(getDb(), { email, name })
    process.stdout.write(
      `Send this link to ${email} (it works once):\n${link}\n`,
    )
  } catch (error) {
    process.stderr.write(`Could not invite ${email}: ${errorMessage(error)}\n`)
    process.exitCode = 1
  } finally {
    await getDb().$disconnect()
  }
}

await main()
