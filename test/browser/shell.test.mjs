// The app shell in real Chromium: the four tabs open their pages, and the local server answers
// cloud calls the way `npm start` does.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { clickTab, noPageErrors, screenshot, withApp } from './helpers.mjs'

describe('app shell in Chromium', () => {
  const app = withApp()

  test('opens on the 词典 tab with the app title', async () => {
    assert.match(await app.page.locator('.page-search').innerText(), /手语词典/)
    assert.equal(await app.page.title(), '词典')
    await screenshot(app.page, 'shell-search')
  })

  for (const [label, cls, heading] of [['翻译', '.page-translate', /翻译|句子/], ['学习', '.page-learn', /学/], ['我的', '.page-me', /我的/], ['词典', '.page-search', /手语词典/]]) {
    test(`the ${label} tab opens its page`, async () => {
      await clickTab(app.page, label)
      await app.page.locator(cls).waitFor({ state: 'visible' })
      assert.match(await app.page.locator(cls).innerText(), heading)
      assert.equal(await app.page.title(), label)
    })
  }

  test('every tab item is at least 44 px tall', async () => {
    const heights = await app.page.locator('.weui-tabbar__item').evaluateAll(els => els.map(e => e.getBoundingClientRect().height))
    assert.equal(heights.length, 4)
    for (const h of heights) assert.ok(h >= 44, `tab height ${h}`)
  })

  test('the local server answers an unknown cloud function with a 404 JSON error', async () => {
    const res = await fetch(app.server.url + 'api/cloud/nope', { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } })
    assert.equal(res.status, 404)
    const body = await res.json()
    assert.equal(body.ok, false)
    assert.equal(body.code, 'NO_FUNCTION')
  })

  test('the local server answers malformed JSON with 400', async () => {
    const res = await fetch(app.server.url + 'api/cloud/translate', { method: 'POST', body: '{"text": ', headers: { 'Content-Type': 'application/json' } })
    assert.equal(res.status, 400)
    assert.equal((await res.json()).code, 'BAD_JSON')
  })

  noPageErrors(app)
})
