/**
 * The local cloud-function server (npm start): routing, JSON errors, and that it calls a
 * function's exported main with the body — here with throw-away functions in a temp folder.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startLocalServer } from '../../scripts/lib/server'

let server: Server
let base: string
let dir: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shouyu-server-'))
  const fn = (name: string, body: string): void => {
    mkdirSync(join(dir, 'functions', name), { recursive: true })
    writeFileSync(join(dir, 'functions', name, 'index.js'), body)
  }
  fn('echo', 'exports.main = async (event) => ({ ok: true, got: event })')
  fn('asr', 'exports.main = async (event) => ({ ok: true, chars: event.audio.length })')
  fn('boom', 'exports.main = async () => { throw new Error("secret internals at /srv/x.js:12") }')
  mkdirSync(join(dir, 'h5'))
  writeFileSync(join(dir, 'h5', 'index.html'), '<!doctype html><title>手语词典</title>')
  server = await startLocalServer({ port: 0, staticDir: join(dir, 'h5'), functionsDir: join(dir, 'functions') })
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise(resolve => server.close(resolve))
  rmSync(dir, { recursive: true, force: true })
})

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(base + path, { method: 'POST', body, headers: { 'Content-Type': 'application/json', ...headers } })

test('POST /api/cloud/<name> calls the function with the JSON body and returns its result', async () => {
  const res = await post('/api/cloud/echo', JSON.stringify({ text: '你好' }))
  expect(res.status).toBe(200)
  expect(await res.json()).toEqual({ ok: true, got: { text: '你好' } })
})

test('the browser user id header reaches the function as __localUser', async () => {
  const res = await post('/api/cloud/echo', '{}', { 'X-Shouyu-User': 'u1234567890' })
  expect((await res.json()).got).toEqual({ __localUser: 'u1234567890' })
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

test('an over-large body is refused with 413', async () => {
  const res = await post('/api/cloud/echo', JSON.stringify({ text: 'x'.repeat(300 * 1024) }))
  expect(res.status).toBe(413)
})

test('asr has its own, higher limit: 30 s of 16 kHz WAV as base64 gets through, more does not', async () => {
  const thirtySeconds = 'A'.repeat(Math.ceil(960044 / 3) * 4)
  const ok = await post('/api/cloud/asr', JSON.stringify({ audio: thirtySeconds, format: 'wav' }))
  expect(ok.status).toBe(200)
  expect(await ok.json()).toEqual({ ok: true, chars: thirtySeconds.length })
  expect((await post('/api/cloud/asr', JSON.stringify({ audio: 'A'.repeat(1_500_000) }))).status).toBe(413)
  // The other functions keep the small limit.
  expect((await post('/api/cloud/echo', JSON.stringify({ audio: thirtySeconds }))).status).toBe(413)
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

test('GET of a cloud path is refused, and pages fall back to index.html', async () => {
  expect((await fetch(base + '/api/cloud/echo')).status).toBe(405)
  const page = await fetch(base + '/pages/search/index')
  expect(page.status).toBe(200)
  expect(await page.text()).toContain('手语词典')
})

test('paths outside the static folder are not served', async () => {
  const res = await fetch(base + '/..%2f..%2fetc%2fpasswd')
  expect([403, 200]).toContain(res.status)
  expect(await res.text()).not.toContain('root:')
})
