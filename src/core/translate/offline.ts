/**
 * The offline translator: Chinese sentence → CSL sign sequence by rules. Pure and deterministic;
 * it answers whenever the model cannot (no key, timeout, failure).
 *
 * Per clause: segment (jieba through `segmenter`, see words.ts) → drop what CSL does not sign
 * (function words, measure words, copula) → move only what CSL grammar well attests:
 *   time words first            (明天 我 去 北京)
 *   question words last         (你 叫 名字 什么)
 *   a negation after a short predicate (我 吃饭 没有; 我 说 英语 不会)
 *   吗 → the 疑问 face on the last sign
 * Everything else keeps the Chinese order: a wrong move costs the reader more than none.
 * Each rule's source is in docs/translate.md ("Word order: what moves, and why").
 */
import {
  ALWAYS_DROPPED_ADVERBS, CONCISE_DROPPED, MAX_FINGERSPELL_SYLLABLES, MOVABLE_NEGATIONS, FUNCTION_WORDS, MEASURE_HOSTS, MEASURE_WORDS, MODALS,
  NEGATIONS, NOMINAL_POS, PREDICATE_POS, QUESTION_PARTICLE, QUESTION_WORDS, SHI, SOFT_WORDS,
  TIME_UNITS, TIME_WORDS, ZAI
} from './constants'
import { normalizeText } from './normalize'
import { segment, splitIntoKnown, type Token } from './segment'
import { segmentWords, type Segmenter } from './words'
import type { Gloss, GlossPlan, TranslateMode, TranslateVocabulary } from './types'

export interface OfflineOptions {
  mode: TranslateMode
  /** Toneless pinyin of Chinese text, syllables separated by spaces (pinyin-pro in the cloud). */
  toPinyin: (s: string) => string
  /** A real Chinese segmenter (jieba in the cloud function); without one, longest match over the dictionary. */
  segmenter?: Segmenter
}

type Role = 'time' | 'nom' | 'pred' | 'modal' | 'neg' | 'q' | 'other'
interface Unit {
  role: Role
  glosses: Gloss[]
}

const set = (a: readonly string[]): ReadonlySet<string> => new Set(a)
const FUNCTION = set(FUNCTION_WORDS)
const MEASURE = set(MEASURE_WORDS)
const MEASURE_HOST = set(MEASURE_HOSTS)
const TIME = set(TIME_WORDS)
const TIME_UNIT = set(TIME_UNITS)
const NEG = set(NEGATIONS)
const QUESTION = set(QUESTION_WORDS)
const MODAL = set(MODALS)
const SOFT = set(SOFT_WORDS)
const CONCISE = set(CONCISE_DROPPED)
const ALWAYS = set(ALWAYS_DROPPED_ADVERBS)
const NOMINAL = set(NOMINAL_POS)
const PREDICATE = set(PREDICATE_POS)

export function translateOffline (text: string, vocab: TranslateVocabulary, opts: OfflineOptions): GlossPlan {
  const norm = normalizeText(text)
  const tokens = opts.segmenter ? segmentWords(norm, vocab, opts.segmenter) : segment(norm, vocab)
  const plan: GlossPlan = { glosses: [], dropped: [], notes: [] }
  const notes = new Set<string>()
  let clause: Token[] = []
  const flush = (): void => {
    if (clause.length > 0) plan.glosses.push(...translateClause(clause, vocab, opts, plan.dropped, notes))
    clause = []
  }
  for (const t of tokens) {
    if (t.kind === 'punct') flush(); else clause.push(t)
  }
  flush()
  if (opts.mode === 'concise') {
    // Repeated signs say nothing new at the signing rate (谢谢谢谢 → 谢谢, 看看 → 看).
    const before = plan.glosses.length
    plan.glosses = plan.glosses.filter((g, i, a) => i === 0 || !sameSign(g, a[i - 1]))
    if (plan.glosses.length < before) notes.add('精简：去掉重复的手势')
  }
  plan.notes = [...notes]
  return plan
}

function sameSign (a: Gloss, b: Gloss): boolean {
  return a.id !== undefined ? a.id === b.id : (a.fingerspell !== undefined && a.fingerspell === b.fingerspell)
}

function translateClause (tokens: Token[], vocab: TranslateVocabulary, opts: OfflineOptions,
  dropped: string[], notes: Set<string>): Gloss[] {
  const units: Unit[] = []
  let question = false
  const drop = (w: string): void => { dropped.push(w) }
  const fingerspell = (text: string, pinyin: string): Gloss => {
    notes.add(`「${text}」没有对应的手语词，用指拼`)
    return { text, fingerspell: pinyin }
  }
  /**
   * A word with no sign, fingerspelled whole when short; a longer one in chips of at most
   * MAX_FINGERSPELL_SYLLABLES syllables (one Chinese character is one syllable).
   */
  const fingerspellChunks = (text: string): Gloss[] => {
    const chars = [...text]
    const out: Gloss[] = []
    for (let i = 0; i < chars.length; i += MAX_FINGERSPELL_SYLLABLES) {
      const piece = chars.slice(i, i + MAX_FINGERSPELL_SYLLABLES).join('')
      const py = opts.toPinyin(piece).trim().toLowerCase().replace(/\s+/g, ' ')
      if (py && /^[a-zü ]+$/.test(py)) out.push(fingerspell(piece, py))
    }
    return out
  }
  /** A word → glosses: its entry, else its known parts, else fingerspelled (soft words dropped). */
  const resolve = (w: string, id: string | undefined): Gloss[] | null => {
    if (id !== undefined) return [{ text: w, id }]
    const parts = splitIntoKnown(w, vocab)
    if (parts) return parts.map(p => ({ text: p, id: vocab.byWord.get(p) as string }))
    if (SOFT.has(w) || FUNCTION.has(w) || MEASURE.has(w) || TIME_UNIT.has(w)) return null
    const g = fingerspellChunks(w)
    return g.length > 0 ? g : null
  }

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]
    const prev = tokens[i - 1]
    const next = tokens[i + 1]
    if (t.kind === 'number') {
      const glosses: Gloss[] = []
      for (const w of t.words) {
        const id = vocab.byWord.get(w)
        if (id !== undefined) glosses.push({ text: w, id }); else drop(w)
      }
      // A number with a time unit (三点, 2024年, 五月) is a time expression: it moves first.
      if (next?.kind === 'word' && TIME_UNIT.has(next.text)) {
        const unit = resolve(next.text, next.id)
        if (unit) glosses.push(...unit); else drop(next.text)
        units.push({ role: 'time', glosses })
        i++
        continue
      }
      if (next?.kind === 'word' && MEASURE.has(next.text)) { drop(next.text); i++ }
      if (glosses.length > 0) units.push({ role: 'nom', glosses })
      continue
    }
    if (t.kind === 'unknown') {
      const glosses = fingerspellChunks(t.text)
      if (glosses.length > 0) units.push({ role: 'nom', glosses }); else drop(t.text)
      continue
    }
    if (t.kind === 'latin') {
      units.push({ role: 'nom', glosses: [fingerspell(t.text, t.text.toLowerCase())] })
      continue
    }
    if (t.kind !== 'word') continue
    const w = t.text
    if (w === QUESTION_PARTICLE) { question = true; continue }
    if (FUNCTION.has(w) || ALWAYS.has(w)) { drop(w); continue }
    if (opts.mode === 'concise' && CONCISE.has(w)) { drop(w); notes.add('精简：去掉程度副词等可省略的词'); continue }
    if (MEASURE.has(w) && t.id === undefined) { drop(w); continue }
    if (MEASURE.has(w) && prev?.kind === 'word' && MEASURE_HOST.has(prev.text)) { drop(w); continue }
    // 在 as a preposition or progressive marker (我在学校学习), 是 as a copula (他是老师):
    // dropped unless they end the clause (他在 / 是) or start 是不是.
    const isLast = next === undefined || (next.kind === 'word' && next.text === QUESTION_PARTICLE)
    if (w === ZAI && !isLast) { drop(w); continue }
    if (w === SHI && !isLast && !(next?.kind === 'word' && NEG.has(next.text))) { drop(w); continue }
    const glosses = resolve(w, t.id)
    if (!glosses) { drop(w); continue }
    const entry = t.id !== undefined ? vocab.byId.get(t.id) : undefined
    // A share plays its entry's sign, so it takes the entry word's role too (几个 → 几: a question word).
    const is = (s: ReadonlySet<string>): boolean => s.has(w) || (entry !== undefined && s.has(entry.word))
    const role: Role = is(TIME) ? 'time'
      : is(NEG) ? 'neg'
        : is(QUESTION) ? 'q'
          : is(MODAL) ? 'modal'
            : entry && PREDICATE.has(entry.pos) ? 'pred'
              : entry && NOMINAL.has(entry.pos) ? 'nom'
                : entry ? 'other' : 'nom'
    units.push({ role, glosses })
  }

  const ordered = reorder(units, notes)
  if (question && ordered.length > 0) {
    const ma = vocab.byWord.get(QUESTION_PARTICLE)
    if (ma !== undefined) ordered.push({ text: QUESTION_PARTICLE, id: ma, question: true })
    else ordered[ordered.length - 1] = { ...ordered[ordered.length - 1], question: true }
    notes.add('是非问句：最后一个手势配合疑问表情')
  }
  return ordered
}

/** Units after a negation that it may move past: a short predicate only (我没有吃饭 → 我 吃饭 没有). */
const MAX_NEGATION_SCOPE = 3
const MOVABLE_NEG = set(MOVABLE_NEGATIONS)

function reorder (units: Unit[], notes: Set<string>): Gloss[] {
  const time = units.filter(u => u.role === 'time')
  const q = units.filter(u => u.role === 'q')
  let rest = units.filter(u => u.role !== 'time' && u.role !== 'q')
  // Negation after the predicate, only when what it negates is short (≤ 3 units: a verb, an
  // adjective, 没有 + a noun), and it does not stand before a modal (不 想 去 keeps its order: the source
  // describes the simple predicate only).
  const negAt = rest.findIndex(u => u.role === 'neg' && u.glosses.length === 1 && MOVABLE_NEG.has(u.glosses[0].text))
  let negMoved = false
  if (negAt >= 0) {
    const scope = rest.slice(negAt + 1)
    const ok = scope.length > 0 && scope.length <= MAX_NEGATION_SCOPE && scope[0].role !== 'modal' &&
      !scope.some(u => u.role === 'neg')
    if (ok) {
      rest = [...rest.slice(0, negAt), ...scope, rest[negAt]]
      negMoved = true
    }
  }
  if (time.length > 0 && units.indexOf(time[0]) > 0) notes.add('时间词放在句首')
  if (negMoved) notes.add('否定词放在谓语之后')
  if (q.length > 0 && units.indexOf(q[q.length - 1]) < units.length - 1) notes.add('疑问词放在句末')
  return [...time, ...rest, ...q].flatMap(u => u.glosses)
}
