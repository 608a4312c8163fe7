// The settings that hold a secret, or a URL with a password in it. They are
// read on the server only: the logger masks them (lib/log.ts) and
// tests/bundle-secrets.test.ts fails if one reaches the client bundle. A new
// secret setting is added here.

export const SECRET_SETTINGS = [
  'HALO_CLIENT_ID',
  'HALO_CLIENT_SECRET',
  'STRIPE_SECRET_KEY',
  'AUTH_SECRET',
  'BETTER_AUTH_SECRET',
  'SMTP_PASSWORD',
  'DEMO_PASSWORD',
  'DATABASE_URL',
  'MAIL_URL',
  // A chat webhook's address is its credential.
  'STAFF_WEBHOOK_URL',
] as const
