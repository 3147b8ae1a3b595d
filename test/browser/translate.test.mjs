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

  test('the first translation asks first whether the sentence may go to the model; declining still translates, offline', async () => {
    await app.page.locator('.translate-text textarea').fill('我想回家')
    await app.page.locator('.translate-go').click()
    await app.page.locator('.privacy-popup').waitFor()
    assert.match(await app.page.locator('.privacy-popup').innerText(), /智谱 GLM/)
    // The tab bar steps aside while the sheet is open, so nothing covers its buttons.
    assert.equal(await app.page.locator('.weui-tabbar').isVisible(), false)
    await app.page.locator('.privacy-disagree').click()
    await app.page.locator('.gloss-chip').first().waitFor()
    assert.match(await app.page.locator('.engine-note').innerText(), /你没有同意把句子发给模型/)
    assert.equal(await app.page.locator('.privacy-popup').count(), 0)
    assert.equal(await app.page.locator('.weui-tabbar').isVisible(), true)
    // Declined is remembered: the next translation does not ask again.
    await app.page.locator('.translate-go').click()
    await app.page.waitForTimeout(300)
    assert.equal(await app.page.locator('.privacy-popup').count(), 0)
  })

  test('agreeing on the 隐私 page lets sentences go to the model (here: no key, so the offline rules say so)', async () => {
    await app.page.locator('.privacy-link').click()
    await app.page.locator('.page-privacy').waitFor({ state: 'visible' })
    assert.match(await app.page.locator('.privacy-sentences').innerText(), /智谱 GLM/)
    assert.equal(await app.page.locator('.privacy-model-switch').getAttribute('aria-checked'), 'false')
    await app.page.locator('.privacy-model-switch').click()
    assert.equal(await app.page.locator('.privacy-model-switch').getAttribute('aria-checked'), 'true')
    await app.page.goBack()
    await app.page.locator('.page-translate').waitFor({ state: 'visible' })
    await app.page.locator('.translate-go').click()
    await app.page.waitForFunction(() => /未配置模型密钥/.test(document.querySelector('.engine-note')?.textContent ?? ''))
  })

  test('a sentence becomes chips in CSL order, time first, and the avatar signs them', async () => {
    await app.page.locator('.translate-text textarea').fill('我明天去学校')
    assert.match(await app.page.locator('.translate-count').innerText(), /6\/200/)
    await app.page.locator('.translate-go').click()
    await app.page.waitForFunction(() => /明天/.test(document.querySelector('.gloss-chip')?.textContent ?? ''))
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
    // A tap on the disabled button (forced: it is marked disabled, so Playwright would not click it).
    await app.page.locator('.translate-go').click({ force: true })
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

  test('分享这句 copies a link that opens the translation of the same sentence', async () => {
    await app.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.server.url.replace(/\/$/, '') })
    await app.page.locator('.translate-text textarea').fill('我明天去学校')
    await app.page.locator('.translate-go').click()
    await app.page.waitForFunction(() => /明天/.test(document.querySelector('.gloss-chip')?.textContent ?? ''))
    await app.page.locator('.translate-share').click()
    await app.page.locator('.share-msg').waitFor()
    assert.match(await app.page.locator('.share-msg').innerText(), /链接已复制/)
    const link = await app.page.evaluate(() => navigator.clipboard.readText())
    assert.match(link, /#\/pages\/translate\/index\?q=/)
    const other = await app.browser.newPage()
    try {
      await other.goto(link)
      await other.locator('.gloss-chip').first().waitFor()
      assert.equal(await other.locator('.translate-text textarea').inputValue(), '我明天去学校')
      assert.equal((await other.locator('.gloss-chip').first().innerText()).replace(/\s/g, ''), '明天')
    } finally {
      await other.close()
    }
  })

  test('recent translations are kept', async () => {
    await app.page.locator('.translate-text textarea').fill('')
    assert.ok(await app.page.locator('.recent-translation').count() >= 2)
  })

  noPageErrors(app)
})
