// Shared set-up for the browser tests: the real local server (the same one `npm start` runs,
// serving dist/h5 and the bundled cloud functions) and Debian's Chromium driven by playwright-core.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'

const ROOT = new URL('../..', import.meta.url).pathname
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

/** Starts `tsx scripts/start.ts --no-build` on a free port with a throw-away SQLite file. */
export async function startServer (env = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'shouyu-e2e-'))
  const port = 20000 + Math.floor(Math.random() * 20000)
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/start.ts', '--no-build'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), SHOUYU_SQLITE: join(dataDir, 'test.sqlite'), GLM_API_KEY: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let log = ''
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start:\n' + log)), 30000)
    const onData = d => {
      log += d
      if (log.includes('已启动')) { clearTimeout(timer); resolve() }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', d => { log += d })
    child.on('exit', code => { clearTimeout(timer); reject(new Error(`server exited ${code}:\n${log}`)) })
  })
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

export async function launchBrowser () {
  const userDir = mkdtempSync(join(tmpdir(), 'shouyu-chromium-'))
  const context = await chromium.launchPersistentContext(userDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 375, height: 740 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync']
  })
  const errors = []
  context.on('page', p => p.on('pageerror', e => errors.push(String(e))))
  return {
    context,
    errors,
    async newPage () {
      const page = await context.newPage()
      page.on('pageerror', e => errors.push(String(e)))
      return page
    },
    async close () {
      await context.close()
      rmSync(userDir, { recursive: true, force: true })
    }
  }
}

/** Clicks a tab of the H5 tab bar by its Chinese label. */
export async function clickTab (page, label) {
  await page.locator('.weui-tabbar__item', { hasText: label }).first().click()
}

export async function screenshot (page, name) {
  if (process.env.SHOUYU_SCREENSHOTS) await page.screenshot({ path: join(process.env.SHOUYU_SCREENSHOTS, `${name}.png`) })
}

/** Starts the server and a browser with one page at `path`; `close()` ends both. */
export async function openApp (path = '', env = {}) {
  const server = await startServer(env)
  const browser = await launchBrowser()
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
 * A fingerprint of the player's canvas pixels (0 when almost nothing is drawn), to tell frames
 * apart: the avatar moved, or a control changed the picture.
 */
export async function canvasHash (page) {
  return await page.locator('.player-canvas canvas').first().evaluate(c => {
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height)
    let h = 0
    let ink = 0
    for (let i = 0; i < data.length; i += 32) {
      h = (h * 31 + data[i] + data[i + 1] * 7 + data[i + 2] * 13) >>> 0
      if (data[i + 3]) ink++
    }
    return ink > 500 ? h : 0
  })
}
