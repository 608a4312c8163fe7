import 'server-only'
import { create } from 'qrcode'
import { errorMessage, log } from '@/lib/log'
import type { QrPicture, SetupDetails } from './state'

// What an authenticator app needs, from the otpauth:// address better-auth
// answers with: the address itself as a QR code, and its secret as a key to
// type in by hand.

const GROUP = 4

/** The base32 secret of an otpauth:// address, in groups of four. */
export function setupKeyOf(totpUri: string): string {
  const secret = new URL(totpUri).searchParams.get('secret') ?? ''
  return (secret.match(new RegExp(`.{1,${GROUP}}`, 'g')) ?? []).join(' ')
}

/** Each row's runs of dark modules as rectangles of one path. */
function pathOf(
  size: number,
  isDark: (row: number, column: number) => boolean,
) {
  const runs: string[] = []
  for (let row = 0; row < size; row++) {
    let column = 0
    while (column < size) {
      if (!isDark(row, column)) {
        column++
        continue
      }
      const start = column
      while (column < size && isDark(row, column)) column++
      runs.push(`M${start} ${row}h${column - start}v1h-${column - start}z`)
    }
  }
  return runs.join('')
}

/** The QR code of an address; null (and a log line) if it cannot be drawn. */
export function qrPictureOf(text: string, userId: string): QrPicture | null {
  try {
    const { modules } = create(text, { errorCorrectionLevel: 'M' })
    const isDark = (row: number, column: number) =>
      Boolean(modules.get(row, column))
    return { size: modules.size, path: pathOf(modules.size, isDark) }
  } catch (error) {
    log.warn({ userId, reason: errorMessage(error) }, 'no QR code for setup')
    return null
  }
}

export function setupDetailsOf(
  answer: { totpURI: string; backupCodes: string[] },
  userId: string,
): SetupDetails {
  return {
    setupKey: setupKeyOf(answer.totpURI),
    qr: qrPictureOf(answer.totpURI, userId),
    recoveryCodes: answer.backupCodes,
  }
}
