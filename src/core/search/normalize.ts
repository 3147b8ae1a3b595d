/**
 * Query normalization: untrusted input (unknown) → a clean, bounded string, and the keys derived
 * from it. Pure string code, no tables beyond tone marks (traditional characters come from
 * SearchExtras, computed at build time).
 */
import { MAX_QUERY_CHARS, MAX_RAW_UNITS } from './constants'

/** Tone-marked (and other accented) pinyin vowels → plain letters; ü → v as in the dictionary. */
const TONE_FOLD: Record<string, string> = {
  ā: 'a', á: 'a', ǎ: 'a', à: 'a',
  ē: 'e', é: 'e', ě: 'e', è: 'e', ê: 'e',
  ī: 'i', í: 'i', ǐ: 'i', ì: 'i',
  ō: 'o', ó: 'o', ǒ: 'o', ò: 'o',
  ū: 'u', ú: 'u', ǔ: 'u', ù: 'u',
  ü: 'v', ǖ: 'v', ǘ: 'v', ǚ: 'v', ǜ: 'v',
  ń: 'n', ň: 'n', ǹ: 'n', ḿ: 'm'
}

export function isHanzi (cp: number): boolean {
  return (cp >= 0x3400 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x3134f) || cp === 0x3007 /* 〇 */
}

function isLetter (cp: number): boolean { return cp >= 0x61 && cp <= 0x7a }
function isDigit (cp: number): boolean { return cp >= 0x30 && cp <= 0x39 }

/**
 * Folds one character: full-width → ASCII, upper → lower case, tone marks off, traditional →
 * simplified (map from SearchExtras). Returns '' for characters search ignores (emoji,
 * punctuation, controls) and ' ' for any kind of space or separator.
 */
export function foldChar (ch: string, t2s: Record<string, string> | undefined): string {
  let cp = ch.codePointAt(0) as number
  if (cp === 0x3000) return ' '
  if (cp >= 0xff01 && cp <= 0xff5e) { cp -= 0xfee0; ch = String.fromCharCode(cp) }
  if (cp >= 0x41 && cp <= 0x5a) return String.fromCharCode(cp + 32)
  if (isLetter(cp) || isDigit(cp)) return ch
  if (isHanzi(cp)) return (t2s && Object.prototype.hasOwnProperty.call(t2s, ch)) ? t2s[ch] : ch
  if (cp <= 0x20 || ch === "'" || ch === '’' || ch === '-' || ch === '_' || ch === '·' || ch === '/' || ch === ',' || ch === '，' || ch === '、') return ' '
  const lower = ch.toLowerCase()
  const t = TONE_FOLD[lower]
  if (t !== undefined) return t
  // Combining tone marks (a + U+0301) are dropped; everything else (emoji, symbols) too.
  return ''
}

/**
 * The normalized query: folded characters, spaces collapsed and trimmed, at most MAX_QUERY_CHARS
 * characters. Non-strings give ''. Tone digits stay (they are stripped from the pinyin key only).
 */
export function normalizeQuery (raw: unknown, t2s?: Record<string, string>, t2sWords?: Record<string, string>): string {
  if (typeof raw !== 'string') return ''
  const src = raw.length > MAX_RAW_UNITS ? raw.slice(0, MAX_RAW_UNITS) : raw
  let out = ''
  let n = 0
  let pendingSpace = false
  for (const ch of src) {
    const f = foldChar(ch, t2s)
    if (f === '') continue
    if (f === ' ') { pendingSpace = out.length > 0; continue }
    if (pendingSpace) { out += ' '; n++; pendingSpace = false; if (n >= MAX_QUERY_CHARS) break }
    out += f
    n++
    if (n >= MAX_QUERY_CHARS) break
  }
  if (t2sWords) {
    // Whole traditional words with a different vocabulary (計程車 → 出租车): check the raw form.
    const compact = src.replace(/\s+/g, '')
    if (Object.prototype.hasOwnProperty.call(t2sWords, compact)) return t2sWords[compact]
  }
  if (/^[0-9]{1,2}$/.test(out)) return numeral(Number(out))
  return out
}

const DIGITS = '零一二三四五六七八九'
/** 0–99 in Chinese numerals (signs are listed under 一, 十, 二十三 …, not under 1, 10, 23). */
function numeral (n: number): string {
  if (n <= 10) return n === 10 ? '十' : DIGITS[n]
  const t = Math.floor(n / 10)
  const u = n % 10
  return (t === 1 ? '' : DIGITS[t]) + '十' + (u === 0 ? '' : DIGITS[u])
}

/** Lower-case ASCII letters of a string (ü already folded to v): the pinyin key of a query. */
export function letterKey (s: string): string {
  let out = ''
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c >= 0x61 && c <= 0x7a) out += s[i]
  }
  return out
}

/** True when the string contains at least one hanzi. */
export function hasHanzi (s: string): boolean {
  for (const ch of s) if (isHanzi(ch.codePointAt(0) as number)) return true
  return false
}

/** The word key of a dictionary word or query: folded the same way, spaces removed. */
export function wordKey (s: string, t2s?: Record<string, string>): string {
  let out = ''
  for (const ch of s) {
    const f = foldChar(ch, t2s)
    if (f !== ' ') out += f
  }
  return out
}

/**
 * Syllables of a pinyinPlain string ('xue xi' → ['xue', 'xi']): lower-case letters only, ü → v.
 * Anything that is not a letter separates nothing and is dropped.
 */
export function syllablesOf (pinyinPlain: string): string[] {
  const out: string[] = []
  for (const part of pinyinPlain.split(/\s+/)) {
    let s = ''
    for (const ch of part) {
      const f = foldChar(ch, undefined)
      if (f.length === 1 && isLetter(f.charCodeAt(0))) s += f
    }
    if (s) out.push(s)
  }
  return out
}
