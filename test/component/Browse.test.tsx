import TestUtils from '@tarojs/test-utils-react'
import Taro from '@tarojs/taro'
import BrowsePage from '../../src/pkg/browse'
import { HANDSHAPES } from '../../src/core/sign/handshapes'
import { mount, texts, tick, withRouter } from './helpers'

// A small, fixed dictionary: the tests check the page's behaviour, not the content of the real one
// (which is compiled from src/data by another step and changes as content is added).
jest.mock('../../src/services/dictionary', () => {
  const mk = (id: string, word: string, pinyin: string, category: string, handshape: string, site: string, status: string, variant?: number) =>
    ({ id, word, shares: [], pinyin, pinyinPlain: pinyin, initials: '', category, type: 'lexical', freq: 0, handshape, site,
      // 'draft' here is a sign the project made (自拟), as only those are drafts.
      status, ...(status === 'draft' ? { project: true } : {}), ...(variant ? { variant } : {}) })
  // Most frequent first, as the compiled HEADERS are.
  const HEADERS = [
    mk('nihao', '你好', 'nǐ hǎo', 'greetings', 'flat', 'chin', 'reviewed'),
    mk('yi', '一', 'yī', 'numbers', '1', 'neutral', 'draft'),
    mk('xiexie', '谢谢', 'xiè xie', 'greetings', 'flat', 'chin', 'transcribed'),
    mk('er', '二', 'èr', 'numbers', '2', 'neutral', 'draft'),
    mk('zaijian2', '再见', 'zài jiàn', 'greetings', 'open', 'H.palm', 'draft', 2),
    mk('san', '三', 'sān', 'numbers', '3', 'neutral', 'draft'),
    // A long category, to check that long lists come in pages.
    ...Array.from({ length: 75 }, (_, i) => mk(`v${i}`, `动作${i}`, `dong zuo ${i}`, 'verbs', 'fist', 'neutral_low', 'reviewed'))
  ]
  const CATEGORIES = [
    { id: 'greetings', name: '问候礼貌', order: 0 },
    { id: 'colors', name: '颜色', order: 2 },
    { id: 'numbers', name: '数字', order: 1 },
    { id: 'verbs', name: '常用动作', order: 3 }
  ]
  return {
    headers: () => HEADERS,
    categories: () => CATEGORIES,
    categoryName: (id: string) => CATEGORIES.find(c => c.id === id)?.name ?? id,
    headersInCategory: (id: string) => HEADERS.filter(h => h.category === id),
    getHeader: (id: string) => HEADERS.find(h => h.id === id)
  }
})

// jsdom has no canvas: the preview player gets none and shows its own fallback.
jest.mock('../../src/components/SignPlayer/canvas', () => jest.requireActual('./helpers').noCanvas)

async function mountPage (params: Record<string, string>): Promise<TestUtils> {
  withRouter('/pkg/browse/index', params)
  return await mount(BrowsePage)
}

async function tap (t: TestUtils, sel: string, text: string): Promise<void> {
  const el = Array.from(t.queries.querySelectorAll(sel)).find(n => (n.textContent ?? '').includes(text)) as HTMLElement | undefined
  if (!el) throw new Error(`no ${sel} with “${text}” in: ${texts(t, sel).join(' | ')}`)
  t.fireEvent.click(el)
  await tick()
}

afterEach(() => jest.restoreAllMocks())

describe('browse by category', () => {
  test('lists the categories in order with their counts; opening one lists its words; a word opens its sign', async () => {
    const navigate = jest.spyOn(Taro, 'navigateTo').mockImplementation((() => Promise.resolve()) as any)
    const t = await mountPage({ by: 'category' })
    expect(texts(t, '.cat-name')).toEqual(['问候礼貌', '数字', '颜色', '常用动作'])
    expect(texts(t, '.cat-count')).toEqual(['3 个', '3 个', '0 个', '75 个'])
    expect(t.queries.querySelector('.browse-tab-category')?.getAttribute('aria-selected')).toBe('true')

    await tap(t, '.cat-btn', '问候礼貌')
    expect(texts(t, '.word-word')).toEqual(['你好', '谢谢', '再见'])
    expect(texts(t, '.word-sub')).toEqual(['nǐ hǎo', 'xiè xie', 'zài jiàn'])
    // Each row says how far its sign is checked: reviewed (no badge), transcribed (待审校), 自拟.
    const rows = Array.from(t.queries.querySelectorAll('.word-row'))
    expect(rows.map(r => r.querySelector('.badge')?.textContent ?? '')).toEqual(['', '待审校', '自拟'])
    expect(rows[2].textContent).toContain('②')

    await tap(t, '.word-row', '谢谢')
    expect(navigate).toHaveBeenCalledWith({ url: '/pkg/sign/index?id=xiexie' })

    await tap(t, '.browse-back', '全部分类')
    expect(texts(t, '.cat-name')).toHaveLength(4)
  })

  test('?id=numbers opens that category directly', async () => {
    const t = await mountPage({ by: 'category', id: 'numbers' })
    expect(t.queries.querySelector('.detail-title')?.textContent).toContain('数字')
    expect(texts(t, '.word-word')).toEqual(['一', '二', '三'])
  })

  test('an empty category says so, and an unknown ?id= explains and shows the grid', async () => {
    const t = await mountPage({ by: 'category' })
    await tap(t, '.cat-btn', '颜色')
    expect(t.queries.querySelector('.word-empty')?.textContent).toBe('这个分类还没有收录手语。')
    expect(t.queries.querySelectorAll('.word-row')).toHaveLength(0)
    document.body.innerHTML = ''
    jest.restoreAllMocks()

    const bad = await mountPage({ by: 'category', id: 'no-such' })
    expect(bad.queries.querySelector('.browse-missing')?.textContent).toContain('没有找到“no-such”')
    expect(texts(bad, '.cat-name')).toHaveLength(4)
  })
})

test('a long list shows 60 words, then the rest on “more”, in frequency order', async () => {
  const t = await mountPage({ by: 'category', id: 'verbs' })
  expect(t.queries.querySelectorAll('.word-row')).toHaveLength(60)
  expect(t.queries.querySelector('.word-more')?.textContent).toContain('还有 15 个')
  await tap(t, '.word-more', '再显示')
  const words = texts(t, '.word-word')
  expect(words).toHaveLength(75)
  expect(words[74]).toBe('动作74')
  expect(t.queries.querySelector('.word-more')).toBeNull()
})

describe('browse by handshape', () => {
  test('the chart has a button for every handshape; one opens a preview and the words that start with it', async () => {
    const t = await mountPage({ by: 'handshape' })
    expect(t.queries.querySelectorAll('.shape-btn')).toHaveLength(HANDSHAPES.length)
    expect(texts(t, '.shape-group .section-title')).toEqual(['手指字母', '数字手形', '常用手形'])

    await tap(t, '.shape-btn', '平掌')
    expect(t.queries.querySelector('.handshape-card-big')?.textContent).toBe('平掌')
    expect(t.queries.querySelector('.handshape-card-desc')?.textContent).toContain('五指伸直并拢')
    expect(t.queries.querySelector('.shape-detail .player')).not.toBeNull()
    expect(texts(t, '.word-word')).toEqual(['你好', '谢谢'])
    // These lists cross categories, so each row names its category.
    expect(texts(t, '.word-sub')[0]).toBe('nǐ hǎo · 问候礼貌')
  })

  test('a handshape no word uses says so', async () => {
    const t = await mountPage({ by: 'handshape', id: 'claw' })
    expect(t.queries.querySelector('.handshape-card-big')?.textContent).toBe('爪形')
    expect(t.queries.querySelector('.word-empty')?.textContent).toBe('词典里还没有用这个手形开始的手语。')
  })

  test('a number hand shows its count on the chart and its words when opened', async () => {
    const t = await mountPage({ by: 'handshape' })
    const two = Array.from(t.queries.querySelectorAll('.shape-btn')).find(n => /数字2 · 1$/.test(n.textContent ?? ''))
    expect(two).toBeDefined()
    t.fireEvent.click(two as HTMLElement)
    await tick()
    expect(texts(t, '.word-word')).toEqual(['二'])
  })
})

describe('browse by site', () => {
  test('sites are grouped by body region, top down, and a site lists the words that start there', async () => {
    const t = await mountPage({ by: 'site' })
    expect(texts(t, '.region-title')).toEqual(['头部', '面部', '颈部', '躯干', '腰以下', '手臂', '另一只手', '身前空间'])
    const face = t.queries.querySelector('.site-region-face') as HTMLElement
    expect(Array.from(face.querySelectorAll('.site-name')).map(n => n.textContent)).toContain('下巴')
    const chin = Array.from(face.querySelectorAll('.site-btn')).find(n => n.querySelector('.site-name')?.textContent === '下巴') as HTMLElement
    expect(chin.querySelector('.site-count')?.textContent).toBe('2 个')

    t.fireEvent.click(chin)
    await tick()
    expect(t.queries.querySelector('.site-card-name')?.textContent).toContain('下巴')
    expect(t.queries.querySelector('.site-card-name')?.textContent).toContain('面部')
    expect(texts(t, '.word-word')).toEqual(['你好', '谢谢'])
  })

  test('a site no word starts at says so', async () => {
    const t = await mountPage({ by: 'site', id: 'elbow' })
    expect(t.queries.querySelector('.word-empty')?.textContent).toBe('词典里还没有在这个位置开始的手语。')
  })
})

describe('tabs', () => {
  test('switching tabs shows the other chart and keeps the open category when coming back', async () => {
    const t = await mountPage({ by: 'category', id: 'numbers' })
    await tap(t, '.browse-tab', '手形')
    expect(t.queries.querySelectorAll('.shape-btn').length).toBe(HANDSHAPES.length)
    expect(t.queries.querySelector('.browse-tab-handshape')?.getAttribute('aria-selected')).toBe('true')
    await tap(t, '.browse-tab', '位置')
    expect(t.queries.querySelectorAll('.site-region').length).toBe(8)
    await tap(t, '.browse-tab', '分类')
    expect(texts(t, '.word-word')).toEqual(['一', '二', '三'])
  })

  test('an unknown ?by= falls back to categories', async () => {
    const t = await mountPage({ by: 'colour-wheel' })
    expect(texts(t, '.cat-name')).toEqual(['问候礼貌', '数字', '颜色', '常用动作'])
  })
})
