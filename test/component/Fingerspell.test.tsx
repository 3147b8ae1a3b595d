import TestUtils from '@tarojs/test-utils-react'
import FingerspellPage from '../../src/pkg/fingerspell'
import { mount, texts, tick, withRouter } from './helpers'

// jsdom has no canvas and no loaded Taro page for createSelectorQuery: the player gets no canvas
// and shows its own fallback, which is what these tests expect.
jest.mock('../../src/components/SignPlayer/canvas', () => jest.requireActual('./helpers').noCanvas)

/** The page reads `?text=` from the current router; each test chooses its own query. */
async function mountPage (params: Record<string, string> = {}): Promise<TestUtils> {
  withRouter('/pkg/fingerspell/index', params)
  return await mount(FingerspellPage)
}

async function typeAndSpell (t: TestUtils, value: string): Promise<void> {
  const input = await t.queries.waitForQuerySelector('.spell-input input') as HTMLInputElement
  t.fireEvent.input(input, { target: { value } } as any)
  const btn = t.queries.querySelector('.spell-btn') as HTMLElement
  t.fireEvent.click(btn)
  await tick()
}

afterEach(() => jest.restoreAllMocks())

describe('指语 page', () => {
  test('shows the 30 letters and the 11 number hands as labelled buttons', async () => {
    const t = await mountPage()
    const letters = texts(t, '.letter-btn')
    expect(letters).toHaveLength(30)
    expect(letters.slice(-4)).toEqual(['ZH', 'CH', 'SH', 'NG'])
    expect(t.queries.querySelectorAll('.number-btn')).toHaveLength(11)
    expect(t.queries.querySelector('.letter-btn:nth-child(27)')?.getAttribute('aria-label')).toBe('字母 ZH')
    expect(Array.from(t.queries.querySelectorAll('.number-btn')).map(n => n.getAttribute('aria-label'))).toContain('数字 6')
  })

  test('tapping a number shows its name and how to form it', async () => {
    const t = await mountPage()
    const six = Array.from(t.queries.querySelectorAll('.number-btn')).find(n => n.textContent === '6') as HTMLElement
    t.fireEvent.click(six)
    await t.queries.waitForQueryByText('数字6', '.handshape-card-name')
    expect(t.queries.querySelector('.handshape-card-desc')?.textContent).toContain('拇指、小指伸直')
    expect(six.className).toContain('shape-btn-active')
    // The player is there (jsdom has no canvas: it shows its own fallback, not a crash).
    expect(t.queries.querySelector('.player')).not.toBeNull()
  })

  test('typing zhongguo and pressing 拼出来 shows the letters ZH O NG G U O', async () => {
    const t = await mountPage()
    await typeAndSpell(t, 'zhongguo')
    expect(texts(t, '.spelled-letter')).toEqual(['ZH', 'O', 'NG', 'G', 'U', 'O'])
    expect(t.queries.querySelector('.spell-error')).toBeNull()
  })

  test('hanzi, digits and an empty box give the Chinese message and keep what was typed', async () => {
    const t = await mountPage()
    await typeAndSpell(t, '中国')
    const err = t.queries.querySelector('.notice-error.spell-error')
    expect(err?.textContent).toContain('不能指拼')
    expect(err?.textContent).toContain('中')
    expect((t.queries.querySelector('.spell-input input') as HTMLInputElement).value).toBe('中国')
    expect(t.queries.querySelectorAll('.spelled-letter')).toHaveLength(0)

    await typeAndSpell(t, '123')
    expect(t.queries.querySelector('.spell-error')?.textContent).toContain('不是拼音字母')

    await typeAndSpell(t, '   ')
    expect(t.queries.querySelector('.spell-error')?.textContent).toContain('请输入拼音')
  })

  test('a good spelling after an error clears the error', async () => {
    const t = await mountPage()
    await typeAndSpell(t, 'ni3hao')
    expect(texts(t, '.spelled-letter')).toEqual(['N', 'I', 'H', 'A', 'O'])
    await typeAndSpell(t, 'ni-hao')
    expect(t.queries.querySelector('.spell-error')).not.toBeNull()
    // The earlier word stays on screen: a typo loses nothing.
    expect(texts(t, '.spelled-letter')).toEqual(['N', 'I', 'H', 'A', 'O'])
    await typeAndSpell(t, 'lüe')
    expect(t.queries.querySelector('.spell-error')).toBeNull()
    expect(texts(t, '.spelled-letter')).toEqual(['L', 'Ü', 'E'])
  })

  test('?text= pre-fills the box and spells it at once; a bad ?text= shows the error', async () => {
    const t = await mountPage({ text: encodeURIComponent('zhong guo') })
    expect((t.queries.querySelector('.spell-input input') as HTMLInputElement).value).toBe('zhong guo')
    expect(texts(t, '.spelled-letter')).toEqual(['ZH', 'O', 'NG', 'G', 'U', 'O'])
    document.body.innerHTML = ''

    const bad = await mountPage({ text: encodeURIComponent('学习') })
    expect(bad.queries.querySelector('.spell-error')?.textContent).toContain('不能指拼')
  })
})

describe('指语 page and the player', () => {
  test('stepping the player through a spelled word highlights the letter being signed', async () => {
    const t = await mountPage()
    await typeAndSpell(t, 'zhongguo')
    const activeIndex = (): number => Array.from(t.queries.querySelectorAll('.spelled-letter')).findIndex(n => n.className.includes('chip-active'))
    const next = t.queries.querySelector('.player-next') as HTMLElement
    const seen: number[] = [activeIndex()]
    for (let k = 0; k < 40 && activeIndex() < 5; k++) {
      t.fireEvent.click(next)
      await new Promise(r => setTimeout(r, 0))
      const i = activeIndex()
      if (i >= 0 && seen[seen.length - 1] !== i) seen.push(i)
    }
    expect(seen).toEqual([0, 1, 2, 3, 4, 5])
    // The card under the chips names the letter being signed (the last O).
    expect(t.queries.querySelector('.handshape-card-big')?.textContent).toBe('O')
  }, 30000)
})
