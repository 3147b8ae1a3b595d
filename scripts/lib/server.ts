/**
 * The local server behind `npm start` and the browser tests: serves the built H5 app (dist/h5)
 * and runs the bundled cloud functions (cloudfunctions/<name>/index.js, the very files deployed
 * to WeChat) at POST /api/cloud/<name>, with the call's data as the JSON body.
 * The functions run in local mode (SHOUYU_SQLITE): their store is an SQLite file in data/.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { extname, join, normalize, resolve } from 'node:path'

const MAX_BODY_BYTES = 256 * 1024 // far above any real call (a progress sync is the biggest)
/**
 * Functions whose calls are bigger than MAX_BODY_BYTES, with their own limit: `asr` carries up to
 * 30 s of 16 kHz WAV as base64 (~1.3 MB; ASR_MAX_BASE64_CHARS), plus the JSON around it.
 */
const FUNCTION_BODY_LIMITS: Readonly<Record<string, number>> = { asr: 1_400_000 }
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
}

type CloudMain = (event: unknown, context: unknown) => Promise<unknown>

function sendJson (res: ServerResponse, status: number, body: unknown): void {
  const data = JSON.stringify(body)
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
  res.end(data)
}

function readBody (req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    // Past the limit the rest is drained, not kept, so the client still gets its 413 answer.
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size <= limit) chunks.push(c)
    })
    req.on('end', () => {
      if (size > limit) reject(new Error('TOO_LARGE'))
      else resolveBody(Buffer.concat(chunks).toString('utf8'))
    })
    req.on('error', reject)
  })
}

export function startLocalServer (opts: LocalServerOptions): Promise<Server> {
  const cache = new Map<string, CloudMain>()
  const loadFunction = (name: string): CloudMain | null => {
    if (!/^[a-z][a-z0-9_-]*$/i.test(name)) return null
    const cached = cache.get(name)
    if (cached) return cached
    const file = join(opts.functionsDir, name, 'index.js')
    if (!existsSync(file)) return null
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- each cloud function is loaded at its first call, from the bundle the build wrote
    const mod = require(file)
    if (typeof mod?.main !== 'function') return null
    cache.set(name, mod.main)
    return mod.main
  }

  const staticRoot = resolve(opts.staticDir)
  const handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://local')
    const m = /^\/api\/cloud\/([^/]+)$/.exec(url.pathname)
    if (m) {
      if (req.method !== 'POST') { sendJson(res, 405, { ok: false, code: 'METHOD', message: '只接受 POST 请求。' }); return }
      const main = loadFunction(decodeURIComponent(m[1]))
      if (!main) { sendJson(res, 404, { ok: false, code: 'NO_FUNCTION', message: `没有名为 ${m[1]} 的云函数。` }); return }
      let event: unknown
      try {
        const text = await readBody(req, FUNCTION_BODY_LIMITS[decodeURIComponent(m[1])] ?? MAX_BODY_BYTES)
        event = text.trim() === '' ? {} : JSON.parse(text)
      } catch (e) {
        const tooLarge = (e as Error).message === 'TOO_LARGE'
        sendJson(res, tooLarge ? 413 : 400, { ok: false, code: tooLarge ? 'TOO_LARGE' : 'BAD_JSON', message: tooLarge ? '请求内容太大。' : '请求内容不是有效的 JSON。' })
        return
      }
      if (event === null || typeof event !== 'object' || Array.isArray(event)) {
        sendJson(res, 400, { ok: false, code: 'BAD_JSON', message: '请求内容必须是 JSON 对象。' })
        return
      }
      const user = req.headers['x-shouyu-user']
      if (typeof user === 'string' && /^[\w-]{1,64}$/.test(user)) (event as Record<string, unknown>).__localUser = user
      try {
        const result = await main(event, {})
        sendJson(res, 200, result ?? null)
      } catch (e) {
        // A function must answer errors itself; this is the last guard, never a stack trace.
        process.stderr.write(`[cloud ${m[1]}] ${(e as Error)?.stack ?? e}\n`)
        sendJson(res, 500, { ok: false, code: 'INTERNAL', message: '服务器内部错误，请稍后重试。' })
      }
      return
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') { res.writeHead(405); res.end(); return }
    let path = decodeURIComponent(url.pathname)
    if (path === '/' || path === '') path = '/index.html'
    const file = normalize(join(staticRoot, path))
    if (!file.startsWith(staticRoot)) { res.writeHead(403); res.end(); return }
    const target = existsSync(file) && statSync(file).isFile() ? file : join(staticRoot, 'index.html')
    if (!existsSync(target)) { res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }); res.end('请先构建 H5：npm run build:h5'); return }
    res.writeHead(200, { 'Content-Type': MIME[extname(target)] ?? 'application/octet-stream' })
    res.end(req.method === 'HEAD' ? undefined : readFileSync(target))
  }

  const server = createServer((req, res) => {
    handler(req, res).catch(e => {
      process.stderr.write(`[server] ${(e as Error)?.stack ?? e}\n`)
      if (!res.headersSent) sendJson(res, 500, { ok: false, code: 'INTERNAL', message: '服务器内部错误。' })
    })
  })
  return new Promise((resolveServer, reject) => {
    server.once('error', reject)
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => resolveServer(server))
  })
}
