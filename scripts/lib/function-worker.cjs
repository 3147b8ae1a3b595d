// One cloud function in a worker thread of the local server (scripts/lib/server.ts), as WeChat
// runs each function in an instance of its own: a function's CPU work and garbage collection never
// pause the server's thread or another function (a burst of syncs cannot stall a translation).
// Plain JavaScript on purpose: it loads the bundled index.js with Node's own require, under tsx,
// Jest or plain node alike.
//
// Protocol (parentPort):
//   → { type: 'ready', ok, limits }                       once the module is loaded
//   ← { id, body: Uint8Array, user: string }              a call: the raw JSON body (transferred) and the caller
//   → { id, status, json: Uint8Array }                    its answer as UTF-8 JSON (transferred), status 200, 400 or 500
// Bytes, not strings, cross the thread boundary: the server's thread never holds a big body or
// answer on its heap.
'use strict'
const { setPriority } = require('node:os')
const { parentPort, workerData } = require('node:worker_threads')

/** Bodies above this many bytes are handled one at a time (their parsed states are big). */
const BIG_BODY_BYTES = 64 * 1024
/** Nice value of a background function's thread (0 is normal, 19 the lowest). */
const BACKGROUND_NICE = 10

let mod = null
try {
  mod = require(workerData.file)
} catch (e) {
  process.stderr.write(`[cloud ${workerData.name}] failed to load: ${(e && e.stack) || e}\n`)
}
const ok = !!mod && typeof mod.main === 'function'
if (ok && mod.limits && mod.limits.background === true) {
  // On Linux the nice value belongs to the thread (setpriority on "0" is the caller): only this
  // function's thread steps back; elsewhere it may be the whole process or refused, both harmless.
  try { setPriority(BACKGROUND_NICE) } catch { /* not permitted here: normal priority */ }
}
parentPort.postMessage({ type: 'ready', ok, limits: ok && mod.limits ? { bodyMaxBytes: Number(mod.limits.bodyMaxBytes) } : null })

const decoder = new TextDecoder()

/** Sends `json` (a string) as UTF-8 bytes, handing the buffer over. */
function reply (id, status, json) {
  const bytes = Buffer.from(json, 'utf8')
  // A Buffer may sit in a shared pool: copy into its own ArrayBuffer so it can be transferred.
  const own = new Uint8Array(bytes.length)
  own.set(bytes)
  parentPort.postMessage({ id, status, json: own }, [own.buffer])
}
const answer = (id, status, body) => reply(id, status, JSON.stringify(body))

async function handle ({ id, body, user }) {
  let event
  try {
    const text = decoder.decode(body)
    event = text.trim() === '' ? {} : JSON.parse(text)
  } catch {
    answer(id, 400, { ok: false, code: 'BAD_JSON', message: '请求内容不是有效的 JSON。' })
    return
  }
  if (event === null || typeof event !== 'object' || Array.isArray(event)) {
    answer(id, 400, { ok: false, code: 'BAD_JSON', message: '请求内容必须是 JSON 对象。' })
    return
  }
  // The id is the server's alone: whatever the page put there is replaced.
  event.__localUser = user
  try {
    const result = await mod.main(event, {})
    reply(id, 200, JSON.stringify(result === undefined ? null : result))
  } catch (e) {
    // A function must answer errors itself; this is the last guard, never a stack trace.
    process.stderr.write(`[cloud ${workerData.name}] ${(e && e.stack) || e}\n`)
    answer(id, 500, { ok: false, code: 'INTERNAL', message: '服务器内部错误，请稍后重试。' })
  }
}

// Big bodies wait their turn as strings: 50 parsed progress states at once would fill the heap.
let bigChain = Promise.resolve()
parentPort.on('message', msg => {
  if (!ok) { answer(msg.id, 500, { ok: false, code: 'INTERNAL', message: '服务器内部错误，请稍后重试。' }); return }
  if (msg.body.byteLength > BIG_BODY_BYTES) bigChain = bigChain.then(() => handle(msg))
  else handle(msg)
})
