/**
 * Public types of the search module (docs/search.md).
 */
import type { EntryHeader } from '../sign/header'

/** Bump when the shape of SearchExtras changes; createSearchIndex ignores other versions. */
export const SEARCH_EXTRAS_VERSION = 1 as const

/**
 * What the data compiler precomputes for search (scripts/data/search-extras.ts) and ships in the
 * main package next to the headers. JSON-able; small (only characters the dictionary uses).
 */
export interface SearchExtras {
  version: typeof SEARCH_EXTRAS_VERSION
  /** Traditional (and variant) character → simplified character, only for characters of words and shares. */
  t2s: Record<string, string>
  /**
   * Whole traditional/Taiwan-usage words that do not map back character by character
   * (e.g. 計程車 → 出租车); key is the traditional form, value the dictionary word.
   */
  t2sWords: Record<string, string>
  /**
   * Toneless pinyin of each shared word (shares), syllables space-separated, ü written v:
   * { 妻子: 'qi zi' }. Lets pinyin queries find a sign through a word it shares.
   */
  sharePinyin: Record<string, string>
}

/** How a hit matched; the order is the ranking order (best first). */
export type MatchKind =
  | 'exact' // the word itself
  | 'shared' // a word signed the same way (shares)
  | 'prefix' // the word starts with the query
  | 'contains' // the word contains the query
  | 'pinyin' // full pinyin, with or without tones/spaces
  | 'pinyin-prefix' // pinyin typed so far
  | 'initials' // first letters of syllables (xx → 学习)
  | 'fuzzy' // pinyin with input-method fuzzy pairs (z/zh, n/l, an/ang …)
  | 'typo' // one edit away (pinyin), or one wrong character (hanzi, ≥3 chars)

export interface SearchHit {
  id: string
  word: string
  pinyin: string
  kind: MatchKind
  /** Higher is better; comparable within one result list only. */
  score: number
  /** Half-open [start, end) ranges of the matched part, in UTF-16 code units of `word`. */
  highlight: Array<[number, number]>
  /** When kind is 'shared': the shared word that matched (the entry's `word` is the headword). */
  matchedShare?: string
}

export interface SearchResult {
  /** The query after normalization (what was actually searched). */
  query: string
  hits: SearchHit[]
  /** Only when there are no hits: the nearest words by pinyin edit distance. */
  nearest?: EntryHeader[]
}

export interface SearchOptions {
  /** Max hits returned (default DEFAULT_LIMIT, capped at MAX_LIMIT). */
  limit?: number
}
