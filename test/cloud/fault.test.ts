/**
 * A fault, for real: the local server (`npm start`, a separate process) is killed with SIGKILL in
 * the middle of a burst of progress writes from several users, then started again on the same
 * data folder. Every write the server acknowledged must be there after the restart, for the same
 * users (their cookies still hold: the secret is kept in the data folder), and the SQLite file
 * must pass PRAGMA integrity_check.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { request } from 'node:http'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { emptyProgress, gradeCard } from '../../src/core/learn'

const ROOT = join(__dirname, '..', '..')
const USERS = 8
/** Acknowledged writes (in all) after which the server is killed, with more in flight. */
const KILL_AFTER_ACKS = 60
const T0 = Date.UTC(2026, 0, 5)

let dir: string
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'shouyu-fault-')) })
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function start (): Promise<{ child: ChildProcess, base: string }> {
  // One process (node with the tsx loader, not the tsx CLI, which runs the script in a child):
  // SIGKILL must hit the server itself.
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--no-build'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', SHOUYU_SQLITE: join(dir, 'local.sqlite'), GLM_API_KEY: '', SHOUYU_NEW_USERS_PER_MINUTE: '1000' },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let log = ''
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start:\n' + log)), 60000)
    child.stdout?.on('data', d => {
      log += d
      const m = /已启动： http:\/\/localhost:(\d+)\//.exec(log)
      if (m) { clearTimeout(timer); resolve(Number(m[1])) }
    })
    child.stderr?.on('data', d => { log += d })
    child.once('exit', code => { clearTimeout(timer); reject(new Error(`server exited ${code}:\n${log}`)) })
  })
  return { child, base: `http://127.0.0.1:${port}` }
}

const exited = (child: ChildProcess): Promise<void> =>
  new Promise(resolve => { if (child.exitCode !== null || child.signalCode !== null) resolve(); else child.once('exit', () => resolve()) })

async function call (base: string, cookie: string, data: object): Promise<{ cookie: string, json: any }> {
  const res = await fetch(`${base}/api/cloud/progress`, {
    method: 'POST', body: JSON.stringify(data), headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) }
  })
  const set = res.headers.get('set-cookie')
  return { cookie: set ? set.split(';')[0] : cookie, json: await res.json() }
}

test('SIGKILL during a burst of progress writes: after a restart every acknowledged write is there and the database is intact', async () => {
  let server = await start()
  const cookies: string[] = []
  for (let u = 0; u < USERS; u++) cookies.push((await call(server.base, '', { action: 'get' })).cookie)

  const acked: Array<Set<string>> = cookies.map(() => new Set())
  let acks = 0
  let killed = false
  let sentBeforeKill = false
  const killedAt = new Promise<void>(resolve => {
    const writer = async (u: number): Promise<void> => {
      for (let k = 0; !killed; k++) {
        // Each write adds one new card: a partial upload, merged into what is stored.
        const id = `u${u}_${k}@s2w`
        try {
          const r = await call(server.base, cookies[u], { action: 'sync', state: gradeCard(emptyProgress(), id, 'good', T0 + k * 1000) })
          if (r.json?.ok !== true) throw new Error(`sync refused: ${JSON.stringify(r.json)}`)
          acked[u].add(id)
          if (++acks === KILL_AFTER_ACKS) {
            killed = true
            // One more write, fully sent and not yet answered, as the server dies (the other
            // writers' calls are in flight too); none of these counts as acknowledged.
            const body = JSON.stringify({ action: 'sync', state: gradeCard(emptyProgress(), `u${u}_last@s2w`, 'good', T0) })
            const req = request(`${server.base}/api/cloud/progress`, { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: cookies[u] } })
            req.on('error', () => {})
            req.on('finish', () => { sentBeforeKill = true; server.child.kill('SIGKILL'); resolve() })
            req.end(body)
          }
        } catch (e) {
          if (!killed) throw e
          return
        }
      }
    }
    for (let u = 0; u < USERS; u++) writer(u).catch(() => { /* counted above */ })
  })
  await killedAt
  await exited(server.child)
  expect(server.child.signalCode).toBe('SIGKILL')
  expect(sentBeforeKill).toBe(true)
  expect(acks).toBeGreaterThanOrEqual(KILL_AFTER_ACKS)

  server = await start()
  try {
    for (let u = 0; u < USERS; u++) {
      const r = await call(server.base, cookies[u], { action: 'get' })
      expect(r.cookie).toBe(cookies[u]) // the same user after the restart: no fresh cookie
      const stored = new Set(Object.keys(r.json.state.cards))
      for (const id of acked[u]) expect([u, id, stored.has(id)]).toEqual([u, id, true])
    }
  } finally {
    server.child.kill('SIGTERM')
    await exited(server.child)
  }
  const db = new Database(join(dir, 'local.sqlite'), { readonly: true })
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
  } finally {
    db.close()
  }
}, 120000)
