import { randomBytes } from 'node:crypto'

/** Issued bearer tokens and when each stops working (epoch ms). */
export type Tokens = Map<string, number>

export const TOKEN_TTL_SECONDS = 3600

export function issueToken(tokens: Tokens, now = Date.now()): string {
  for (const [token, expiresAt] of tokens) {
    if (expiresAt <= now) tokens.delete(token)
  }

  const token = randomBytes(24).toString('base64url')
  tokens.set(token, now + TOKEN_TTL_SECONDS * 1000)
  return token
}

export function isAuthorized(tokens: Tokens, header: string | undefined) {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '')
  const expiresAt = match?.[1] ? tokens.get(match[1]) : undefined
  return expiresAt !== undefined && expiresAt > Date.now()
}
