import { z } from 'zod'

// The fields a customer writes on a ticket, checked the same way when it
// is raised and when it is edited.

export const SUMMARY_MAX = 200
export const DETAILS_MAX = 10_000

/** Control characters other than tab and line breaks: Halo cannot store NUL. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/

function plainText(missing: string) {
  return z
    .string({ error: missing })
    .trim()
    .refine((value) => !CONTROL.test(value), {
      message: 'Remove the invisible control characters from this text.',
    })
}

export const summaryField = plainText(
  'Write a short summary of the problem.',
).pipe(
  z
    .string()
    .min(3, 'The summary needs at least 3 characters.')
    .max(SUMMARY_MAX, `Keep the summary under ${SUMMARY_MAX} characters.`),
)

export const detailsField = plainText('Describe the problem.').pipe(
  z
    .string()
    .min(1, 'Describe the problem: what happened, and since when.')
    .max(DETAILS_MAX, `Keep the details under ${DETAILS_MAX} characters.`),
)

export type FieldErrors = Record<string, string[]>
