import { formatDataIssue, packBody, packHeader, parseCategories, parseSignsFile, pinyinInitials, plainPinyin,
  unpackBody, unpackHeader, type EntryBody, mergeEntry } from '../../../src/core/sign/entry'
import type { EntryHeader } from '../../../src/core/sign/header'

describe('parseSignsFile', () => {
  const text = [
    '# 问候礼貌', // 1
    'notation: 2', // 2
    '[nihao] 你好', // 3
    'pos: 短语', // 4
    'compound: ni hao', // 5
    '  face.2:  mouth=smile  ', // 6
    'note: 像在打招呼', // 7
    '', // 8
    '# a comment between entries', // 9
    '[ni] 你', // 10
    'dom: 1 f:f p:d @neutral' // 11
  ].join('\r\n')

  it('gives every entry and field its 1-based line, across comments, blank lines and CRLF', () => {
    const { entries, issues } = parseSignsFile(text, 'src/data/signs/greetings.signs')
    expect(issues).toEqual([])
    expect(entries.map(e => [e.id, e.word, e.line, e.category])).toEqual([['nihao', '你好', 3, 'greetings'], ['ni', '你', 10, 'greetings']])
    expect(entries[0].fields).toEqual([
      { key: 'pos', value: '短语', line: 4 },
      { key: 'compound', value: 'ni hao', line: 5 },
      { key: 'face.2', value: 'mouth=smile', line: 6 },
      { key: 'note', value: '像在打招呼', line: 7 }
    ])
    expect(entries[1].fields).toEqual([{ key: 'dom', value: '1 f:f p:d @neutral', line: 11 }])
  })

  it('ignores a byte-order mark instead of making it part of the first id', () => {
    const { entries } = parseSignsFile('\ufeff[ni] 你\npos: 代\n', 'a.signs')
    expect(entries[0].id).toBe('ni')
  })

  it('reports structure problems with file:line entry field, and keeps the rest', () => {
    const bad = [
      'notation: 2', // 1
      'pos: 名', // 2: before any entry
      '[ni 你', // 3: no ]
      '[ni] 你', // 4
      'pos：代', // 5: full-width colon (still read)
      '右手伸食指', // 6: not key: value
      'type: 词汇' // 7
    ].join('\n')
    const { entries, issues } = parseSignsFile(bad, 'a.signs')
    expect(issues.map(i => `${i.file}:${i.line} ${i.entryId || '-'} ${i.field}`)).toEqual([
      'a.signs:2 - pos', 'a.signs:3 - id', 'a.signs:5 ni pos', 'a.signs:6 ni line'
    ])
    expect(entries).toHaveLength(1)
    expect(entries[0].fields.map(f => f.key)).toEqual(['pos', 'type'])
    expect(formatDataIssue(issues[3])).toMatch(/^a\.signs:6 ni line: 无法识别的行/)
  })

  it('rejects a non-string (untrusted input) with an issue, not an exception', () => {
    const r = parseSignsFile(42 as unknown as string, 'a.signs')
    expect(r.entries).toEqual([])
    expect(r.issues[0].message).toBe('文件内容不是文本')
  })
})

describe('formatDataIssue', () => {
  it('prints file:line entry field: message and the suggestion', () => {
    expect(formatDataIssue({ file: 'f.signs', line: 7, entryId: 'ni', field: 'dom', message: '未知手形（值 “AA”）', suggestion: 'A' }))
      .toBe('f.signs:7 ni dom: 未知手形（值 “AA”）（是否想写 “A”？）')
    expect(formatDataIssue({ file: 'f.signs', line: 1, entryId: '', field: 'line', message: 'x' })).toBe('f.signs:1 - line: x')
  })
})

describe('parseCategories', () => {
  it('reads id and name in order and reports bad and duplicate lines', () => {
    const { categories, issues } = parseCategories('# c\nfood 饮食\nFood 饮食\nfood 又一个\nbroken\nbody 身体\n', 'cats.txt')
    expect(categories).toEqual([{ id: 'food', name: '饮食', order: 0 }, { id: 'body', name: '身体', order: 1 }])
    expect(issues.map(i => `${i.line} ${i.field}`)).toEqual(['3 category', '4 category', '5 category'])
  })
})

describe('pinyin helpers', () => {
  it('strips tones, writes ü as v, lower-cases letters', () => {
    expect(plainPinyin('lǜ sè')).toBe('lv se')
    expect(plainPinyin('nǚ ér')).toBe('nv er')
    expect(plainPinyin('AA zhì')).toBe('aa zhi')
    expect(pinyinInitials('zhōng guó')).toBe('zg')
  })
})

describe('app chunk encodings', () => {
  const cats = ['greetings', 'food']
  const header: EntryHeader = {
    id: 'airen', word: '爱人', shares: ['丈夫', '妻子'], pinyin: 'ài rén', pinyinPlain: 'ai ren', initials: 'ar',
    category: 'food', type: 'lexical', freq: 1234, handshape: 'A', site: 'H.back', status: 'reviewed', variant: 2
  }
  it('round-trips a header, recomputing pinyinPlain and initials; status and 自拟 survive', () => {
    const packed = packHeader(header, cats)
    expect(packed.length).toBe(11)
    expect(unpackHeader(packed, cats)).toEqual(header)
    const { variant, ...single } = header
    void variant
    for (const status of ['draft', 'transcribed', 'reviewed'] as const) {
      for (const project of [undefined, true] as const) {
        const h: EntryHeader = { ...single, status, shares: [], ...(project ? { project } : {}) }
        expect(unpackHeader(packHeader(h, cats), cats)).toEqual(h)
      }
    }
  })
  it('round-trips a body, sharing repeated project texts through a table and rebuilding a national source', () => {
    const body: EntryBody = {
      notation: { dom: 'A f:u p:c @neutral ; bend(f)*2', face: 'expr=高兴', covers: 'mouth' },
      related: ['bukeqi'], example: '谢谢你。', source: '《国家通用手语词典》第2册「感谢」', pos: '动', variantNote: '北方', reviewer: '张三', reviewedAt: '2026-01-02',
      nat: { id: 1767, variant: '②' }, note: '像弯腰致谢', needs: ['rub']
    }
    body.notation.parts = [{ dom: 'flat f:u p:c @neutral ; line(c,s)', rel: 'mirror' }, { dom: '1 f:u p:f @chin', nondom: 'fist f:c p:d @neutral', rel: 'base', covers: 'mouth' }]
    body.notation.partFaces = { 2: 'head=nod', 3: 'mouth=smile' }
    const sources: string[] = []
    const packed = packBody('xiexie', body, sources)
    const a = unpackBody(packed, sources)
    const minimal: EntryBody = { notation: { compound: ['ni', 'hao'], partFaces: { 1: 'brows=raise', 2: 'mouth=smile' } }, related: [], example: '', source: '自拟。', pos: '短语',
      origin: { kind: 'project', why: '由“你”“好”组合' } }
    const packedMin = packBody('nihao', minimal, sources)
    // The national line is rebuilt from volume and headword, not stored as text.
    expect(sources).toEqual(['自拟。'])
    expect(JSON.stringify(packed)).not.toContain('国家通用手语词典')
    expect(a).toEqual({ id: 'xiexie', body })
    expect(unpackBody(packedMin, sources)).toEqual({ id: 'nihao', body: minimal })
    expect(mergeEntry(header, body)).toMatchObject({ variant: { n: 2, note: '北方' }, nat: { id: 1767, variant: '②' }, note: '像弯腰致谢', needs: ['rub'] })
  })
})
