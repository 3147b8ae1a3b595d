/** The small pinyin algorithms, checked against plain reference implementations. */
import { abbrevCover, boundedDistance, fuzzyKey, withinOneEdit } from '../../../src/core/search/pinyin'
import { normalizeQuery, syllablesOf } from '../../../src/core/search/normalize'
import { createSearchIndex, search } from '../../../src/core/search'
import { fixture, fixtureExtras } from './fixture'

function levenshtein (a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)])
  for (let j = 0; j <= b.length; j++) d[0][j] = j
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
  }
  return d[a.length][b.length]
}

/** Deterministic pseudo-random strings over a small alphabet (so near misses are common). */
function* pairs (n: number): Generator<[string, string]> {
  let s = 12345
  const rnd = (): number => { s = (s * 1103515245 + 12345) % 2147483648; return s / 2147483648 }
  const word = (): string => Array.from({ length: Math.floor(rnd() * 9) }, () => 'aeinoxgh'[Math.floor(rnd() * 8)]).join('')
  for (let k = 0; k < n; k++) {
    const a = word()
    let b = a
    const edits = Math.floor(rnd() * 4)
    for (let e = 0; e < edits; e++) {
      const p = Math.floor(rnd() * (b.length + 1))
      const op = rnd()
      b = op < 0.33 ? b.slice(0, p) + 'x' + b.slice(p) : op < 0.66 ? b.slice(0, p) + b.slice(p + 1) : b.slice(0, p) + 'n' + b.slice(p + 1)
    }
    yield [a, rnd() < 0.2 ? word() : b]
  }
}

test('boundedDistance agrees with Levenshtein up to the bound', () => {
  const row = new Int32Array(64)
  for (const [a, b] of pairs(3000)) {
    const ref = levenshtein(a, b)
    for (const max of [0, 1, 2, 3, 4]) {
      expect([a, b, max, boundedDistance(a, b, max, row)]).toEqual([a, b, max, ref <= max ? ref : max + 1])
    }
  }
})

test('withinOneEdit: Levenshtein ≤ 1, plus swapped neighbours', () => {
  for (const [a, b] of pairs(3000)) {
    const swapped = a.length === b.length && a.length >= 2 &&
      [...Array(a.length - 1).keys()].some(i => a.slice(0, i) + a[i + 1] + a[i] + a.slice(i + 2) === b)
    expect([a, b, withinOneEdit(a, b)]).toEqual([a, b, levenshtein(a, b) <= 1 || swapped])
  }
})

test('fuzzy keys merge exactly the input-method pairs', () => {
  const same = [['zhong', 'zong'], ['chi', 'ci'], ['shi', 'si'], ['nan', 'lan'], ['bang', 'ban'], ['peng', 'pen'], ['xing', 'xin'], ['lv', 'lu']]
  for (const [a, b] of same) expect(fuzzyKey(a)).toBe(fuzzyKey(b))
  const different = [['zhong', 'chong'], ['shi', 'xi'], ['nan', 'man'], ['ban', 'bian'], ['zi', 'ci']]
  for (const [a, b] of different) expect(fuzzyKey(a)).not.toBe(fuzzyKey(b))
})

test('abbreviated pinyin parses like an input method', () => {
  const syl = ['xue', 'xiao']
  expect(abbrevCover('xx', syl)).toBe(2)
  expect(abbrevCover('xxiao', syl)).toBe(2)
  expect(abbrevCover('xuex', syl)).toBe(2)
  expect(abbrevCover('x', syl)).toBe(1)
  expect(abbrevCover('xa', syl)).toBe(0)
  expect(abbrevCover('xxx', syl)).toBe(0)
  expect(abbrevCover('zsh', ['zao', 'shang', 'hao'])).toBe(3)
  expect(abbrevCover('zsh', ['zao', 'shang'])).toBe(2)
})

test('syllables of pinyin strings, whatever their spacing and marks', () => {
  expect(syllablesOf('xué  xí')).toEqual(['xue', 'xi'])
  expect(syllablesOf('nǚ ér')).toEqual(['nv', 'er'])
  expect(syllablesOf('')).toEqual([])
  expect(normalizeQuery('Nǚ  ÉR')).toBe('nv er')
})

test('every one-letter typo of every fixture key finds its word (no candidate missed)', () => {
  const { headers } = fixture()
  const index = createSearchIndex(headers, fixtureExtras())
  const missed: string[] = []
  for (const h of headers) {
    const key = h.pinyinPlain.replace(/ /g, '')
    if (key.length < 4) continue
    const variants = new Set<string>()
    for (let i = 0; i < key.length; i++) {
      variants.add(key.slice(0, i) + key.slice(i + 1))
      variants.add(key.slice(0, i) + 'q' + key.slice(i + 1))
      variants.add(key.slice(0, i) + 'q' + key.slice(i))
      if (i + 1 < key.length) variants.add(key.slice(0, i) + key[i + 1] + key[i] + key.slice(i + 2))
    }
    for (const v of variants) {
      if (v === key) continue
      const ids = search(index, v, { limit: 200 }).hits.map(x => x.id)
      if (!ids.includes(h.id)) missed.push(`${v} → ${h.word}`)
    }
  }
  expect(missed).toEqual([])
})
