// The app shell in real Chromium: the four tabs open their pages, and the local server answers
// cloud calls the way `npm start` does.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { clickTab, launchBrowser, screenshot, startServer } from './helpers.mjs'

describe('app shell in Chromium', () => {
  let server, browser, page
  before(async () => {
    server = await startServer()
    browser = await launchBrowser()
    page = await browser.newPage()
  })
  after(async () => {
    await browser?.close()
    await server?.stop()
  })

  test('opens on the 词典 tab with the app title', async () => {
    await page.goto(server.url)
    await page.locator('.page-search').waitFor()
    assert.match(await page.locator('.page-search').innerText(), /手语词典/)
    assert.equal(await page.title(), '词典')
    await screenshot(page, 'shell-search')
  })

  for (const [label, cls, heading] of [['翻译', '.page-translate', /翻译|句子/], ['学习', '.page-learn', /学/], ['我的', '.page-me', /我的/], ['词典', '.page-search', /手语词典/]]) {
    test(`the ${label} tab opens its page`, async () => {
      await clickTab(page, label)
      await page.locator(cls).waitFor({ state: 'visible' })
      assert.match(await page.locator(cls).innerText(), heading)
      assert.equal(await page.title(), label)
    })
  }

  test('every tab item is at least 44 px tall', async () => {
    const heights = await page.locator('.weui-tabbar__item').evaluateAll(els => els.map(e => e.getBoundingClientRect().height))
    assert.equal(heights.length, 4)
    for (const h of heights) assert.ok(h >= 44, `tab height ${h}`)
  })

  test('the local server answers an unknown cloud function with a 404 JSON error', async () => {
    const res = await fetch(server.url + 'api/cloud/nope', { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } })
    assert.equal(res.status, 404)
    const body = await res.json()
    assert.equal(body.ok, false)
    assert.equal(body.code, 'NO_FUNCTION')
  })

  test('the local server answers malformed JSON with 400', async () => {
    const res = await fetch(server.url + 'api/cloud/translate', { method: 'POST', body: '{"text": ', headers: { 'Content-Type': 'application/json' } })
    assert.equal(res.status, 400)
    assert.equal((await res.json()).code, 'BAD_JSON')
  })

  test('no page errors were thrown', () => {
    assert.deepEqual(browser.errors, [])
  })
})
