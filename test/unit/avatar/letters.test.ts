import {
  DIACRITIC_LETTERS, FINGER_ALPHABET, LEARNER_LETTER_HOLD_S, NUMBER_HANDS, REGION_NAMES, handshapeChart, headersBy,
  letterItem, letterItems, letterLabel, sitesByRegion
} from '../../../src/core/avatar/letters'
import { HANDSHAPES } from '../../../src/core/sign/handshapes'
import { SITES } from '../../../src/core/sign/sites'
import { compileTimeline } from '../../../src/core/avatar'
import { fingerspell } from '../../../src/core/translate/fingerspell'
import type { EntryHeader } from '../../../src/core/sign/header'

describe('finger alphabet and number hands', () => {
  test('30 letters in alphabet order and 11 number hands in counting order', () => {
    expect(FINGER_ALPHABET.map(h => h.id).join(' ')).toBe('A B C D E F G H I J K L M N O P Q R S T U V W X Y Z ZH CH SH NG')
    expect(NUMBER_HANDS.map(h => h.id)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'])
    expect(DIACRITIC_LETTERS.map(h => letterLabel(h.id))).toEqual(['Ü', 'Ê'])
  })

  test.each([...FINGER_ALPHABET, ...NUMBER_HANDS, ...DIACRITIC_LETTERS].map(h => h.id))('%s compiles into a playable timeline', id => {
    const item = letterItem(id)
    expect(item).not.toBeNull()
    const tl = compileTimeline([item!], { letterHold: LEARNER_LETTER_HOLD_S, ambient: false })
    expect(tl.duration).toBeGreaterThan(LEARNER_LETTER_HOLD_S)
    expect(tl.items).toHaveLength(1)
  })

  test('a letter is shown in its own orientation, and ZH carries its extra movement while Z does not', () => {
    const zh = letterItem('ZH')!
    const z = letterItem('Z')!
    expect(zh.sign.dom.handshape).toBe('ZH')
    expect(zh.sign.dom.orient).toEqual({ finger: 'c', palm: 'b' })
    expect(zh.sign.dom.moves.length).toBeGreaterThan(0)
    expect(z.sign.dom.moves).toEqual([])
    expect(zh.label).toBe('ZH')
  })
})

describe('letterItems', () => {
  test('zhongguo becomes six items that play as one sequence, each letter held longer with the learner hold', () => {
    const spelled = fingerspell('zhongguo')
    if (!spelled.ok) throw new Error(spelled.message)
    const r = letterItems(spelled.letters)
    if (!r.ok) throw new Error(r.message)
    expect(r.items.map(i => i.label)).toEqual(['ZH', 'O', 'NG', 'G', 'U', 'O'])
    const slow = compileTimeline(r.items, { letterHold: LEARNER_LETTER_HOLD_S, ambient: false })
    const fast = compileTimeline(r.items, { letterHold: 0.1, ambient: false })
    expect(slow.items).toHaveLength(6)
    expect(slow.duration).toBeGreaterThan(fast.duration)
  })

  test('an unknown letter is a Chinese error naming it, not a crash', () => {
    const r = letterItems(['A', 'Q9'])
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.message).toContain('Q9')
    expect(letterItem('nonsense')).toBeNull()
    expect(letterItems([]).ok).toBe(false)
  })
})

describe('handshape chart and sites', () => {
  test('the chart shows every handshape of the table exactly once', () => {
    const ids = handshapeChart().flatMap(g => g.shapes.map(s => s.id))
    expect(ids.slice().sort()).toEqual(HANDSHAPES.map(h => h.id).sort())
    expect(handshapeChart().map(g => g.zh)).toEqual(['手指字母', '数字手形', '常用手形'])
  })

  test('sites are grouped by region, head first, every site exactly once with a Chinese region name', () => {
    const groups = sitesByRegion()
    expect(groups[0].region).toBe('head')
    expect(groups.flatMap(g => g.sites.map(s => s.id)).sort()).toEqual(SITES.map(s => s.id).sort())
    for (const g of groups) {
      expect(g.zh).toBe(REGION_NAMES[g.region])
      expect(g.zh).toMatch(/[\u4e00-\u9fff]/)
      for (const s of g.sites) expect(s.region).toBe(g.region)
    }
    expect(groups.find(g => g.region === 'hand')!.sites.some(s => s.id === 'H.palm')).toBe(true)
  })
})

describe('headersBy', () => {
  const h = (id: string, handshape: string, site: string): EntryHeader => ({
    id, word: id, shares: [], pinyin: id, pinyinPlain: id, initials: id[0], category: 'c', type: 'lexical',
    freq: 0, handshape, site, status: 'draft'
  })
  test('groups by the key, keeps input (frequency) order, skips an empty key', () => {
    const m = headersBy([h('a', 'fist', 'chin'), h('b', 'flat', 'chin'), h('c', 'fist', 'neutral'), h('d', '', '')], 'handshape')
    expect(m.get('fist')!.map(x => x.id)).toEqual(['a', 'c'])
    expect(m.get('flat')!.map(x => x.id)).toEqual(['b'])
    expect(m.has('')).toBe(false)
    expect(headersBy([h('a', 'fist', 'chin'), h('b', 'flat', 'chin')], 'site').get('chin')!.map(x => x.id)).toEqual(['a', 'b'])
  })
})
