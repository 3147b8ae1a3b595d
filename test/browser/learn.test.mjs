// A learner's day in real Chromium: favorite a sign, take a quiz, see the progress on 我的,
// reload and find it kept, and survive a corrupted storage key.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { clickTab, openApp, screenshot } from './helpers.mjs'

describe('learning progress', () => {
  let app, page
  before(async () => {
    app = await openApp()
    page = app.page
    await page.locator('.page-search').waitFor()
  })
  after(async () => { await app?.close() })

  test('favorite a sign from its page', async () => {
    const input = page.locator('.search-input input')
    await input.pressSequentially('xiexie', { delay: 20 })
    await page.locator('.result-row').first().click()
    await page.locator('.favorite-btn').waitFor()
    await page.locator('.favorite-btn').click()
    await page.waitForFunction(() => /已收藏/.test(document.querySelector('.favorite-btn')?.textContent ?? ''))
  })

  test('我的 lists the favorite and the history', async () => {
    await page.goBack()
    await clickTab(page, '我的')
    await page.locator('.page-me').waitFor({ state: 'visible' })
    await page.waitForFunction(() => /收藏（1）/.test(document.querySelector('.fav-title')?.textContent ?? ''))
    assert.match(await page.locator('.fav-row').first().innerText(), /谢谢/)
    assert.match(await page.locator('.hist-row').first().innerText(), /谢谢/)
    assert.match(await page.locator('.stat-accuracy').innerText(), /—|-|暂无|0/)
  })

  test('a ten-question quiz ends with a score', async () => {
    await clickTab(page, '学习')
    await page.locator('.page-learn').waitFor({ state: 'visible' })
    await page.locator('.quiz-list [role="button"], .quiz-list .btn, .quiz-list .card').first().click()
    await page.locator('.quiz-option').first().waitFor()
    for (let i = 0; i < 10; i++) {
      await page.locator('.quiz-option').first().click()
      await page.locator('.quiz-feedback').waitFor()
      await page.locator('.quiz-next').click()
    }
    await page.locator('.score-line').waitFor()
    assert.match(await page.locator('.score-line').innerText(), /答对 \d+ \/ 10 题/)
    await screenshot(page, 'quiz-score')
  })

  test('the quiz shows up in the accuracy on 我的, and everything survives a reload', async () => {
    await page.goBack()
    await clickTab(page, '我的')
    await page.waitForFunction(() => /%/.test(document.querySelector('.stat-accuracy')?.textContent ?? ''))
    const accuracy = await page.locator('.stat-accuracy').innerText()
    await page.reload()
    await page.locator('.page-me').waitFor({ state: 'visible' })
    await page.waitForFunction(() => /收藏（1）/.test(document.querySelector('.fav-title')?.textContent ?? ''))
    assert.equal(await page.locator('.stat-accuracy').innerText(), accuracy)
  })

  test('a corrupted progress key is recovered with a message, and the app keeps working', async () => {
    // Taro H5 keeps each value as {"data": …}; the progress value itself (a JSON string) is cut short.
    await page.evaluate(() => {
      localStorage.setItem('shouyu.progress', JSON.stringify({ data: '{"version":1,"favorites":{"xiexie":[oops' }))
    })
    await page.reload()
    await clickTab(page, '学习')
    await page.locator('.recovery-notes').waitFor()
    assert.match(await page.locator('.recovery-notes').innerText(), /重置|备份|恢复/)
    assert.ok(await page.evaluate(() => Object.keys(localStorage).some(k => k.includes('backup'))), 'the broken data is kept aside')
  })

  test('no page errors were thrown', () => {
    assert.deepEqual(app.browser.errors, [])
  })
})
