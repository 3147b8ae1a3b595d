// Sharing and the privacy guide in the compiled mini-program (miniprogram-simulate, WeChat's own
// template compiler): the sign page's chat card (title, the page it opens, a picture of the avatar
// drawn on an offscreen canvas) and its Moments card; a translation shares with its sentence;
// WeChat's onNeedPrivacyAuthorization is answered through the consent popup; a sentence goes to
// the model only with consent.
const { readFileSync } = require('node:fs')
const { loadImage, createCanvas } = require('@napi-rs/canvas')
const { loadPage, flush, waitForText, mocks, cleanup } = require('./harness')
// The WeChat API the harness installed (storage included): what the app reads and writes.
const wx = () => global.wx

afterAll(cleanup)

/**
 * The element of Taro's render tree (the page's data, what WeChat's templates draw) whose class
 * list has `cls`: its props, e.g. a button's open-type, which the simulated DOM does not show.
 */
function taroNode (page, cls) {
  const walk = n => {
    if (!n || typeof n !== 'object') return null
    if (typeof n.cl === 'string' && n.cl.split(' ').includes(cls)) return n
    for (const c of n.cn ?? []) { const hit = walk(c); if (hit) return hit }
    return null
  }
  return walk(page.instance.data.root)
}

async function until (fn, timeoutMs = 4000) {
  const t0 = Date.now()
  for (;;) {
    const v = await fn()
    if (v) return v
    if (Date.now() - t0 > timeoutMs) return v
    await flush(50)
  }
}

describe('sharing (weapp)', () => {
  test('a sign page shares to a chat as 「谢谢」的手语怎么打, opening that sign, with a card drawn from the avatar', async () => {
    const page = loadPage('pkg/sign/index', { id: 'xiexie' })
    await waitForText(page, t => t.includes('打法说明'))
    expect(typeof page.instance.onShareAppMessage).toBe('function')
    // The share menu offers chat and Moments.
    expect(mocks.shareMenus.at(-1)).toMatchObject({ menus: ['shareAppMessage', 'shareTimeline'] })
    const share = await until(() => { const r = page.instance.onShareAppMessage({ from: 'menu' }); return r.imageUrl ? r : null })
    expect(share).toMatchObject({ title: '「谢谢」的手语怎么打', path: '/pkg/sign/index?id=xiexie' })
    // The picture: a PNG of the share card, 5:4, with the avatar (skin and shirt) at the left and
    // the word's ink at the right.
    const img = await loadImage(readFileSync(share.imageUrl))
    expect([img.width, img.height]).toEqual([500, 400])
    const c = createCanvas(500, 400)
    const ctx = c.getContext('2d')
    ctx.drawImage(img, 0, 0)
    const count = (x0, x1, pred) => {
      const d = ctx.getImageData(x0, 0, x1 - x0, 400).data
      let n = 0
      for (let i = 0; i < d.length; i += 4) if (pred(d[i], d[i + 1], d[i + 2])) n++
      return n
    }
    const skin = (r, g, b) => r > 200 && g > 150 && g < 215 && b > 120 && b < 190 && r > b + 30
    const shirt = (r, g, b) => b > r + 40 && b > 130
    expect(count(0, 250, skin)).toBeGreaterThan(300)
    expect(count(0, 250, shirt)).toBeGreaterThan(3000)
    expect(count(260, 500, (r, g, b) => r < 60 && g < 60 && b < 60)).toBeGreaterThan(300) // the word, in dark ink
  })

  test('…and to Moments with the same title and the sign in the query', async () => {
    const page = loadPage('pkg/sign/index', { id: 'xiexie' })
    await waitForText(page, t => t.includes('打法说明'))
    expect(typeof page.instance.onShareTimeline).toBe('function')
    expect(page.instance.onShareTimeline()).toMatchObject({ title: '「谢谢」的手语怎么打', query: 'id=xiexie' })
  })

  test('the 分享 button on the sign page is WeChat\'s share button', async () => {
    const page = loadPage('pkg/sign/index', { id: 'xiexie' })
    await waitForText(page, t => t.includes('打法说明'))
    const btn = page.querySelector('.share-btn')
    expect(btn).toBeTruthy()
    expect(Object.values(taroNode(page, 'share-btn'))).toContain('share')
  })

  test('a translation result shares with its sentence, opening the translate page on it', async () => {
    mocks.cloudReply = (name, data) => name === 'translate'
      ? { ok: true, version: 1, engine: 'offline', reason: '未配置模型密钥，已使用离线规则翻译', aiGenerated: false, cached: false, safety: 'skipped-local', mode: 'standard', text: data.text, dataVersion: 'x', glosses: [{ text: '学校', id: 'xuexiao', question: false, parts: [{ label: '学校', notation: { dom: 'B f:u p:f @neutral ; tap' } }] }], dropped: [], notes: [] }
      : { ok: false, code: 'X', message: 'x' }
    wx().setStorageSync('shouyu.consent', JSON.stringify({ v: 1, model: { on: true, at: 1 } }))
    const page = loadPage('pages/translate/index')
    await waitForText(page, t => t.includes('句子翻译'))
    page.querySelector('.translate-text').dispatchEvent('input', { detail: { value: '我明天去学校' } })
    await flush()
    page.querySelector('.translate-go').dispatchEvent('tap')
    await waitForText(page, t => t.includes('分享这句'))
    expect(page.instance.onShareAppMessage({ from: 'button' })).toEqual({ title: '「我明天去学校」用手语怎么打', path: `/pages/translate/index?q=${encodeURIComponent('我明天去学校')}` })
    expect(page.instance.onShareTimeline()).toEqual({ title: '「我明天去学校」用手语怎么打', query: `q=${encodeURIComponent('我明天去学校')}` })
  })
})

describe('privacy (weapp)', () => {
  beforeEach(() => { mocks.cloudCalls.length = 0; wx().removeStorageSync('shouyu.consent') })

  test('app.json asks for WeChat\'s privacy check and dark mode', () => {
    const appJson = JSON.parse(readFileSync(require('node:path').join(__dirname, '../../dist/weapp/app.json'), 'utf8'))
    expect(appJson.__usePrivacyCheck__).toBe(true)
    expect(appJson.darkmode).toBe(true)
    expect(appJson.themeLocation).toBe('theme.json')
    const theme = JSON.parse(readFileSync(require('node:path').join(__dirname, '../../dist/weapp/theme.json'), 'utf8'))
    for (const key of Object.keys(theme.light)) expect(theme.dark[key]).toBeDefined()
    expect(appJson.tabBar.color).toBe('@tabColor')
  })

  test('WeChat asking for consent (onNeedPrivacyAuthorization) shows the popup; 同意 answers agree with the button id', async () => {
    const page = loadPage('pages/translate/index')
    await waitForText(page, t => t.includes('句子翻译'))
    expect(typeof mocks.privacyHandler).toBe('function')
    const answers = []
    mocks.privacyHandler(r => answers.push(r), { referrer: 'getRecorderManager' })
    await waitForText(page, t => t.includes('隐私保护提示'))
    const agree = page.querySelector('.privacy-agree')
    expect(Object.values(taroNode(page, 'privacy-agree'))).toEqual(expect.arrayContaining(['agreePrivacyAuthorization', 'privacy-agree']))
    agree.dispatchEvent('tap')
    await until(() => answers.length > 0)
    expect(answers).toEqual([{ buttonId: 'privacy-agree', event: 'agree' }])
    await flush()
    expect(page.querySelector('.privacy-popup')).toBeFalsy()
  })

  test('不同意 answers disagree', async () => {
    const page = loadPage('pages/translate/index')
    await waitForText(page, t => t.includes('句子翻译'))
    const answers = []
    mocks.privacyHandler(r => answers.push(r), {})
    await waitForText(page, t => t.includes('隐私保护提示'))
    page.querySelector('.privacy-disagree').dispatchEvent('tap')
    await until(() => answers.length > 0)
    expect(answers).toEqual([{ event: 'disagree' }])
  })

  test('a sentence goes to the model only after consent: declining sends it with model: false', async () => {
    const page = loadPage('pages/translate/index')
    await waitForText(page, t => t.includes('句子翻译'))
    page.querySelector('.translate-text').dispatchEvent('input', { detail: { value: '我想回家' } })
    await flush()
    page.querySelector('.translate-go').dispatchEvent('tap')
    await waitForText(page, t => t.includes('发送句子给模型翻译？'))
    expect(mocks.cloudCalls).toEqual([])
    page.querySelector('.privacy-disagree').dispatchEvent('tap')
    await until(() => mocks.cloudCalls.length > 0)
    expect(mocks.cloudCalls[0]).toMatchObject({ name: 'translate', data: { text: '我想回家', model: false } })
    expect(JSON.parse(wx().getStorageSync('shouyu.consent')).model.on).toBe(false)
  })
})
