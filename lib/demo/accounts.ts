// The demo accounts `npm start` creates in the embedded demo. Kept apart
// from the seeding code so pages can name them without importing upstream
// code.

export const DEMO_CUSTOMERS = [
  'customer-a@example.com',
  'customer-b@example.com',
]
/** Manages the portal users of customer-a's client. */
export const DEMO_CUSTOMER_ADMIN = 'admin-a@example.com'
export const DEMO_STAFF = 'staff@example.com'

/**
 * The demo staff account's authenticator secret. Staff must sign in with a
 * second factor; in the demo its codes are shown on the sign-in page, which
 * is as safe as the demo's well-known password and no safer.
 */
export const DEMO_STAFF_TOTP_SECRET = 'portal-demo-staff-totp-secret-01'
