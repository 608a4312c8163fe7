'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { z } from 'zod'
import type { ResolveState } from '@/components/resolve-buttons'
import { errorMessage, log } from '@/lib/log'
import type { Viewer } from '@/lib/viewer'
import { escalationFilterSchema, resolveAs } from '../_server/escalations'
import { requireStaff } from '../_server/staff'

// Send again / Dismiss from the escalations page. The page comes back with
// a note of what was done, so the result is read out, not just seen as a
// row leaving the list.

const NOT_DONE =
  'That did not go through just now. Nothing was changed; try again in a ' +
  'minute.'

const resolveFormSchema = z.object({
  escalationId: z.string(),
  resolution: z.enum(['redriven', 'dismissed']),
  filter: escalationFilterSchema.catch('open'),
})

type ResolveForm = z.infer<typeof resolveFormSchema>

/** The resolution, null when it was no longer open, undefined on failure. */
async function attempt(staff: Viewer, form: ResolveForm) {
  try {
    return await resolveAs(staff, form.escalationId, form.resolution)
  } catch (error) {
    const fields = { escalationId: form.escalationId, by: staff.email }
    log.error({ ...fields, reason: errorMessage(error) }, 'resolve failed')
    return undefined
  }
}

export async function resolveWithForm(
  _previous: ResolveState,
  form: FormData,
): Promise<ResolveState> {
  const staff = await requireStaff('/escalations')
  const parsed = resolveFormSchema.safeParse(Object.fromEntries(form))
  if (!parsed.success) return { problem: NOT_DONE }

  const resolved = await attempt(staff, parsed.data)
  if (resolved === undefined) return { problem: NOT_DONE }

  revalidatePath('/escalations')
  const done = resolved ? parsed.data.resolution : 'gone'
  redirect(`/escalations?status=${parsed.data.filter}&done=${done}`)
}
