// The compiled WeChat pages render with WeChat's own template compiler.
const { loadPage, flush } = require('./harness')

describe('weapp pages (compiled dist/weapp in miniprogram-simulate)', () => {
  test('the search page renders its Chinese title', async () => {
    const page = loadPage('pages/search/index')
    await flush()
    const text = page.dom.textContent
    expect(text).toContain('手语词典')
  })
})
