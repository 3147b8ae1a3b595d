/**
 * Search over the entry headers (docs/search.md): an index built once at app start, and a
 * per-keystroke query that walks the match tiers best first and stops as soon as the result
 * list is full. Every tier reads a precomputed structure (sorted key arrays, postings,
 * initial-letter buckets); nothing scans all entries per keystroke except nearestWords, which
 * runs only when nothing matched.
 */
import type { EntryHeader } from '../sign/header'
import {
  DEFAULT_LIMIT, DEFAULT_NEAREST, MAX_LIMIT, NEAREST_MAX_DISTANCE, NEAREST_MAX_LETTERS,
  NEAREST_PREFIX_CANDIDATES,
  TYPO_MIN_HANZI, TYPO_MIN_LETTERS
} from './constants'
import { foldChar, hasHanzi, isHanzi, letterKey, normalizeQuery, syllablesOf, wordKey } from './normalize'
import { abbrevCover, boundedDistance, fuzzyKey, syllablesTouched, withinOneEdit } from './pinyin'
import {
  SEARCH_EXTRAS_VERSION, type MatchKind, type SearchExtras, type SearchHit, type SearchOptions,
  type SearchResult
} from './types'

/** Ranking order of the kinds, best first (docs/search.md). */
export const MATCH_KINDS: readonly MatchKind[] = Object.freeze([
  'exact', 'shared', 'prefix', 'contains', 'pinyin', 'pinyin-prefix', 'initials', 'fuzzy', 'typo'
] as MatchKind[])

/** Score = kind score − sub-tier (sub-tiers stay below 100, so kinds never overlap). */
const KIND_SCORE: Readonly<Record<MatchKind, number>> = Object.freeze(
  Object.fromEntries(MATCH_KINDS.map((k, i) => [k, (MATCH_KINDS.length - i) * 100])) as Record<MatchKind, number>
)

/** A pinyin key: the word's syllables, or a shared word's (from SearchExtras). */
interface PinyinKey {
  entry: number
  syl: string[]
  joined: string
  /** The shared word this key spells, or null for the entry's own word. */
  share: string | null
}

/** Keys sorted for prefix ranges, with what each key points to. */
interface SortedKeys {
  keys: string[]
  refs: Int32Array
}

/**
 * Built by createSearchIndex; treat as opaque. Holds mutable scratch arrays, so one index must
 * not be searched from two threads at once (JS never does).
 */
export interface SearchIndex {
  readonly headers: readonly EntryHeader[]
  /** Entry positions in the global tie order: freq desc, shorter word, variant, id. */
  readonly order: Int32Array
  /** rank[e] = position of entry e in `order`. */
  readonly rank: Int32Array
  readonly t2s: Record<string, string>
  readonly t2sWords: Record<string, string>
  readonly wordKeys: string[]
  /** Length of each word key in characters (code points), and the longest. */
  readonly wordLen: Int32Array
  readonly maxWordLen: number
  /** Word keys sorted (exact match = the range equal to the query, prefix = the range starting with it). */
  readonly wordSorted: SortedKeys
  readonly shareExact: Map<string, number[]>
  /** Code point → entries whose word contains it (each entry once, ascending). */
  readonly postings: Map<number, number[]>
  readonly pkeys: PinyinKey[]
  /** ownKey[e] = index in pkeys of entry e's own pinyin key, or -1. */
  readonly ownKey: Int32Array
  readonly pinyinSorted: SortedKeys
  /** Multi-syllable pinyin keys by first letter, for abbreviated input. */
  readonly initialBuckets: Map<string, number[]>
  /** Fuzzy keys sorted (built on first fuzzy lookup: most short queries never get there). */
  fuzzySorted: SortedKeys | null
  /** Pinyin keys reversed and sorted, for typos and "same ending" neighbours (built on first use). */
  reversedSorted: SortedKeys | null
  /** Scratch: per-entry stamps and counters, reused by every query. */
  readonly stamp: Int32Array
  readonly count: Int32Array
  gen: number
  readonly row: Int32Array
}

function cmpStr (a: string, b: string): number { return a < b ? -1 : a > b ? 1 : 0 }

function push<K> (m: Map<K, number[]>, k: K, v: number): void {
  const a = m.get(k)
  if (a) a.push(v); else m.set(k, [v])
}

/** Sorts keys keeping what they point to (an Int32Array of positions sorts fastest in V8). */
function sortedKeys (keys: string[]): SortedKeys {
  const refs = new Int32Array(keys.length)
  for (let i = 0; i < refs.length; i++) refs[i] = i
  refs.sort((a, b) => { const x = keys[a]; const y = keys[b]; return x < y ? -1 : x > y ? 1 : a - b })
  const out: string[] = new Array(refs.length)
  for (let i = 0; i < refs.length; i++) out[i] = keys[refs[i]]
  return { keys: out, refs }
}

function lowerBound (keys: string[], p: string): number {
  let lo = 0
  let hi = keys.length
  while (lo < hi) { const m = (lo + hi) >> 1; if (keys[m] < p) lo = m + 1; else hi = m }
  return lo
}

/** [lo, hi) of the keys that start with p. */
function prefixRange (s: SortedKeys, p: string): [number, number] {
  return [lowerBound(s.keys, p), lowerBound(s.keys, p + '\uffff')]
}

/** [lo, hi) of the keys equal to p. */
function exactRange (s: SortedKeys, p: string): [number, number] {
  const lo = lowerBound(s.keys, p)
  let hi = lo
  while (hi < s.keys.length && s.keys[hi] === p) hi++
  return [lo, hi]
}

function validExtras (x: unknown): SearchExtras | null {
  if (!x || typeof x !== 'object') return null
  const e = x as Partial<SearchExtras>
  if (e.version !== SEARCH_EXTRAS_VERSION) return null
  return {
    version: SEARCH_EXTRAS_VERSION,
    t2s: e.t2s && typeof e.t2s === 'object' ? e.t2s : {},
    t2sWords: e.t2sWords && typeof e.t2sWords === 'object' ? e.t2sWords : {},
    sharePinyin: e.sharePinyin && typeof e.sharePinyin === 'object' ? e.sharePinyin : {}
  }
}

/** Plain hanzi or lower-case words are their own key: skips the per-character fold at start-up. */
const PLAIN_WORD = /^[\u4e00-\u9fffa-z0-9]*$/

function keyOfWord (w: string): string { return PLAIN_WORD.test(w) ? w : wordKey(w) }

/** 'xue xi' → ['xue', 'xi'] with a plain loop (the common case); anything unusual goes the slow way. */
function sylOf (p: string): string[] {
  const out: string[] = []
  let start = 0
  for (let i = 0; i <= p.length; i++) {
    const c = i < p.length ? p.charCodeAt(i) : 32
    if (c === 32) {
      if (i === start) return syllablesOf(p)
      out.push(p.slice(start, i))
      start = i + 1
    } else if (c < 97 || c > 122) {
      return syllablesOf(p)
    }
  }
  return out
}

/**
 * Builds the index once (app start). `extras` is SEARCH_EXTRAS from the compiled data; it is
 * checked here (wrong version or shape → ignored: search still works, minus traditional
 * characters and shared-word pinyin).
 */
export function createSearchIndex (headers: readonly EntryHeader[], extras?: SearchExtras | Record<string, unknown>): SearchIndex {
  const x = validExtras(extras) ?? { version: SEARCH_EXTRAS_VERSION, t2s: {}, t2sWords: {}, sharePinyin: {} }
  const n = headers.length
  const wordKeys: string[] = new Array(n)
  const wordLen = new Int32Array(n)
  const freq = new Float64Array(n)
  let maxWordLen = 0
  for (let e = 0; e < n; e++) {
    const k = wordKeys[e] = keyOfWord(String(headers[e].word ?? ''))
    let len = k.length
    for (let i = 0; i < k.length; i++) { const c = k.charCodeAt(i); if (c >= 0xd800 && c <= 0xdbff) len-- }
    wordLen[e] = len
    if (len > maxWordLen) maxWordLen = len
    freq[e] = Number(headers[e].freq) || 0
  }

  const order = new Int32Array(n)
  for (let e = 0; e < n; e++) order[e] = e
  order.sort((a, b) => (freq[b] - freq[a]) || (wordKeys[a].length - wordKeys[b].length) ||
    ((headers[a].variant ?? 0) - (headers[b].variant ?? 0)) || cmpStr(headers[a].id, headers[b].id))
  const rank = new Int32Array(n)
  for (let r = 0; r < n; r++) rank[order[r]] = r

  const shareExact = new Map<string, number[]>()
  const postings = new Map<number, number[]>()
  const pkeys: PinyinKey[] = []
  const ownKey = new Int32Array(n).fill(-1)
  for (let e = 0; e < n; e++) {
    const k = wordKeys[e]
    for (let i = 0; i < k.length; i++) {
      const cp = k.codePointAt(i) as number
      if (cp > 0xffff) i++
      const list = postings.get(cp)
      // Entries arrive in order, so a repeated character shows up as the same last element.
      if (!list) postings.set(cp, [e]); else if (list[list.length - 1] !== e) list.push(e)
    }
    const syl = sylOf(String(headers[e].pinyinPlain ?? ''))
    if (syl.length > 0 && syl[0] !== '') { ownKey[e] = pkeys.length; pkeys.push({ entry: e, syl, joined: syl.join(''), share: null }) }
    const shares = headers[e].shares
    if (!Array.isArray(shares)) continue
    for (const s of shares) {
      const sk = keyOfWord(String(s))
      if (!sk || sk === k) continue
      push(shareExact, sk, e)
      const sp = x.sharePinyin[s]
      if (typeof sp === 'string') {
        const ssyl = sylOf(sp)
        if (ssyl.length > 0 && ssyl[0] !== '') pkeys.push({ entry: e, syl: ssyl, joined: ssyl.join(''), share: String(s) })
      }
    }
  }
  for (const list of shareExact.values()) list.sort((a, b) => rank[a] - rank[b])

  const initialBuckets = new Map<string, number[]>()
  let maxLen = 0
  for (let i = 0; i < pkeys.length; i++) {
    const p = pkeys[i]
    if (p.syl.length >= 2) push(initialBuckets, p.joined[0], i)
    if (p.joined.length > maxLen) maxLen = p.joined.length
  }
  for (const list of initialBuckets.values()) list.sort((a, b) => rank[pkeys[a].entry] - rank[pkeys[b].entry])

  return {
    headers,
    order,
    rank,
    t2s: x.t2s,
    t2sWords: x.t2sWords,
    wordKeys,
    wordLen,
    maxWordLen,
    wordSorted: sortedKeys(wordKeys),
    shareExact,
    postings,
    pkeys,
    ownKey,
    pinyinSorted: sortedKeys(pkeys.map(p => p.joined)),
    initialBuckets,
    fuzzySorted: null,
    reversedSorted: null,
    stamp: new Int32Array(n),
    count: new Int32Array(n),
    gen: 0,
    row: new Int32Array(Math.max(maxLen, NEAREST_MAX_LETTERS) + 2)
  }
}

function fuzzyOf (index: SearchIndex): SortedKeys {
  if (!index.fuzzySorted) index.fuzzySorted = sortedKeys(index.pkeys.map(p => fuzzyKey(p.joined)))
  return index.fuzzySorted
}

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

function reverse (s: string): string {
  let out = ''
  for (let i = s.length - 1; i >= 0; i--) out += s[i]
  return out
}

function reversedOf (index: SearchIndex): SortedKeys {
  if (!index.reversedSorted) index.reversedSorted = sortedKeys(index.pkeys.map(p => reverse(p.joined)))
  return index.reversedSorted
}

/** Builds the lazily built parts now (benchmarks measure the whole build; an app may call it when idle). */
export function warmSearchIndex (index: SearchIndex): void {
  fuzzyOf(index)
  reversedOf(index)
}

function nextGen (index: SearchIndex): number {
  index.gen++
  if (index.gen >= 0x7fffffff) { index.stamp.fill(0); index.gen = 1 }
  return index.gen
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
 * Collects hits tier by tier. Entries already placed by a better tier are skipped; within a
 * tier, the best `room` candidates by (sub-tier, global rank) are kept with a small insertion
 * buffer instead of sorting everything (a one-letter query has hundreds of candidates).
 */
class Collector {
  readonly hits: SearchHit[] = []
  private buf: Cand[] = []
  private readonly gen: number

  constructor (private readonly index: SearchIndex, private readonly limit: number) {
    this.gen = nextGen(index)
  }

  get full (): boolean { return this.hits.length >= this.limit }

  private better (x: Cand, y: Cand): boolean {
    return x.sub !== y.sub ? x.sub < y.sub : this.index.rank[x.e] < this.index.rank[y.e]
  }

  add (e: number, sub: number, a = 0, b = 0, key = -1): void {
    if (this.index.stamp[e] === this.gen) return
    const room = this.limit - this.hits.length
    const buf = this.buf
    const c: Cand = { e, sub, a, b, key }
    const dup = buf.findIndex(d => d.e === e)
    if (dup >= 0) {
      if (!this.better(c, buf[dup])) return
      buf.splice(dup, 1)
    }
    if (buf.length >= room && !this.better(c, buf[buf.length - 1])) return
    let i = buf.length
    while (i > 0 && this.better(c, buf[i - 1])) i--
    buf.splice(i, 0, c)
    if (buf.length > room) buf.pop()
  }

  flush (kind: MatchKind, make: (c: Cand) => Omit<SearchHit, 'id' | 'word' | 'pinyin' | 'kind' | 'score'>): void {
    for (const c of this.buf) {
      const h = this.index.headers[c.e]
      this.index.stamp[c.e] = this.gen
      const extra = make(c)
      const hit: SearchHit = { id: h.id, word: h.word, pinyin: h.pinyin, kind, score: KIND_SCORE[kind] - c.sub, highlight: extra.highlight }
      if (extra.matchedShare !== undefined) hit.matchedShare = extra.matchedShare
      this.hits.push(hit)
    }
    this.buf = []
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
    for (let i = lo; i < hi; i++) col.add(index.wordSorted.refs[i], 0)
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
        if (covered > 0) col.add(e, 1, hanLen + covered)
      }
    }
    col.flush('prefix', c => ({ highlight: wordRange(headers[c.e].word, 0, c.sub === 0 ? wqLen : c.a) }))
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
        col.add(pk[i].entry, pk[i].share === null ? 0 : 1, pk[i].syl.length, 0, i)
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
        col.add(p.entry, (acc === letters.length ? 0 : 2) + (p.share === null ? 0 : 1), touched, 0, i)
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
        col.add(p.entry, (pure ? 0 : cover === p.syl.length ? 2 : 4) + (p.share === null ? 0 : 1), cover, 0, i)
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
        if (fs.keys[r] === fk) { col.add(pk[i].entry, changed(pk[i].joined) * 2 + (pk[i].share === null ? 0 : 1), pk[i].syl.length, 0, i); continue }
        const p = pk[i]
        // Syllables touched, measured on the fuzzy form of each syllable.
        let acc = 0
        let k = 0
        while (k < p.syl.length && acc < fk.length) { acc += fuzzyKey(p.syl[k]).length; k++ }
        col.add(p.entry, 10 + changed(p.joined.slice(0, letters.length)) * 2 + (p.share === null ? 0 : 1), k, 0, i)
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
        if (withinOneEdit(letters, p.joined)) col.add(p.entry, p.share === null ? 0 : 1, p.syl.length, 0, i)
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
          if (miss === 1 && !placed.has(headers[e].id)) col2.add(e, 0)
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
  const { rank, headers } = index
  const best: Array<{ e: number; d: number }> = []
  const seen = new Set<number>()
  const offer = (e: number, d: number): void => {
    if (seen.has(e)) {
      const at = best.findIndex(b => b.e === e)
      if (at < 0 || best[at].d <= d) return
      best.splice(at, 1)
    }
    if (best.length >= count) {
      const w = best[best.length - 1]
      if (d > w.d || (d === w.d && rank[e] > rank[w.e])) return
    }
    seen.add(e)
    let i = best.length
    while (i > 0 && (d < best[i - 1].d || (d === best[i - 1].d && rank[e] < rank[best[i - 1].e]))) i--
    best.splice(i, 0, { e, d })
    if (best.length > count) seen.delete(best.pop()!.e)
  }
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
      const max = best.length >= count ? Math.min(cap, best[best.length - 1].d) : cap
      const d = boundedDistance(letters, index.pkeys[i].joined, max, index.row)
      if (d <= max) offer(index.pkeys[i].entry, d)
    }
  }
  return best.map(b => headers[b.e])
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
