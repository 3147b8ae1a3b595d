/**
 * Quizzes: watch a sign → choose the word; read a word → choose the sign (avatar clips);
 * fingerspelling → type the pinyin. Distractors are plausible (same category, or the same start
 * handshape) and never a second right answer (same word, or a word the answer's sign also means).
 */
import type { EntryHeader } from '../sign/header'
import { QUIZ_OPTIONS, SPELLING_MAX_LETTERS } from './constants'
import { isWordEntry } from './decks'
import { LearnError } from './errors'
import { shuffled, type Rng } from '../base/rng'

export interface ChoiceQuestion {
  kind: 's2w' | 'w2s'
  /** The entry asked about (its clip plays for s2w; its word is shown for w2s). */
  answerId: string
  /** Entry ids of the options in display order: s2w shows their words, w2s plays their clips. */
  options: string[]
  /** Words of the options, same order. */
  words: string[]
  correctIndex: number
}

function wordsOf (h: EntryHeader): string[] {
  return [h.word, ...h.shares]
}

function pickDistractors (answer: EntryHeader, headers: readonly EntryHeader[], rng: Rng, count: number): EntryHeader[] {
  // Any word this sign stands for, or any sign standing for the answer's word, would be right too.
  const taken = new Set(wordsOf(answer))
  const pool = headers.filter(h => h.id !== answer.id && !wordsOf(h).some(w => taken.has(w)))
  const close = (h: EntryHeader): number => (h.category === answer.category ? 2 : 0) + (h.handshape === answer.handshape ? 1 : 0)
  // Same category or handshape first (in random order), then anything, so small decks still work.
  const ranked = shuffled(pool, rng).sort((a, b) => Math.min(1, close(b)) - Math.min(1, close(a)))
  const out: EntryHeader[] = []
  for (const h of ranked) {
    if (out.length === count) break
    if (wordsOf(h).some(w => taken.has(w))) continue
    out.push(h)
    for (const w of wordsOf(h)) taken.add(w)
  }
  return out
}

function makeChoice (kind: 's2w' | 'w2s', answerId: string, headers: readonly EntryHeader[], rng: Rng, n: number): ChoiceQuestion {
  const answer = headers.find(h => h.id === answerId)
  if (!answer) throw new LearnError('NO_ENTRY', `词条不存在：${answerId}`)
  if (!Number.isInteger(n) || n < 2) throw new LearnError('BAD_QUIZ', `选项数量无效：${n}`)
  const distractors = pickDistractors(answer, headers, rng, n - 1)
  if (distractors.length < n - 1) throw new LearnError('TOO_FEW', `可用的词条太少，无法出 ${n} 个选项的题`)
  const options = shuffled([answer, ...distractors], rng)
  return {
    kind,
    answerId,
    options: options.map(h => h.id),
    words: options.map(h => h.word),
    correctIndex: options.indexOf(answer)
  }
}

/**
 * Watch a sign, choose its word among n (default 4).
 * @throws LearnError NO_ENTRY (unknown id) or TOO_FEW (not enough distinct words)
 */
export function makeSignToWordQuiz (answerId: string, headers: readonly EntryHeader[], rng: Rng, n: number = QUIZ_OPTIONS): ChoiceQuestion {
  return makeChoice('s2w', answerId, headers, rng, n)
}

/** Read a word, choose its sign among n avatar clips (options are entry ids). */
export function makeWordToSignQuiz (answerId: string, headers: readonly EntryHeader[], rng: Rng, n: number = QUIZ_OPTIONS): ChoiceQuestion {
  return makeChoice('w2s', answerId, headers, rng, n)
}

export interface SpellingQuestion {
  kind: 'spell'
  answerId: string
  /** The manual-alphabet letters to play, in order (zh ch sh ng are one letter each in CSL). */
  letters: string[]
  /** Entry id of each letter's sign in the dictionary, or null when it has none. */
  letterIds: Array<string | null>
  /** The expected answer as shown after answering: tone-marked pinyin. */
  pinyin: string
}

/** Splits toneless pinyin into CSL manual-alphabet letters: zh/ch/sh/ng are single handshapes. */
export function spellLetters (pinyinPlain: string): string[] {
  const s = pinyinPlain.toLowerCase().replace(/[^a-zü]/g, '').replace(/ü/g, 'v')
  const out: string[] = []
  for (let i = 0; i < s.length; i++) {
    const two = s.slice(i, i + 2)
    if (two === 'zh' || two === 'ch' || two === 'sh' || two === 'ng') { out.push(two); i++ } else out.push(s[i])
  }
  return out
}

/** Words suitable for the fingerspelling quiz: word signs of 1–10 letters of pinyin. */
export function spellingCandidates (headers: readonly EntryHeader[]): string[] {
  return headers
    .filter(h => isWordEntry(h) && h.pinyinPlain.replace(/[^a-zv]/gi, '').length <= SPELLING_MAX_LETTERS)
    .map(h => h.id)
}

export function makeSpellingQuiz (answerId: string, headers: readonly EntryHeader[]): SpellingQuestion {
  const answer = headers.find(h => h.id === answerId)
  if (!answer) throw new LearnError('NO_ENTRY', `词条不存在：${answerId}`)
  const letters = spellLetters(answer.pinyinPlain)
  if (letters.length === 0) throw new LearnError('NO_PINYIN', `词条没有拼音：${answerId}`)
  const alphabet = new Map<string, string>()
  for (const h of headers) {
    if (h.category !== 'letters') continue
    const key = h.pinyinPlain.replace(/\s+/g, '').toLowerCase() || h.word.toLowerCase()
    if (!alphabet.has(key)) alphabet.set(key, h.id)
    const w = h.word.toLowerCase()
    if (!alphabet.has(w)) alphabet.set(w, h.id)
  }
  return { kind: 'spell', answerId, letters, letterIds: letters.map(l => alphabet.get(l) ?? null), pinyin: answer.pinyin }
}

/** Pinyin as the learner might type it, reduced to plain letters: tones, digits, spaces, case ignored. */
export function normalizePinyin (s: string): string {
  // NFD splits ü into u + U+0308: turn that pair into v before dropping the tone marks.
  return s.normalize('NFD').replace(/[uU]\u0308/g, 'v').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/u:/g, 'v')
    .replace(/[^a-z]/g, '')
}

/** True when `typed` spells the answer (xue xi, XueXi, xué xí and xue2xi2 are all right). */
export function checkSpelling (q: SpellingQuestion, typed: string): boolean {
  const t = normalizePinyin(typed)
  const want = q.letters.join('')
  // ü is typed as v or u on most keyboards; both are accepted.
  return t.length > 0 && (t === want || t.replace(/v/g, 'u') === want.replace(/v/g, 'u'))
}

export type Question = ChoiceQuestion | SpellingQuestion

export interface Answer {
  question: Question
  /** Option index for choice questions, the typed text for spelling. */
  given: number | string
}

export function isCorrect (a: Answer): boolean {
  const q = a.question
  if (q.kind === 'spell') return typeof a.given === 'string' && checkSpelling(q, a.given)
  return a.given === q.correctIndex
}

export interface QuizScore {
  total: number
  correct: number
  /** 0–100, rounded */
  percent: number
  /** The questions answered wrongly, in order, to replay. */
  mistakes: Question[]
}

export function scoreQuiz (answers: readonly Answer[]): QuizScore {
  const mistakes = answers.filter(a => !isCorrect(a)).map(a => a.question)
  const total = answers.length
  const correct = total - mistakes.length
  return { total, correct, percent: total === 0 ? 0 : Math.round(correct * 100 / total), mistakes }
}
