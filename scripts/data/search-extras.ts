/**
 * Build-time part of search (docs/search.md): computes SearchExtras from the compiled dictionary.
 * Called by scripts/data/compile.ts, which embeds the result as SEARCH_EXTRAS in
 * src/data/compiled/index.ts. Node-only (opencc-js is too big to ship; we ship only the
 * characters the dictionary actually uses).
 */
import { Converter } from 'opencc-js'
import { pinyin } from 'pinyin-pro'
import type { Dictionary } from '../../src/core/sign/dictionary'
import { SEARCH_EXTRAS_VERSION, type SearchExtras } from '../../src/core/search/types'

type Convert = (s: string) => string

let converters: Convert[] | null = null
/** Taiwan (with phrases), Hong Kong and plain OpenCC traditional: users type any of them. */
function getConverters (): Convert[] {
  if (!converters) {
    converters = [
      Converter({ from: 'cn', to: 'tw' }),
      Converter({ from: 'cn', to: 'hk' }),
      Converter({ from: 'cn', to: 't' })
    ]
  }
  return converters
}

let twPhrases: Convert | null = null
/** Taiwan vocabulary (出租车 → 計程車): not character-aligned, so used for whole words only. */
function getTwPhrases (): Convert {
  if (!twPhrases) twPhrases = Converter({ from: 'cn', to: 'twp' })
  return twPhrases
}

export function buildSearchExtras (dict: Dictionary): SearchExtras {
  const conv = getConverters()
  const wordConv = [...conv, getTwPhrases()]
  const words = new Set<string>()
  for (const e of dict.entries) {
    if (e.word) words.add(e.word)
    for (const s of e.shares ?? []) if (s) words.add(s)
  }
  // Word-level conversion first: it picks the right traditional form for one-to-many
  // characters (头发 → 頭髮, not 頭發), which a character-level conversion would miss.
  const t2s = new Map<string, string>()
  const used = new Set<string>()
  for (const w of words) for (const ch of w) used.add(ch)
  const addChar = (trad: string, simp: string): void => {
    // A character the dictionary itself uses as simplified must keep matching as typed.
    if (trad === simp || t2s.has(trad) || used.has(trad)) return
    t2s.set(trad, simp)
  }
  const t2sWords = new Map<string, string>()
  const sorted = [...words].sort()
  for (const w of sorted) {
    const sChars = [...w]
    for (const c of conv) {
      const t = c(w)
      const tChars = [...t]
      if (tChars.length === sChars.length) {
        for (let i = 0; i < tChars.length; i++) addChar(tChars[i], sChars[i])
      }
    }
    for (const ch of sChars) for (const c of conv) addChar(c(ch), ch)
  }
  // Words whose Taiwan form is a different vocabulary (計程車 for 出租车) do not map back by
  // characters: keep them whole.
  const backByChars = (t: string): string => [...t].map(ch => t2s.get(ch) ?? ch).join('')
  for (const w of sorted) {
    for (const c of wordConv) {
      const t = c(w)
      if (t !== w && backByChars(t) !== w && !words.has(t)) t2sWords.set(t, w)
    }
  }
  // Shares have no pinyin in the headers; computing it here keeps pinyin-pro out of the app.
  const sharePinyin = new Map<string, string>()
  for (const e of dict.entries) {
    for (const s of e.shares ?? []) {
      if (!s || sharePinyin.has(s)) continue
      const syl = pinyin(s, { toneType: 'none', type: 'array', v: true })
        .map(x => x.toLowerCase().replace(/[^a-z]/g, ''))
        .filter(x => x.length > 0)
      if (syl.length > 0) sharePinyin.set(s, syl.join(' '))
    }
  }
  return {
    version: SEARCH_EXTRAS_VERSION,
    t2s: Object.fromEntries([...t2s].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))),
    t2sWords: Object.fromEntries([...t2sWords].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))),
    sharePinyin: Object.fromEntries([...sharePinyin].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)))
  }
}
