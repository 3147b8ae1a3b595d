/**
 * A heavy learner syncing through the local server (npm start) and the bundled `progress`
 * function, as the H5 app does: the server's body limit is the function's own (2 MB of state),
 * so a 1,000-card × 20-review state (~0.5 MB) syncs instead of bouncing off a smaller limit.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startLocalServer } from '../../scripts/lib/server'
import { SYNC_MAX_BYTES, emptyProgress, type ProgressState } from '../../src/core/learn'
import { buildCard } from '../../src/core/learn/schedule'

const ROOT = join(__dirname, '..', '..')
const T0 = Date.UTC(2026, 0, 5)
const DAY = 86400000

let server: Server
let base: string
let dir: string
let cookie = ''
const savedSqlite = process.env.SHOUYU_SQLITE

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shouyu-http-'))
  process.env.SHOUYU_SQLITE = join(dir, 'local.sqlite')
  server = await startLocalServer({ port: 0, staticDir: join(dir, 'h5'), functionsDir: join(ROOT, 'cloudfunctions'), dataDir: dir })
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise(resolve => { server.close(resolve); server.closeAllConnections() })
  if (savedSqlite === undefined) delete process.env.SHOUYU_SQLITE; else process.env.SHOUYU_SQLITE = savedSqlite
  rmSync(dir, { recursive: true, force: true })
})

async function call (body: string): Promise<{ status: number, json: any }> {
  const res = await fetch(`${base}/api/cloud/progress`, { method: 'POST', body, headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) } })
  const set = res.headers.get('set-cookie')
  if (set) cookie = set.split(';')[0]
  return { status: res.status, json: await res.json() }
}

function heavyLearner (cards: number, reviews: number): ProgressState {
  const s = emptyProgress()
  for (let c = 0; c < cards; c++) {
    const log = Array.from({ length: reviews }, (_, r) => [T0 + c * 1000 + r * DAY, 3] as [number, 3])
    s.cards[`w${c}@${c % 2 ? 'w2s' : 's2w'}`] = buildCard(undefined, log, log[0][0], false)
  }
  return s
}

test('a 1,000-card × 20-review learner syncs, and gets every card back, no bigger than sent', async () => {
  const state = heavyLearner(1000, 20)
  const body = JSON.stringify({ action: 'sync', state })
  expect(body.length).toBeGreaterThan(256 * 1024)
  const r = await call(body)
  expect(r.status).toBe(200)
  expect(r.json.ok).toBe(true)
  expect(Object.keys(r.json.state.cards)).toHaveLength(1000)
  expect(JSON.stringify(r.json.state).length).toBeLessThanOrEqual(JSON.stringify(state).length)
  const got = await call(JSON.stringify({ action: 'get' }))
  expect(got.json.state).toEqual(r.json.state)
}, 60000)

test('a state just over 2 MB inside the body limit gets the function\'s own answer; a bigger body the server\'s 413', async () => {
  const big: any = emptyProgress()
  const pad = 'x'.repeat(1000)
  const entry = JSON.stringify({ [`e0000_${pad}`]: { at: 1, on: true } }).length
  let size = JSON.stringify(big).length
  for (let i = 0; size <= SYNC_MAX_BYTES; i++) {
    big.favorites[`e${String(i).padStart(4, '0')}_${pad}`] = { at: 1, on: true }
    size += entry - 1 // a comma instead of the braces
  }
  // Just over the state limit (by less than one entry), well inside the body limit.
  expect(JSON.stringify(big).length).toBeGreaterThan(SYNC_MAX_BYTES)
  expect(JSON.stringify(big).length).toBeLessThan(SYNC_MAX_BYTES + 2 * entry)
  const r = await call(JSON.stringify({ action: 'sync', state: big }))
  expect(r.status).toBe(200)
  expect(r.json).toMatchObject({ ok: false, code: 'TOO_LARGE' })
  for (let i = 0; i < 100; i++) big.favorites[`f${i}_${pad}`] = { at: 1, on: true }
  const over = await call(JSON.stringify({ action: 'sync', state: big }))
  expect(over.status).toBe(413)
  expect(over.json).toMatchObject({ ok: false, code: 'TOO_LARGE' })
}, 60000)
