'use client'

import { useActionState, useRef } from 'react'
import {
  FieldErrors,
  FormProblem,
  fieldA11y,
  SubmitButton,
  TextField,
} from '@/components/form-field'
import { useFocusFirstProblem } from '@/components/use-focus-first-problem'
import { type InviteState, inviteWithForm } from './actions'

const NOTHING_YET: InviteState = { values: {}, errors: {}, error: null }

export function InviteForm({ clientId }: { clientId: string }) {
  const [state, action, pending] = useActionState(inviteWithForm, NOTHING_YET)
  const form = useRef<HTMLFormElement>(null)
  useFocusFirstProblem(form, state)
  return (
    <form ref={form} action={action} className="form" noValidate>
      <input type="hidden" name="clientId" value={clientId} />
      <TextField
        name="name"
        label="Name"
        errors={state.errors.name}
        autoComplete="off"
        defaultValue={state.values.name}
      />
      <TextField
        name="email"
        label="Email"
        errors={state.errors.email}
        type="email"
        autoComplete="off"
        defaultValue={state.values.email}
      />
      <div className="field">
        <label htmlFor="role">Access</label>
        <select
          {...fieldA11y('role', state.errors.role)}
          defaultValue={state.values.role ?? 'customer'}
        >
          <option value="customer">Customer: tickets and quotes</option>
          <option value="customer_admin">
            Customer admin: also manages these users
          </option>
        </select>
        <FieldErrors name="role" errors={state.errors.role} />
      </div>
      <FormProblem
        problem={state.error ?? state.errors.clientId?.join(' ') ?? null}
      />
      <SubmitButton
        pending={pending}
        idle="Send invitation"
        busy="Sending invitation…"
      />
    </form>
  )
}
