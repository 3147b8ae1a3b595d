/**
 * Sentence → tokens with a real Chinese segmenter (jieba in the cloud function, passed in as a
 * parameter so the core stays platform-free), then each word → a sign:
 *   1. the dictionary's own word or one of its shares (the national synonyms),
 *   2. the translator's lists (的, 什么时候… recognised even without a sign),
 *   3. our synonym table (constants.ts SYNONYMS),
 *   4. numbers (一个 → 一 + measure word; 三点 → 三 点),
 *   5. names (person/place/organisation tags): fingerspelled whole, ≤ 4 syllables a chip,
 *   6. morphological edges the segmenter glued on (很好 → 很 好, 朋友们 → 朋友 们, 发给 → 发 给),
 *   7. a compound of whole words (生日蛋糕 → 生日 蛋糕; 会议纪要 → 会议 纪要), each resolved again,
 *   8. else the word stays whole: fingerspelled if short, never cut into characters (方法 is not 方 + 法).
 * See docs/translate.md ("Segmentation and word → sign").
 */
import {
  AFFIX_PREFIXES, AFFIX_SUFFIXES, COMMON_SURNAMES, MEASURE_HOSTS, MEASURE_WORDS, NAME_PREFIXES, NAME_TAGS,
  NAME_TAIL_WORDS, NEW_WORD_TAG, SYNONYMS, VERB_COMPLEMENTS
} from './constants'
import { isChineseNumeralChar } from './numbers'
import { segment, splitIntoKnown, SPECIAL_WORDS, type Token } from './segment'
import type { TranslateVocabulary } from './types'

export interface TaggedWord { word: string, tag: string }

/** What the translator needs from a segmenter (jieba: cloudfunctions/_shared/segmenter.ts). */
export interface Segmenter {
  /** Words of the sentence in order, with part-of-speech tags (jieba's tag set). */
  tag (text: string): TaggedWord[]
  /** The word cut by the segmenter's lexicon alone (no guessing); one piece = a word of its lexicon. */
  pieces (word: string): string[]
}

const isWord = (seg: Segmenter, w: string): boolean => { const p = seg.pieces(w); return p.length === 1 && p[0] === w }

const CJK = /\p{Script=Han}/u
const NAME = new Set(NAME_TAGS)
const HOSTS = new Set(MEASURE_HOSTS)
/** Recursion bound for compound splitting (a 200-character sentence stays linear). */
const MAX_DEPTH = 3

type WordToken = Extract<Token, { kind: 'word' }>

/** A word with a sign, a synonym's sign, or a word of the translator's lists; else null. */
function known (w: string, vocab: TranslateVocabulary): WordToken | null {
  const id = vocab.byWord.get(w)
  if (id !== undefined) return { kind: 'word', text: w, id }
  const syn = SYNONYMS[w]
  const synId = syn !== undefined ? vocab.byWord.get(syn) : undefined
  if (synId !== undefined) return { kind: 'word', text: w, id: synId }
  if (SPECIAL_WORDS.has(w)) return { kind: 'word', text: w }
  return null
}

/** Longest-match tokens of w when every piece is known (a number or a known word); else null. */
function fullyKnown (w: string, vocab: TranslateVocabulary): Token[] | null {
  const tokens = segment(w, vocab)
  return tokens.every(t => t.kind === 'number' || (t.kind === 'word' && (t.id !== undefined || SPECIAL_WORDS.has(t.text)))) ? tokens : null
}

/**
 * w as whole words of at least two characters (signs, synonyms or the segmenter's lexicon), at
 * least two of them; null if any piece would be a lone character.
 */
function compoundParts (w: string, vocab: TranslateVocabulary, seg: Segmenter): string[] | null {
  const chars = [...w]
  if (chars.length < 3) return null
  // Whole words of two or more characters first (会议纪要 → 会议 纪要, even where 纪 and 要 are
  // signs of their own: a word is not cut into characters while whole words fit).
  const parts: string[] = []
  let i = 0
  while (i < chars.length) {
    let found = 0
    for (let len = chars.length - i; len >= 2; len--) {
      if (i === 0 && len === chars.length) continue
      const piece = chars.slice(i, i + len).join('')
      if (known(piece, vocab) !== null || isWord(seg, piece)) { found = len; break }
    }
    if (found === 0) break
    parts.push(chars.slice(i, i + found).join(''))
    i += found
  }
  if (i === chars.length && parts.length >= 2) return parts
  // Else a word of 3+ characters wholly made of signs, a one-character sign among them (吃饺子 →
  // 吃 饺子, 请等一下 → 请 等 一下): two-character words are never cut this way (方法 ≠ 方 + 法).
  const signed = splitIntoKnown(w, vocab)
  return signed && signed.length >= 2 ? signed : null
}

function resolveWord (w: string, tag: string, vocab: TranslateVocabulary, seg: Segmenter, depth: number): Token[] {
  const k = known(w, vocab)
  if (k) return [k]
  const chars = [...w]
  // Numbers and numeral/demonstrative + measure word (一个, 三点, 这本): the longest-match reader.
  if (isChineseNumeralChar(chars[0])) {
    const t = segment(w, vocab)
    if (t[0]?.kind === 'number') return t // 两斤 → 二 + 斤 (fingerspelled if it has no sign)
  }
  if (HOSTS.has(chars[0])) {
    const t = fullyKnown(w, vocab)
    if (t) return t
  }
  if (NAME.has(tag)) {
    // A place or organisation made of signed words (聋人协会) is signed word by word; a person's name never is.
    if (!tag.startsWith('nr')) {
      const parts = compoundParts(w, vocab, seg)
      if (parts && parts.every(p => known(p, vocab) !== null)) return parts.map(p => known(p, vocab) as WordToken)
    }
    return [{ kind: 'unknown', text: w, name: true }]
  }
  if (tag === NEW_WORD_TAG) {
    // A word the segmenter guessed (HMM): signed words if it is made of them (点见 → 点 见); a
    // person's name if it looks like one (张伟); else the lexicon's own words, each resolved.
    const t = fullyKnown(w, vocab)
    if (t) return t
    if (chars.length >= 3 && COMMON_SURNAMES.includes(chars[0]) && NAME_TAIL_WORDS.includes(chars[chars.length - 1])) {
      return [{ kind: 'unknown', text: chars.slice(0, -1).join(''), name: true }, ...resolveWord(chars[chars.length - 1], '', vocab, seg, depth + 1)]
    }
    const surnameAt = NAME_PREFIXES.includes(chars[0]) && chars.length === 2 ? 1 : 0
    if (chars.length <= 3 && COMMON_SURNAMES.includes(chars[surnameAt])) return [{ kind: 'unknown', text: w, name: true }]
    const parts = seg.pieces(w)
    if (parts.length > 1 && depth < MAX_DEPTH) return parts.flatMap(p => resolveWord(p, '', vocab, seg, depth + 1))
    return [{ kind: 'unknown', text: w, name: true }]
  }
  for (const p of AFFIX_PREFIXES) {
    if (w.length > p.length && w.startsWith(p)) {
      const head = known(p, vocab)
      const rest = known(w.slice(p.length), vocab)
      if (head && rest) return [head, rest]
    }
  }
  for (const s of AFFIX_SUFFIXES) {
    if (w.length > s.length && w.endsWith(s)) {
      const rest = known(w.slice(0, -s.length), vocab)
      const tail = known(s, vocab)
      if (rest && tail) return [rest, tail]
    }
  }
  if (tag.startsWith('v') && chars.length >= 2 && VERB_COMPLEMENTS.includes(chars[chars.length - 1])) {
    const verb = known(chars.slice(0, -1).join(''), vocab)
    const comp = known(chars[chars.length - 1], vocab)
    if (verb?.id !== undefined && comp !== null) return [verb, comp]
  }
  if (chars.length === 2) {
    // A verb-object word (回家, 喝水, 买书): a verb's sign then a noun's sign. Only this pattern:
    // 方法 is not 方 + 法.
    const verb = known(chars[0], vocab)
    const obj = known(chars[1], vocab)
    const pos = (t: WordToken | null): string | undefined => (t?.id !== undefined ? vocab.byId.get(t.id)?.pos : undefined)
    if (verb && obj && pos(verb) === '动' && pos(obj) === '名') return [verb, obj]
  }
  if (depth < MAX_DEPTH) {
    const parts = compoundParts(w, vocab, seg)
    if (parts) return parts.flatMap(p => resolveWord(p, '', vocab, seg, depth + 1))
  }
  return [{ kind: 'unknown', text: w }]
}

/**
 * Re-joins segmenter pieces our lists know as one word (什么 + 时候 → 什么时候, 下 + 个 + 月 →
 * 下个月) and 小/老/阿 + a surname into one name (小王).
 */
function joinPieces (words: TaggedWord[], vocab: TranslateVocabulary): TaggedWord[] {
  const out: TaggedWord[] = []
  for (let i = 0; i < words.length; i++) {
    let joined = false
    for (let n = 3; n >= 2 && !joined; n--) {
      if (i + n > words.length) continue
      const w = words.slice(i, i + n).map(x => x.word).join('')
      if (vocab.byWord.has(w) || SPECIAL_WORDS.has(w)) { out.push({ word: w, tag: 'joined' }); i += n - 1; joined = true }
    }
    if (joined) continue
    const next = words[i + 1]
    if (NAME_PREFIXES.includes(words[i].word) && next !== undefined && [...next.word].length === 1 && COMMON_SURNAMES.includes(next.word)) {
      out.push({ word: words[i].word + next.word, tag: 'nr' })
      i++
      continue
    }
    out.push(words[i])
  }
  return out
}

const MEASURE = new Set(MEASURE_WORDS)

/** Tokens of a normalised sentence, segmented by `seg` and resolved word by word (see above). */
export function segmentWords (text: string, vocab: TranslateVocabulary, seg: Segmenter): Token[] {
  const out: Token[] = []
  const words = joinPieces(seg.tag(text), vocab)
  for (let k = 0; k < words.length; k++) {
    const { word, tag } = words[k]
    // Digits, Latin letters, punctuation, spaces: the longest-match reader handles them.
    if (!CJK.test(word)) { out.push(...segment(word, vocab, words[k + 1]?.word[0] ?? '')); continue }
    const prev = out[out.length - 1]
    const counted = prev !== undefined && (prev.kind === 'number' ||
      (prev.kind === 'word' && (HOSTS.has(prev.text) || prev.text === '把' || [...prev.text].every(isChineseNumeralChar))))
    const first = [...word][0]
    // After a number or 这/那 a measure word may be glued to its noun (三本书 → 三 · 本书): 本 + 书.
    if (counted && MEASURE.has(first) && vocab.byWord.get(word) === undefined) {
      const rest = known(word.slice(first.length), vocab)
      if (rest) { out.push({ kind: 'word', text: first }, rest); continue }
    }
    out.push(...resolveWord(word, tag, vocab, seg, 0))
  }
  return out
}
