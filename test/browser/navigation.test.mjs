// Going back the moment a page opens must bring the page beneath back, not a blank screen. Taro's
// H5 router hid the page beneath on a timer it did not cancel on a back press (the app now turns
// the H5 page animation off: src/app.config.ts).
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { clickTab, noPageErrors, withApp } from './helpers.mjs'

/** The Taro pages on screen now: the router hides the others with display: none. */
const shownPages = page => page.evaluate(() => [...document.querySelectorAll('.taro_page')]
  .filter(e => getComputedStyle(e).display !== 'none').map(e => e.id.split('?')[0]))

describe('navigation: a quick back press', () => {
  const app = withApp({ ready: async page => { await clickTab(page, '我的'); await page.locator('.page-me').waitFor({ state: 'visible' }) } })

  for (const [from, open, pageClass] of [
    ['我的', '.privacy-open', '.page-privacy'],
    ['翻译', '.privacy-link', '.page-privacy']
  ]) {
    test(`${from} → 隐私 → back at once shows ${from} again`, async () => {
      await clickTab(app.page, from)
      await app.page.locator(open).click()
      await app.page.locator(pageClass).waitFor({ state: 'visible' })
      await app.page.goBack() // no waiting: as fast as a thumb on the back button
      // Longer than the page animation was (300 ms): a late hide would have struck by then.
      await app.page.waitForTimeout(800)
      const shown = await shownPages(app.page)
      assert.equal(shown.length, 1, `one page on screen, not ${JSON.stringify(shown)}`)
      assert.match(shown[0], from === '我的' ? /pages\/me/ : /pages\/translate/)
    })
  }

  noPageErrors(app)
})
