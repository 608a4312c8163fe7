// How long a password may be: better-auth enforces these (lib/auth/auth.ts),
// the forms say them and check them first. No imports, so client
// components can read them too.

export const PASSWORD_MIN = 10
export const PASSWORD_MAX = 200
