/**
 * The search index, built once at app start from the entry headers (docs/search.md, "How it stays
 * fast"): word keys and pinyin keys sorted, shared-word map, code-point postings, first-letter
 * buckets of multi-syllable keys, the global tie order; fuzzy and reversed keys are built on first
 * use. Plus the scratch arrays every query reuses.
 */
import type { EntryHeader } from '../sign/header'
import { NEAREST_MAX_LETTERS } from './constants'
import { syllablesOf, wordKey } from './normalize'
import { fuzzyKey } from './pinyin'
import { type SortedKeys, reverse, sortedKeys } from './sorted-keys'
import { SEARCH_EXTRAS_VERSION, type SearchExtras } from './types'

/** A pinyin key: the word's syllables, or a shared word's (from SearchExtras). */
export interface PinyinKey {
  entry: number
  syl: string[]
  joined: string
  /** The shared word this key spells, or null for the entry's own word. */
  share: string | null
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
  /** Shared words' keys sorted (prefix as you type: 打电 → 电话 by 打电话); refs index shareOf. */
  readonly shareSorted: SortedKeys
  readonly shareOf: ReadonlyArray<{ readonly entry: number; readonly word: string }>
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
  const shareKeys: string[] = []
  const shareOf: Array<{ entry: number; word: string }> = []
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
      shareKeys.push(sk); shareOf.push({ entry: e, word: String(s) })
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
    shareSorted: sortedKeys(shareKeys),
    shareOf,
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

export function fuzzyOf (index: SearchIndex): SortedKeys {
  if (!index.fuzzySorted) index.fuzzySorted = sortedKeys(index.pkeys.map(p => fuzzyKey(p.joined)))
  return index.fuzzySorted
}

export function reversedOf (index: SearchIndex): SortedKeys {
  if (!index.reversedSorted) index.reversedSorted = sortedKeys(index.pkeys.map(p => reverse(p.joined)))
  return index.reversedSorted
}

/** Builds the lazily built parts now (benchmarks measure the whole build; an app may call it when idle). */
export function warmSearchIndex (index: SearchIndex): void {
  fuzzyOf(index)
  reversedOf(index)
}

export function nextGen (index: SearchIndex): number {
  index.gen++
  if (index.gen >= 0x7fffffff) { index.stamp.fill(0); index.gen = 1 }
  return index.gen
}
