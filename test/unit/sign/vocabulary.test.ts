import { REGION_NAMES, handshapeChart, headersBy, sitesByRegion } from '../../../src/core/sign/vocabulary'
import { HANDSHAPES } from '../../../src/core/sign/handshapes'
import { SITES } from '../../../src/core/sign/sites'
import type { EntryHeader } from '../../../src/core/sign/header'

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
