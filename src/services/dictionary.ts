/**
 * The dictionary as the first screen sees it: entry headers, categories and the search index,
 * from the compiled main-package chunk. Built once, lazily (index build is a few ms).
 */
import { ALIASES, CATEGORIES, DATA_VERSION, HEADERS, SEARCH_EXTRAS } from '../data/compiled/index'
import type { Category, EntryHeader } from '../core/sign'
import { createSearchIndex, type SearchIndex, type SearchExtras } from '../core/search'

let index: SearchIndex | null = null
let byId: Map<string, EntryHeader> | null = null
let charPinyin: Map<string, string> | null = null

export const dataVersion = DATA_VERSION

export function headers (): readonly EntryHeader[] {
  return HEADERS
}

export function categories (): readonly Category[] {
  return CATEGORIES
}

export function categoryName (id: string): string {
  return CATEGORIES.find(c => c.id === id)?.name ?? id
}

/** Retired entry ids → the entry each was merged into. */
export function entryAliases (): Readonly<Record<string, string>> {
  return ALIASES
}

/** The current id of an entry: itself, or the entry a retired id was merged into (old links, old progress). */
export function currentId (id: string): string {
  return Object.prototype.hasOwnProperty.call(ALIASES, id) ? ALIASES[id] : id
}

export function getHeader (id: string): EntryHeader | undefined {
  if (!byId) byId = new Map(HEADERS.map(h => [h.id, h]))
  return byId.get(currentId(id))
}

export function searchIndex (): SearchIndex {
  if (!index) {
    const extras = SEARCH_EXTRAS as unknown as SearchExtras
    index = createSearchIndex(HEADERS, extras && (extras as SearchExtras).version ? extras : undefined)
  }
  return index
}

/** Headers of one category, most frequent first. */
export function headersInCategory (id: string): EntryHeader[] {
  return HEADERS.filter(h => h.category === id)
}

/**
 * Toneless pinyin of a hanzi string from the syllables of dictionary words that contain its
 * characters (no pinyin library on the phone). Returns null when a character is unknown.
 */
export function pinyinOfHanzi (text: string): string | null {
  if (!charPinyin) {
    charPinyin = new Map()
    for (const h of HEADERS) {
      const chars = Array.from(h.word)
      const syl = h.pinyinPlain.split(' ')
      if (chars.length !== syl.length) continue
      chars.forEach((c, i) => { if (!charPinyin!.has(c)) charPinyin!.set(c, syl[i]) })
    }
  }
  const out: string[] = []
  for (const c of Array.from(text)) {
    if (/[a-zA-Z]/.test(c)) { out.push(c.toLowerCase()); continue }
    const p = charPinyin.get(c)
    if (!p) return null
    out.push(p)
  }
  return out.join(' ')
}
