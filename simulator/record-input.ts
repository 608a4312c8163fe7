import { z } from 'zod'
import { HttpError } from './http'

// Every Halo POST body is a JSON array of records, even for one record.
// Halo treats null as "not supplied", so nulls are removed before use, and
// it drops fields it does not know, as the schemas here do.

export const int32 = z.int32()
export const dateTime = z.iso.datetime({ offset: true, local: true })

type NullableKeys<T> = {
  [K in keyof T]-?: null extends T[K] ? K : undefined extends T[K] ? K : never
}[keyof T]

/** The parsed fields with nulls removed: nullable ones become optional. */
export type Supplied<T> = Omit<T, NullableKeys<T>> & {
  [K in NullableKeys<T>]?: NonNullable<T[K]>
}

export interface PostedRecord<T> {
  input: Supplied<T>
  /** The record as it arrived, for the write log. */
  posted: unknown
}

/** Parses every record of a body; the first problem is a 400. */
export function parseRecords<S extends z.ZodType<object>>(
  body: unknown,
  schema: S,
  expected: string,
): PostedRecord<z.infer<S>>[] {
  if (!Array.isArray(body)) throw new HttpError(400, expected)
  return body.map((posted, index) => ({
    input: parseOne(schema, posted, index, body.length),
    posted,
  }))
}

function parseOne<S extends z.ZodType<object>>(
  schema: S,
  record: unknown,
  index: number,
  count: number,
): Supplied<z.infer<S>> {
  const result = schema.safeParse(record)
  if (result.success) return withoutNulls(result.data)

  const issue = result.error.issues[0]
  const field = issue?.path.join('.') || 'record'
  const where = count > 1 ? ` (record ${index + 1} of ${count})` : ''
  throw new HttpError(400, `${field}: ${issue?.message}${where}`)
}

function withoutNulls<T extends object>(parsed: T): Supplied<T> {
  const entries = Object.entries(parsed).filter(([, value]) => value != null)
  return Object.fromEntries(entries) as Supplied<T>
}
