// Type a sentence, see the signs in sign-language order, and watch the avatar sign them.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { clickTab, openApp, screenshot } from './helpers.mjs'

describe('sentence translation (offline rules, no API key)', () => {
  let app, page
  before(async () => {
    app = await openApp()
    page = app.page
    await clickTab(page, '翻译')
    await page.locator('.page-translate').waitFor({ state: 'visible' })
  })
  after(async () => { await app?.close() })

  test('a sentence becomes chips in CSL order, time first, and the avatar signs them', async () => {
    await page.locator('.translate-text textarea').fill('我明天去学校')
    assert.match(await page.locator('.translate-count').innerText(), /6\/200/)
    await page.locator('.translate-go').click()
    await page.locator('.gloss-chip').first().waitFor()
    const chips = await page.locator('.gloss-chip').allInnerTexts()
    assert.equal(chips[0].replace(/\s/g, ''), '明天')
    assert.ok(chips.some(c => c.includes('学校')))
    assert.match(await page.locator('.engine-note').innerText(), /离线规则/)
    await page.waitForFunction(() => document.querySelector('.gloss-active') !== null, null, { timeout: 10000 })
    await screenshot(page, 'translate')
  })

  test('a name with no sign is fingerspelled and marked', async () => {
    await page.locator('.translate-text textarea').fill('我叫张伟')
    await page.locator('.translate-go').click()
    await page.locator('.gloss-fingerspell').first().waitFor()
    assert.match(await page.locator('.gloss-fingerspell').first().innerText(), /指拼/)
  })

  test('an over-long sentence gets a Chinese message and cannot be sent', async () => {
    await page.locator('.translate-text textarea').fill('好'.repeat(201))
    await page.locator('.translate-error').waitFor()
    assert.match(await page.locator('.translate-error').innerText(), /太长/)
    assert.equal(await page.locator('.translate-go').getAttribute('aria-disabled'), 'true')
    const before = await page.locator('.gloss-chip').allInnerTexts()
    await page.locator('.translate-go').click()
    await page.waitForTimeout(300)
    assert.deepEqual(await page.locator('.gloss-chip').allInnerTexts(), before, 'nothing was sent')
  })

  test('a network failure says so in Chinese and keeps what was typed', async () => {
    await page.route('**/api/cloud/translate', route => route.abort('internetdisconnected'))
    await page.locator('.translate-text textarea').fill('我们明天见')
    await page.locator('.translate-go').click()
    await page.locator('.translate-error').waitFor()
    assert.match(await page.locator('.translate-error').innerText(), /网络连接失败/)
    assert.equal(await page.locator('.translate-text textarea').inputValue(), '我们明天见')
    await page.unroute('**/api/cloud/translate')
  })

  test('recent translations are kept', async () => {
    await page.locator('.translate-text textarea').fill('')
    assert.ok(await page.locator('.recent-translation').count() >= 2)
  })

  test('no page errors were thrown', () => {
    assert.deepEqual(app.browser.errors, [])
  })
})
