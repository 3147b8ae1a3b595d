// Type a sentence, see the signs in sign-language order, and watch the avatar sign them.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { clickTab, noPageErrors, screenshot, withApp } from './helpers.mjs'

describe('sentence translation (offline rules, no API key)', () => {
  const app = withApp({
    ready: async page => {
      await clickTab(page, '翻译')
      await page.locator('.page-translate').waitFor({ state: 'visible' })
    }
  })

  test('a sentence becomes chips in CSL order, time first, and the avatar signs them', async () => {
    await app.page.locator('.translate-text textarea').fill('我明天去学校')
    assert.match(await app.page.locator('.translate-count').innerText(), /6\/200/)
    await app.page.locator('.translate-go').click()
    await app.page.locator('.gloss-chip').first().waitFor()
    const chips = await app.page.locator('.gloss-chip').allInnerTexts()
    assert.equal(chips[0].replace(/\s/g, ''), '明天')
    assert.ok(chips.some(c => c.includes('学校')))
    assert.match(await app.page.locator('.engine-note').innerText(), /离线规则/)
    await app.page.waitForFunction(() => document.querySelector('.gloss-active') !== null, null, { timeout: 10000 })
    await screenshot(app.page, 'translate')
  })

  test('a name with no sign is fingerspelled and marked', async () => {
    await app.page.locator('.translate-text textarea').fill('我叫张伟')
    await app.page.locator('.translate-go').click()
    await app.page.locator('.gloss-fingerspell').first().waitFor()
    assert.match(await app.page.locator('.gloss-fingerspell').first().innerText(), /指拼/)
  })

  test('an over-long sentence gets a Chinese message and cannot be sent', async () => {
    await app.page.locator('.translate-text textarea').fill('好'.repeat(201))
    await app.page.locator('.translate-error').waitFor()
    assert.match(await app.page.locator('.translate-error').innerText(), /太长/)
    assert.equal(await app.page.locator('.translate-go').getAttribute('aria-disabled'), 'true')
    const before = await app.page.locator('.gloss-chip').allInnerTexts()
    await app.page.locator('.translate-go').click()
    await app.page.waitForTimeout(300)
    assert.deepEqual(await app.page.locator('.gloss-chip').allInnerTexts(), before, 'nothing was sent')
  })

  test('a network failure says so in Chinese and keeps what was typed', async () => {
    await app.page.route('**/api/cloud/translate', route => route.abort('internetdisconnected'))
    await app.page.locator('.translate-text textarea').fill('我们明天见')
    await app.page.locator('.translate-go').click()
    await app.page.locator('.translate-error').waitFor()
    assert.match(await app.page.locator('.translate-error').innerText(), /网络连接失败/)
    assert.equal(await app.page.locator('.translate-text textarea').inputValue(), '我们明天见')
    await app.page.unroute('**/api/cloud/translate')
  })

  test('recent translations are kept', async () => {
    await app.page.locator('.translate-text textarea').fill('')
    assert.ok(await app.page.locator('.recent-translation').count() >= 2)
  })

  noPageErrors(app)
})
