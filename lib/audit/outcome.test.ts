import { describe, expect, it } from 'vitest'
import { outcomeOf, type WriteFacts } from './outcome'

// The outcome is read from facts that only accumulate, so what matters is
// that later facts win over earlier ones, whatever order they arrive in.

const at = (second: number) => new Date(Date.UTC(2026, 11, 3, 12, 0, second))

function facts(
  attempts: [outcome: string, second: number][],
  more: Partial<Omit<WriteFacts, 'attempts'>> = {},
): WriteFacts {
  return {
    attempts: attempts.map(([outcome, second]) => ({
      outcome,
      latestStart: at(second),
    })),
    escalations: more.escalations ?? [],
    cancelledByDismissal: more.cancelledByDismissal ?? false,
  }
}

describe('outcomeOf', () => {
  it('is pending until the first attempt, then sending while it runs', () => {
    expect(outcomeOf(facts([]))).toBe('pending')
    expect(outcomeOf(facts([['running', 1]]))).toBe('sending')
  })

  it('is retrying after a failed attempt or a rate-limit wait', () => {
    expect(outcomeOf(facts([['retryable', 1]]))).toBe('retrying')
    const waited = facts([
      ['retryable', 1],
      ['rate-limited', 5],
    ])
    expect(outcomeOf(waited)).toBe('retrying')
    expect(
      outcomeOf(
        facts([
          ['retryable', 1],
          ['running', 9],
        ]),
      ),
    ).toBe('sending')
  })

  it('stays delivered when a worker presumed lost fails after the retry landed', () => {
    const late = facts([
      ['succeeded', 3],
      ['retryable', 1],
      ['running', 2],
    ])
    expect(outcomeOf(late)).toBe('delivered')
  })

  it('is escalated as soon as a refusal dead-letters, before its row exists', () => {
    expect(outcomeOf(facts([['permanent', 1]]))).toBe('escalated')
    const recorded = facts([['permanent', 1]], { escalations: ['open'] })
    expect(outcomeOf(recorded)).toBe('escalated')
  })

  it('is redriven after staff send it again, until it lands', () => {
    const sent = { escalations: ['redriven'] }
    expect(outcomeOf(facts([['permanent', 1]], sent))).toBe('redriven')
    expect(
      outcomeOf(
        facts(
          [
            ['permanent', 1],
            ['running', 9],
          ],
          sent,
        ),
      ),
    ).toBe('redriven')
    const landed = facts(
      [
        ['permanent', 1],
        ['succeeded', 9],
      ],
      sent,
    )
    expect(outcomeOf(landed)).toBe('delivered')
  })

  it('is escalated again when a redriven write fails again', () => {
    const again = facts(
      [
        ['permanent', 1],
        ['permanent', 9],
      ],
      {
        escalations: ['redriven', 'open'],
      },
    )
    expect(outcomeOf(again)).toBe('escalated')
  })

  it('is dismissed for good once staff set it aside', () => {
    const dismissed = facts(
      [
        ['permanent', 1],
        ['permanent', 9],
      ],
      {
        escalations: ['redriven', 'dismissed'],
      },
    )
    expect(outcomeOf(dismissed)).toBe('dismissed')
  })

  it('is cancelled when a dismissed create took it along', () => {
    const behind = facts([], { cancelledByDismissal: true })
    expect(outcomeOf(behind)).toBe('cancelled')
  })

  it('follows a quote decision through its watch', () => {
    const watched = facts([
      ['succeeded', 1],
      ['waiting', 2],
    ])
    expect(outcomeOf(watched)).toBe('delivered')
    const settled = facts([
      ['succeeded', 1],
      ['waiting', 2],
      ['completed', 3],
    ])
    expect(outcomeOf(settled)).toBe('delivered')
    const gone = facts([
      ['succeeded', 1],
      ['cancelled', 3],
    ])
    expect(outcomeOf(gone)).toBe('cancelled')
    const late = facts(
      [
        ['succeeded', 1],
        ['deadline-passed', 9],
      ],
      {
        escalations: ['open'],
      },
    )
    expect(outcomeOf(late)).toBe('escalated')
  })
})
