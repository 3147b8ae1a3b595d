import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Bench } from './types'

const DIST = join(__dirname, '..', '..', 'dist', 'h5')
/** Page loads measured per setting; the median is reported. */
const RUNS = 5
/**
 * Chrome DevTools' "4× slowdown": a mid-range phone is about four times slower than this machine's
 * core at running the page's JavaScript. The figure the issue asks for is taken with it.
 */
const CPU_SLOWDOWN = 4
/** What the learner types: a common word whose first result proves the search index is built. */
const QUERY = 'xiexie'

interface Browser { newPage: () => Promise<any>, close: () => Promise<void> }

/**
 * Milliseconds from the start of navigation to the first result row after typing a word: the page
 * is interactive for the one thing people come for. Fresh browser context per load (no cache).
 */
async function interactiveMs (browser: Browser, url: string, slowdown: number): Promise<number> {
  const page = await browser.newPage()
  try {
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown })
    const t0 = Date.now()
    await page.goto(url, { waitUntil: 'commit' })
    const input = page.locator('.search-input input')
    await input.waitFor()
    await input.fill(QUERY)
    await page.locator('.result-row').first().waitFor()
    return Date.now() - t0
  } finally {
    await page.close()
  }
}

function median (xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

/**
 * The H5 app in Debian's Chromium, served by the local server exactly as `npm start` serves it
 * (run `npm run build:h5` first; the bench does not build). Beside the throttled figure, the same
 * load unthrottled, so a regression in the page's own work shows apart from the machine's speed.
 */
const bench: Bench = {
  name: 'app',
  async run (log): Promise<Record<string, number>> {
    if (!existsSync(join(DIST, 'index.html'))) {
      log('dist/h5 不存在：先运行 npm run build:h5')
      return {}
    }
    // The browser tests' own launcher and server (Debian's Chromium, port 0, throw-away data).
    const helpers = await import(join(__dirname, '..', '..', 'test', 'browser', 'helpers.mjs'))
    const server = await helpers.startServer()
    const browser = await helpers.launchBrowser()
    try {
      const slow: number[] = []
      const fast: number[] = []
      for (let i = 0; i < RUNS; i++) {
        slow.push(await interactiveMs(browser, server.url, CPU_SLOWDOWN))
        fast.push(await interactiveMs(browser, server.url, 1))
      }
      log(`${CPU_SLOWDOWN}× CPU: ${slow.join(' ')} ms; 1×: ${fast.join(' ')} ms`)
      return { 'app.h5_interactive_ms': median(slow), 'app.h5_interactive_ms_unthrottled': median(fast) }
    } finally {
      await browser.close()
      await server.stop()
    }
  }
}
export default bench
