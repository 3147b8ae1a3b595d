/**
 * Search rules on a small hand-made dictionary (fixture.ts): each match kind, each
 * normalization, the ranking order and the error paths. The labelled set against the real
 * dictionary is in labelled.test.ts.
 */
import { createSearchIndex, search, nearestWords, commonWords, normalizeQuery, MATCH_KINDS, MAX_QUERY_CHARS, type SearchResult } from '../../../src/core/search'
import { fixture, fixtureExtras } from './fixture'

const { headers } = fixture()
const extras = fixtureExtras()
const index = createSearchIndex(headers, extras)

const words = (r: SearchResult): string[] => r.hits.map(h => h.word)
const top = (q: unknown): { word: string; kind: string } => {
  const h = search(index, q).hits[0]
  return { word: h?.word ?? '', kind: h?.kind ?? '' }
}

describe('hanzi', () => {
  test('exact word comes first, highlighted whole', () => {
    const r = search(index, '学习')
    expect(r.hits[0]).toMatchObject({ word: '学习', kind: 'exact', highlight: [[0, 2]] })
  })
  test('prefix: every word starting with the query, most frequent first', () => {
    const r = search(index, '学')
    expect(words(r).slice(0, 4).sort()).toEqual(['学习', '学校', '学生', '学生会'].sort())
    expect(r.hits.every(h => h.kind === 'prefix')).toBe(true)
    expect(words(r).indexOf('学生')).toBeLessThan(words(r).indexOf('学生会')) // same freq class: shorter/more frequent first
    expect(r.hits[0].highlight).toEqual([[0, 1]])
  })
  test('contains: the matched part is highlighted where it is', () => {
    const r = search(index, '习')
    expect(r.hits[0]).toMatchObject({ word: '学习', kind: 'contains', highlight: [[1, 2]] })
  })
  test('a word that shares the sign finds the entry, and says which word matched', () => {
    const r = search(index, '妻子')
    expect(r.hits[0]).toMatchObject({ word: '爱人', kind: 'shared', matchedShare: '妻子', highlight: [] })
    expect(top('感谢')).toEqual({ word: '谢谢', kind: 'shared' })
  })
  test('a shared word is found as it is typed, after the headwords that start the same way', () => {
    // 妻 is the start of 妻子, a word that shares 爱人's sign: typing 妻 must not show nothing.
    const r = search(index, '妻')
    expect(r.hits[0]).toMatchObject({ word: '爱人', kind: 'prefix', matchedShare: '妻子', highlight: [] })
    // 感 starts a shared word (感谢 → 谢谢); any headword starting with 感 would come first.
    const g = search(index, '感')
    const at = g.hits.findIndex(h => h.word === '谢谢')
    expect(at).toBeGreaterThanOrEqual(0)
    expect(g.hits[at]).toMatchObject({ kind: 'prefix', matchedShare: '感谢' })
    expect(g.hits.slice(0, at).every(h => h.matchedShare === undefined && h.word.startsWith('感'))).toBe(true)
    // No shared word starts with 丈妻: nothing is invented.
    expect(search(index, '丈妻').hits.some(h => h.matchedShare !== undefined)).toBe(false)
  })
  test('one wrong character in a word of three or more characters', () => {
    const r = search(index, '学生证')
    expect(r.hits[0]).toMatchObject({ word: '学生会', kind: 'typo', highlight: [[0, 2]] })
    // Two-character words are not guessed: too many false friends.
    expect(search(index, '学问').hits).toEqual([])
  })
  test('hanzi followed by pinyin letters narrows to the words that continue that way', () => {
    const r = search(index, '学x')
    expect(words(r).sort()).toEqual(['学习', '学校'])
    expect(r.hits[0].kind).toBe('prefix')
  })
})

describe('pinyin', () => {
  test.each(['xuexi', 'xue xi', 'xué xí', 'xue2xi2', 'XUEXI', 'Xue Xi', 'ｘｕｅｘｉ', "xue'xi", '  xue   xi  '])('%s → 学习', q => {
    expect(top(q)).toEqual({ word: '学习', kind: 'pinyin' })
  })
  test('pinyin prefix: whole syllables before a syllable in progress, even against frequency', () => {
    const r = search(index, 'xi', { limit: 200 })
    const ws = words(r)
    const freq = (w: string): number => headers.find(h => h.word === w)?.freq ?? 0
    // 喜欢 and 希望 start with the whole syllable xi; 小 (xiao) and 现在 (xian zai) only with its letters.
    expect(freq('小')).toBeGreaterThan(freq('喜欢'))
    expect(freq('现在')).toBeGreaterThan(freq('希望'))
    expect(ws.indexOf('喜欢')).toBeLessThan(ws.indexOf('小'))
    expect(ws.indexOf('希望')).toBeLessThan(ws.indexOf('现在'))
    expect(r.hits.every(h => h.kind === 'pinyin-prefix')).toBe(true)
  })
  test('pinyin prefix highlights the characters typed so far', () => {
    const r = search(index, 'zhongg')
    expect(r.hits[0]).toMatchObject({ word: '中国', kind: 'pinyin-prefix', highlight: [[0, 2]] })
    expect(search(index, 'zhong').hits[0]).toMatchObject({ word: '中国', highlight: [[0, 1]] })
  })
  test('initials and abbreviated pinyin', () => {
    expect(top('zg')).toEqual({ word: '中国', kind: 'initials' })
    expect(top('zhg')).toEqual({ word: '中国', kind: 'initials' })
    expect(top('dbq')).toEqual({ word: '对不起', kind: 'initials' })
    expect(words(search(index, 'xx')).slice(0, 3)).toEqual(expect.arrayContaining(['学习', '学校']))
    expect(top('xxiao')).toEqual({ word: '学校', kind: 'initials' })
  })
  test.each([
    ['zongguo', '中国', 'z/zh'], ['cangceng', '长城', 'c/ch'], ['sengri', '生日', 's/sh'],
    ['lanjing', '南京', 'n/l + in/ing'], ['nanse', '蓝色', 'l/n'], ['xingnian', '新年', 'in/ing'],
    ['yinhan', '银行', 'an/ang'], ['sen ti', '身体', 'sh/s + en'], ['peng you', '朋友', 'exact eng'], ['pen you', '朋友', 'en/eng']
  ])('fuzzy pair: %s → %s (%s)', (q, w) => {
    const h = search(index, q).hits[0]
    expect(h.word).toBe(w)
    expect(['fuzzy', 'pinyin', 'pinyin-prefix', 'initials']).toContain(h.kind)
  })
  test('fuzzy: the fewer letters changed, the better (lu → 绿 before 女)', () => {
    expect(words(search(index, 'lu')).slice(0, 2)).toEqual(['绿', '女'])
    expect(words(search(index, 'nu')).slice(0, 2)).toEqual(['女', '绿'])
  })
  test('one typo: substitution, insertion, deletion, swapped neighbours', () => {
    for (const q of ['xuexu', 'xuexii', 'xexi', 'xeuxi']) {
      const h = search(index, q).hits
      expect(h.map(x => x.word)).toContain('学习')
      expect(h.find(x => x.word === '学习')?.kind).toBe('typo')
    }
  })
  test('pinyin of a shared word finds the entry', () => {
    expect(search(index, 'qizi').hits[0]).toMatchObject({ word: '爱人', kind: 'pinyin', matchedShare: '妻子' })
  })
  test('ü typed as v or ü', () => {
    expect(top('lv')).toEqual({ word: '绿', kind: 'pinyin' })
    expect(top('nü')).toEqual({ word: '女', kind: 'pinyin' })
  })
})

describe('normalization', () => {
  test('traditional characters, by character and by whole word', () => {
    expect(top('學習')).toEqual({ word: '学习', kind: 'exact' })
    expect(top('頭髮')).toEqual({ word: '头发', kind: 'exact' })
    expect(top('醫院')).toEqual({ word: '医院', kind: 'exact' })
    expect(search(index, '計程車').query).toBe('出租车')
  })
  test('full-width letters and ideographic spaces', () => {
    expect(normalizeQuery('ＸＵＥ　ＸＩ２')).toBe('xue xi2')
    expect(top('Ｔ恤')).toEqual({ word: 'T恤', kind: 'exact' })
  })
  test('stray spaces in hanzi are ignored', () => {
    expect(top(' 学 习 ')).toEqual({ word: '学习', kind: 'exact' })
  })
  test('the normalized query is reported', () => {
    expect(search(index, '  XUÉ  Xí ').query).toBe('xue xi')
  })
})

describe('ranking', () => {
  test('kinds come in the documented order and never interleave', () => {
    for (const q of ['学', 'xue', 'xi', 'x', 'zh', '生', 'sh', 'lan']) {
      const ranks = search(index, q, { limit: 200 }).hits.map(h => MATCH_KINDS.indexOf(h.kind))
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b))
      const scores = search(index, q, { limit: 200 }).hits.map(h => h.score)
      expect(scores).toEqual([...scores].sort((a, b) => b - a))
    }
  })
  test('an entry appears once, under its best kind', () => {
    const r = search(index, 'xue', { limit: 200 })
    expect(new Set(r.hits.map(h => h.id)).size).toBe(r.hits.length)
  })
  test('exact word beats a shared word beats a prefix', () => {
    const h = [...headers, { ...headers[0], id: 'x1', word: '学习班', shares: [] }, { ...headers[0], id: 'x2', word: '读书', shares: ['学习'] }]
    const r = search(createSearchIndex(h, extras), '学习')
    expect(r.hits.slice(0, 3).map(x => [x.word, x.kind])).toEqual([['学习', 'exact'], ['读书', 'shared'], ['学习班', 'prefix']])
  })
  test('ties by frequency, then the shorter word', () => {
    const h = [
      { ...headers[0], id: 'a', word: '天天天', freq: 5 },
      { ...headers[0], id: 'b', word: '天天', freq: 5 },
      { ...headers[0], id: 'c', word: '天空', freq: 9 }
    ]
    expect(words(search(createSearchIndex(h), '天'))).toEqual(['天空', '天天', '天天天'])
  })
  test('variants of one word are listed in their order', () => {
    const r = search(index, '喜欢')
    expect(r.hits.slice(0, 2).map(x => x.word)).toEqual(['喜欢', '喜欢'])
  })
  test('limit is respected and clamped', () => {
    expect(search(index, 'x', { limit: 3 }).hits).toHaveLength(3)
    expect(search(index, 'x', { limit: -5 }).hits).toHaveLength(1)
    expect(search(index, 'x', { limit: NaN }).hits.length).toBeGreaterThan(3)
  })
})

describe('no match, empty box', () => {
  test('nothing found: the nearest words by pinyin', () => {
    const r = search(index, 'xuexiqq')
    expect(r.hits).toEqual([])
    expect(r.nearest?.slice(0, 2).map(h => h.word).sort()).toEqual(['学习', '学校'])
    expect(nearestWords(index, 'zanghai', 3)[0].word).toBe('上海')
  })
  test('nothing found in hanzi: words with characters in common', () => {
    const r = search(index, '学问')
    expect(r.nearest?.map(h => h.word)).toEqual(expect.arrayContaining(['学生', '学习', '学校']))
  })
  test('nothing near at all gives an empty list, not an error', () => {
    expect(nearestWords(index, 'qqqqqqqqqqqqqqqq', 5)).toEqual([])
    expect(nearestWords(index, '', 5)).toEqual([])
    expect(nearestWords(index, 'xuexi', -1)).toEqual([])
  })
  test('common words: most frequent first, one row per word', () => {
    const c = commonWords(index, 10)
    expect(c).toHaveLength(10)
    const f = c.map(h => h.freq)
    expect(f).toEqual([...f].sort((a, b) => b - a))
    expect(commonWords(index, 1000).filter(h => h.word === '喜欢')).toHaveLength(1)
  })
})

describe('hostile input', () => {
  const hostile: unknown[] = [
    '', ' ', '\t\n', '   　 ', '😀', '😀😀😀', '学😀习', 'a'.repeat(1000), '学'.repeat(1000), 'xue'.repeat(400),
    '学习xuexi學習ＸＵＥ😀', null, undefined, 42, {}, [], ['学习'], () => '学习', Symbol('x'), NaN,
    '\u0000\u0001', '\ud800', '\u0301\u0301', "'''", '123', '%s%s', '<script>', 'x'.repeat(MAX_QUERY_CHARS + 5)
  ]
  test.each(hostile.map(q => [typeof q === 'symbol' ? 'symbol' : JSON.stringify(q)?.slice(0, 30) ?? String(q), q]))('%s returns cleanly', (_label, q) => {
    const r = search(index, q)
    expect(Array.isArray(r.hits)).toBe(true)
    expect(typeof r.query).toBe('string')
    expect(Array.from(r.query).length).toBeLessThanOrEqual(MAX_QUERY_CHARS)
  })
  test('non-strings and symbol-only input search nothing', () => {
    for (const q of [null, undefined, 42, {}, ['学习'], '😀', '   ']) expect(search(index, q)).toEqual({ query: '', hits: [] })
  })
  test('over-long queries are cut to the documented maximum', () => {
    expect(Array.from(normalizeQuery('学'.repeat(1000))).length).toBe(MAX_QUERY_CHARS)
    expect(search(index, '学习' + 'x'.repeat(1000)).query.length).toBe(MAX_QUERY_CHARS)
  })
  test('an empty dictionary and bad extras do not break anything', () => {
    const empty = createSearchIndex([])
    expect(search(empty, '学习')).toEqual({ query: '学习', hits: [], nearest: [] })
    expect(commonWords(empty, 5)).toEqual([])
    const bad = createSearchIndex(headers, { version: 99 } as never)
    expect(top('学习').word).toBe('学习')
    expect(search(bad, '學習').hits).toEqual(expect.any(Array))
  })
})

describe('build-time extras', () => {
  test('traditional map covers the dictionary characters only, word-level forms first', () => {
    expect(extras.version).toBe(1)
    expect(extras.t2s['學']).toBe('学')
    expect(extras.t2s['髮']).toBe('发') // 頭髮: the word-level form, not only 發
    expect(extras.t2s['發']).toBe('发')
    expect(extras.t2s['龍']).toBeUndefined() // 龙 is not in the fixture
    // No character the dictionary uses as simplified is remapped.
    const used = new Set(headers.flatMap(h => [...h.word, ...h.shares.join('')]))
    expect(Object.keys(extras.t2s).filter(c => used.has(c))).toEqual([])
    expect(extras.t2sWords['計程車']).toBe('出租车')
  })
  test('shared words get their toneless pinyin', () => {
    expect(extras.sharePinyin).toMatchObject({ 妻子: 'qi zi', 感谢: 'gan xie' })
  })
})
