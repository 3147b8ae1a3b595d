// Speak, see it signed: a fake microphone (Chromium plays a recorded Chinese sentence) → the
// page's 16 kHz WAV → the asr function → the fake GLM-ASR server → text in the box → chips → the
// avatar signing. Then 同步 mode, and without a key: a clear message while typing still works.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { canvasInk, clickTab, FIXTURE_SPEECH, fakeMicArgs, noPageErrors, screenshot, startFakeAsr, withApp } from './helpers.mjs'

const openTranslate = async page => {
  await clickTab(page, '翻译')
  await page.locator('.page-translate').waitFor({ state: 'visible' })
}

/** Waits (up to 8 s) until the player's canvas in `scope` has the avatar drawn on it. */
async function avatarDrawn (page, scope) {
  const t0 = Date.now()
  let ink = 0
  while (Date.now() - t0 < 8000) {
    ink = await canvasInk(page, `${scope} .player-canvas canvas`).catch(() => 0)
    if (ink > 100) return ink
    await page.waitForTimeout(200)
  }
  return ink
}

/** Holds the talk button for `ms` with the mouse, watching the level meter; returns the loudest width seen (%). */
async function holdToTalk (page, ms) {
  const btn = page.locator('.talk-btn')
  await btn.hover()
  await page.mouse.down()
  await page.locator('.talk-btn-on').waitFor()
  let loudest = 0
  const t0 = Date.now()
  while (Date.now() - t0 < ms) {
    const w = await page.locator('.talk-meter-fill').evaluate(el => parseFloat(el.style.width) || 0).catch(() => 0)
    loudest = Math.max(loudest, w)
    await page.waitForTimeout(100)
  }
  await page.mouse.up()
  return loudest
}

/**
 * The first press of 按住说话 asks for consent to record (the press is spent on the question, so
 * nothing records unheld); agreeing leaves a hint to press again. Also checks a decline is explained.
 */
async function allowRecording (page) {
  await page.locator('.talk-btn').hover()
  await page.mouse.down()
  await page.locator('.privacy-popup').waitFor()
  assert.match(await page.locator('.privacy-popup').innerText(), /GLM-ASR/)
  await page.mouse.up()
  await page.locator('.privacy-agree').click()
  await page.locator('.speech-hint').waitFor()
  assert.equal(await page.locator('.talk-btn-on').count(), 0, 'nothing records before the next press')
}

/** Answers the consent popup the first translation brings up (sentences to the model). */
async function answerModelQuestion (page, agree) {
  await page.locator('.privacy-popup').waitFor({ timeout: 15000 })
  await page.locator(agree ? '.privacy-agree' : '.privacy-disagree').click()
}

describe('speech in, with GLM-ASR (fake server)', () => {
  let asr
  before(async () => { asr = await startFakeAsr({ transcript: '我明天去学校' }) })
  after(async () => { await asr?.stop() })
  const app = withApp({
    // The key is the fake server's, for this test only; translate then falls back to the offline rules (no chat endpoint there).
    env: () => ({ GLM_API_KEY: asr.key, GLM_BASE_URL: asr.baseUrl, GLM_TIMEOUT_MS: '2000' }),
    args: fakeMicArgs(FIXTURE_SPEECH),
    ready: openTranslate
  })

  test('hold to talk: recorded, recognised, put in the box, translated concisely and signed', async () => {
    await allowRecording(app.page)
    const loudest = await holdToTalk(app.page, 3500)
    assert.ok(loudest > 20, `the level meter moved with the voice (loudest ${loudest}%)`)
    await app.page.waitForFunction(() => document.querySelector('.translate-text textarea')?.value === '我明天去学校', null, { timeout: 15000 })
    // The recognised sentence is translated like a typed one: the model only with consent (declined here).
    await answerModelQuestion(app.page, false)
    // What the page sent: one real 16 kHz mono WAV of about the time held, with a voice in it.
    // The fake server's process reports each request on its stdout; give the line time to arrive.
    for (let k = 0; k < 40 && asr.requests.length === 0; k++) await app.page.waitForTimeout(50)
    assert.equal(asr.requests.length, 1)
    const sent = asr.requests[0]
    assert.equal(sent.model, 'glm-asr-2512')
    assert.deepEqual({ ok: sent.info.ok, format: sent.info.format, rate: sent.info.sampleRate, channels: sent.info.channels }, { ok: true, format: 'wav', rate: 16000, channels: 1 })
    assert.ok(sent.info.durationMs > 2500 && sent.info.durationMs < 5000, `duration ${sent.info.durationMs} ms`)
    assert.ok(sent.level > 0.3, `the recording is not silence (level ${sent.level})`)
    // Speech is translated in 精简 mode and signed.
    assert.equal(await app.page.locator('.mode-concise').getAttribute('aria-checked'), 'true')
    await app.page.locator('.translate-result .gloss-chip').first().waitFor()
    const chips = (await app.page.locator('.translate-result .gloss-chip').allInnerTexts()).map(c => c.replace(/\s/g, ''))
    assert.equal(chips[0], '明天', 'time first')
    assert.equal(chips.join(''), '明天我去学校', 'every word signed, none split') // 去学校 may be one sign (a share)
    await app.page.waitForFunction(() => document.querySelector('.translate-result .gloss-active') !== null, null, { timeout: 10000 })
    assert.ok(await avatarDrawn(app.page, '.translate-result') > 100, 'the avatar is drawn')
    await screenshot(app.page, 'speech')
  })

  test('同步 mode: utterances become captions and the avatar signs them one after another', async () => {
    await app.page.locator('.listen-toggle').click()
    await app.page.locator('.talk-meter').waitFor()
    await app.page.locator('.caption .gloss-chip').first().waitFor({ timeout: 20000 })
    await app.page.locator('.caption-playing').first().waitFor({ timeout: 10000 })
    await app.page.locator('.caption .gloss-active').first().waitFor({ timeout: 10000 })
    assert.ok(await avatarDrawn(app.page, '.listen-panel') > 100, 'the listen player signs')
    const caption = (await app.page.locator('.caption').first().locator('.gloss-chip').allInnerTexts()).map(c => c.replace(/\s/g, ''))
    assert.equal(caption.join(''), '明天我去学校')
    await app.page.locator('.listen-toggle').click()
    assert.equal(await app.page.locator('.talk-meter').count(), 0, 'the microphone is released')
  })

  noPageErrors(app)
})

describe('speech in without an API key', () => {
  const app = withApp({ args: fakeMicArgs(FIXTURE_SPEECH), ready: openTranslate })

  test('declining the microphone is explained, and typing still works', async () => {
    await app.page.locator('.talk-btn').hover()
    await app.page.mouse.down()
    await app.page.locator('.privacy-popup').waitFor()
    await app.page.mouse.up()
    await app.page.locator('.privacy-disagree').click()
    await app.page.locator('.speech-error').waitFor()
    assert.match(await app.page.locator('.speech-error').innerText(), /没有同意使用麦克风.*直接输入文字/)
    assert.equal(await app.page.locator('.talk-btn-on').count(), 0)
  })

  test('says clearly in Chinese that speech is off, and typing still translates', async () => {
    await allowRecording(app.page)
    await holdToTalk(app.page, 1200)
    await app.page.locator('.speech-error').waitFor({ timeout: 10000 })
    const msg = await app.page.locator('.speech-error').innerText()
    assert.match(msg, /语音识别没有开通/)
    assert.match(msg, /直接输入文字/)
    await app.page.locator('.translate-text textarea').fill('我明天去学校')
    await app.page.locator('.translate-go').click()
    await answerModelQuestion(app.page, true)
    await app.page.locator('.translate-result .gloss-chip').first().waitFor()
    assert.match(await app.page.locator('.engine-note').innerText(), /离线规则/)
  })

  noPageErrors(app)
})
