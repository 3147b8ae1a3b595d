/**
 * The review sample (docs/review-sample.md) must be redrawable: the same sources and seed give
 * the same entries, whatever order the files list them in, and only entries with a national sign.
 */
import { reviewSample } from '../../../scripts/transcribe/sample'
import type { SourceEntry } from '../../../scripts/transcribe/lib'

function entry (id: string, nat: number | null): SourceEntry {
  return { id, word: id, category: 'verbs', file: 'src/data/signs/verbs.signs', line: 1, shares: [], variant: 0, nat, natMark: '', fields: new Map() }
}

const entries = Array.from({ length: 300 }, (_, i) => entry(`e${String(i).padStart(3, '0')}`, i % 5 === 0 ? null : 1000 + i))

test('the same seed draws the same sample, in any input order', () => {
  const a = reviewSample(entries, 7, 50).map(e => e.id)
  const b = reviewSample([...entries].reverse(), 7, 50).map(e => e.id)
  expect(a).toHaveLength(50)
  expect(b).toEqual(a)
})

test('only entries with a national sign, each once; another seed draws another sample', () => {
  const a = reviewSample(entries, 7, 50)
  expect(a.every(e => e.nat !== null)).toBe(true)
  expect(new Set(a.map(e => e.id)).size).toBe(50)
  const other = reviewSample(entries, 8, 50).map(e => e.id)
  expect(other.filter(id => a.some(e => e.id === id)).length).toBeLessThan(40)
})

test('a sign with two entries counts once, and merging them leaves the sample as it was', () => {
  const twice = [...entries, entry('zz-second-entry', 1001)]
  const a = reviewSample(twice, 7, 240).map(e => e.nat)
  expect(new Set(a).size).toBe(240)
  expect(reviewSample(twice, 7, 50).map(e => e.nat)).toEqual(reviewSample(entries, 7, 50).map(e => e.nat))
})
