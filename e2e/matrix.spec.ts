import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import {
  type APIRequestContext,
  type APIResponse,
  expect,
  test,
} from '@playwright/test'
import {
  type Answer,
  API,
  bodyOf,
  FRESH_SESSION,
  PAGES,
  ROLES,
  type Role,
  type Row,
  SIGN_IN,
} from './access-table'
import {
  anonymousApi,
  apiAs,
  FROM_PORTAL,
  openEscalationOf,
  REFUSE_NEXT_CREATE,
  raiseByApi,
  raiseLanded,
  setChaos,
} from './support'

// Every route and page, asked by every role, answers as e2e/access-table.ts
// says; and no route or page exists that the table leaves out.

const EMAILS: Record<Exclude<Role, 'anonymous'>, string> = {
  'customer A': 'customer-a@example.com',
  'customer B': 'customer-b@example.com',
  'customer admin A': 'admin-a@example.com',
  staff: 'staff@example.com',
}

const fixtures: Record<string, string> = { token: 'not-a-real-token' }
const sessions = new Map<Role, APIRequestContext>()

function signInAs(role: Role) {
  return role === 'anonymous' ? anonymousApi() : apiAs(EMAILS[role])
}

function session(role: Role) {
  const api = sessions.get(role)
  if (!api) throw new Error(`no session of ${role}: beforeAll did not run`)
  return api
}

/** A landed ticket of customer A, and two writes Halo refused. */
async function makeFixtures() {
  const customer = session('customer A')
  const ticket = await raiseLanded(customer, 'Access matrix: ticket of A')
  fixtures.ticketA = ticket.id
  fixtures.ticketAHalo = String(ticket.haloId)
  fixtures.clientId = ticket.clientId

  await setChaos(customer, { faults: [{ ...REFUSE_NEXT_CREATE, times: 2 }] })
  const refused = [
    await raiseByApi(customer, 'Access matrix: refused ticket'),
    await raiseByApi(customer, 'Access matrix: refused ticket'),
  ]
  for (const [i, id] of refused.entries()) {
    fixtures[`escalation${i + 1}`] = await openEscalationOf(
      session('staff'),
      id,
    )
  }
  await setChaos(customer, {})
}

test.beforeAll(async () => {
  test.setTimeout(120_000)
  for (const role of ROLES) sessions.set(role, await signInAs(role))
  await makeFixtures()
})

test.afterAll(async () => {
  const anyone = sessions.get('anonymous')
  if (anyone) await setChaos(anyone, {})
  for (const api of sessions.values()) await api.dispose()
  sessions.clear()
})

function filled(template: string) {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = fixtures[name]
    if (value === undefined) throw new Error(`no fixture {${name}}`)
    return value
  })
}

/** What came back, in the table's words. */
function answerOf(response: APIResponse): Answer {
  const status = response.status()
  const location = response.headers().location
  if (status < 300 || status >= 400 || !location) return status
  return `→ ${location.replace(/^https?:\/\/[^/]+/, '')}` as Answer
}

function expected(answer: Answer, address: string): Answer {
  if (answer !== SIGN_IN) return answer
  return `→ /login?next=${encodeURIComponent(address)}`
}

function inWords(answers: Answer[]) {
  const word = (answer: Answer | undefined) =>
    answer === SIGN_IN
      ? 'a redirect to sign in'
      : typeof answer === 'string'
        ? `a redirect to ${answer.slice(2)}`
        : String(answer)
  return ROLES.map((role, i) => `${role} ${word(answers[i])}`).join(', ')
}

async function ask(role: Role, method: string, address: string, route: string) {
  const own = FRESH_SESSION.has(route)
  const api = own ? await signInAs(role) : session(role)
  const data = bodyOf(route, fixtures.clientId ?? '')
  const response = await api.fetch(address, {
    method,
    headers: method === 'GET' ? {} : FROM_PORTAL,
    maxRedirects: 0,
    ...(data === undefined ? {} : { data }),
  })
  const answer = answerOf(response)
  if (own) await api.dispose()
  return answer
}

/** One test a row: every role asks in turn, staff last. */
function testRow(name: string, row: Row, method?: string) {
  const [route, ...answers] = row
  test(`${name} answers ${inWords(answers)}`, async () => {
    const [verb, template] = method ? [method, route] : route.split(' ')
    const address = filled(template as string)
    for (const [i, role] of ROLES.entries()) {
      const answer = await ask(role, verb as string, address, route)
      const want = expected(answers[i] as Answer, address)
      expect.soft(answer, `${role} asking ${verb} ${address}`).toBe(want)
    }
  })
}

for (const row of API) testRow(row[0], row)
for (const row of PAGES) testRow(`the page ${row[0]}`, row, 'GET')

/** The route of an app/ file: its folders, [param] ones as []. */
function routeOf(file: string) {
  const folders = path.dirname(path.relative('app', file)).split(path.sep)
  const segments = folders
    .filter((folder) => folder !== '.' && !/^\(.*\)$/.test(folder))
    .map((folder) => (folder.startsWith('[') ? '[]' : folder))
  return `/${segments.join('/')}`
}

/** A row's route with its {fixtures} as [] and no query. */
function shapeOf(route: string) {
  return route.split('?')[0]?.replace(/\{\w+\}/g, '[]') ?? route
}

function appFiles(name: RegExp) {
  const files = readdirSync('app', { recursive: true, encoding: 'utf8' })
  return files
    .filter((file) => name.test(path.basename(file)))
    .map((file) => path.join('app', file))
}

const HTTP_METHOD = /\b(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b/g

function methodsOf(file: string) {
  const source = readFileSync(file, 'utf8')
  const exported =
    source.match(/export\s+(const|async function|function)\s+[A-Z]+\b/g) ?? []
  const listed = [...source.matchAll(/export\s*\{([^}]*)\}/g)]
  const names = [...exported, ...listed.map((m) => m[1] ?? '')].join(' ')
  return [...names.matchAll(HTTP_METHOD)].map((m) => m[1])
}

test('the table lists every method of every route handler in app/', () => {
  const listed = API.map(([route]) => shapeOf(route))
  const files = appFiles(/^route\.(ts|tsx|js|mjs)$/)
  expect(files.length).toBeGreaterThan(0)
  for (const file of files) {
    const methods = methodsOf(file)
    expect(methods.length, `${file} exports a method`).toBeGreaterThan(0)
    for (const method of methods) {
      const route = `${method} ${routeOf(file)}`
      expect.soft(listed, `${file}: add ${route} to API`).toContain(route)
    }
  }
})

test('the table lists every page in app/', () => {
  const listed = PAGES.map(([page]) => shapeOf(page))
  const files = appFiles(/^page\.(tsx|ts|jsx|js|mdx)$/)
  expect(files.length).toBeGreaterThan(0)
  for (const file of files) {
    const page = routeOf(file)
    expect.soft(listed, `${file}: add ${page} to PAGES`).toContain(page)
  }
})
