import type { IncomingMessage, ServerResponse } from 'node:http'

// Halo answers validation problems with a plain-text body, so a reply is
// either JSON or text; handlers return one and the server writes it.
export interface Reply {
  status?: number
  json?: unknown
  text?: string
  headers?: Record<string, string>
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly reply: Reply = { text: message },
  ) {
    super(message)
  }
}

const MAX_BODY_BYTES = 1024 * 1024

export async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'Body too large')
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

export async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = await readText(req)
  try {
    return JSON.parse(text)
  } catch {
    throw new HttpError(400, 'The request body is not valid JSON')
  }
}

export function sendReply(res: ServerResponse, reply: Reply): void {
  const isJson = reply.json !== undefined
  const body = isJson ? JSON.stringify(reply.json) : (reply.text ?? '')
  const type = isJson ? 'application/json' : 'text/plain'

  res.writeHead(reply.status ?? 200, {
    'content-type': `${type}; charset=utf-8`,
    'content-length': Buffer.byteLength(body),
    ...reply.headers,
  })
  res.end(body)
}
