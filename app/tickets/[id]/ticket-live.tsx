'use client'

import { useQuery } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useState } from 'react'
import { RefreshProblem, StaleNotice } from '@/components/stale-notice'
import { TicketDetail } from '@/components/ticket-detail'
import type { TicketView } from '@/lib/tickets/view'
import { ticketQuery } from '../queries'
import { type EditLimits, EditTicketForm } from './edit-ticket-form'

/**
 * A create Halo never got and nobody is retrying cannot be edited: the
 * edit would be refused for want of a ticket to change.
 */
function canEdit(ticket: TicketView): boolean {
  return ticket.haloId !== null || ticket.pendingWrite
}

function useEditing() {
  const [editing, setEditing] = useState(false)
  const editButton = useRef<HTMLButtonElement>(null)
  const returning = useRef(false)
  // Back to the button once the form closes, so keyboard users do not
  // start again from the top of the page.
  useEffect(() => {
    if (editing || !returning.current) return
    returning.current = false
    editButton.current?.focus()
  }, [editing])
  const start = useCallback(() => {
    returning.current = true
    setEditing(true)
  }, [])
  const stop = useCallback(() => setEditing(false), [])
  return { editing, editButton, start, stop }
}

export function TicketLive({
  initial,
  limits,
}: {
  initial: TicketView
  limits: EditLimits
}) {
  const { data, error } = useQuery(ticketQuery(initial))
  const { editing, editButton, start, stop } = useEditing()
  return (
    <>
      {data.stale && <StaleNotice asOf={data.syncedAt} />}
      {error && <RefreshProblem message={error.message} />}
      <TicketDetail ticket={data} />
      {editing ? (
        <EditTicketForm ticket={data} limits={limits} onDone={stop} />
      ) : (
        canEdit(data) && (
          <p className="ticket-actions">
            <button
              ref={editButton}
              type="button"
              className="button button-quiet"
              onClick={start}
            >
              Edit
            </button>
          </p>
        )
      )}
    </>
  )
}
