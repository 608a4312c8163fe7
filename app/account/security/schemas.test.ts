import { describe, expect, it } from 'vitest'
import { changePasswordSchema, fieldErrors, readPassword } from './schemas'

function problemsWith(form: Record<string, string>) {
  const parsed = changePasswordSchema.safeParse(form)
  return parsed.success ? {} : fieldErrors(parsed.error)
}

describe('changing the password', () => {
  it('names every empty field at once', () => {
    const problems = problemsWith({
      currentPassword: '',
      password: '',
      confirm: '',
    })
    expect(Object.keys(problems).sort()).toEqual([
      'currentPassword',
      'password',
    ])
  })

  it('refuses a new password that is the current one', () => {
    const same = 'correct horse battery'
    const problems = problemsWith({
      currentPassword: same,
      password: same,
      confirm: same,
    })
    expect(problems.password?.[0]).toMatch(/other than your current/)
  })

  it('accepts a new password typed twice alike', () => {
    const problems = problemsWith({
      currentPassword: 'demo',
      password: 'correct horse battery',
      confirm: 'correct horse battery',
    })
    expect(problems).toEqual({})
  })
})

describe('a form that asks only for the password', () => {
  it('puts the problem under the field it names', () => {
    expect(readPassword('', 'offPassword')).toEqual({
      ok: false,
      errors: { offPassword: ['Enter your password.'] },
    })
    expect(readPassword('demo', 'offPassword')).toEqual({
      ok: true,
      password: 'demo',
    })
  })
})
