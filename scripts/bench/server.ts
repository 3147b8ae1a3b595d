/**
 * The local server under load, as `npm start` runs it (a child process: scripts/start.ts
 * --no-build, the bundled functions, an SQLite file):
 * - server.translate_p99_under_sync_ms: p99 latency of a translate call made while 50 users sync
 *   113 KB of progress at once (bursts repeated until there are enough samples); bound 50 ms.
 * - server.translate_p99_idle_ms: the same calls with nothing else going on (the baseline).
 * - server.sync_burst_ms: how long the 50 concurrent syncs of one burst take to all finish.
 * - server.sync_113kb_body_kb: the size of one sync body (the load the figures are for).
 */
import { fork, spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildFunctions } from '../build-functions'
import { CARD_LOG_MAX, emptyProgress, type ProgressState } from '../../src/core/learn'
import { buildCard } from '../../src/core/learn/schedule'
import type { Bench } from './types'

const ROOT = join(__dirname, '..', '..')
/** Concurrent syncs per burst, and the body each one sends (~113 KB: 300 cards of 12 reviews). */
const SYNC_USERS = 50
const CARDS_PER_USER = 300
/** Translate callers, rotated so none reaches the function's 30-a-minute limit (40 × 30 = 1,200 calls). */
const TRANSLATE_USERS = 40
/** ms between translate calls (a person typing and translating is far slower). */
const TRANSLATE_GAP_MS = 10
const MIN_SAMPLES = 150
const MAX_BURSTS = 12
const SENTENCES = ['我明天去学校', '你叫什么名字', '我想回家', '今天天气很好', '谢谢你的帮助', '医院在哪里']

const T0 = Date.UTC(2026, 0, 5)
const DAY = 86400000

function learner (seed: number): ProgressState {
  const s = emptyProgress()
  for (let c = 0; c < CARDS_PER_USER; c++) {
    const log = Array.from({ length: CARD_LOG_MAX }, (_, r) => [T0 + seed * 7 + c * 1000 + r * DAY, 3] as [number, 3])
    s.cards[`w${c}@${c % 2 ? 'w2s' : 's2w'}`] = buildCard(undefined, log, log[0][0], false)
  }
  return s
}

const p99 = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.99) - 1)]
}
const round = (x: number): number => Math.round(x * 10) / 10
const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

async function startServer (dataDir: string): Promise<{ child: ChildProcess, base: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--no-build'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', SHOUYU_SQLITE: join(dataDir, 'bench.sqlite'), GLM_API_KEY: '', SHOUYU_NEW_USERS_PER_MINUTE: '1000' },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let out = ''
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start:\n' + out)), 60000)
    child.stdout?.on('data', d => {
      out += d
      const m = /已启动： http:\/\/localhost:(\d+)\//.exec(out)
      if (m) { clearTimeout(timer); resolve(Number(m[1])) }
    })
    child.stderr?.on('data', d => { out += d })
    child.on('exit', code => { clearTimeout(timer); reject(new Error(`server exited ${code}:\n${out}`)) })
  })
  return { child, base: `http://127.0.0.1:${port}` }
}

const bench: Bench = {
  name: 'server',
  async run (log) {
    await buildFunctions()
    const dataDir = mkdtempSync(join(tmpdir(), 'shouyu-bench-server-'))
    const { child, base } = await startServer(dataDir)
    let loadChild: ChildProcess | null = null
    try {
      const call = async (name: string, body: string, cookie: string): Promise<{ ms: number, cookie: string, ok: boolean }> => {
        const t0 = performance.now()
        const res = await fetch(`${base}/api/cloud/${name}`, { method: 'POST', body, headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) } })
        // Not parsed: the client shares the machine, and parsing 50 answers of 113 KB would delay
        // its own reading of the translate answers it is timing.
        const text = await res.text()
        const set = res.headers.get('set-cookie')
        return { ms: performance.now() - t0, cookie: set ? set.split(';')[0] : cookie, ok: text.startsWith('{"ok":true') }
      }
      // Each simulated person gets their own id (cookie) from the server, as a browser would.
      const identify = async (): Promise<string> => (await call('progress', JSON.stringify({ action: 'get' }), '')).cookie
      const syncUsers = await Promise.all(Array.from({ length: SYNC_USERS }, identify))
      const translateUsers = await Promise.all(Array.from({ length: TRANSLATE_USERS }, identify))
      const bodies = syncUsers.map((_, i) => JSON.stringify({ action: 'sync', state: learner(i) }))
      const bodyKb = Buffer.byteLength(bodies[0]) / 1024
      log(`${SYNC_USERS} users × ${bodyKb.toFixed(0)} KB syncs; translate every ${TRANSLATE_GAP_MS} ms`)
      // The syncing people are other browsers: their load comes from a process of its own.
      const load = fork(join(__dirname, '_sync-load.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
      loadChild = load
      const loadMessage = (): Promise<{ ready?: boolean, ms?: number, ok?: boolean }> => new Promise(resolve => load.once('message', resolve as (m: unknown) => void))
      const readyMsg = loadMessage()
      load.send({ base, cookies: syncUsers, bodies })
      await readyMsg

      let k = 0
      const translateOnce = async (): Promise<number> => {
        const r = await call('translate', JSON.stringify({ text: SENTENCES[k % SENTENCES.length] }), translateUsers[k++ % TRANSLATE_USERS])
        if (!r.ok) throw new Error('a translation failed during the bench')
        return r.ms
      }
      // Warm-up (both functions loaded and compiled: one unmeasured burst), then the idle baseline.
      const warm = loadMessage()
      load.send({ burst: -1 })
      if (!(await warm).ok) throw new Error('a sync failed during the warm-up')
      for (let i = 0; i < 20; i++) await translateOnce()
      const idle: number[] = []
      for (let i = 0; i < 60; i++) { idle.push(await translateOnce()); await sleep(TRANSLATE_GAP_MS) }

      const busy: number[] = []
      const bursts: number[] = []
      for (let b = 0; b < MAX_BURSTS && busy.length < MIN_SAMPLES; b++) {
        let running = true
        const burst = loadMessage().then(m => {
          running = false
          if (!m.ok) throw new Error('a sync failed during the bench')
          return m.ms as number
        })
        load.send({ burst: b })
        while (running) {
          busy.push(await translateOnce())
          await sleep(TRANSLATE_GAP_MS)
        }
        bursts.push(await burst)
        log(`burst ${b + 1}: ${bursts[b].toFixed(0)} ms, ${busy.length} translate samples so far`)
      }
      return {
        'server.translate_p99_under_sync_ms': round(p99(busy)),
        'server.translate_p99_idle_ms': round(p99(idle)),
        'server.sync_burst_ms': round(bursts.reduce((a, b) => a + b, 0) / bursts.length),
        'server.sync_113kb_body_kb': round(bodyKb)
      }
    } finally {
      loadChild?.kill('SIGTERM')
      child.kill('SIGTERM')
      await new Promise(resolve => { if (child.exitCode !== null) resolve(null); else child.once('exit', resolve) })
      rmSync(dataDir, { recursive: true, force: true })
    }
  }
}

export default bench
