// 隐私: a learner who synced their progress and sent a 纠错 report deletes both from the cloud; the
// progress stays on the phone and is not uploaded again by itself, only when they sync by hand.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { clickTab, noPageErrors, withApp } from './helpers.mjs'

describe('privacy: delete my cloud data', () => {
  const app = withApp({ path: '#/pkg/sign/index?id=xiexie', ready: '.player-toggle' })

  test('a favorite synced to the cloud and a 纠错 report sent', async () => {
    await app.page.locator('.favorite-btn').click()
    await app.page.locator('.report-open').click()
    await app.page.locator('.report-text textarea').fill('拇指应弯动两下。')
    await app.page.locator('.report-send').click()
    await app.page.waitForFunction(() => /已提交/.test(document.querySelector('.report-msg')?.textContent ?? ''))
    await app.page.goto(app.server.url + '#/pages/me/index')
    await app.page.locator('.sync-btn').waitFor()
    await app.page.locator('.sync-btn').click()
    await app.page.waitForFunction(() => /已同步/.test(document.querySelector('.me-msg')?.textContent ?? ''))
  })

  test('the 隐私 page says what is collected, why and for how long', async () => {
    await app.page.locator('.privacy-open').click()
    await app.page.locator('.page-privacy').waitFor({ state: 'visible' })
    const text = await app.page.locator('.page-privacy').innerText()
    for (const part of ['你输入或说出的句子', '学习进度', '纠错反馈', '保存多久', '智谱']) assert.ok(text.includes(part), part)
  })

  test('删除 asks first; cancelling deletes nothing', async () => {
    await app.page.locator('.privacy-delete').click()
    await app.page.getByText('取消', { exact: true }).click()
    await app.page.waitForTimeout(300)
    assert.equal(await app.page.locator('.privacy-msg').count(), 0)
  })

  test('删除 removes the synced progress and the report from the cloud, and says what it removed', async () => {
    await app.page.locator('.privacy-delete').click()
    await app.page.getByText('删除', { exact: true }).last().click()
    await app.page.waitForFunction(() => /已删除/.test(document.querySelector('.privacy-msg')?.textContent ?? ''))
    assert.match(await app.page.locator('.privacy-msg').innerText(), /云端学习进度 1 份，纠错反馈 1 条/)
    // The cloud has nothing of this user left.
    const res = await app.page.evaluate(async () => (await fetch('/api/cloud/progress', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"action":"get"}' })).json())
    assert.deepEqual(Object.keys(res.state.favorites), [])
    // A second delete finds nothing.
    await app.page.locator('.privacy-delete').click()
    await app.page.getByText('删除', { exact: true }).last().click()
    await app.page.waitForFunction(() => /0 份，纠错反馈 0 条/.test(document.querySelector('.privacy-msg')?.textContent ?? ''))
  })

  test('the progress stays on the phone and is not uploaded again by itself; 同步进度 uploads it', async () => {
    const syncs = []
    app.page.on('request', r => { if (r.url().endsWith('/api/cloud/progress') && /"sync"/.test(r.postData() ?? '')) syncs.push(r) })
    await app.page.reload() // the app comes to the foreground again: a pending sync would run now
    await app.page.locator('.page-privacy').waitFor({ state: 'visible' })
    await app.page.waitForTimeout(1000)
    assert.equal(syncs.length, 0)
    await app.page.goto(app.server.url + '#/pages/me/index')
    await app.page.reload()
    await app.page.locator('.sync-btn').waitFor()
    await app.page.waitForFunction(() => /收藏（1）/.test(document.querySelector('.fav-title')?.textContent ?? ''))
    assert.equal(syncs.length, 0)
    await app.page.locator('.sync-btn').click()
    await app.page.waitForFunction(() => /已同步/.test(document.querySelector('.me-msg')?.textContent ?? ''))
    assert.equal(syncs.length, 1)
    const res = await app.page.evaluate(async () => (await fetch('/api/cloud/progress', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"action":"get"}' })).json())
    assert.deepEqual(Object.keys(res.state.favorites), ['xiexie'])
  })

  test('the 我的 tab links to the 隐私 page', async () => {
    await clickTab(app.page, '我的')
    assert.equal(await app.page.locator('.privacy-open').count() > 0, true)
  })

  noPageErrors(app)
})
