// Loads compiled dist/weapp pages in Node with miniprogram-simulate, which compiles the real
// WXML/WXS with WeChat's own wcc. miniprogram-simulate defines Component but not Page/App, so a
// small shim maps a Taro page onto a component (docs/toolchain.md).
const path = require('node:path')
const simulate = require('miniprogram-simulate')

const DIST = path.join(__dirname, '..', '..', 'dist', 'weapp')

let app = null
let loaded = false
let nextQuery = {}

/**
 * What the tests drive or read of the WeChat APIs the shims stand in for: the handler the app gave
 * wx.onNeedPrivacyAuthorization, every cloud call, and the folder the share-card PNGs go to.
 */
const mocks = {
  privacyHandler: null,
  cloudCalls: [],
  cloudReply: (name, data) => ({ ok: false, code: 'OFFLINE', message: '测试：没有云端。' }),
  fileDir: null,
  shareMenus: []
}

/** A folder for the files the shims write (canvasToTempFilePath); removed by cleanup(). */
function fileDir () {
  if (!mocks.fileDir) mocks.fileDir = require('node:fs').mkdtempSync(require('node:path').join(require('node:os').tmpdir(), 'shouyu-weapp-'))
  return mocks.fileDir
}

/** Removes what the shims wrote (call in afterAll). */
function cleanup () {
  if (mocks.fileDir) require('node:fs').rmSync(mocks.fileDir, { recursive: true, force: true })
  mocks.fileDir = null
}

/**
 * WeChat's 2D offscreen canvas, drawn by @napi-rs/canvas (with the CJK font the card's text needs),
 * and canvasToTempFilePath writing its PNG: the share card is drawn for real, pixels and all.
 */
// The shims' file folder is made as the app starts (wx.env): every test file that requires the
// harness (at its top level, where hooks may be declared) removes it when it ends.
if (typeof afterAll === 'function') afterAll(cleanup)

function installCanvasShims () {
  const { createCanvas, GlobalFonts } = require('@napi-rs/canvas')
  const { existsSync, writeFileSync } = require('node:fs')
  for (const f of ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc']) {
    if (existsSync(f)) GlobalFonts.registerFromPath(f)
  }
  let n = 0
  global.wx.createOffscreenCanvas = ({ width, height }) => createCanvas(width, height)
  global.wx.canvasToTempFilePath = o => {
    try {
      const file = require('node:path').join(fileDir(), `tmp_${++n}.png`)
      writeFileSync(file, o.canvas.toBuffer('image/png'))
      o.success?.({ tempFilePath: file, errMsg: 'canvasToTempFilePath:ok' })
    } catch (e) {
      o.fail?.({ errMsg: `canvasToTempFilePath:fail ${e.message}` })
    }
    o.complete?.()
  }
  global.wx.env = { USER_DATA_PATH: fileDir() }
}

function installShims () {
  if (loaded) return
  loaded = true
  global.wx = require('miniprogram-simulate/src/api')
  // Taro's runtime asks for these; the mock answers like a 375-wide phone.
  global.wx.getSystemInfoSync = () => ({ pixelRatio: 2, windowWidth: 375, windowHeight: 667, screenWidth: 375, screenHeight: 667, platform: 'devtools', SDKVersion: '3.0.0', language: 'zh_CN', system: 'iOS 16', version: '8.0.0' })
  global.wx.getWindowInfo = () => ({ pixelRatio: 2, windowWidth: 375, windowHeight: 667, screenWidth: 375, screenHeight: 667 })
  const storage = new Map()
  global.wx.getStorageSync = k => (storage.has(k) ? storage.get(k) : '')
  global.wx.setStorageSync = (k, v) => { storage.set(k, v) }
  global.wx.removeStorageSync = k => { storage.delete(k) }
  global.wx.getStorageInfoSync = () => ({ keys: [...storage.keys()], currentSize: 0, limitSize: 10240 })
  const ok = name => o => { o?.success?.({ errMsg: `${name}:ok` }); o?.complete?.() }
  global.wx.showShareMenu = o => { mocks.shareMenus.push(o); ok('showShareMenu')(o) }
  global.wx.hideTabBar = ok('hideTabBar')
  global.wx.showTabBar = ok('showTabBar')
  global.wx.onNeedPrivacyAuthorization = cb => { mocks.privacyHandler = cb }
  global.wx.onThemeChange = () => {}
  global.wx.offThemeChange = () => {}
  global.wx.cloud = {
    init () {},
    callFunction (o) {
      mocks.cloudCalls.push({ name: o.name, data: o.data })
      const result = mocks.cloudReply(o.name, o.data)
      o.success?.({ result, errMsg: 'cloud.callFunction:ok' })
      o.complete?.()
      return Promise.resolve({ result, errMsg: 'cloud.callFunction:ok' })
    }
  }
  installCanvasShims()
  global.App = o => { app = o }
  global.getApp = () => app
  global.getCurrentPages = () => []
  global.Page = opts => {
    const methods = {}
    for (const [k, v] of Object.entries(opts)) if (typeof v === 'function') methods[k] = v
    global.Component({
      data: opts.data || {},
      methods,
      lifetimes: {
        attached () { opts.onLoad?.call(this, nextQuery) },
        ready () { opts.onShow?.call(this); opts.onReady?.call(this) }
      }
    })
  }
  require(path.join(DIST, 'app.js'))
  if (app && app.onLaunch) app.onLaunch.call(app, { path: 'pages/search/index', query: {} })
}

const ids = new Map()

/** Renders a compiled page and attaches it to a document body; returns the simulate component. */
function loadPage (pagePath, query = {}) {
  installShims()
  nextQuery = query
  // A page is registered once; later renders reuse its component id.
  if (!ids.has(pagePath)) ids.set(pagePath, simulate.load(path.join(DIST, pagePath), { rootPath: DIST, compiler: 'official' }))
  const page = simulate.render(ids.get(pagePath))
  const parent = document.createElement('parent-wrapper')
  page.attach(parent)
  return page
}

/** Lets Taro's batched setData flush. */
function flush (ms = 50) {
  return new Promise(resolve => setTimeout(resolve, ms))
}

/** Waits until the page's text satisfies `pred` (Taro renders asynchronously). */
async function waitForText (page, pred, timeoutMs = 3000) {
  const t0 = Date.now()
  while (Date.now() - t0 < timeoutMs) {
    if (pred(page.dom.textContent)) return page.dom.textContent
    await flush(50)
  }
  return page.dom.textContent
}

module.exports = { loadPage, flush, waitForText, simulate, DIST, mocks, cleanup }
