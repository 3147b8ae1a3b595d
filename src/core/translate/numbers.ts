/** Numbers in a sentence → the numeral words whose signs are played (25 → 二 十 五). */
import { CHINESE_DIGITS, CHINESE_UNITS, DIGIT_WORDS, MAX_READ_DIGITS, MAX_READ_NUMBER } from './constants'

const SMALL_UNITS: Array<[number, string]> = [[1000, '千'], [100, '百'], [10, '十']]

/** Reads 0 ≤ n < 10000 as numeral words ('一千零五' → ['一','千','零','五']). */
function readBelow10k (n: number, out: string[], leadingZero: boolean): void {
  let zeroPending = leadingZero
  let started = false
  for (const [unit, word] of SMALL_UNITS) {
    const d = Math.floor(n / unit) % 10
    if (d === 0) { if (started) zeroPending = true; continue }
    if (zeroPending && (started || leadingZero)) out.push('零')
    zeroPending = false
    // 十五, not 一十五, when ten leads the whole number.
    if (!(unit === 10 && d === 1 && !started && !leadingZero)) out.push(DIGIT_WORDS[d])
    out.push(word)
    started = true
  }
  const d = n % 10
  if (d !== 0) {
    if (zeroPending && (started || leadingZero)) out.push('零')
    out.push(DIGIT_WORDS[d])
  }
}

/** A non-negative integer as numeral words: 25 → 二 十 五; 105 → 一 百 零 五; 0 → 零. */
export function readInteger (n: number): string[] {
  if (!Number.isSafeInteger(n) || n < 0 || n > MAX_READ_NUMBER) throw new RangeError(`cannot read ${n}`)
  if (n === 0) return ['零']
  const out: string[] = []
  const groups: Array<[number, string]> = [[100000000, '亿'], [10000, '万'], [1, '']]
  let started = false
  let rest = n
  for (const [size, word] of groups) {
    const g = Math.floor(rest / size)
    rest -= g * size
    if (g === 0) continue
    readBelow10k(g, out, started && g < 1000)
    if (word) out.push(word)
    started = true
  }
  return out
}

/** Digits one by one (years, phone numbers): 2024 → 二 零 二 四. */
export function readDigits (digits: string): string[] {
  return [...digits].map(c => DIGIT_WORDS[Number(c)])
}

/**
 * A run of ASCII digits (optionally with one decimal point) as numeral words. Years (followed by
 * 年), long strings and strings with a leading zero are read digit by digit, as signers do.
 */
export function readDigitRun (run: string, nextChar: string): string[] {
  const dot = run.indexOf('.')
  if (dot > 0) return [...readDigitRun(run.slice(0, dot), ''), '点', ...readDigits(run.slice(dot + 1))]
  const digitByDigit = (nextChar === '年' && run.length >= 3) || (run.length > 1 && run[0] === '0') ||
    run.length > MAX_READ_DIGITS
  return digitByDigit ? readDigits(run) : readInteger(Number(run))
}

/** Chinese numeral characters as their sign words (两 → 二, 〇 → 零). */
export function readChineseNumeral (run: string): string[] {
  return [...run].map(c => {
    const d = CHINESE_DIGITS[c]
    return d !== undefined ? DIGIT_WORDS[d] : c
  })
}

export function isChineseNumeralChar (c: string): boolean {
  return CHINESE_DIGITS[c] !== undefined || CHINESE_UNITS[c] !== undefined
}
