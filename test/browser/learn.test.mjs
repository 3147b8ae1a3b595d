// A learner's day in real Chromium: favorite a sign, take a quiz, see the progress on 我的,
// reload and find it kept, and survive a corrupted storage key.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { clickTab, noPageErrors, screenshot, withApp } from './helpers.mjs'

describe('learning progress', () => {
  const app = withApp()

  test('favorite a sign from its page', async () => {
    const input = app.page.locator('.search-input input')
    await input.pressSequentially('xiexie', { delay: 20 })
    await app.page.locator('.result-row').first().click()
    await app.page.locator('.favorite-btn').waitFor()
    await app.page.locator('.favorite-btn').click()
    await app.page.waitForFunction(() => /已收藏/.test(document.querySelector('.favorite-btn')?.textContent ?? ''))
  })

  test('我的 lists the favorite and the history', async () => {
    await app.page.goBack()
    await clickTab(app.page, '我的')
    await app.page.locator('.page-me').waitFor({ state: 'visible' })
    await app.page.waitForFunction(() => /收藏（1）/.test(document.querySelector('.fav-title')?.textContent ?? ''))
    assert.match(await app.page.locator('.fav-row').first().innerText(), /谢谢/)
    assert.match(await app.page.locator('.hist-row').first().innerText(), /谢谢/)
    assert.match(await app.page.locator('.stat-accuracy').innerText(), /—|-|暂无|0/)
  })

  test('a ten-question quiz ends with a score', async () => {
    await clickTab(app.page, '学习')
    await app.page.locator('.page-learn').waitFor({ state: 'visible' })
    await app.page.locator('.quiz-list [role="button"], .quiz-list .btn, .quiz-list .card').first().click()
    await app.page.locator('.quiz-option').first().waitFor()
    for (let i = 0; i < 10; i++) {
      await app.page.locator('.quiz-option').first().click()
      await app.page.locator('.quiz-feedback').waitFor()
      await app.page.locator('.quiz-next').click()
    }
    await app.page.locator('.score-line').waitFor()
    assert.match(await app.page.locator('.score-line').innerText(), /答对 \d+ \/ 10 题/)
    await screenshot(app.page, 'quiz-score')
  })

  test('the quiz shows up in the accuracy on 我的, and everything survives a reload', async () => {
    await app.page.goBack()
    await clickTab(app.page, '我的')
    await app.page.waitForFunction(() => /%/.test(document.querySelector('.stat-accuracy')?.textContent ?? ''))
    const accuracy = await app.page.locator('.stat-accuracy').innerText()
    await app.page.reload()
    await app.page.locator('.page-me').waitFor({ state: 'visible' })
    await app.page.waitForFunction(() => /收藏（1）/.test(document.querySelector('.fav-title')?.textContent ?? ''))
    assert.equal(await app.page.locator('.stat-accuracy').innerText(), accuracy)
  })

  test('a corrupted progress key is recovered with a message, and the app keeps working', async () => {
    // Taro H5 keeps each value as {"data": …}; the progress value itself (a JSON string) is cut short.
    await app.page.evaluate(() => {
      localStorage.setItem('shouyu.progress', JSON.stringify({ data: '{"version":1,"favorites":{"xiexie":[oops' }))
    })
    await app.page.reload()
    await clickTab(app.page, '学习')
    await app.page.locator('.recovery-notes').waitFor()
    assert.match(await app.page.locator('.recovery-notes').innerText(), /重置|备份|恢复/)
    assert.ok(await app.page.evaluate(() => Object.keys(localStorage).some(k => k.includes('backup'))), 'the broken data is kept aside')
  })

  noPageErrors(app)
})
