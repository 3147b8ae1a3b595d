/**
 * The local cloud-function server (npm start): routing, JSON errors, and that it calls a
 * function's exported main with the body — here with throw-away functions in a temp folder.
 * Also what a hostile page or script meets: the user id is the server's signed cookie, never one
 * the page sends; cross-origin and non-JSON requests are refused; each function's declared body
 * limit is the limit.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEFAULT_BODY_MAX_BYTES, startLocalServer, type LocalServerOptions } from '../../scripts/lib/server'
import { COOKIE_NAME } from '../../scripts/lib/user-cookie'

let server: Server
let base: string
let dir: string

const options = (extra: Partial<LocalServerOptions> = {}): LocalServerOptions =>
  ({ port: 0, staticDir: join(dir, 'h5'), functionsDir: join(dir, 'functions'), dataDir: join(dir, 'data'), ...extra })

async function listen (opts: LocalServerOptions): Promise<{ server: Server, base: string }> {
  const s = await startLocalServer(opts)
  return { server: s, base: `http://127.0.0.1:${(s.address() as AddressInfo).port}` }
}
const close = (s: Server): Promise<void> => new Promise(resolve => { s.close(() => resolve()); s.closeAllConnections() })

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shouyu-server-'))
  const fn = (name: string, body: string): void => {
    mkdirSync(join(dir, 'functions', name), { recursive: true })
    writeFileSync(join(dir, 'functions', name, 'index.js'), body)
  }
  fn('echo', 'exports.main = async (event) => ({ ok: true, got: event })')
  fn('boom', 'exports.main = async () => { throw new Error("secret internals at /srv/x.js:12") }')
  fn('crash', 'exports.main = async (e) => { if (e.die) process.exit(3); return { ok: true } }')
  fn('small', 'exports.limits = { bodyMaxBytes: 1024 }; exports.main = async (event) => ({ ok: true, n: JSON.stringify(event).length })')
  fn('big', 'exports.limits = { bodyMaxBytes: 3 * 1024 * 1024 }; exports.main = async (event) => ({ ok: true, n: event.text.length })')
  mkdirSync(join(dir, 'h5'))
  writeFileSync(join(dir, 'h5', 'index.html'), '<!doctype html><title>手语词典</title>')
  // Most calls below come without a cookie: each is a fresh user, so the ration is lifted here.
  ;({ server, base } = await listen(options({ newUsersPerMinute: 10000 })))
})

afterAll(async () => {
  await close(server)
  rmSync(dir, { recursive: true, force: true })
})

const post = (path: string, body: string, headers: Record<string, string> = {}, at = base) =>
  fetch(at + path, { method: 'POST', body, headers: { 'Content-Type': 'application/json', ...headers } })

/** The cookie pair (`name=value`) a response sets, or ''. */
function cookieOf (res: Response): string {
  const set = res.headers.get('set-cookie') ?? ''
  const m = new RegExp(`${COOKIE_NAME}=([^;]+)`).exec(set)
  return m ? `${COOKIE_NAME}=${m[1]}` : ''
}

/** A raw request, for headers fetch() will not let a test set (Host). */
function raw (path: string, headers: Record<string, string>, body = '{}'): Promise<{ status: number, body: string }> {
  const { port } = server.address() as AddressInfo
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers: { 'Content-Type': 'application/json', ...headers } }, res => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', c => { text += c })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

test('POST /api/cloud/<name> calls the function with the JSON body and returns its result', async () => {
  const res = await post('/api/cloud/echo', JSON.stringify({ text: '你好' }))
  expect(res.status).toBe(200)
  const got = (await res.json()).got
  expect(got.text).toBe('你好')
})

describe('the user id is the server\'s, never the page\'s', () => {
  test('a first call gets a signed HttpOnly SameSite=Lax cookie, and the function sees that id', async () => {
    const res = await post('/api/cloud/echo', '{}')
    const set = res.headers.get('set-cookie') ?? ''
    expect(set).toMatch(new RegExp(`^${COOKIE_NAME}=u[0-9a-z]+\\.[\\w-]+;`))
    expect(set).toMatch(/HttpOnly/)
    expect(set).toMatch(/SameSite=Lax/)
    const id = (await res.json()).got.__localUser
    expect(cookieOf(res)).toContain(`=${id}.`)
    // The same cookie is the same user, and no new cookie is set.
    const again = await post('/api/cloud/echo', '{}', { Cookie: cookieOf(res) })
    expect(again.headers.get('set-cookie')).toBeNull()
    expect((await again.json()).got.__localUser).toBe(id)
  })

  test('an id in the body or in a header is ignored', async () => {
    const first = await post('/api/cloud/echo', '{}')
    const cookie = cookieOf(first)
    const mine = (await first.json()).got.__localUser
    const res = await post('/api/cloud/echo', JSON.stringify({ __localUser: 'victim' }), { Cookie: cookie, 'X-Shouyu-User': 'victim2' })
    expect((await res.json()).got.__localUser).toBe(mine)
    const anon = await post('/api/cloud/echo', JSON.stringify({ __localUser: 'victim' }), { 'X-Shouyu-User': 'victim' })
    const anonId = (await anon.json()).got.__localUser
    expect(anonId).not.toMatch(/victim/)
    expect(anonId).not.toBe(mine)
  })

  test('a forged or tampered cookie is not believed: the caller gets a fresh id', async () => {
    const first = await post('/api/cloud/echo', '{}')
    const mine = (await first.json()).got.__localUser as string
    const forged = `${COOKIE_NAME}=uvictim123456.${cookieOf(first).split('.')[1]}`
    const res = await post('/api/cloud/echo', '{}', { Cookie: forged })
    const id = (await res.json()).got.__localUser
    expect(id).not.toBe('uvictim123456')
    expect(id).not.toBe(mine)
    expect(cookieOf(res)).not.toBe('')
  })

  test('the page load sets the cookie too, so the first cloud call already has it', async () => {
    const res = await fetch(base + '/')
    expect(res.status).toBe(200)
    expect(cookieOf(res)).not.toBe('')
  })

  test('the secret is kept in the data folder (0600): ids survive a restart; SHOUYU_COOKIE_SECRET overrides it', async () => {
    const file = join(dir, 'data', 'cookie-secret')
    expect(readFileSync(file, 'utf8')).toMatch(/^[0-9a-f]{64}\n?$/)
    expect(statSync(file).mode & 0o077).toBe(0)
    const first = await post('/api/cloud/echo', '{}')
    const id = (await first.json()).got.__localUser
    const second = await listen(options({ newUsersPerMinute: 10000 }))
    try {
      const res = await post('/api/cloud/echo', '{}', { Cookie: cookieOf(first) }, second.base)
      expect((await res.json()).got.__localUser).toBe(id)
    } finally { await close(second.server) }
    const other = await listen(options({ cookieSecret: 'x'.repeat(40), newUsersPerMinute: 10000 }))
    try {
      const res = await post('/api/cloud/echo', '{}', { Cookie: cookieOf(first) }, other.base)
      expect((await res.json()).got.__localUser).not.toBe(id)
    } finally { await close(other.server) }
  })

  test('fresh ids are rationed per address, so dropping the cookie does not reset the rate limits', async () => {
    const rationed = await listen(options({ newUsersPerMinute: 3 }))
    try {
      const statuses: number[] = []
      for (let i = 0; i < 5; i++) statuses.push((await post('/api/cloud/echo', '{}', {}, rationed.base)).status)
      expect(statuses).toEqual([200, 200, 200, 429, 429])
      const refused = await post('/api/cloud/echo', '{}', {}, rationed.base)
      expect(await refused.json()).toMatchObject({ ok: false, code: 'TOO_MANY_USERS' })
    } finally { await close(rationed.server) }
  })
})

describe('only the app itself may call', () => {
  test('a request from another origin is refused', async () => {
    const res = await post('/api/cloud/echo', '{}', { Origin: 'http://evil.example' })
    expect(res.status).toBe(403)
    expect(await res.json()).toMatchObject({ ok: false, code: 'CROSS_ORIGIN' })
    expect((await post('/api/cloud/echo', '{}', { Origin: base })).status).toBe(200)
  })

  test('a cross-site fetch is refused even without an Origin header', async () => {
    expect((await post('/api/cloud/echo', '{}', { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403)
  })

  test('a page on a DNS name pointing at localhost (DNS rebinding) is refused', async () => {
    const r = await raw('/api/cloud/echo', { Host: 'evil.example:8080', Origin: 'http://evil.example:8080' })
    expect(r.status).toBe(403)
    expect((await raw('/api/cloud/echo', { Host: 'localhost:8080', Origin: 'http://localhost:8080' })).status).toBe(200)
  })

  test.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', ''])('a body of type "%s" is refused with 415', async type => {
    const r = await raw('/api/cloud/echo', type ? { 'Content-Type': type } : { 'Content-Type': '' }, '{"a":1}')
    expect(r.status).toBe(415)
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, code: 'NOT_JSON' })
  })

  test('application/json with a charset is fine', async () => {
    expect((await post('/api/cloud/echo', '{}', { 'Content-Type': 'application/json; charset=utf-8' })).status).toBe(200)
  })
})

describe('each function\'s declared body limit', () => {
  test('a body over the function\'s own limit is a 413 that names the limit', async () => {
    const res = await post('/api/cloud/small', JSON.stringify({ text: 'x'.repeat(2000) }))
    expect(res.status).toBe(413)
    const body = await res.json()
    expect(body).toMatchObject({ ok: false, code: 'TOO_LARGE' })
    expect(body.message).toContain('1 KB')
    expect((await post('/api/cloud/small', JSON.stringify({ text: 'x'.repeat(900) }))).status).toBe(200)
  })

  test('a function that declares a larger limit gets bodies far above the default', async () => {
    const text = 'x'.repeat(2.5 * 1024 * 1024)
    const res = await post('/api/cloud/big', JSON.stringify({ text }))
    expect(res.status).toBe(200)
    expect((await res.json()).n).toBe(text.length)
  })

  test('a function that declares nothing has the default limit', async () => {
    expect((await post('/api/cloud/echo', JSON.stringify({ text: 'x'.repeat(DEFAULT_BODY_MAX_BYTES) }))).status).toBe(413)
    expect((await post('/api/cloud/echo', JSON.stringify({ text: 'x'.repeat(DEFAULT_BODY_MAX_BYTES - 100) }))).status).toBe(200)
  })
})

test('an unknown function is a 404 JSON error', async () => {
  const res = await post('/api/cloud/nothing', '{}')
  expect(res.status).toBe(404)
  expect(await res.json()).toMatchObject({ ok: false, code: 'NO_FUNCTION' })
})

test.each(['{"text": ', '[1,2]', '"text"', 'null'])('malformed or non-object JSON %s is a 400 JSON error', async body => {
  const res = await post('/api/cloud/echo', body)
  expect(res.status).toBe(400)
  const json = await res.json()
  expect(json).toMatchObject({ ok: false, code: 'BAD_JSON' })
  expect(json.message).toMatch(/JSON/)
})

test('a function that throws gives a Chinese 500 error without its stack', async () => {
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation(() => true)
  const res = await post('/api/cloud/boom', '{}')
  spy.mockRestore()
  expect(res.status).toBe(500)
  const text = await res.text()
  expect(JSON.parse(text)).toMatchObject({ ok: false, code: 'INTERNAL' })
  expect(text).not.toContain('/srv/x.js')
})

test('a function whose thread dies answers 500, and runs again at the next call', async () => {
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation(() => true)
  try {
    const dead = await post('/api/cloud/crash', JSON.stringify({ die: true }))
    expect(dead.status).toBe(500)
    expect(await dead.json()).toMatchObject({ ok: false, code: 'INTERNAL' })
  } finally { spy.mockRestore() }
  const again = await post('/api/cloud/crash', '{}')
  expect(again.status).toBe(200)
})

test('GET of a cloud path is refused with a JSON message, and pages fall back to index.html', async () => {
  const res = await fetch(base + '/api/cloud/echo')
  expect(res.status).toBe(405)
  expect((await res.json()).message).toMatch(/POST/)
  const page = await fetch(base + '/pages/search/index')
  expect(page.status).toBe(200)
  expect(await page.text()).toContain('手语词典')
})

test('malformed percent-encoding is a 400, not a 500', async () => {
  expect((await fetch(base + '/%ZZ')).status).toBe(400)
  const api = await post('/api/cloud/%ZZ', '{}')
  expect(api.status).toBe(400)
  expect(await api.json()).toMatchObject({ ok: false, code: 'BAD_PATH' })
})

test('a trailing slash reaches the same function; other /api paths answer JSON', async () => {
  const res = await post('/api/cloud/echo/', JSON.stringify({ text: 'a' }))
  expect(res.status).toBe(200)
  expect((await res.json()).got.text).toBe('a')
  for (const path of ['/api/cloud/', '/api/cloud', '/api/other', '/api/cloud/echo/extra']) {
    const r = await post(path, '{}')
    expect(r.status).toBe(404)
    const body = await r.json()
    expect(body.ok).toBe(false)
    expect(body.message).toMatch(/[\u4e00-\u9fff]/)
  }
})

test('paths outside the static folder are not served', async () => {
  const res = await fetch(base + '/..%2f..%2fetc%2fpasswd')
  expect([403, 200]).toContain(res.status)
  expect(await res.text()).not.toContain('root:')
})
