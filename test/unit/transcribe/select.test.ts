/**
 * The selection tools' own logic on small hand-made inputs: cleaning the stored words, entry ids,
 * mapping current entries onto national signs, placing signs in categories, the category file
 * edit, the missing-reference error. (The real run is `npx tsx scripts/transcribe/select.ts`.)
 */
import { MissingReferenceError, headwordMark, loadNational, markNumber, meaningWords, type NatSign, type NationalDictionary } from '../../../scripts/reference/db'
import { placeSign } from '../../../scripts/transcribe/categories'
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeIntoSources } from '../../../scripts/transcribe/draft'
import { entryIdFor, type ManifestSign, type SourceEntry } from '../../../scripts/transcribe/lib'
import { addCategories, mapEntries } from '../../../scripts/transcribe/select'
import { partCore } from '../../../scripts/transcribe/parts'

describe('words of a stored meaning', () => {
  it.each([
    ['工 厂', ['工厂']],
    ['单元dānyuán', ['单元']],
    ['卧室（寝室、宿舍）wòshì（qǐnshì、sùshè）', ['卧室', '寝室', '宿舍']],
    ['了（完了） ·le（wán·le）', ['了', '完了']],
    ['赫兹（Hz） hèzī', ['赫兹', 'Hz']],
    ['以一 当十（以少胜', ['以一当十']],
    ['卡拉OK', ['卡拉OK']],
    ['UFO', ['UFO']]
  ])('%s → %j', (raw, words) => {
    expect(meaningWords(raw)).toEqual(words)
  })

  it('variant marks of both kinds', () => {
    expect(markNumber('②')).toBe(2)
    expect(markNumber('❶')).toBe(1)
    expect(headwordMark('祈祷②（祷告②、许愿②、祈福）')).toBe('②')
    expect(headwordMark('老师（先生❶）')).toBe('')
  })
})

describe('entry ids', () => {
  it('toneless pinyin, _2 on a collision, ü as v, digits prefixed', () => {
    const taken = new Set(['shou'])
    expect(entryIdFor('手', taken)).toBe('shou_2')
    expect(entryIdFor('手', taken)).toBe('shou_3')
    expect(entryIdFor('绿色', taken)).toBe('lvse')
    expect(entryIdFor('银行', taken)).toBe('yinhang')
    expect(entryIdFor('3D', taken)).toBe('num_3d')
  })
})

function sign (id: number, words: Array<[string, number]>, headword = words.map(w => w[0]).join('、')): NatSign {
  return { id, headword, volume: 1, letter: 'A', image: '', description: '', meanings: words.map(([word, variant], order) => ({ word, raw: word, variant, order })) }
}
function fakeDict (signs: NatSign[]): NationalDictionary {
  const byWord = new Map<string, NatSign[]>()
  for (const s of signs) for (const m of s.meanings) byWord.set(m.word, [...(byWord.get(m.word) ?? []), s])
  return { signs, byId: new Map(signs.map(s => [s.id, s])), byWord }
}
function entry (id: string, word: string, extra: Partial<SourceEntry> = {}): SourceEntry {
  return { id, word, category: 'verbs', file: 'src/data/signs/verbs.signs', line: 1, shares: [], variant: 0, nat: null, natMark: '', fields: new Map(), ...extra }
}

describe('mapping current entries onto national signs', () => {
  const nd = fakeDict([
    sign(1, [['感谢', 0], ['谢谢', 0]]),
    sign(2, [['新', 1]], '新①'),
    sign(3, [['新', 2], ['新鲜', 0]], '新②（新鲜）'),
    sign(4, [['后', 1]], '后①'),
    sign(5, [['后', 2]], '后②'),
    sign(6, [['宿舍', 0]])
  ])
  const r = mapEntries(nd, [
    entry('xiexie', '谢谢'),
    entry('xin', '新', { shares: ['新鲜'] }),
    entry('hou', '后', { variant: 2 }),
    entry('hou2', '后'),
    entry('sushe2', '寝室', { shares: ['宿舍'] }),
    entry('nat_given', '随便', { nat: 6 }),
    entry('none', '不存在的词'),
    entry('letter_a', 'A', { category: 'letters' })
  ])
  it('by the word; by the variant number; by shared words; by a share; by nat:', () => {
    expect(r.matched.get('xiexie')).toMatchObject({ sign: { id: 1 }, how: 'word' })
    expect(r.matched.get('xin')).toMatchObject({ sign: { id: 3 }, how: 'shares' })
    expect(r.matched.get('hou')).toMatchObject({ sign: { id: 5 }, how: 'variant' })
    expect(r.matched.get('sushe2')).toMatchObject({ sign: { id: 6 }, how: 'share' })
    expect(r.matched.get('nat_given')).toMatchObject({ sign: { id: 6 }, how: 'nat' })
  })
  it('several signs and nothing to choose by: the first variant, listed as ambiguous', () => {
    expect(r.matched.get('hou2')).toMatchObject({ sign: { id: 4 }, how: 'picked' })
    expect(r.ambiguous.map(a => a.entry.id)).toEqual(['hou2'])
  })
  it('no national sign: unmatched; finger letters are not words', () => {
    expect(r.unmatched.map(e => e.id)).toEqual(['none'])
    expect(r.matched.has('letter_a')).toBe(false)
  })
})

describe('categories', () => {
  const pos = (w: string): string => ({ 郑州: 'ns', 巴西: 'ns', 崔: 'nr', 发展: 'v', 拔: 'v', 原因: 'n', 但是: 'c' } as Record<string, string>)[w] ?? ''
  it.each([
    [['郑州'], 'china'],
    [['巴西'], 'countries'],
    [['崔'], 'surnames'],
    [['回族'], 'china'],
    [['导弹'], 'military'],
    [['发展'], 'process'],
    [['拔'], 'verbs'],
    [['原因'], 'abstract'],
    [['但是'], 'function']
  ])('%j → %s', (words, cat) => {
    expect(placeSign(words, pos).category).toBe(cat)
  })
  it('an override wins', () => {
    expect(placeSign(['导弹'], pos, new Map([['导弹', 'science']])).category).toBe('science')
  })
  it('new categories go before the letters, once', () => {
    const text = 'verbs 常用动作\nletters 手指字母\n'
    const once = addCategories(text, [{ id: 'mind', zh: '思维认知' }])
    expect(once).toBe('verbs 常用动作\nmind 思维认知\nletters 手指字母\n')
    expect(addCategories(once, [{ id: 'mind', zh: '思维认知' }])).toBe(once)
  })
})

describe('parts of a multi-part sign', () => {
  it('compare without explanations and punctuation', () => {
    expect(partCore('右手伸食指，向前点一下，表示指着这里。')).toBe(partCore('右手伸食指；向前点一下。'))
  })
})

describe('the reference', () => {
  it('a missing db is an error that says where the db should be', () => {
    expect(() => loadNational('/nonexistent/national-csl.db')).toThrow(MissingReferenceError)
    expect(() => loadNational('/nonexistent/national-csl.db')).toThrow(/应在 \/nonexistent\/national-csl\.db.*\.\.\/shared\/reference\/national-csl\.db/)
  })
})

describe('writing drafts into the sources', () => {
  let root = ''
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'shouyu-draft-'))
    mkdirSync(join(root, 'src', 'data', 'signs'), { recursive: true })
    writeFileSync(join(root, 'src', 'data', 'categories.txt'), 'verbs 常用动作\nletters 手指字母\n')
  })
  afterEach(() => rmSync(root, { recursive: true, force: true }))

  const ms = (id: string, nat: number, category: string, existing?: string): ManifestSign => ({
    nat, mark: '', id, word: id, shares: [], volume: 1, headword: id, category, freq: 1, why: ['freq'], pos: 'v', placement: '',
    ...(existing ? { existing: { id: existing, word: existing, file: `src/data/signs/${category}.signs` } } : {})
  })

  it('replaces the entry a sign supersedes, keeps its neighbours, appends new ones, adds a new category with its file', () => {
    writeFileSync(join(root, 'src/data/signs/verbs.signs'), 'notation: 2\n\n[old] 旧\ndom: flat f:u p:f @neutral\n\n# next\n[keep] 留\ndom: index f:u p:f @neutral\n')
    const old = entry('old', '旧', { file: 'src/data/signs/verbs.signs' })
    writeIntoSources([
      { ms: ms('old', 1, 'verbs', 'old'), text: '[old] 旧\nnat: 1', target: { file: 'src/data/signs/verbs.signs', category: 'verbs' } },
      { ms: ms('xin', 2, 'verbs'), text: '[xin] 新\nnat: 2', target: { file: 'src/data/signs/verbs.signs', category: 'verbs' } },
      { ms: ms('si', 3, 'mind'), text: '[si] 思\nnat: 3', target: { file: 'src/data/signs/mind.signs', category: 'mind' } }
    ], [old], root)
    expect(readFileSync(join(root, 'src/data/signs/verbs.signs'), 'utf8')).toBe('notation: 2\n\n[old] 旧\nnat: 1\n\n# next\n[keep] 留\ndom: index f:u p:f @neutral\n\n[xin] 新\nnat: 2\n')
    expect(readFileSync(join(root, 'src/data/signs/mind.signs'), 'utf8')).toMatch(/^# 思维认知\n.*\nnotation: 2\n\n\[si\] 思\nnat: 3\n$/)
    expect(readFileSync(join(root, 'src/data/categories.txt'), 'utf8')).toBe('verbs 常用动作\nmind 思维认知\nletters 手指字母\n')
  })

  it('refuses a file still in notation version 1, naming the migration', () => {
    writeFileSync(join(root, 'src/data/signs/verbs.signs'), '[old] 旧\ndom: flat f:u p:f @neutral\n')
    expect(() => writeIntoSources([{ ms: ms('xin', 2, 'verbs'), text: '[xin] 新', target: { file: 'src/data/signs/verbs.signs', category: 'verbs' } }], [], root))
      .toThrow(/migrate-notation/)
  })
})
