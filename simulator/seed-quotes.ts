import { APPROVAL_STATES, statusFor } from './quote-states'
import type { Quote, QuoteLine, Store, User } from './store'

// Demo quotes, two or three per client, each raised on one of that
// client's tickets. Awaiting quotes use both spellings of "awaiting" (null
// and 0) so a client has to handle either; see quote-states.ts.

export const FIRST_QUOTE_ID = 3001

type LineRow = [code: string, name: string, quantity: number, price: number]

interface SeedQuote {
  ticket: number
  title: string
  approvalstate: number | null
  /** Days before the simulator started. */
  issued: number
  lines: LineRow[]
  ponumber?: string
}

const { awaiting, approved, rejected } = APPROVAL_STATES

const seedQuotes: SeedQuote[] = [
  {
    ticket: 1017,
    title: 'Network document scanner for reception',
    approvalstate: null,
    issued: 24,
    lines: [
      ['SCN-ADS4300', 'Network document scanner', 1, 489],
      ['LAB-HOUR', 'Installation and scan-to-email set-up', 2, 85],
    ],
  },
  {
    ticket: 1019,
    title: 'Laptop and licences for the new hygienist',
    approvalstate: awaiting,
    issued: 20,
    lines: [
      ['LAP-14PRO', '14-inch business laptop', 1, 1049],
      ['M365-BP', 'Microsoft 365 Business Premium, 12 months', 1, 264],
      ['LAB-HOUR', 'Build and hand-over', 1.5, 85],
    ],
  },
  {
    ticket: 1015,
    title: 'Replacement card terminal for reception',
    approvalstate: approved,
    issued: 28,
    lines: [['PAY-T650', 'Contactless card terminal', 1, 329]],
    ponumber: 'ACME-PO-2291',
  },
  {
    ticket: 1016,
    title: 'Second monitor for the dispatch desk',
    approvalstate: null,
    issued: 26,
    lines: [
      ['MON-24FHD', '24-inch monitor', 1, 159],
      ['CAB-DP2M', 'DisplayPort cable, 2 m', 1, 12.5],
    ],
  },
  {
    ticket: 1020,
    title: 'Backup 4G router for the distribution centre',
    approvalstate: rejected,
    issued: 17,
    lines: [
      ['RTR-4GLTE', '4G failover router', 1, 399],
      ['SIM-DATA50', '50 GB data SIM, 12 months', 1, 180],
    ],
  },
]

const DAY_MS = 24 * 60 * 60 * 1000
const VALID_FOR_DAYS = 30

export function addSeedQuotes(store: Store, startedAt: Date): void {
  for (const [index, row] of seedQuotes.entries()) {
    const quote = toQuote(store, row, FIRST_QUOTE_ID + index, startedAt)
    store.quotes.set(quote.id, quote)
  }
}

function toQuote(store: Store, row: SeedQuote, id: number, startedAt: Date) {
  const ticket = store.tickets.get(row.ticket)
  if (!ticket) throw new Error(`seed quote names unknown ticket ${row.ticket}`)
  const lines = row.lines.map((line, i) => toLine(line, id, i + 1))
  const user = store.users.get(ticket.user_id ?? 0)
  const issued = startedAt.getTime() - row.issued * DAY_MS

  const quote: Quote = {
    id,
    title: row.title,
    client_id: ticket.client_id,
    client_name: ticket.client_name,
    user_id: ticket.user_id,
    user_name: ticket.user_name,
    ticket_id: ticket.id,
    status: statusFor(row.approvalstate),
    date: isoDate(issued),
    expiry_date: isoDate(issued + VALID_FOR_DAYS * DAY_MS),
    total: roundPence(lines.reduce((sum, line) => sum + line.net_total, 0)),
    lines,
    requires_approval: true,
    ...decision(row, user, issued),
    last_update_time: isoDate(issued),
  }
  return quote
}

function toLine(
  [code, name, quantity, price]: LineRow,
  qhid: number,
  seq: number,
): QuoteLine {
  return {
    id: qhid * 100 + seq,
    qhid,
    sort_seq: seq,
    productcode: code,
    name,
    description: name,
    current_quantity: quantity,
    baseprice: price,
    net_total: roundPence(quantity * price),
  }
}

// A decided seed quote was answered a day after it was sent, by the user
// who raised its ticket.
function decision(row: SeedQuote, user: User | undefined, issued: number) {
  const state = row.approvalstate
  const decided = state === approved || state === rejected
  return {
    approvalstate: state,
    approvaldatetime: decided ? isoDate(issued + DAY_MS) : null,
    approvalnote: state === rejected ? 'Not in this year’s budget' : null,
    approvalname: decided ? (user?.name ?? null) : null,
    approvalemailaddress: decided ? (user?.emailaddress ?? null) : null,
    ponumber: row.ponumber ?? null,
  }
}

function isoDate(time: number): string {
  return new Date(time).toISOString()
}

function roundPence(amount: number): number {
  return Math.round(amount * 100) / 100
}
