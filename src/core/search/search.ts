/**
 * Search over the entry headers (docs/search.md): a per-keystroke query that walks the match
 * tiers (ranking.ts) best first and stops as soon as the result list is full. Every tier reads a
 * precomputed structure of the index (index-build.ts); nothing scans all entries per keystroke
 * except nearestWords, which runs only when nothing matched.
 */
import type { EntryHeader } from '../sign/header'
import { BestN } from './best'
import {
  DEFAULT_LIMIT, DEFAULT_NEAREST, MAX_LIMIT, NEAREST_MAX_DISTANCE, NEAREST_MAX_LETTERS,
  NEAREST_PREFIX_CANDIDATES, TYPO_MIN_HANZI, TYPO_MIN_LETTERS
} from './constants'
import { type PinyinKey, type SearchIndex, fuzzyOf, nextGen, reversedOf } from './index-build'
import { foldChar, hasHanzi, isHanzi, letterKey, normalizeQuery } from './normalize'
import { abbrevCover, boundedDistance, fuzzyKey, syllablesTouched, withinOneEdit } from './pinyin'
import { KIND_SCORE, subTiers } from './ranking'
import { type SortedKeys, exactRange, prefixRange, reverse } from './sorted-keys'
import type { MatchKind, SearchHit, SearchOptions, SearchResult } from './types'

/**
 * Calls `take` with every pinyin key that may be one edit from q (a superset; the caller checks).
 * An edit at position i leaves either the first ⌊L/2⌋ letters or the letters after ⌊L/2⌋
 * untouched, so the candidates are two sorted ranges: keys starting with the first half, and
 * keys ending with the second (reversed keys sorted). No table of deletions to build or keep.
 */
function oneEditCandidates (index: SearchIndex, q: string, take: (i: number) => void): void {
  const L = q.length
  const h = L >> 1
  const [lo, hi] = prefixRange(index.pinyinSorted, q.slice(0, h))
  const pk = index.pkeys
  for (let r = lo; r < hi; r++) {
    const i = index.pinyinSorted.refs[r]
    const d = pk[i].joined.length - L
    if (d <= 1 && d >= -1) take(i)
  }
  const rev = reversedOf(index)
  const [rlo, rhi] = prefixRange(rev, reverse(q.slice(h + 1)))
  for (let r = rlo; r < rhi; r++) {
    const i = rev.refs[r]
    const d = pk[i].joined.length - L
    if (d <= 1 && d >= -1) take(i)
  }
}

/** What a tier found for one entry, before the hit is materialized. */
interface Cand {
  e: number
  sub: number
  /** Highlight info: kind-specific (chars of the word, or a pinyin key index). */
  a: number
  b: number
  key: number
}

/**
 * Collects hits tier by tier: entries already placed by a better tier are skipped; within a tier
 * the best candidates (BestN) fill the places left.
 */
class Collector {
  readonly hits: SearchHit[] = []
  private readonly best: BestN<Cand>
  private readonly gen: number

  constructor (private readonly index: SearchIndex, private readonly limit: number) {
    this.gen = nextGen(index)
    this.best = new BestN<Cand>(index.rank, limit)
  }

  get full (): boolean { return this.hits.length >= this.limit }

  add (e: number, sub: number, a = 0, b = 0, key = -1): void {
    if (this.index.stamp[e] === this.gen) return
    this.best.offer({ e, sub, a, b, key })
  }

  flush (kind: MatchKind, make: (c: Cand) => Omit<SearchHit, 'id' | 'word' | 'pinyin' | 'kind' | 'score'>): void {
    for (const c of this.best.items) {
      const h = this.index.headers[c.e]
      this.index.stamp[c.e] = this.gen
      const extra = make(c)
      const hit: SearchHit = { id: h.id, word: h.word, pinyin: h.pinyin, kind, score: KIND_SCORE[kind] - c.sub, highlight: extra.highlight }
      if (extra.matchedShare !== undefined) hit.matchedShare = extra.matchedShare
      this.hits.push(hit)
    }
    this.best.reset(this.limit - this.hits.length)
  }
}

/** Code-unit range in the word of key characters [from, to) (keys fold 1:1 except spaces). */
function wordRange (word: string, from: number, to: number): Array<[number, number]> {
  if (to <= from) return []
  let k = 0
  let start = -1
  let unit = 0
  for (const ch of word) {
    const f = foldChar(ch, undefined)
    if (f !== ' ' && f !== '') {
      if (k === from) start = unit
      k++
      if (k === to) return start >= 0 ? [[start, unit + ch.length]] : []
    }
    unit += ch.length
  }
  return start >= 0 ? [[start, word.length]] : []
}

/** Highlight of the first `nSyl` syllables of an entry's own pinyin key (chars ↔ syllables). */
function sylHighlight (index: SearchIndex, p: PinyinKey, nSyl: number): Array<[number, number]> {
  if (p.share !== null) return []
  const key = index.wordKeys[p.entry]
  const chars = Array.from(key).length
  const word = index.headers[p.entry].word
  if (nSyl >= p.syl.length) return wordRange(word, 0, chars)
  if (chars !== p.syl.length) return []
  return wordRange(word, 0, nSyl)
}

function clampLimit (v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) return DEFAULT_LIMIT
  return Math.max(1, Math.min(MAX_LIMIT, Math.floor(v)))
}

/** Splits '学x' style input: a run of hanzi followed by pinyin letters (and tone digits). */
function splitMixed (wq: string): { han: string; letters: string } | null {
  let i = 0
  const cps = Array.from(wq)
  while (i < cps.length && isHanzi(cps[i].codePointAt(0) as number)) i++
  if (i === 0 || i === cps.length) return null
  const rest = cps.slice(i).join('')
  if (!/^[a-z0-9]+$/.test(rest)) return null
  const letters = letterKey(rest)
  return letters ? { han: cps.slice(0, i).join(''), letters } : null
}

const PREFIX = subTiers('prefix')
const PINYIN = subTiers('pinyin')
const PINYIN_PREFIX = subTiers('pinyin-prefix')
const INITIALS = subTiers('initials')
const FUZZY = subTiers('fuzzy')
const TYPO = subTiers('typo')

export function search (index: SearchIndex, query: unknown, opts?: SearchOptions): SearchResult {
  const limit = clampLimit(opts?.limit)
  const q = normalizeQuery(query, index.t2s, index.t2sWords)
  if (!q) return { query: '', hits: [] }
  const wq = q.replace(/ /g, '')
  const han = hasHanzi(wq)
  const letters = han ? '' : letterKey(wq)
  const col = new Collector(index, limit)
  const { headers, wordKeys } = index
  const wqLen = Array.from(wq).length

  // 1. The word itself.
  {
    const [lo, hi] = exactRange(index.wordSorted, wq)
    for (let i = lo; i < hi; i++) col.add(index.wordSorted.refs[i], 0)
  }
  col.flush('exact', c => ({ highlight: wordRange(headers[c.e].word, 0, wqLen) }))
  if (col.full) return { query: q, hits: col.hits }

  // 2. A word that shares the sign.
  for (const e of index.shareExact.get(wq) ?? []) col.add(e, 0)
  col.flush('shared', () => ({ highlight: [], matchedShare: wq }))
  if (col.full) return { query: q, hits: col.hits }

  // 3. Prefix of the word; or hanzi then pinyin (学x → 学习, 学校).
  {
    const [lo, hi] = prefixRange(index.wordSorted, wq)
    for (let i = lo; i < hi; i++) col.add(index.wordSorted.refs[i], PREFIX.plainPrefix)
    const mixed = splitMixed(wq)
    if (mixed) {
      const hanLen = Array.from(mixed.han).length
      const [mlo, mhi] = prefixRange(index.wordSorted, mixed.han)
      for (let i = mlo; i < mhi; i++) {
        const e = index.wordSorted.refs[i]
        const p = index.ownKey[e] >= 0 ? index.pkeys[index.ownKey[e]] : undefined
        if (!p || p.syl.length !== index.wordLen[e]) continue
        const rest = p.syl.slice(hanLen)
        const joined = rest.join('')
        const covered = joined.startsWith(mixed.letters) ? syllablesTouched(rest, mixed.letters.length) : abbrevCover(mixed.letters, rest)
        if (covered > 0) col.add(e, PREFIX.hanziThenPinyin, hanLen + covered)
      }
    }
    // A shared word starting with the query (打电 → 电话 by 打电话), after the headwords.
    if (han) {
      const [slo, shi] = prefixRange(index.shareSorted, wq)
      for (let i = slo; i < shi; i++) {
        const r = index.shareSorted.refs[i]
        col.add(index.shareOf[r].entry, PREFIX.sharedWord, 0, 0, r)
      }
    }
    col.flush('prefix', c => c.sub === PREFIX.sharedWord
      ? { highlight: [], matchedShare: index.shareOf[c.key].word }
      : { highlight: wordRange(headers[c.e].word, 0, c.sub === PREFIX.plainPrefix ? wqLen : c.a) })
    if (col.full) return { query: q, hits: col.hits }
  }

  // 4. The word contains the query: walk the postings of its rarest character.
  if (wqLen > 0) {
    let best: number[] | undefined
    for (const ch of wq) {
      const list = index.postings.get(ch.codePointAt(0) as number)
      if (!list) { best = []; break }
      if (!best || list.length < best.length) best = list
    }
    for (const e of best ?? []) {
      const at = wordKeys[e].indexOf(wq)
      if (at >= 0) col.add(e, 0, Array.from(wordKeys[e].slice(0, at)).length)
    }
    col.flush('contains', c => ({ highlight: wordRange(headers[c.e].word, c.a, c.a + wqLen) }))
    if (col.full) return { query: q, hits: col.hits }
  }

  if (letters) {
    const pk = index.pkeys
    const keyHit = (c: Cand): { highlight: Array<[number, number]>; matchedShare?: string } => {
      const p = pk[c.key]
      const h = sylHighlight(index, p, c.a)
      return p.share !== null ? { highlight: h, matchedShare: p.share } : { highlight: h }
    }
    // 5. Full pinyin, tones and spaces ignored.
    {
      const [lo, hi] = exactRange(index.pinyinSorted, letters)
      for (let r = lo; r < hi; r++) {
        const i = index.pinyinSorted.refs[r]
        col.add(pk[i].entry, pk[i].share === null ? PINYIN.ownWord : PINYIN.sharedWord, pk[i].syl.length, 0, i)
      }
    }
    col.flush('pinyin', keyHit)
    if (col.full) return { query: q, hits: col.hits }

    // 6. Pinyin typed so far; whole syllables first (xi → 喜欢 before 现在).
    {
      const [lo, hi] = prefixRange(index.pinyinSorted, letters)
      for (let r = lo; r < hi; r++) {
        const i = index.pinyinSorted.refs[r]
        const p = pk[i]
        const touched = syllablesTouched(p.syl, letters.length)
        let acc = 0
        for (let k = 0; k < touched; k++) acc += p.syl[k].length
        const syllable = acc === letters.length ? PINYIN_PREFIX.wholeSyllables : PINYIN_PREFIX.syllableInProgress
        col.add(p.entry, syllable + (p.share === null ? 0 : PINYIN_PREFIX.sharedWord), touched, 0, i)
      }
      col.flush('pinyin-prefix', keyHit)
      if (col.full) return { query: q, hits: col.hits }
    }

    // 7. Initials and abbreviated pinyin (xx, zhg, xxiao): exact initials, then parses that
    // cover every syllable, then those that cover the first ones.
    if (letters.length >= 2) {
      for (const i of index.initialBuckets.get(letters[0]) ?? []) {
        const p = pk[i]
        if (letters.length > p.joined.length) continue
        const cover = abbrevCover(letters, p.syl)
        if (cover === 0) continue
        // One letter per syllable, all syllables (zsh → 早上好) before other parses (z+sh → 早上).
        const pure = cover === p.syl.length && letters.length === cover
        const parse = pure ? INITIALS.oneLetterPerSyllable : cover === p.syl.length ? INITIALS.everySyllable : INITIALS.firstSyllables
        col.add(p.entry, parse + (p.share === null ? 0 : INITIALS.sharedWord), cover, 0, i)
      }
      col.flush('initials', keyHit)
      if (col.full) return { query: q, hits: col.hits }
    }

    // 8. Fuzzy pairs (z/zh, c/ch, s/sh, n/l, an/ang, en/eng, in/ing): whole key, then prefix.
    {
      // Within the tier, fewer letters changed first (lu → 绿 before 女).
      const fk = fuzzyKey(letters)
      const changed = (j: string): number => boundedDistance(letters, j, 3, index.row)
      const fs = fuzzyOf(index)
      const [lo, hi] = prefixRange(fs, fk)
      for (let r = lo; r < hi; r++) {
        const i = fs.refs[r]
        const shared = pk[i].share === null ? 0 : FUZZY.sharedWord
        if (fs.keys[r] === fk) { col.add(pk[i].entry, FUZZY.wholeKey + changed(pk[i].joined) * FUZZY.perChangedLetter + shared, pk[i].syl.length, 0, i); continue }
        const p = pk[i]
        // Syllables touched, measured on the fuzzy form of each syllable.
        let acc = 0
        let k = 0
        while (k < p.syl.length && acc < fk.length) { acc += fuzzyKey(p.syl[k]).length; k++ }
        col.add(p.entry, FUZZY.prefixOnly + changed(p.joined.slice(0, letters.length)) * FUZZY.perChangedLetter + shared, k, 0, i)
      }
      col.flush('fuzzy', keyHit)
      if (col.full) return { query: q, hits: col.hits }
    }

    // 9. One typo in the pinyin (two sorted ranges, then an exact check).
    if (letters.length >= TYPO_MIN_LETTERS) {
      const cands = new Set<number>()
      oneEditCandidates(index, letters, i => { cands.add(i) })
      for (const i of cands) {
        const p = pk[i]
        if (withinOneEdit(letters, p.joined)) col.add(p.entry, p.share === null ? TYPO.ownWord : TYPO.sharedWord, p.syl.length, 0, i)
      }
      col.flush('typo', keyHit)
    }
  } else if (han && wqLen >= TYPO_MIN_HANZI) {
    // 9. One wrong character in a word of the same length (学生证 → 学生会).
    const qc = Array.from(wq)
    // Placed hits by id: the second collector starts a new generation of stamps.
    const placed = new Set(col.hits.map(h => h.id))
    const col2 = new Collector(index, limit - col.hits.length)
    const seen = new Set<number>()
    if (wqLen <= index.maxWordLen) {
      for (const ch of new Set(qc)) {
        for (const e of index.postings.get(ch.codePointAt(0) as number) ?? []) {
          if (index.wordLen[e] !== wqLen || seen.has(e)) continue
          seen.add(e)
          const wc = Array.from(wordKeys[e])
          let miss = 0
          for (let i = 0; i < wqLen && miss < 2; i++) if (wc[i] !== qc[i]) miss++
          if (miss === 1 && !placed.has(headers[e].id)) col2.add(e, TYPO.ownWord)
        }
      }
    }
    col2.flush('typo', c => {
      const wc = Array.from(wordKeys[c.e])
      const ranges: Array<[number, number]> = []
      for (let i = 0; i < wc.length; i++) {
        if (wc[i] !== qc[i]) continue
        for (const r of wordRange(headers[c.e].word, i, i + 1)) {
          const last = ranges[ranges.length - 1]
          if (last && last[1] === r[0]) last[1] = r[1]; else ranges.push(r)
        }
      }
      return { highlight: ranges }
    })
    col.hits.push(...col2.hits)
  }

  if (col.hits.length > 0) return { query: q, hits: col.hits }
  return { query: q, hits: [], nearest: nearestWords(index, q, DEFAULT_NEAREST) }
}

/**
 * The words nearest to a query that matched nothing: for pinyin, by edit distance on the
 * toneless pinyin (at most NEAREST_MAX_DISTANCE, and at most half the query), among the keys
 * that may be one edit away and those sharing its longest prefix or suffix; for hanzi, by the
 * number of characters in common. Ties by frequency.
 */
export function nearestWords (index: SearchIndex, query: unknown, n: number): EntryHeader[] {
  const count = Math.max(0, Math.min(MAX_LIMIT, Math.floor(Number.isFinite(n) ? n : 0)))
  const q = normalizeQuery(query, index.t2s, index.t2sWords).replace(/ /g, '')
  if (!q || count === 0) return []
  const { headers } = index
  // Candidates by distance (sub), then the global tie order.
  const best = new BestN<{ e: number; sub: number }>(index.rank, count)
  const offer = (e: number, d: number): void => { best.offer({ e, sub: d }) }
  if (hasHanzi(q)) {
    const gen = nextGen(index)
    const { stamp } = index
    const shared = index.count
    const touched: number[] = []
    for (const ch of new Set(Array.from(q))) {
      for (const e of index.postings.get(ch.codePointAt(0) as number) ?? []) {
        if (stamp[e] !== gen) { stamp[e] = gen; shared[e] = 0; touched.push(e) }
        shared[e]++
      }
    }
    // Distance = characters of the query not in the word.
    const qn = new Set(Array.from(q)).size
    for (const e of touched) offer(e, qn - shared[e])
  } else {
    const letters = letterKey(q).slice(0, NEAREST_MAX_LETTERS)
    if (!letters) return []
    // Candidates, bounded work whatever the dictionary size: keys that may be one edit away,
    // and the keys sharing the query's longest prefix or suffix.
    const cands = new Set<number>()
    const sorted = index.pinyinSorted
    const L = letters.length
    oneEditCandidates(index, letters, i => { cands.add(i) })
    // Same beginning (xuexiqq → 学习), and same ending for a wrong first letter (zanghai → 上海).
    const reversed = reversedOf(index)
    const backwards = reverse(letters)
    for (const [keys, text] of [[sorted, letters], [reversed, backwards]] as Array<[SortedKeys, string]>) {
      for (let plen = L - 1; plen >= 2; plen--) {
        const [lo, hi] = prefixRange(keys, text.slice(0, plen))
        if (hi - lo > NEAREST_PREFIX_CANDIDATES) break
        for (let r = lo; r < hi; r++) cands.add(keys.refs[r])
        if (hi - lo >= count) break
      }
    }
    const cap = Math.min(NEAREST_MAX_DISTANCE, Math.ceil(L / 2))
    for (const i of cands) {
      const worst = best.worst
      const max = worst ? Math.min(cap, worst.sub) : cap
      const d = boundedDistance(letters, index.pkeys[i].joined, max, index.row)
      if (d <= max) offer(index.pkeys[i].entry, d)
    }
  }
  return best.items.map(b => headers[b.e])
}

/** The n most frequent words (one row per word: variants after the first are skipped). */
export function commonWords (index: SearchIndex, n: number): EntryHeader[] {
  const count = Math.max(0, Math.min(MAX_LIMIT, Math.floor(Number.isFinite(n) ? n : 0)))
  const out: EntryHeader[] = []
  const words = new Set<string>()
  for (let r = 0; r < index.order.length && out.length < count; r++) {
    const h = index.headers[index.order[r]]
    if (words.has(h.word)) continue
    words.add(h.word)
    out.push(h)
  }
  return out
}
