/**
 * Pinyin → 汉语手指字母 letter ids (the handshape ids of src/core/sign/handshapes.ts).
 * Rules (docs/notation.md §Fingerspelling): spelled as written in 汉语拼音; zh ch sh and a
 * syllable-final ng are single letters; ü is 'UU' and ê is 'EE' (except after j q x y, where
 * pinyin writes ü as u); tones (marks or digits) are dropped.
 */

import { MAX_TEXT_CHARS } from './constants'

export type FingerspellResult = { ok: true; letters: string[] } | { ok: false; message: string }

/** Pinyin characters one Chinese character can need: the longest syllable (zhuang) and a space. */
const PINYIN_CHARS_PER_HANZI = 7
/**
 * Characters of pinyin. Bounds the work on pasted text, yet fits the pinyin of any word a
 * sentence the translator accepts can hold: an unknown word the notes say is fingerspelled must
 * be spellable (a 65-character word once was dropped past a 200-character bound).
 */
export const MAX_FINGERSPELL_LENGTH = MAX_TEXT_CHARS * PINYIN_CHARS_PER_HANZI

const TONE_MARKS = /[\u0300\u0301\u0304\u030c]/g
const SEPARATORS = new Set([' ', '\t', '\n', '\u3000', "'", '\u2019', '\u2018', '\uff07'])
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'ü', 'ê', 'v'])

/** Full-width Latin letters and digits to ASCII. */
function halfWidth (ch: string): string {
  const c = ch.charCodeAt(0)
  if (c >= 0xff01 && c <= 0xff5e && c !== 0xff07) return String.fromCharCode(c - 0xfee0)
  return ch
}

/**
 * Lower-case, tone-free letters with separators kept as ' ', or the first bad character.
 * 'v' and 'u:' become 'ü'; 'ü' after j q x y becomes 'u' (pinyin spelling).
 */
function normalise (input: string): { ok: true; text: string } | { ok: false; message: string } {
  const decomposed = input.normalize('NFD').replace(TONE_MARKS, '').normalize('NFC')
  let out = ''
  const chars = [...decomposed]
  for (let k = 0; k < chars.length; k++) {
    const raw = chars[k]
    if (SEPARATORS.has(raw)) { out += ' '; continue }
    const ch = halfWidth(raw).toLowerCase()
    if (ch >= 'a' && ch <= 'z') {
      if (ch === 'u' && chars[k + 1] === ':') { out += 'ü'; k++; continue }
      out += ch === 'v' ? 'ü' : ch
      continue
    }
    if (ch === 'ü' || ch === 'ê') { out += ch; continue }
    if (ch >= '0' && ch <= '9') {
      // A tone digit 1–5 may close a syllable: xue2, ni3hao3.
      const prev = out[out.length - 1]
      const isTone = ch >= '1' && ch <= '5' && prev !== undefined && prev !== ' ' && !(prev >= '0' && prev <= '9')
      if (isTone) {
        const next = chars[k + 1] === undefined ? '' : halfWidth(chars[k + 1])
        if (!(next >= '0' && next <= '9')) { out += ' '; continue }
      }
      return { ok: false, message: `不能指拼：“${raw}”不是拼音字母（声调数字只能写在音节末尾，如 xue2）` }
    }
    return { ok: false, message: `不能指拼：“${raw}”不是拼音字母，请输入拼音（如 zhongguo 或 zhōng guó）` }
  }
  return { ok: true, text: out }
}

/** Letters of one separator-free run of pinyin. */
function spellRun (run: string, out: string[]): void {
  for (let k = 0; k < run.length; k++) {
    const ch = run[k]
    const next = run[k + 1]
    if ((ch === 'z' || ch === 'c' || ch === 's') && next === 'h') {
      out.push(ch.toUpperCase() + 'H')
      k++
    } else if (ch === 'n' && next === 'g' && !VOWELS.has(run[k + 2] ?? '')) {
      // ng never starts a syllable: before a vowel it is n + g (fangan = fan gan).
      out.push('NG')
      k++
    } else if (ch === 'ü') {
      const prev = run[k - 1]
      out.push(prev === 'j' || prev === 'q' || prev === 'x' || prev === 'y' ? 'U' : 'UU')
    } else if (ch === 'ê') {
      out.push('EE')
    } else {
      out.push(ch.toUpperCase())
    }
  }
}

export function fingerspell (pinyin: string): FingerspellResult {
  if (typeof pinyin !== 'string') return { ok: false, message: '不能指拼：请输入拼音' }
  if (pinyin.length > MAX_FINGERSPELL_LENGTH) {
    return { ok: false, message: `不能指拼：拼音太长（超过 ${MAX_FINGERSPELL_LENGTH} 个字符）` }
  }
  const n = normalise(pinyin)
  if (!n.ok) return n
  const letters: string[] = []
  for (const run of n.text.split(' ')) {
    if (run.length > 0) spellRun(run, letters)
  }
  if (letters.length === 0) return { ok: false, message: '不能指拼：请输入拼音' }
  return { ok: true, letters }
}
