// Shared set-up for the browser tests: the real local server (the same one `npm start` runs,
// serving dist/h5 and the bundled cloud functions) and Debian's Chromium driven by playwright-core.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { chromium } from 'playwright-core'

const ROOT = new URL('../..', import.meta.url).pathname
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

/**
 * Starts `tsx scripts/start.ts --no-build` with a throw-away SQLite file. PORT=0: the system picks
 * a free port and the server's start line reports it, so two runs never collide on a port.
 */
export async function startServer (env = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'shouyu-e2e-'))
  let port = 0
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/start.ts', '--no-build'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', SHOUYU_SQLITE: join(dataDir, 'test.sqlite'), GLM_API_KEY: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let log = ''
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start:\n' + log)), 30000)
    const onData = d => {
      log += d
      const m = /已启动： http:\/\/localhost:(\d+)\//.exec(log)
      if (m) { port = Number(m[1]); clearTimeout(timer); resolve() }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', d => { log += d })
    child.on('exit', code => { clearTimeout(timer); reject(new Error(`server exited ${code}:\n${log}`)) })
  }).catch(e => { rmSync(dataDir, { recursive: true, force: true }); throw e })
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    log: () => log,
    async stop () {
      child.kill('SIGTERM')
      await new Promise(resolve => { if (child.exitCode !== null) resolve(); else child.once('exit', resolve) })
      rmSync(dataDir, { recursive: true, force: true })
    }
  }
}

/** @param {string[]} [extraArgs] more Chromium flags (e.g. a fake microphone) */
export async function launchBrowser (extraArgs = []) {
  const userDir = mkdtempSync(join(tmpdir(), 'shouyu-chromium-'))
  const context = await chromium.launchPersistentContext(userDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 375, height: 740 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', ...extraArgs]
  }).catch(e => { rmSync(userDir, { recursive: true, force: true }); throw e })
  const errors = []
  // Every page of the context, the test's own and any the app opens, reports what it throws.
  context.on('page', p => p.on('pageerror', e => errors.push(String(e))))
  return {
    context,
    errors,
    newPage: () => context.newPage(),
    async close () {
      await context.close()
      rmSync(userDir, { recursive: true, force: true })
    }
  }
}

/**
 * Pauses the player on the first frame of its 结束 phase: the held final posture, at a time fixed
 * by the timeline, not by how fast the machine ran the test. 下一步 pauses and jumps to the start
 * of the next phase (at the last phase, to its own start).
 */
export async function holdAtEnd (page) {
  // A letter tap scrolls the page back to the player in timed steps; a click sent mid-scroll
  // lands on whatever moved under it (it once started another letter). Wait as a user would.
  await page.evaluate(async () => {
    const top = () => document.querySelector('.player-next')?.getBoundingClientRect().top
    for (let last = NaN; ;) {
      const now = top()
      if (now === last) return
      last = now
      await new Promise(resolve => setTimeout(resolve, 60))
    }
  })
  for (let k = 0; k < 6; k++) {
    await page.locator('.player-next').click()
    await page.waitForFunction(() => document.querySelector('.player-toggle')?.textContent?.includes('播放'))
    if ((await page.locator('.player-phase-label').innerText()).includes('结束')) return
  }
  throw new Error('the player never reached its 结束 phase')
}

/** Clicks a tab of the H5 tab bar by its Chinese label. */
export async function clickTab (page, label) {
  await page.locator('.weui-tabbar__item', { hasText: label }).first().click()
}

export async function screenshot (page, name) {
  if (process.env.SHOUYU_SCREENSHOTS) await page.screenshot({ path: join(process.env.SHOUYU_SCREENSHOTS, `${name}.png`) })
}

/** Starts the server and a browser with one page at `path`; `close()` ends both. */
export async function openApp (path = '', env = {}, args = []) {
  const server = await startServer(env)
  const browser = await launchBrowser(args)
  const page = await browser.newPage()
  await page.goto(server.url + path)
  return {
    server,
    browser,
    page,
    async close () {
      await browser.close()
      await server.stop()
    }
  }
}

/**
 * The set-up every browser suite shares, registered on the enclosing `describe`: before its tests
 * the server and Chromium start and one page opens at `path` and waits for `ready`; after them
 * both stop and their temporary folders go. Returns a handle whose `page`, `server` and `browser`
 * are filled in by the time the tests run.
 * `env` may be a function, called in the set-up (for values known only then, like the port of a
 * fake server started by an earlier `before`); `args` are extra Chromium flags.
 * @param {{ path?: string, env?: Record<string, string> | (() => Record<string, string>), args?: string[], ready?: string | ((page: import('playwright-core').Page) => Promise<void>) }} [opts]
 */
export function withApp ({ path = '', env = {}, args = [], ready = '.page-search' } = {}) {
  const app = { page: null, server: null, browser: null }
  let opened = null
  before(async () => {
    opened = await openApp(path, typeof env === 'function' ? env() : env, args)
    Object.assign(app, { page: opened.page, server: opened.server, browser: opened.browser })
    if (typeof ready === 'function') await ready(app.page)
    else await app.page.locator(ready).first().waitFor()
  })
  after(async () => { await opened?.close() })
  return app
}

/** The last test of a suite: nothing the pages ran threw. */
export function noPageErrors (app) {
  test('no page errors were thrown', () => {
    assert.deepEqual(app.browser.errors, [])
  })
}

/**
 * A fingerprint of every pixel of the player's canvas (0 when almost nothing is drawn), to tell
 * frames apart: the avatar moved, or a control changed the picture. Every pixel counts: a sparse
 * sample can miss a thin finger.
 */
export async function canvasHash (page) {
  return await page.locator('.player-canvas canvas').first().evaluate(c => {
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height)
    let h = 0
    let ink = 0
    for (let i = 0; i < data.length; i += 4) {
      h = (Math.imul(h, 31) + data[i] + data[i + 1] * 7 + data[i + 2] * 13) >>> 0
      if (data[i + 3]) ink++
    }
    return ink > 4000 ? h : 0
  })
}

/** Non-background pixels of the player canvas (the avatar is drawn, not blank). */
export async function canvasInk (page, selector = '.player-canvas canvas') {
  return await page.locator(selector).first().evaluate(c => {
    const ctx = c.getContext('2d')
    const { data } = ctx.getImageData(0, 0, c.width, c.height)
    let ink = 0
    for (let i = 0; i < data.length; i += 16) if (data[i + 3] > 0) ink++
    return ink
  })
}

const AXE_SOURCE = new URL('../../node_modules/axe-core/axe.min.js', import.meta.url).pathname

/**
 * axe-core's serious and critical violations on the page as it is now (WCAG 2 A/AA rules, colour
 * contrast included), as short strings: `rule: selector — message`. Injected with addScriptTag.
 */
export async function axeProblems (page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ path: AXE_SOURCE })
  return await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }, resultTypes: ['violations'] })
    return r.violations
      .filter(v => v.impact === 'serious' || v.impact === 'critical')
      .flatMap(v => v.nodes.map(n => `${v.id}: ${n.target.join(' ')} — ${(n.any[0] ?? n.all[0] ?? n.none[0])?.message ?? v.help}`))
  })
}

/**
 * Makes text `factor` times larger the way a large system font does to the H5 app: every size is
 * in rem (Taro's pxtransform), so the root font size scales all of them. Set before the app's own
 * script sets the root size, for every document the page loads.
 */
export async function scaleText (page, factor) {
  await page.addInitScript(f => {
    // A stylesheet rule with !important outranks the inline size the app's script sets.
    const add = () => {
      const style = document.createElement('style')
      style.textContent = `html { font-size: ${20 * f}px !important; }`
      ;(document.head ?? document.documentElement).appendChild(style)
    }
    if (document.documentElement) add()
    else new MutationObserver((_, o) => { if (document.documentElement) { o.disconnect(); add() } }).observe(document, { childList: true })
  }, factor)
}

/**
 * What breaks when text grows, on the page in front: controls or text sticking out of the screen
 * sideways, a button's or chip's label cut off, short labels (≤ 6 characters) broken over lines,
 * controls overlapping each other. Returns one string per problem.
 */
export async function layoutProblems (page) {
  return await page.evaluate(() => {
    const W = window.innerWidth
    const page = document.querySelector('.taro_page.taro_page_show') ?? document.body
    // A modal dialog covers the page on purpose: then only the dialog is checked.
    const dialog = page.querySelector('[role="dialog"][aria-modal="true"]')
    const root = dialog ?? page
    const shown = el => {
      const r = el.getBoundingClientRect()
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden' && el.getClientRects().length > 0
    }
    const name = el => `${el.tagName.toLowerCase()}.${String(el.className).trim().split(/\s+/).slice(0, 2).join('.')} “${(el.textContent ?? '').trim().slice(0, 12)}”`
    const problems = []
    const controls = [...root.querySelectorAll('.btn, .chip, [role="button"], [role="link"], [role="radio"], [role="switch"], [role="tab"]')].filter(shown)
    const texts = [...root.querySelectorAll('.page-title, .section-title, .sign-word, .muted, .notice, .card, canvas')].filter(shown)
    for (const el of [...controls, ...texts]) {
      const r = el.getBoundingClientRect()
      if (r.right > W + 1 || r.left < -1) problems.push(`${name(el)} sticks out of the screen (${Math.round(r.left)}–${Math.round(r.right)} of ${W})`)
    }
    for (const el of controls) {
      if (el.scrollWidth > el.clientWidth + 2) problems.push(`${name(el)} label is cut off`)
    }
    // A short label or name (at most 6 characters: 同步进度, 谢谢, 问候礼貌) broken over lines. Longer
    // text may wrap; an element made of stacked blocks (a name above a count) is checked per block.
    const names = '.page-title, .section-title, .sign-word, .cat-name, .site-name, .shape-label, .word-word, .result-word, .me-row-word, .daily-word, .quiz-name'
    for (const el of [...controls, ...root.querySelectorAll(names)].filter(shown)) {
      const text = (el.textContent ?? '').trim()
      if (text.length === 0 || Array.from(text).length > 6) continue
      if ([...el.children].some(c => getComputedStyle(c).display !== 'inline')) continue
      const range = document.createRange()
      range.selectNodeContents(el)
      const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top / 4))).size
      if (lines > 1) problems.push(`${name(el)} is broken over ${lines} lines`)
    }
    const boxes = controls.map(el => [el, el.getBoundingClientRect()])
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, ra] = boxes[i]; const [b, rb] = boxes[j]
        if (a.contains(b) || b.contains(a)) continue
        const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left)
        const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top)
        if (w > 2 && h > 2) problems.push(`${name(a)} overlaps ${name(b)}`)
      }
    }
    return problems
  })
}
/**
 * Starts the fake GLM-ASR server (test/support/asr-server-main.ts) as a process. Returns its base
 * URL, the requests it reports (what audio the page sent), and stop().
 */
export async function startFakeAsr ({ key = 'fake-asr-key', transcript = '我明天去学校' } = {}) {
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'test/support/asr-server-main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ASR_FAKE_KEY: key, ASR_FAKE_TRANSCRIPT: transcript },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let out = ''
  const requests = []
  child.stdout.on('data', d => {
    out += d
    for (const m of String(d).matchAll(/^ASR_REQUEST (.*)$/gm)) requests.push(JSON.parse(m[1]))
  })
  child.stderr.on('data', d => { out += d })
  const baseUrl = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('fake ASR server did not start:\n' + out)), 20000)
    const check = () => { const m = /ASR_BASE_URL=(\S+)/.exec(out); if (m) { clearTimeout(timer); resolve(m[1]) } }
    child.stdout.on('data', check)
    child.on('exit', code => { clearTimeout(timer); reject(new Error(`fake ASR server exited ${code}:\n${out}`)) })
  })
  return {
    baseUrl,
    key,
    requests,
    async stop () {
      child.kill('SIGTERM')
      await new Promise(resolve => { if (child.exitCode !== null) resolve(); else child.once('exit', resolve) })
    }
  }
}

/** Chromium flags for a fake microphone that plays `wav` (looped) and never asks for permission. */
export const fakeMicArgs = wav => ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream',
  `--use-file-for-fake-audio-capture=${wav}`, '--autoplay-policy=no-user-gesture-required']
export const FIXTURE_SPEECH = join(ROOT, 'test/fixtures/audio/speech-zh.wav')

