// The compiled WeChat pages render and respond with WeChat's own template compiler (wcc), in
// miniprogram-simulate: the search page finds signs as the user types.
const { loadPage, flush, waitForText } = require('./harness')

describe('weapp pages (compiled dist/weapp in miniprogram-simulate)', () => {
  test('the search page renders its title, the daily word and common words', async () => {
    const page = loadPage('pages/search/index')
    const text = await waitForText(page, t => t.includes('常用词'))
    expect(text).toContain('手语词典')
    expect(text).toContain('每日一词')
    expect(text).toContain('常用词')
  })

  test('typing pinyin on the search page shows matching signs', async () => {
    const page = loadPage('pages/search/index')
    await waitForText(page, t => t.includes('常用词'))
    const input = page.querySelector('.search-input')
    expect(input).toBeTruthy()
    input.dispatchEvent('input', { detail: { value: 'xuexi' } })
    await waitForText(page, t => t.includes('找到'))
    const rows = page.querySelectorAll('.result-row')
    expect(rows.length).toBeGreaterThan(0)
    expect(rows[0].dom.textContent).toContain('学习')
  })

  test('a search with no match offers fingerspelling', async () => {
    const page = loadPage('pages/search/index')
    await waitForText(page, t => t.includes('常用词'))
    page.querySelector('.search-input').dispatchEvent('input', { detail: { value: 'qwxzv' } })
    await waitForText(page, t => t.includes('没有找到'))
    expect(page.dom.textContent).toContain('没有找到')
    expect(page.querySelector('.fingerspell-btn')).toBeTruthy()
  })
})
