/**
 * Longest-match segmentation of a normalised sentence over the dictionary's words and shares,
 * plus the translator's own word lists (so 的, 什么时候… are recognised even without a sign), with
 * numbers read as numeral words. Pure and deterministic.
 */
import {
  FUNCTION_WORDS, MEASURE_WORDS, NEGATIONS, QUESTION_WORDS, TIME_WORDS, MODALS, SOFT_WORDS,
  CONCISE_DROPPED, ALWAYS_DROPPED_ADVERBS, QUESTION_PARTICLE, CLAUSE_PUNCTUATION, TIME_UNITS
} from './constants'
import { isChineseNumeralChar, readChineseNumeral, readDigitRun } from './numbers'
import type { TranslateVocabulary } from './types'

export type Token =
  /** A word of the vocabulary or of the translator's lists (id when the dictionary has it). */
  | { kind: 'word', text: string, id?: string }
  /** A number, with the numeral words to sign (25 → 二 十 五). */
  | { kind: 'number', text: string, words: string[] }
  /** Clause punctuation. */
  | { kind: 'punct', text: string }
  /** Chinese characters with no sign: a name or a rare word (fingerspelled, at most 4 syllables a chip). */
  | { kind: 'unknown', text: string, name?: true }
  /** Latin letters (a brand, an abbreviation), fingerspelled letter by letter. */
  | { kind: 'latin', text: string }

// Two-character negations (不会, 不是…) are recognised only when the dictionary has them:
// otherwise 不 + 会 segment on their own and each takes its place (英语 说 我 会 不).
export const SPECIAL_WORDS: ReadonlySet<string> = new Set([
  ...FUNCTION_WORDS, ...MEASURE_WORDS, ...NEGATIONS.filter(w => w.length === 1 || w === '没有'), ...QUESTION_WORDS, ...TIME_WORDS, ...MODALS,
  ...SOFT_WORDS, ...CONCISE_DROPPED, ...ALWAYS_DROPPED_ADVERBS, ...TIME_UNITS, QUESTION_PARTICLE, '在', '是'
])
const SPECIAL_MAX = Math.max(...[...SPECIAL_WORDS].map(w => [...w].length))
const CJK = /\p{Script=Han}/u

function isDigit (c: string | undefined): boolean { return c !== undefined && c >= '0' && c <= '9' }

/** Length (in code points) of the longest known word at chars[i], 0 if none. */
function longestWord (chars: string[], i: number, vocab: TranslateVocabulary): number {
  const max = Math.min(Math.max(vocab.maxWordLength, SPECIAL_MAX), chars.length - i)
  for (let len = max; len >= 1; len--) {
    const w = chars.slice(i, i + len).join('')
    if (vocab.byWord.has(w) || SPECIAL_WORDS.has(w)) return len
  }
  return 0
}

/** `after`: the character that follows `text` in the sentence (2024 before 年 is a year). */
export function segment (text: string, vocab: TranslateVocabulary, after = ''): Token[] {
  const chars = [...text]
  const out: Token[] = []
  let unknown = ''
  const flushUnknown = (): void => { if (unknown) { out.push({ kind: 'unknown', text: unknown }); unknown = '' } }
  let i = 0
  while (i < chars.length) {
    const c = chars[i]
    if (isDigit(c)) {
      const run = (/^\d+(?:\.\d+)?/.exec(chars.slice(i, i + 40).join('')) as RegExpExecArray)[0]
      flushUnknown()
      out.push({ kind: 'number', text: run, words: readDigitRun(run, chars[i + run.length] ?? after) })
      i += run.length
      continue
    }
    if (CLAUSE_PUNCTUATION.includes(c)) { flushUnknown(); out.push({ kind: 'punct', text: c }); i++; continue }
    if (/[A-Za-z]/.test(c)) {
      let j = i
      while (j < chars.length && /[A-Za-z]/.test(chars[j])) j++
      flushUnknown()
      out.push({ kind: 'latin', text: chars.slice(i, j).join('') })
      i = j
      continue
    }
    if (!CJK.test(c)) { flushUnknown(); i++; continue } // spaces, symbols: not signed
    const wordLen = longestWord(chars, i, vocab)
    let numLen = 0
    while (i + numLen < chars.length && isChineseNumeralChar(chars[i + numLen])) numLen++
    // A numeral run wins over an equally long or shorter word (二十五 over 二), a longer word wins
    // over the run (一起 over 一).
    if (numLen > 0 && numLen >= wordLen) {
      flushUnknown()
      const run = chars.slice(i, i + numLen).join('')
      out.push({ kind: 'number', text: run, words: readChineseNumeral(run) })
      i += numLen
      continue
    }
    if (wordLen > 0) {
      flushUnknown()
      const w = chars.slice(i, i + wordLen).join('')
      const id = vocab.byWord.get(w)
      out.push(id !== undefined ? { kind: 'word', text: w, id } : { kind: 'word', text: w })
      i += wordLen
      continue
    }
    unknown += c
    i++
  }
  flushUnknown()
  return mergeNames(out)
}

/** Name prefixes that, before an unknown character, start a name (小王, 老李, 阿明). */
const NAME_PREFIXES: ReadonlySet<string> = new Set(['小', '老', '阿'])

/**
 * A name is often cut by a character that happens to be a word (王小明 → 王 · 小 · 明): an
 * unknown run, one single-character word, an unknown run become one unknown (fingerspelled)
 * name; so do 小/老/阿 followed by an unknown run.
 */
function mergeNames (tokens: Token[]): Token[] {
  const out: Token[] = []
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]
    const next = tokens[i + 1]
    const last = out[out.length - 1]
    if (t.kind === 'word' && [...t.text].length === 1 && next?.kind === 'unknown' &&
      (last?.kind === 'unknown' || NAME_PREFIXES.has(t.text))) {
      const merged = (last?.kind === 'unknown' ? last.text : '') + t.text + next.text
      if (last?.kind === 'unknown') out.pop()
      out.push({ kind: 'unknown', text: merged })
      i++
      continue
    }
    out.push(t)
  }
  return out
}

/**
 * Splits a word the dictionary lacks into dictionary words, if it is fully covered
 * (什么时候 → 什么 时候); otherwise null.
 */
export function splitIntoKnown (word: string, vocab: TranslateVocabulary): string[] | null {
  const chars = [...word]
  const parts: string[] = []
  let i = 0
  while (i < chars.length) {
    let found = 0
    for (let len = Math.min(vocab.maxWordLength, chars.length - i); len >= 1; len--) {
      if (len === chars.length) continue // the word itself is what we are splitting
      if (vocab.byWord.has(chars.slice(i, i + len).join(''))) { found = len; break }
    }
    if (found === 0) return null
    parts.push(chars.slice(i, i + found).join(''))
    i += found
  }
  return parts
}
