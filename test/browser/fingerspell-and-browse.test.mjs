// 指语 and browsing in real Chromium: every letter and number hand plays; pinyin is fingerspelled
// chip by chip; categories, handshapes and locations lead to their signs.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { canvasHash, holdAtEnd, noPageErrors, screenshot, withApp } from './helpers.mjs'

describe('指语 page', () => {
  const app = withApp({ path: '#/pkg/fingerspell/index', ready: '.page-fingerspell' })

  test('all 30 letters and 11 number hands are there, and every one shows its own hand', async () => {
    const { page } = app
    const letters = page.locator('.letter-btn')
    const numbers = page.locator('.number-btn')
    assert.equal(await letters.count(), 30)
    assert.equal(await numbers.count(), 11)
    await page.locator('.player-canvas canvas').waitFor()
    const seen = new Map()
    for (const group of [numbers, letters]) {
      const n = await group.count()
      for (let i = 0; i < n; i++) {
        const btn = group.nth(i)
        const label = (await btn.innerText()).trim()
        await btn.click()
        // The button turns active in the same commit that gives the player the new sign.
        await page.waitForFunction(el => el.classList.contains('shape-btn-active'), await btn.elementHandle())
        await holdAtEnd(page)
        const h = await canvasHash(page)
        assert.notEqual(h, 0, `${label} is drawn`)
        seen.set(label, h)
      }
    }
    assert.equal(seen.size, 41)
    const byPicture = new Map()
    for (const [label, h] of seen) byPicture.set(h, [...(byPicture.get(h) ?? []), label])
    const same = [...byPicture.values()].filter(v => v.length > 1)
    // No two of the 41 look the same. The number 0 and the letter O are both rings, but not one
    // hand: the national dictionary's 0 is all five fingers rounded into a circle (五指捏成圆形),
    // the 1963 chart's O four fingers bent in an arc with the thumb on the index and middle tips,
    // so 0 is drawn rounder (fingers in a C curve) than O (fingers rounded tighter).
    assert.deepEqual(same, [], `identical pictures: ${JSON.stringify(same)}`)
    await screenshot(page, 'fingerspell-letters')
  })

  test('typed pinyin is fingerspelled as chips, highlighted while signed', async () => {
    await app.page.locator('.spell-input input').fill('zhongguo')
    await app.page.locator('.spell-btn').click()
    await app.page.locator('.spelled-letter').first().waitFor()
    assert.deepEqual((await app.page.locator('.spelled-letter').allInnerTexts()).map(s => s.trim()), ['ZH', 'O', 'NG', 'G', 'U', 'O'])
    await app.page.waitForFunction(() => document.querySelectorAll('.spelled-letter.chip-active').length === 1, null, { timeout: 8000 })
    await screenshot(app.page, 'fingerspell-zhongguo')
  })

  test('hanzi in the pinyin box get a Chinese message, not a crash', async () => {
    await app.page.locator('.spell-input input').fill('中国')
    await app.page.locator('.spell-btn').click()
    await app.page.locator('.spell-error').waitFor()
    assert.match(await app.page.locator('.spell-error').innerText(), /[\u4e00-\u9fa5]/)
  })

  noPageErrors(app)
})

describe('browse', () => {
  const app = withApp()

  test('by category: the grid, then a category, then a sign', async () => {
    await app.page.locator('.browse-category').click()
    await app.page.locator('.cat-btn').first().waitFor()
    assert.ok(await app.page.locator('.cat-btn').count() >= 20)
    await app.page.locator('.cat-btn', { hasText: '颜色' }).first().click()
    await app.page.locator('.word-row').first().waitFor()
    assert.ok(await app.page.locator('.word-row').count() >= 15)
    await app.page.locator('.word-row').first().click()
    await app.page.locator('.page-sign').waitFor()
    assert.ok((await app.page.locator('.sign-word').innerText()).length > 0)
    await app.page.goBack()
    await app.page.locator('.page-browse').waitFor({ state: 'visible' })
  })

  test('by handshape: the chart, then the signs that start with it', async () => {
    await app.page.locator('.browse-tab-handshape').click()
    await app.page.locator('.shape-btn').first().waitFor()
    assert.ok(await app.page.locator('.shape-btn').count() >= 60)
    await app.page.locator('.shape-btn', { hasText: '平掌' }).first().click()
    await app.page.locator('.word-row').first().waitFor()
    assert.ok(await app.page.locator('.word-row').count() >= 5)
    await screenshot(app.page, 'browse-handshape')
  })

  test('by location: grouped by region, then the signs made there', async () => {
    await app.page.locator('.browse-tab-site').click()
    await app.page.locator('.region-title').first().waitFor()
    assert.ok(await app.page.locator('.region-title').count() >= 5)
    await app.page.locator('.site-btn', { hasText: '下巴' }).first().click()
    await app.page.locator('.word-row').first().waitFor()
  })

  noPageErrors(app)
})
