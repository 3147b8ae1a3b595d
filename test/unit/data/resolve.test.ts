import type { DictEntry } from '../../../src/core/sign/dictionary'
import { type ResolvableEntry, resolveEntrySigns } from '../../../src/core/sign/resolve'

function simple (id: string, word: string, dom: string, steps = 2): ResolvableEntry {
  return { id, word, notation: { dom }, steps: Array.from({ length: steps }, (_, i) => `第${i + 1}步`) }
}
function compound (id: string, word: string, parts: string[]): ResolvableEntry {
  return { id, word, notation: { compound: parts }, steps: parts.map(p => `打“${p}”`) }
}
function lookupOf (entries: ResolvableEntry[]): (id: string) => ResolvableEntry | undefined {
  const m = new Map(entries.map(e => [e.id, e]))
  return id => m.get(id)
}

const ni = simple('ni', '你', '1 f:f p:d @neutral ; line(f,s)', 1)
const hao = simple('hao', '好', 'A f:u p:c @neutral', 2)
const xie = simple('xiexie', '谢谢', 'A f:u p:c @neutral ; bend(f)*2', 2)

describe('resolveEntrySigns', () => {
  it('a simple sign is one item carrying all its description steps', () => {
    const r = resolveEntrySigns('hao', lookupOf([hao]))
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.items.map(i => [i.entryId, i.label, i.steps])).toEqual([['hao', '好', 2]])
    expect(r.items[0].sign.dom.handshape).toBe('A')
  })

  it('a compound plays its parts in order, one step each, labelled with the part\'s word', () => {
    const r = resolveEntrySigns('nihao', lookupOf([ni, hao, compound('nihao', '你好', ['ni', 'hao'])]))
    expect(r.ok && r.items.map(i => [i.entryId, i.label, i.steps, i.sign.dom.handshape])).toEqual([
      ['ni', '你', 1, '1'], ['hao', '好', 1, 'A']])
  })

  it('nested compounds are flattened; the steps still add up to the outer entry\'s steps', () => {
    const outer = compound('nihao_xiexie', '你好谢谢', ['nihao', 'xiexie'])
    const r = resolveEntrySigns('nihao_xiexie', lookupOf([ni, hao, xie, compound('nihao', '你好', ['ni', 'hao']), outer]))
    expect(r.ok && r.items.map(i => [i.label, i.steps])).toEqual([['你', 1], ['好', 0], ['谢谢', 1]])
    expect(r.ok && r.items.reduce((s, i) => s + i.steps, 0)).toBe(outer.steps.length)
  })

  it('the same part may appear twice (not a cycle)', () => {
    const r = resolveEntrySigns('haohao', lookupOf([hao, compound('haohao', '好好', ['hao', 'hao'])]))
    expect(r.ok && r.items.map(i => i.entryId)).toEqual(['hao', 'hao'])
  })

  it('refuses a cycle with a Chinese message naming the path', () => {
    const r = resolveEntrySigns('a', lookupOf([ni, compound('a', '甲', ['ni', 'b']), compound('b', '乙', ['a'])]))
    expect(r).toEqual({ ok: false, message: '复合词循环引用：a → b → a' })
  })

  it('refuses an unknown entry, a missing part and a part with broken notation', () => {
    expect(resolveEntrySigns('nope', lookupOf([]))).toEqual({ ok: false, message: '找不到条目“nope”' })
    expect(resolveEntrySigns('nihao', lookupOf([ni, compound('nihao', '你好', ['ni', 'hao'])])))
      .toEqual({ ok: false, message: '“你好”的组成部分“hao”不存在' })
    const broken = simple('hao', '好', 'AA f:u p:c @neutral')
    const r = resolveEntrySigns('nihao', lookupOf([ni, broken, compound('nihao', '你好', ['ni', 'hao'])]))
    expect(r.ok).toBe(false)
    expect(!r.ok && r.message).toMatch(/^“好”的手语转写有误：.*AA/)
  })

  it('accepts a full DictEntry lookup', () => {
    const full = { ...hao, shares: [], pos: '形', category: 'adjectives', type: 'lexical', pinyin: 'hǎo', pinyinPlain: 'hao', initials: 'h',
      freq: 1, handshape: 'A', site: 'neutral', related: [], example: '', source: 'x', status: 'draft', file: 'f', line: 1 } as DictEntry
    const lookup = (id: string): DictEntry | undefined => (id === 'hao' ? full : undefined)
    expect(resolveEntrySigns('hao', lookup).ok).toBe(true)
  })
})
