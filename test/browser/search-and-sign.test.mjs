// Find a sign as you type, open it, and control the avatar like a video — in real Chromium.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { canvasHash, canvasInk, noPageErrors, screenshot, withApp } from './helpers.mjs'

// What the page must say about 谢谢 comes from the compiled dictionary the app was built from.
const DICT = JSON.parse(readFileSync(new URL('../../src/data/compiled/dictionary.json', import.meta.url), 'utf8'))

describe('search and the sign page', () => {
  const app = withApp()

  test('the empty search box shows the daily word, common words and browse links', async () => {
    await app.page.locator('.daily').waitFor()
    assert.match(await app.page.locator('.daily').innerText(), /每日一词/)
    assert.ok(await app.page.locator('.common-item').count() >= 8)
    assert.equal(await app.page.locator('.browse-category').count(), 1)
  })

  test('results update on each keystroke, in pinyin without tones', async () => {
    const input = app.page.locator('.search-input input')
    await input.click()
    await input.pressSequentially('xuex', { delay: 30 })
    await app.page.locator('.result-row').first().waitFor()
    await input.pressSequentially('i', { delay: 30 })
    await app.page.waitForFunction(() => document.querySelector('.result-row .result-word')?.textContent === '学习')
    assert.equal(await app.page.locator('.result-row .result-word').first().innerText(), '学习')
    // Each row carries a picture of its start handshape, drawn by the engine at build time.
    await app.page.waitForFunction(() => {
      const img = document.querySelector('.result-row .result-shape img')
      return img && img.complete && img.naturalWidth > 0
    })
    await screenshot(app.page, 'search-xuexi')
  })

  test('initials and hanzi find their words; the match is highlighted', async () => {
    const input = app.page.locator('.search-input input')
    await input.fill('')
    await input.pressSequentially('xx', { delay: 20 })
    await app.page.waitForFunction(() => [...document.querySelectorAll('.result-word')].some(e => e.textContent === '学习'))
    await input.fill('')
    await input.pressSequentially('谢谢', { delay: 20 })
    await app.page.waitForFunction(() => document.querySelector('.result-row .result-word')?.textContent === '谢谢')
    assert.equal(await app.page.locator('.result-row').first().locator('.hl').first().innerText(), '谢谢')
  })

  test('no match shows the nearest words and offers to fingerspell the input', async () => {
    const input = app.page.locator('.search-input input')
    await input.fill('')
    await input.pressSequentially('qwxzv', { delay: 20 })
    await app.page.locator('.no-result').waitFor()
    assert.match(await app.page.locator('.no-result').innerText(), /没有找到/)
    assert.equal(await app.page.locator('.fingerspell-btn').count(), 1)
  })

  test('a result opens the sign page with the avatar, the steps and the honest status', async () => {
    const input = app.page.locator('.search-input input')
    await input.fill('')
    await input.pressSequentially('谢谢', { delay: 20 })
    await app.page.locator('.result-row').first().click()
    await app.page.locator('.page-sign').waitFor()
    await app.page.waitForFunction(() => document.querySelector('.sign-word')?.textContent === '谢谢')
    const xie = DICT.entries.filter(e => e.word === '谢谢').sort((a, b) => (a.variant?.n ?? 0) - (b.variant?.n ?? 0))[0]
    const badge = await app.page.locator('.page-sign .badge').first().innerText()
    if (xie.status === 'reviewed') assert.match(badge, /已审校/)
    else if (xie.origin?.kind === 'project') assert.match(badge, /自拟.*不是国家通用手语/)
    else assert.match(badge, /待聋人审校/)
    // Provenance cites the national sign by its id, or says the sign is the project's own.
    const provenance = await app.page.locator('.provenance').innerText()
    if (xie.nat) assert.match(provenance, new RegExp(`手势编号 ${xie.nat.id}`))
    else assert.match(provenance, /自拟/)
    assert.equal(await app.page.locator('.sign-needs').count(), xie.needs?.length ? 1 : 0)
    const steps = await app.page.locator('.step').allInnerTexts()
    assert.ok(steps.length >= 1)
    assert.match(steps[0], /手形，手指指向/, 'the first step is generated from the notation')
    await app.page.waitForFunction(() => {
      const c = document.querySelector('.player-canvas canvas')
      return c && c.width > 0
    })
    await app.page.waitForTimeout(400)
    assert.ok(await canvasInk(app.page) > 1000, 'the avatar is drawn')
    await screenshot(app.page, 'sign-xiexie')
  })

  test('the avatar moves while playing and stands still when paused', async () => {
    await app.page.locator('.player-speed', { hasText: '0.5×' }).click()
    await app.page.locator('.player-loop').click()
    const toggle = app.page.locator('.player-toggle')
    if ((await toggle.innerText()).includes('播放') || (await toggle.innerText()).includes('重播')) await toggle.click()
    const a = await canvasHash(app.page)
    await app.page.waitForTimeout(300)
    const b = await canvasHash(app.page)
    assert.notEqual(a, b, 'frames change while playing')
    await toggle.click()
    assert.match(await toggle.innerText(), /播放/)
    await app.page.waitForTimeout(150)
    const c = await canvasHash(app.page)
    await app.page.waitForTimeout(300)
    assert.equal(await canvasHash(app.page), c, 'frames hold while paused')
  })

  test('stepping through phases shows each phase in Chinese, and the step is highlighted', async () => {
    const labels = new Set()
    for (let i = 0; i < 4; i++) {
      await app.page.locator('.player-next').click()
      labels.add(await app.page.locator('.player-phase-label').innerText())
    }
    assert.ok([...labels].some(l => /手形|动作|结束/.test(l)), [...labels].join('|'))
    assert.ok(await app.page.locator('.step-active').count() <= 1)
  })

  test('mirror and angle change the picture; mirror says so', async () => {
    const before = await canvasHash(app.page)
    await app.page.locator('.player-mirror').click()
    await app.page.locator('.player-mirror-note').waitFor()
    const mirrored = await canvasHash(app.page)
    assert.notEqual(before, mirrored)
    await app.page.locator('.player-mirror').click()
    await app.page.locator('.player-view', { hasText: '侧面' }).click()
    assert.notEqual(await canvasHash(app.page), before)
    await app.page.locator('.player-view', { hasText: '正面' }).click()
  })

  test('the 纠错 form refuses an empty report and accepts a real one', async () => {
    await app.page.locator('.report-open').click()
    await app.page.locator('.report-send').click()
    assert.match(await app.page.locator('.report-msg').innerText(), /请先写下/)
    await app.page.locator('.report-text textarea').fill('动作应该是向前弯两下。')
    await app.page.locator('.report-send').click()
    await app.page.waitForFunction(() => /已提交|已保存/.test(document.querySelector('.report-msg')?.textContent ?? ''))
  })

  test('分享 copies a link that opens the same sign in a new page', async () => {
    await app.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.server.url.replace(/\/$/, '') })
    const word = await app.page.locator('.sign-word').innerText()
    await app.page.locator('.share-btn').click()
    await app.page.locator('.share-msg').waitFor()
    assert.match(await app.page.locator('.share-msg').innerText(), /链接已复制/)
    const link = await app.page.evaluate(() => navigator.clipboard.readText())
    assert.match(link, /#\/pkg\/sign\/index\?id=/)
    const other = await app.browser.newPage()
    try {
      await other.goto(link)
      await other.locator('.player-toggle').waitFor()
      assert.equal(await other.locator('.sign-word').innerText(), word)
    } finally {
      await other.close()
    }
  })

  test('a sign made at the thigh (裤子) is framed lower while it is made: the hands are in the picture, not cut at its edge', async () => {
    await app.page.goto(`${app.server.url}#/pkg/sign/index?id=kuzi`)
    await app.page.locator('.player-toggle').waitFor()
    // Step (paused) to the movement, where the hands are at the thigh.
    for (let i = 0; i < 6 && !/动作/.test(await app.page.locator('.player-phase-label').innerText()); i++) await app.page.locator('.player-next').click()
    assert.match(await app.page.locator('.player-phase-label').innerText(), /动作/)
    const skin = await app.page.locator('.player-canvas canvas').first().evaluate(c => {
      const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height)
      // The hands' skin colours (drawlist.ts PALETTE_LIGHT 3, 4, 5); rows that show any.
      const tones = [[0xF1, 0xC6, 0xA2], [0xD9, 0xA5, 0x7F], [0xFB, 0xE0, 0xC8]]
      let lowest = -1; let lowHalf = 0
      for (let y = 0; y < c.height; y++) {
        for (let x = 0; x < c.width; x++) {
          const i = (y * c.width + x) * 4
          if (!tones.some(t => Math.abs(data[i] - t[0]) + Math.abs(data[i + 1] - t[1]) + Math.abs(data[i + 2] - t[2]) < 20)) continue
          lowest = y
          if (y > c.height / 2) lowHalf++
        }
      }
      return { lowest, lowHalf, height: c.height }
    })
    assert.ok(skin.lowHalf > 200, `the hands are in the lower half (${skin.lowHalf} px of skin)`)
    assert.ok(skin.lowest < skin.height - 4, `the hands end above the lower edge (lowest skin row ${skin.lowest} of ${skin.height})`)
  })

  noPageErrors(app)
})
