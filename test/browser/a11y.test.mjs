// Every page for everyone: axe-core injected into each page in the light and the dark theme finds
// no serious or critical problem (colour contrast included), and with the system font 1.5× and
// 2× as large the layouts hold: nothing sticks out sideways, no label is cut off or broken, no
// controls overlap.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { axeProblems, layoutProblems, noPageErrors, scaleText, screenshot, withApp } from './helpers.mjs'

/** A sign whose fingers wiggle (性质: the V fingers wiggle on the other index), so the player offers a close-up. */
const CLOSE_UP_SIGN = 'xingzhi'

/** Every page, and the states worth checking: [name, hash route, selector it shows when ready, then]. */
const PAGES = [
  ['词典', '#/pages/search/index', '.daily'],
  ['词典 with results', '#/pages/search/index', '.daily', async page => {
    await page.locator('.search-input input').pressSequentially('xuexi', { delay: 10 })
    await page.locator('.result-row').first().waitFor()
  }],
  ['翻译', '#/pages/translate/index', '.translate-go'],
  ['翻译 asking for consent', '#/pages/translate/index', '.translate-go', async page => {
    await page.locator('.translate-text textarea').fill('我明天去学校')
    await page.locator('.translate-go').click()
    await page.locator('.privacy-popup').waitFor()
  }],
  ['翻译 with a result', '#/pages/translate/index', '.translate-go', async page => {
    await page.locator('.translate-text textarea').fill('我叫张伟，我明天去学校')
    await page.locator('.translate-go').click()
    await page.locator('.privacy-agree').click()
    await page.locator('.gloss-chip').first().waitFor()
  }],
  ['学习', '#/pages/learn/index', '.page-learn .quiz-list'],
  ['我的', '#/pages/me/index', '.page-me .sync-btn'],
  ['手语详情', '#/pkg/sign/index?id=xiexie', '.player-toggle'],
  ['手语详情 with the 纠错 form', '#/pkg/sign/index?id=xiexie', '.report-open', async page => {
    await page.locator('.report-open').click()
    await page.locator('.report-form').waitFor()
  }],
  // A sign with finger movements: the player offers the hand close-up (a button of its own).
  ['手语详情 with the close-up offer', '#/pkg/sign/index?id=' + CLOSE_UP_SIGN, '.player-closeup-offer'],
  ['指语', '#/pkg/fingerspell/index', '.letter-btn'],
  ['分类', '#/pkg/browse/index?by=category', '.cat-btn'],
  ['一个分类', '#/pkg/browse/index?by=category&id=colors', '.word-row'],
  ['手形', '#/pkg/browse/index?by=handshape', '.shape-btn'],
  ['位置', '#/pkg/browse/index?by=site', '.site-btn'],
  ['学习卡片', '#/pkg/study/index', '.page-study'],
  ['测验', '#/pkg/quiz/index?kind=sign2word', '.quiz-option'],
  ['隐私', '#/pkg/privacy/index', '.privacy-delete']
]

async function open (app, page, route, ready, then) {
  await page.goto(app.server.url + route)
  // Each state as a first-time user meets it: no consent given yet (the popup is one of the states).
  await page.evaluate(() => localStorage.removeItem('shouyu.consent'))
  // A fresh document: Taro's page stack starts with this page alone.
  await page.reload()
  await page.locator(ready).first().waitFor()
  if (then) await then(page)
  // Let the player draw and the fonts settle before measuring.
  await page.waitForTimeout(300)
}

describe('accessibility (axe-core) in both themes, and large text', () => {
  const app = withApp()

  for (const scheme of ['light', 'dark']) {
    describe(`${scheme} theme`, () => {
      let page
      test(`opens a page in the ${scheme} theme`, async () => {
        page = await app.browser.newPage()
        await page.emulateMedia({ colorScheme: scheme })
        await open(app, page, '#/pages/search/index', '.daily')
        const bg = await page.evaluate(() => getComputedStyle(document.querySelector('.taro_page.taro_page_show')).backgroundColor)
        assert.equal(bg, scheme === 'dark' ? 'rgb(18, 20, 23)' : 'rgb(246, 247, 249)')
      })
      for (const [name, route, ready, then] of PAGES) {
        test(`${name}: no serious or critical axe violation`, async () => {
          await open(app, page, route, ready, then)
          assert.deepEqual(await axeProblems(page), [])
        })
      }
      test('the avatar is drawn in the theme\'s colours', async () => {
        await open(app, page, '#/pkg/sign/index?id=xiexie', '.player-toggle')
        // The stage's corner pixel is the palette's background (core PALETTES).
        const px = await page.locator('.player-canvas canvas').first().evaluate(c => [...c.getContext('2d').getImageData(2, 2, 1, 1).data].slice(0, 3))
        assert.deepEqual(px, scheme === 'dark' ? [0x1B, 0x24, 0x30] : [0xF4, 0xF1, 0xEA])
        await screenshot(page, `sign-${scheme}`)
        await page.close()
      })
    })
  }

  for (const factor of [1.5, 2]) {
    describe(`text ${factor}× as large`, () => {
      let page
      test(`opens a page with ${factor}× text`, async () => {
        page = await app.browser.newPage()
        await scaleText(page, factor)
        await open(app, page, '#/pages/search/index', '.daily')
        const size = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.page-title')).fontSize))
        assert.ok(Math.abs(size - 22 * factor) < 1, `title font ${size}px`)
      })
      for (const [name, route, ready, then] of PAGES) {
        test(`${name}: the layout holds`, async () => {
          await open(app, page, route, ready, then)
          assert.deepEqual(await layoutProblems(page), [])
        })
      }
      test('the tab bar still shows all four tabs, each at least 44 px tall', async () => {
        await open(app, page, '#/pages/search/index', '.daily')
        const tabs = await page.locator('.weui-tabbar__item').evaluateAll(els => els.map(e => { const r = e.getBoundingClientRect(); return [r.left, r.right, r.height] }))
        assert.equal(tabs.length, 4)
        for (const [l, r, h] of tabs) { assert.ok(l >= 0 && r <= 376, `tab ${l}–${r}`); assert.ok(h >= 44, `tab height ${h}`) }
        await screenshot(page, `search-text-${factor}`)
        await page.close()
      })
    })
  }

  noPageErrors(app)
})
