/** The bench's gloss metrics on hand-checked cases (scripts/bench/_metrics.ts). */
import { corpusBleu4, meanRougeL, rougeL } from '../../../scripts/bench/_metrics'

describe('ROUGE-L (β = 1.2)', () => {
  it('is 1 for an exact match and 0 for nothing in common or an empty side', () => {
    expect(rougeL(['我', '去'], ['我', '去'])).toBe(1)
    expect(rougeL(['你'], ['我', '去'])).toBe(0)
    expect(rougeL([], ['我'])).toBe(0)
  })
  it('weighs recall over precision by β', () => {
    // LCS 2 of hyp 4 / ref 2: P = 0.5, R = 1 → (1+1.44)·0.5·1 / (1 + 1.44·0.5) = 1.22/1.72
    expect(rougeL(['我', 'x', '去', 'y'], ['我', '去'])).toBeCloseTo(1.22 / 1.72, 6)
    expect(meanRougeL([{ hyp: ['a'], ref: ['a'] }, { hyp: ['b'], ref: ['a'] }])).toBe(50)
  })
  it('a swapped order loses, so reordering is measured', () => {
    expect(rougeL(['去', '我'], ['我', '去'])).toBeLessThan(1)
  })
})

describe('corpus BLEU-4', () => {
  it('is 100 for identical corpora and 0 when no 4-gram matches', () => {
    const s = ['明天', '我', '去', '北京', '学校']
    expect(corpusBleu4([{ hyp: s, ref: s }])).toBeCloseTo(100, 6)
    expect(corpusBleu4([{ hyp: ['a', 'b', 'c', 'd'], ref: ['d', 'c', 'b', 'a'] }])).toBe(0)
  })
  it('applies the brevity penalty to a short hypothesis', () => {
    const ref = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']
    expect(corpusBleu4([{ hyp: ref.slice(0, 4), ref }])).toBeCloseTo(100 * Math.exp(1 - 2), 6)
  })
})
