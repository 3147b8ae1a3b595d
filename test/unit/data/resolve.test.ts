import type { DictEntry } from '../../../src/core/sign/dictionary'
import { describeSign } from '../../../src/core/sign/describe'
import { parseSignNotation } from '../../../src/core/sign/parse'
import { describeEntry, type ResolvableEntry, resolveEntrySigns } from '../../../src/core/sign/resolve'

function simple (id: string, word: string, dom: string): ResolvableEntry {
  return { id, word, notation: { dom } }
}
function compound (id: string, word: string, parts: string[], faces: { face?: string, partFaces?: Record<string, string> } = {}): ResolvableEntry {
  return { id, word, notation: { compound: parts, ...faces } }
}
function lookupOf (entries: ResolvableEntry[]): (id: string) => ResolvableEntry | undefined {
  const m = new Map(entries.map(e => [e.id, e]))
  return id => m.get(id)
}
/** The generated description of one simple sign's notation. */
function stepsOfDom (dom: string): string[] {
  const r = parseSignNotation({ dom }, { entryId: 'test' })
  if (!r.ok) throw new Error(JSON.stringify(r.issues))
  return describeSign(r.sign)
}

const ni = simple('ni', '你', '1 f:f p:d @neutral ; line(f,s)')
const hao = simple('hao', '好', 'A f:u p:c @neutral')
const xie = simple('xiexie', '谢谢', 'A f:u p:c @neutral ; bend(f)*2')

describe('resolveEntrySigns', () => {
  it('a simple sign is one item carrying all its generated description steps', () => {
    const r = resolveEntrySigns('xiexie', lookupOf([xie]))
    expect(r.ok).toBe(true)
    if (!r.ok) return
    const n = stepsOfDom(xie.notation.dom!).length
    expect(n).toBeGreaterThan(1)
    expect(r.items.map(i => [i.entryId, i.label, i.steps])).toEqual([['xiexie', '谢谢', n]])
    expect(r.items[0].sign.dom.handshape).toBe('A')
    expect(describeEntry('xiexie', lookupOf([xie]))).toEqual({ ok: true, steps: stepsOfDom(xie.notation.dom!) })
  })

  it('a compound plays its parts in order, one step each, labelled with the part\'s word', () => {
    const r = resolveEntrySigns('nihao', lookupOf([ni, hao, compound('nihao', '你好', ['ni', 'hao'])]))
    expect(r.ok && r.items.map(i => [i.entryId, i.label, i.steps, i.sign.dom.handshape])).toEqual([
      ['ni', '你', 1, '1'], ['hao', '好', 1, 'A']])
  })

  it('nested compounds are flattened; the steps still add up to the outer entry\'s steps', () => {
    const outer = compound('nihao_xiexie', '你好谢谢', ['nihao', 'xiexie'])
    const r = resolveEntrySigns('nihao_xiexie', lookupOf([ni, hao, xie, compound('nihao', '你好', ['ni', 'hao']), outer]))
    expect(r.ok && r.items.map(i => [i.label, i.steps, i.part])).toEqual([['你', 1, 0], ['好', 0, 0], ['谢谢', 1, 1]])
    // One step per top-level part; the nested compound's signs are joined in its step.
    const d = describeEntry('nihao_xiexie', lookupOf([ni, hao, xie, compound('nihao', '你好', ['ni', 'hao']), outer]))
    expect(d.ok && d.steps.length).toBe(2)
    expect(d.ok && d.steps[0]).toMatch(/^“你好”：.*；然后/)
    expect(d.ok && d.steps[1]).toMatch(/^“谢谢”：/)
  })

  it('a compound\'s face covers every part, and face.N one part, over the part\'s own face', () => {
    const smile: ResolvableEntry = { id: 'hao', word: '好', notation: { dom: 'A f:u p:c @neutral', face: 'mouth=smile' } }
    const e = compound('nihao', '你好', ['ni', 'hao'], { face: 'brows=raise', partFaces: { 2: 'mouth=pursed' } })
    const r = resolveEntrySigns('nihao', lookupOf([ni, smile, e]))
    expect(r.ok && r.items.map(i => i.sign.face)).toEqual([{ brows: 'raise' }, { brows: 'raise', mouth: 'pursed' }])
    const bad = compound('nihao', '你好', ['ni', 'hao'], { partFaces: { 1: 'brows=sideways' } })
    const rb = resolveEntrySigns('nihao', lookupOf([ni, hao, bad]))
    expect(rb.ok).toBe(false)
    expect(!rb.ok && rb.message).toMatch(/^“你好”的表情转写有误/)
    expect(describeEntry('nihao', lookupOf([ni, hao, bad])).ok).toBe(false)
  })

  it('a sign in parts plays its parts in order under its word, each with its steps; face spans, face.N is the part\'s own', () => {
    const guojia: ResolvableEntry = { id: 'guojia', word: '国家', notation: {
      dom: '1 f:f p:d @neutral ; line(f,s)', face: 'brows=raise', partFaces: { 2: 'head=nod' },
      parts: [{ rel: 'mirror', dom: 'flat f:u p:c @neutral ; line(c,s)' }] } }
    const r = resolveEntrySigns('guojia', lookupOf([guojia]))
    expect(r.ok && r.items.map(i => [i.label, i.part, i.steps, i.sign.rel, i.sign.face])).toEqual([
      ['国家', 0, 2, 'one', { brows: 'raise' }], ['国家', 1, 2, 'mirror', { brows: 'raise', head: 'nod' }]])
    const d = describeEntry('guojia', lookupOf([guojia]))
    expect(d.ok && d.steps).toHaveLength(4)
    expect(d.ok && d.steps[2]).toMatch(/^然后，双手对称/)
    // Inside a compound the parts share the compound's one step.
    const r2 = resolveEntrySigns('woguo', lookupOf([guojia, ni, compound('woguo', '你国家', ['ni', 'guojia'])]))
    expect(r2.ok && r2.items.map(i => [i.label, i.part, i.steps])).toEqual([['你', 0, 1], ['国家', 1, 1], ['国家', 1, 0]])
    const bad = { ...guojia, notation: { ...guojia.notation, parts: [{ dom: 'flat f:u p:c @nowhere' }] } }
    const rb = resolveEntrySigns('guojia', lookupOf([bad]))
    expect(!rb.ok && rb.message).toMatch(/^“国家”的手语转写有误（第 2 段）/)
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
      freq: 1, handshape: 'A', site: 'neutral', related: [], example: '', source: 'x', status: 'transcribed', nat: { id: 1 }, file: 'f', line: 1 } as DictEntry
    const lookup = (id: string): DictEntry | undefined => (id === 'hao' ? full : undefined)
    expect(resolveEntrySigns('hao', lookup).ok).toBe(true)
  })
})
