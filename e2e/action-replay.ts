import { type APIRequestContext, expect, type Page } from '@playwright/test'
import { BASE_URL } from '../playwright.config'

// A server action is a POST to the page's address with a `Next-Action`
// header naming the action and the form in a multipart body. These helpers
// keep the request a browser makes when a form is sent, without letting it
// reach the server, and send it again as someone else, with values swapped:
// what an attacker who read the page's code could do.

export interface CapturedAction {
  url: string
  actionId: string
  contentType: string
  body: string
}

/**
 * Runs `submit` (which sends a form) and returns the server action request
 * the browser made. The request is stopped on its way: it changes nothing.
 */
export async function captureAction(
  page: Page,
  submit: () => Promise<void>,
): Promise<CapturedAction> {
  let captured: CapturedAction | undefined
  await page.route('**/*', async (route) => {
    const request = route.request()
    const actionId = await request.headerValue('next-action')
    if (request.method() !== 'POST' || !actionId) return route.fallback()
    captured = {
      url: request.url(),
      actionId,
      contentType: (await request.headerValue('content-type')) ?? '',
      body: request.postData() ?? '',
    }
    await route.abort()
  })
  await submit()
  await expect.poll(() => captured?.actionId).toBeTruthy()
  await page.unrouteAll({ behavior: 'ignoreErrors' })
  return captured as CapturedAction
}

export interface Replay {
  /** Pairs of text to find in the body and what to put there instead. */
  swap?: [string, string][]
  /** The Origin header; the portal's own unless given. */
  origin?: string
  /** Where the request says it comes from, in place of any Origin. */
  from?: Record<string, string>
}

/** Sends a captured action again with `api`'s cookies. */
export function replayAction(
  api: APIRequestContext,
  action: CapturedAction,
  { swap = [], origin = BASE_URL, from = { origin } }: Replay = {},
) {
  let body = action.body
  for (const [from, to] of swap) {
    expect(body, `the captured form holds ${from}`).toContain(from)
    body = body.replaceAll(from, to)
  }
  return api.post(action.url, {
    headers: {
      'next-action': action.actionId,
      'content-type': action.contentType,
      accept: 'text/x-component',
      ...from,
    },
    data: body,
    maxRedirects: 0,
  })
}

/** The multipart text of one form field, to swap its value whole. */
export function formField(name: string, value: string) {
  return `name="_1_${name}"\r\n\r\n${value}\r\n`
}

/** Opens a ticket's edit form, types a summary, and keeps the save. */
export async function captureTicketEdit(
  page: Page,
  ticketId: string,
  summary: string,
) {
  await page.goto(`/tickets/${ticketId}`)
  await page.getByRole('button', { name: 'Edit' }).click()
  await page.getByLabel('Summary').fill(summary)
  return captureAction(page, () =>
    page.getByRole('button', { name: 'Save changes' }).click(),
  )
}
