// The subpackage pages (sign detail, 指语, browse) compiled for WeChat render their content with
// WeChat's template compiler. (The canvas itself is not simulated; its pixels are checked in
// the browser tests and the Node-canvas unit tests.)
const { loadPage, waitForText } = require('./harness')

describe('weapp subpackage pages', () => {
  test('the sign page shows the word, the numbered steps, the honest status and the player controls', async () => {
    const page = loadPage('pkg/sign/index', { id: 'xiexie' })
    const text = await waitForText(page, t => t.includes('打法说明'))
    expect(text).toContain('谢谢')
    expect(text).toMatch(/（一）/)
    // 谢谢 is transcribed from the national dictionary: its honest status says so.
    expect(text).toMatch(/据国家标准转写 · 待聋人审校/)
    expect(text).toContain('来源')
    expect(page.querySelector('.player-toggle')).toBeTruthy()
    expect(page.querySelector('.report-open')).toBeTruthy()
  })

  test('an unknown sign id gets a Chinese message instead of a blank page', async () => {
    const page = loadPage('pkg/sign/index', { id: 'no_such_sign' })
    const text = await waitForText(page, t => t.includes('找不到'))
    expect(text).toContain('找不到这个手语')
  })

  test('the 指语 page lists all 30 letters and 11 number hands', async () => {
    const page = loadPage('pkg/fingerspell/index')
    await waitForText(page, t => t.includes('ZH'))
    expect(page.querySelectorAll('.letter-btn').length).toBe(30)
    expect(page.querySelectorAll('.number-btn').length).toBe(11)
  })

  test('browse by category lists the categories, and a category lists its signs', async () => {
    const page = loadPage('pkg/browse/index', { by: 'category' })
    await waitForText(page, t => t.includes('颜色'))
    expect(page.querySelectorAll('.cat-btn').length).toBeGreaterThanOrEqual(20)
    const colors = loadPage('pkg/browse/index', { by: 'category', id: 'colors' })
    await waitForText(colors, t => t.includes('红'))
    expect(colors.querySelectorAll('.word-row').length).toBeGreaterThanOrEqual(15)
  })

  test('browse by handshape shows the chart', async () => {
    const page = loadPage('pkg/browse/index', { by: 'handshape' })
    await waitForText(page, t => t.includes('平掌'))
    expect(page.querySelectorAll('.shape-btn').length).toBeGreaterThanOrEqual(60)
  })
})
