import { z } from 'zod'

// The fields a customer writes on a ticket, checked the same way when it
// is raised and when it is edited.

export const SUMMARY_MAX = 200
export const DETAILS_MAX = 10_000

const TAB = 9
const LINE_FEED = 10
const CARRIAGE_RETURN = 13
const DELETE = 127

/** Control characters other than tab and line breaks: Halo cannot store NUL. */
function hasControlCharacter(value: string): boolean {
  for (const char of value) {
    const code = char.charCodeAt(0)
    const allowed =
      code === TAB || code === LINE_FEED || code === CARRIAGE_RETURN
    if ((code < 32 && !allowed) || code === DELETE) return true
  }
  return false
}

/** Text a person types, trimmed, without invisible control characters. */
export function plainText(missing: string) {
  return z
    .string({ error: missing })
    .trim()
    .refine((value) => !hasControlCharacter(value), {
      message: 'Remove the invisible control characters from this text.',
    })
}

export const summaryField = plainText(
  'Write a short summary of the problem.',
).pipe(
  z
    .string()
    .min(3, 'The summary needs at least 3 characters.')
    .max(SUMMARY_MAX, `Keep the summary to ${SUMMARY_MAX} characters at most.`),
)

export const detailsField = plainText('Describe the problem.').pipe(
  z
    .string()
    .min(1, 'Describe the problem: what happened, and since when.')
    .max(DETAILS_MAX, `Keep the details to ${DETAILS_MAX} characters at most.`),
)

export type FieldErrors = Record<string, string[]>
