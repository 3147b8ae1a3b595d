/**
 * The labelled set (labelled.json) against the REAL compiled dictionary: every query must put
 * the expected word on top. The set covers every match kind and normalization.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { toHeader } from '../../../src/core/sign/header'
import { createSearchIndex, search, type SearchIndex } from '../../../src/core/search'
import { extrasFor } from '../../../scripts/cli/search'
import { compiledDictionary } from '../../support/compiled'

interface Labelled { q: string; expect: string; covers: string }
const labelled: Labelled[] = JSON.parse(readFileSync(join(__dirname, 'labelled.json'), 'utf8')).queries

const REQUIRED_COVERAGE = [
  'exact', 'shared', 'prefix', 'contains', 'pinyin', 'pinyin spaced', 'tone marks', 'tone digits',
  'pinyin prefix', 'initials', 'fuzzy z/zh', 'fuzzy c/ch', 'fuzzy s/sh', 'fuzzy n/l', 'fuzzy an/ang',
  'fuzzy en/eng', 'fuzzy in/ing', 'typo', 'typo hanzi', 'traditional', 'full-width', 'stray spaces', 'upper case'
]

const dict = compiledDictionary()
// The extras the app ships (src/data/compiled/index.ts), recomputed only if that file is stale.
let index: SearchIndex
beforeAll(async () => { index = createSearchIndex(dict.entries.map(toHeader), await extrasFor(dict)) })

test('the labelled set has at least 100 queries and covers every rule', () => {
  expect(labelled.length).toBeGreaterThanOrEqual(100)
  const covered = new Set(labelled.map(l => l.covers))
  expect(REQUIRED_COVERAGE.filter(c => !covered.has(c))).toEqual([])
  expect(new Set(labelled.map(l => l.q)).size).toBe(labelled.length)
})

test('every expected word is in the dictionary', () => {
  const words = new Set(dict.entries.map(e => e.word))
  expect(labelled.filter(l => !words.has(l.expect)).map(l => `${l.q} → ${l.expect}`)).toEqual([])
})

test('every labelled query puts the expected word on top', () => {
  const wrong: string[] = []
  for (const l of labelled) {
    const r = search(index, l.q, { limit: 5 })
    if (r.hits[0]?.word !== l.expect) {
      wrong.push(`[${l.covers}] ${JSON.stringify(l.q)}: expected ${l.expect}, got ${r.hits.map(h => `${h.word}(${h.kind})`).join(' ') || 'nothing'}`)
    }
  }
  expect(wrong).toEqual([])
})

test('the fuzzy and typo queries are found by those rules, not by luck', () => {
  for (const l of labelled.filter(x => x.covers === 'typo' || x.covers === 'typo hanzi')) {
    expect([l.q, search(index, l.q).hits[0]?.kind]).toEqual([l.q, 'typo'])
  }
  for (const l of labelled.filter(x => x.covers === 'traditional')) {
    expect(search(index, l.q).query).not.toBe(l.q)
  }
})

test('while typing (every prefix of every labelled query): unique hits, ranked by kind, highlights inside the word', () => {
  const problems: string[] = []
  for (const l of labelled) {
    const cps = Array.from(l.q)
    for (let k = 1; k <= cps.length; k++) {
      const q = cps.slice(0, k).join('')
      const r = search(index, q)
      if (new Set(r.hits.map(h => h.id)).size !== r.hits.length) problems.push(`${q}: duplicate hits`)
      const scores = r.hits.map(h => h.score)
      if (scores.some((s, i) => i > 0 && s > scores[i - 1])) problems.push(`${q}: not ranked`)
      for (const h of r.hits) {
        let prevEnd = 0
        for (const [a, b] of h.highlight) {
          if (!(a >= prevEnd && a < b && b <= h.word.length)) problems.push(`${q}: bad highlight ${JSON.stringify(h.highlight)} in ${h.word}`)
          prevEnd = b
        }
      }
      if (r.hits.length === 0 && r.query !== '' && r.nearest === undefined) problems.push(`${q}: no hits and no nearest list`)
    }
  }
  expect(problems).toEqual([])
})

test('the exact word is highlighted whole, a hanzi prefix only as far as typed', () => {
  expect(search(index, '学习').hits[0].highlight).toEqual([[0, 2]])
  const h = search(index, '對不').hits[0]
  expect(h).toMatchObject({ word: '对不起', kind: 'prefix', highlight: [[0, 2]] })
})
