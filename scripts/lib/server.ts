/**
 * The local server behind `npm start` and the browser tests: serves the built H5 app (dist/h5)
 * and runs the bundled cloud functions (cloudfunctions/<name>/index.js, the very files deployed
 * to WeChat) at POST /api/cloud/<name>, with the call's data as the JSON body.
 * The functions run in local mode (SHOUYU_SQLITE): their store is an SQLite file in data/.
 *
 * What WeChat does for a real mini-program, this server does for the page (docs/architecture.md):
 * - identity: the user id is issued here in a signed HttpOnly cookie (scripts/lib/user-cookie.ts)
 *   and handed to the function as `__localUser`; any id in the body or a header is ignored;
 * - only the app itself may call: a cross-origin or cross-site request, a Host that is a DNS name
 *   (DNS rebinding), or a body that is not application/json is refused, so no other web page can
 *   post to localhost;
 * - each function's declared body limit (`exports.limits.bodyMaxBytes`) is its limit here;
 * - each function runs in a worker thread of its own (scripts/lib/function-worker.cjs), as each
 *   runs in its own instance in WeChat: a burst of big syncs, their CPU and their garbage
 *   collection, cannot stall a translation (bench: server.translate_p99_under_sync_ms). This
 *   thread only routes, checks and carries strings.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { isIP } from 'node:net'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { Worker } from 'node:worker_threads'
import { cookieFor, DEFAULT_NEW_USERS_PER_MINUTE, loadSecret, newUserId, NewUserRation, userFromCookie } from './user-cookie'

/** Bytes; the limit of a function that declares none: far above a translation or a 纠错 report. */
export const DEFAULT_BODY_MAX_BYTES = 64 * 1024
const WORKER_FILE = join(__dirname, 'function-worker.cjs')

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8'
}

export interface LocalServerOptions {
  port: number
  host?: string
  /** Folder with the built H5 app. */
  staticDir: string
  /** Folder holding the cloud functions (each <name>/index.js). */
  functionsDir: string
  /** Where the cookie secret is kept (`cookie-secret`); without it (and without cookieSecret) a per-process secret. */
  dataDir?: string
  /** The HMAC secret of the user cookie (SHOUYU_COOKIE_SECRET); overrides the one in dataDir. */
  cookieSecret?: string
  /** Fresh user ids per client address per minute (default DEFAULT_NEW_USERS_PER_MINUTE). */
  newUsersPerMinute?: number
}

interface Answer { status: number, json: Uint8Array }

/** One cloud function in its worker thread: started at the first call, restarted if it dies. */
class CloudFunction {
  readonly worker: Worker
  readonly ready: Promise<{ ok: boolean, bodyMaxBytes: number }>
  private next = 1
  private readonly pending = new Map<number, (a: Answer) => void>()
  dead = false

  constructor (readonly name: string, file: string) {
    // The environment as this module sees it now (SHOUYU_SQLITE, GLM_*): a worker otherwise copies
    // the process's, which a test runner may have sandboxed away from what the test set.
    this.worker = new Worker(WORKER_FILE, { workerData: { name, file }, env: { ...process.env } })
    this.ready = new Promise(resolveReady => {
      this.worker.once('message', (m: { ok: boolean, limits: { bodyMaxBytes: number } | null }) => {
        const declared = m.limits?.bodyMaxBytes
        resolveReady({ ok: m.ok, bodyMaxBytes: typeof declared === 'number' && Number.isFinite(declared) && declared > 0 ? declared : DEFAULT_BODY_MAX_BYTES })
        this.worker.on('message', (a: Answer & { id: number }) => {
          const done = this.pending.get(a.id)
          this.pending.delete(a.id)
          done?.({ status: a.status, json: a.json })
        })
      })
      const die = (why: unknown): void => {
        if (this.dead) return
        this.dead = true
        process.stderr.write(`[cloud ${name}] worker stopped: ${(why as Error)?.stack ?? why}\n`)
        resolveReady({ ok: false, bodyMaxBytes: DEFAULT_BODY_MAX_BYTES })
        const json = Buffer.from(JSON.stringify({ ok: false, code: 'INTERNAL', message: '服务器内部错误，请稍后重试。' }))
        for (const done of this.pending.values()) done({ status: 500, json })
        this.pending.clear()
      }
      this.worker.on('error', die)
      this.worker.on('exit', code => die(`exit ${code}`))
    })
  }

  /** Stops the thread on purpose (the server closes): not reported as a failure. */
  stop (): void {
    this.dead = true
    this.worker.terminate().catch(() => {})
  }

  /** Hands `body` over (it is unusable here afterwards) and resolves with the answer's JSON bytes. */
  call (body: Uint8Array, user: string): Promise<Answer> {
    return new Promise(resolveCall => {
      const id = this.next++
      this.pending.set(id, resolveCall)
      this.worker.postMessage({ id, body, user }, [body.buffer as ArrayBuffer])
    })
  }
}

class HttpError extends Error {
  constructor (readonly status: number, readonly code: string, message: string) { super(message) }
}

function sendJson (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const data = JSON.stringify(body)
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers })
  res.end(data)
}

const kb = (n: number): string => n >= 1024 * 1024 ? `${+(n / 1024 / 1024).toFixed(1)} MB` : `${Math.round(n / 1024)} KB`

/**
 * The body as one exclusively owned byte array, so it can be handed (transferred, not copied) to
 * the function's thread: big bodies never become strings on this thread's heap, whose collector
 * would then pause every request.
 */
function readBody (req: IncomingMessage, limit: number): Promise<Uint8Array> {
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > limit) {
    req.resume() // drained, not kept, so the client still reads its answer
    return Promise.reject(new HttpError(413, 'TOO_LARGE', `请求内容太大（这个接口最多 ${kb(limit)}）。`))
  }
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    // Past the limit the rest is drained, not kept, so the client still gets its 413 answer.
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size <= limit) chunks.push(c)
    })
    req.on('end', () => {
      if (size > limit) { reject(new HttpError(413, 'TOO_LARGE', `请求内容太大（这个接口最多 ${kb(limit)}）。`)); return }
      const body = new Uint8Array(size)
      let at = 0
      for (const c of chunks) { body.set(c, at); at += c.length }
      resolveBody(body)
    })
    req.on('error', reject)
  })
}

/** The host name of a Host header, without the port ('' when absent). */
function hostName (host: string | undefined): string {
  if (!host) return ''
  if (host.startsWith('[')) return host.slice(1, host.indexOf(']'))
  const colon = host.lastIndexOf(':')
  return colon > 0 ? host.slice(0, colon) : host
}

/**
 * A DNS name other than localhost in Host means a page reached us through a name it controls
 * (DNS rebinding): only IP literals and localhost are ours.
 */
function trustedHost (host: string | undefined): boolean {
  const name = hostName(host).toLowerCase()
  return name === '' || name === 'localhost' || name.endsWith('.localhost') || isIP(name) !== 0
}

/** Refuses what a browser would only send for another site's page. */
function checkCaller (req: IncomingMessage): void {
  if (!trustedHost(req.headers.host)) throw new HttpError(403, 'BAD_HOST', '只接受通过 localhost 或 IP 地址的访问。')
  const origin = req.headers.origin
  if (origin !== undefined && origin !== `http://${req.headers.host}` && origin !== `https://${req.headers.host}`) {
    throw new HttpError(403, 'CROSS_ORIGIN', '不接受来自其他网站的请求。')
  }
  const site = req.headers['sec-fetch-site']
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    throw new HttpError(403, 'CROSS_ORIGIN', '不接受来自其他网站的请求。')
  }
  // A form or a no-CORS fetch from another site can only send text/plain, urlencoded or multipart.
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
  if (type !== 'application/json') throw new HttpError(415, 'NOT_JSON', '请求内容必须是 JSON（Content-Type: application/json）。')
}

export function startLocalServer (opts: LocalServerOptions): Promise<Server> {
  const secret = loadSecret(opts.dataDir, opts.cookieSecret)
  const ration = new NewUserRation(opts.newUsersPerMinute ?? DEFAULT_NEW_USERS_PER_MINUTE)
  const functions = new Map<string, CloudFunction>()

  /** The function's worker (started at its first call, from the bundle the build wrote), or null. */
  const loadFunction = async (name: string): Promise<{ fn: CloudFunction, bodyMaxBytes: number } | null> => {
    if (!/^[a-z][a-z0-9_-]*$/i.test(name)) return null
    let fn = functions.get(name)
    if (!fn || fn.dead) {
      const file = join(opts.functionsDir, name, 'index.js')
      if (!existsSync(file)) return null
      fn = new CloudFunction(name, file)
      functions.set(name, fn)
    }
    const r = await fn.ready
    if (!r.ok) { functions.delete(name); fn.stop(); return null }
    return { fn, bodyMaxBytes: r.bodyMaxBytes }
  }

  /** The caller's id, issuing a fresh one (and its cookie) when the request has no valid cookie. */
  const identify = (req: IncomingMessage, res: ServerResponse, required: boolean): string | null => {
    const known = userFromCookie(secret, req.headers.cookie)
    if (known) return known
    if (!ration.take(req.socket.remoteAddress ?? '')) {
      if (required) throw new HttpError(429, 'TOO_MANY_USERS', '新建会话太频繁，请一分钟后再试（请允许网页保存 Cookie）。')
      return null
    }
    const id = newUserId()
    res.setHeader('Set-Cookie', cookieFor(secret, id))
    return id
  }

  const api = async (req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> => {
    const m = /^\/api\/cloud\/([^/]+)\/?$/.exec(pathname)
    if (!m) throw new HttpError(404, 'NO_ROUTE', '没有这个接口。云函数的地址是 /api/cloud/<函数名>。')
    let name: string
    try { name = decodeURIComponent(m[1]) } catch { throw new HttpError(400, 'BAD_PATH', '请求地址里的 % 编码无效。') }
    if (req.method !== 'POST') throw new HttpError(405, 'METHOD', '只接受 POST 请求。')
    checkCaller(req)
    const loaded = await loadFunction(name)
    if (!loaded) throw new HttpError(404, 'NO_FUNCTION', `没有名为 ${name} 的云函数。`)
    const user = identify(req, res, true) as string
    const text = await readBody(req, loaded.bodyMaxBytes)
    // Parsed, checked and run in the function's thread; the answer comes back as JSON text.
    const a = await loaded.fn.call(text, user)
    res.writeHead(a.status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
    res.end(a.json)
  }

  const staticRoot = resolve(opts.staticDir)
  const serveStatic = (req: IncomingMessage, res: ServerResponse, pathname: string): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') { res.writeHead(405, { Allow: 'GET, HEAD' }); res.end(); return }
    let path: string
    try { path = decodeURIComponent(pathname) } catch { res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }); res.end('请求地址里的 % 编码无效。'); return }
    if (path === '/' || path === '') path = '/index.html'
    const file = normalize(join(staticRoot, path))
    if (file !== staticRoot && !file.startsWith(staticRoot + sep)) { res.writeHead(403); res.end(); return }
    const target = existsSync(file) && statSync(file).isFile() ? file : join(staticRoot, 'index.html')
    if (!existsSync(target)) { res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }); res.end('请先构建 H5：npm run build:h5'); return }
    // The page load carries the cookie, so the app's first cloud call already has its id.
    if (extname(target) === '.html') identify(req, res, false)
    res.writeHead(200, { 'Content-Type': MIME[extname(target)] ?? 'application/octet-stream' })
    res.end(req.method === 'HEAD' ? undefined : readFileSync(target))
  }

  const handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const pathname = new URL(req.url ?? '/', 'http://local').pathname
    if (pathname === '/api' || pathname.startsWith('/api/')) await api(req, res, pathname)
    else serveStatic(req, res, pathname)
  }

  const server = createServer((req, res) => {
    handler(req, res).catch(e => {
      if (res.headersSent) { res.end(); return }
      if (e instanceof HttpError) {
        // A refused body may still be arriving: let it drain so the client reads this answer.
        if (!req.complete) req.resume()
        sendJson(res, e.status, { ok: false, code: e.code, message: e.message })
        return
      }
      process.stderr.write(`[server] ${(e as Error)?.stack ?? e}\n`)
      sendJson(res, 500, { ok: false, code: 'INTERNAL', message: '服务器内部错误。' })
    })
  })
  // Closing the server stops the function threads too (tests start and stop servers in one process).
  server.on('close', () => { for (const fn of functions.values()) fn.stop() })
  return new Promise((resolveServer, reject) => {
    server.once('error', reject)
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => resolveServer(server))
  })
}
