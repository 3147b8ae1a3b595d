// 指语 and browsing in real Chromium: every letter and number hand plays; pinyin is fingerspelled
// chip by chip; categories, handshapes and locations lead to their signs.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { canvasHash, openApp, screenshot } from './helpers.mjs'

describe('指语 page', () => {
  let app, page
  before(async () => {
    app = await openApp('#/pkg/fingerspell/index')
    page = app.page
    await page.locator('.page-fingerspell').waitFor()
  })
  after(async () => { await app?.close() })

  test('all 30 letters and 11 number hands are there, and every one plays a distinct picture', async () => {
    const letters = page.locator('.letter-btn')
    const numbers = page.locator('.number-btn')
    assert.equal(await letters.count(), 30)
    assert.equal(await numbers.count(), 11)
    await page.locator('.player-canvas canvas').waitFor()
    const seen = new Map()
    let previous = await canvasHash(page)
    // Numbers first: the page opens showing letter A, and tapping the shown letter changes nothing.
    for (const group of [numbers, letters]) {
      const n = await group.count()
      for (let i = 0; i < n; i++) {
        const btn = group.nth(i)
        const label = (await btn.innerText()).trim()
        await btn.click()
        // The new sign starts drawing (the picture changes), then reaches its held posture.
        await page.waitForFunction(prev => {
          const c = document.querySelector('.player-canvas canvas')
          const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height)
          let h = 0
          for (let k = 0; k < data.length; k += 32) h = (h * 31 + data[k] + data[k + 1] * 7 + data[k + 2] * 13) >>> 0
          return h !== prev
        }, previous, { timeout: 5000 })
        // Past the start posture (手形 · 位置) the handshape is fully formed.
        await page.waitForFunction(() => /动作|结束/.test(document.querySelector('.player-phase-label')?.textContent ?? ''), null, { timeout: 5000 })
        const toggle = page.locator('.player-toggle')
        if ((await toggle.innerText()).includes('暂停')) await toggle.click()
        const h = await canvasHash(page)
        assert.notEqual(h, 0, `${label} is drawn`)
        seen.set(label, h)
        previous = h
      }
    }
    assert.equal(seen.size, 41)
    // Every letter and number hand shows its own picture.
    const byPicture = new Map()
    for (const [label, h] of seen) byPicture.set(h, [...(byPicture.get(h) ?? []), label])
    const same = [...byPicture.values()].filter(v => v.length > 1)
    assert.deepEqual(same, [], `identical pictures: ${JSON.stringify(same)}`)
    await screenshot(page, 'fingerspell-letters')
  })

  test('typed pinyin is fingerspelled as chips, highlighted while signed', async () => {
    await page.locator('.spell-input input').fill('zhongguo')
    await page.locator('.spell-btn').click()
    await page.locator('.spelled-letter').first().waitFor()
    assert.deepEqual((await page.locator('.spelled-letter').allInnerTexts()).map(s => s.trim()), ['ZH', 'O', 'NG', 'G', 'U', 'O'])
    await page.waitForFunction(() => document.querySelectorAll('.spelled-letter.chip-active').length === 1, null, { timeout: 8000 })
    await screenshot(page, 'fingerspell-zhongguo')
  })

  test('hanzi in the pinyin box get a Chinese message, not a crash', async () => {
    await page.locator('.spell-input input').fill('中国')
    await page.locator('.spell-btn').click()
    await page.locator('.spell-error').waitFor()
    assert.match(await page.locator('.spell-error').innerText(), /[\u4e00-\u9fa5]/)
  })

  test('no page errors were thrown', () => {
    assert.deepEqual(app.browser.errors, [])
  })
})

describe('browse', () => {
  let app, page
  before(async () => {
    app = await openApp()
    page = app.page
    await page.locator('.page-search').waitFor()
  })
  after(async () => { await app?.close() })

  test('by category: the grid, then a category, then a sign', async () => {
    await page.locator('.browse-category').click()
    await page.locator('.cat-btn').first().waitFor()
    assert.ok(await page.locator('.cat-btn').count() >= 20)
    await page.locator('.cat-btn', { hasText: '颜色' }).first().click()
    await page.locator('.word-row').first().waitFor()
    assert.ok(await page.locator('.word-row').count() >= 15)
    await page.locator('.word-row').first().click()
    await page.locator('.page-sign').waitFor()
    assert.ok((await page.locator('.sign-word').innerText()).length > 0)
    await page.goBack()
    await page.locator('.page-browse').waitFor({ state: 'visible' })
  })

  test('by handshape: the chart, then the signs that start with it', async () => {
    await page.locator('.browse-tab-handshape').click()
    await page.locator('.shape-btn').first().waitFor()
    assert.ok(await page.locator('.shape-btn').count() >= 60)
    await page.locator('.shape-btn', { hasText: '平掌' }).first().click()
    await page.locator('.word-row').first().waitFor()
    assert.ok(await page.locator('.word-row').count() >= 5)
    await screenshot(page, 'browse-handshape')
  })

  test('by location: grouped by region, then the signs made there', async () => {
    await page.locator('.browse-tab-site').click()
    await page.locator('.region-title').first().waitFor()
    assert.ok(await page.locator('.region-title').count() >= 5)
    await page.locator('.site-btn', { hasText: '下巴' }).first().click()
    await page.locator('.word-row').first().waitFor()
  })

  test('no page errors were thrown', () => {
    assert.deepEqual(app.browser.errors, [])
  })
})
