// The demo accounts `npm start` creates in the embedded demo. Kept apart
// from the seeding code so pages can name them without importing upstream
// code.

export const DEMO_CUSTOMERS = [
  'customer-a@example.com',
  'customer-b@example.com',
]
export const DEMO_STAFF = 'staff@example.com'
