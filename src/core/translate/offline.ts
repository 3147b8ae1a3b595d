/**
 * The offline translator: Chinese sentence → CSL sign sequence by rules. Pure and deterministic;
 * it answers whenever the model cannot (no key, timeout, failure) and runs on the client too.
 *
 * Per clause: segment (longest match) → drop function words → classify each unit (time, topic,
 * modal, predicate, object, negation, question) → reorder:
 *   with a modal before a verb:  time · object · verb · subject · modal · negation · question
 *                                 (我想回家 → 家 回 我 想)
 *   otherwise:                    time · subject · object · verb · negation · question
 *                                 (我明天去北京 → 明天 我 北京 去; 我没有吃饭 → 我 吃饭 没有)
 * A pronoun object stays after its verb (我爱你 → 我 爱 你: directional verbs point at it).
 * See docs/translate.md for the word lists and the reasoning.
 */
import {
  ALWAYS_DROPPED_ADVERBS, CONCISE_DROPPED, FUNCTION_WORDS, MEASURE_HOSTS, MEASURE_WORDS, MODALS,
  NEGATIONS, NOMINAL_POS, OBJECT_AFTER_CATEGORIES, PREDICATE_POS, QUESTION_PARTICLE, QUESTION_WORDS, SHI, SOFT_WORDS,
  TIME_UNITS, TIME_WORDS, ZAI
} from './constants'
import { normalizeText } from './normalize'
import { segment, splitIntoKnown, type Token } from './segment'
import type { Gloss, GlossPlan, TranslateMode, TranslateVocabulary } from './types'

export interface OfflineOptions {
  mode: TranslateMode
  /** Toneless pinyin of Chinese text, syllables separated by spaces (pinyin-pro in the cloud). */
  toPinyin: (s: string) => string
}

type Role = 'time' | 'nom' | 'pred' | 'modal' | 'neg' | 'q' | 'other'
interface Unit {
  role: Role
  glosses: Gloss[]
  pronoun: boolean
  /** A verb whose object stays after it (greetings). */
  objectAfter?: boolean
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
const OBJECT_AFTER = set(OBJECT_AFTER_CATEGORIES)

export function translateOffline (text: string, vocab: TranslateVocabulary, opts: OfflineOptions): GlossPlan {
  const tokens = segment(normalizeText(text), vocab)
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
  /** A word → glosses: its entry, else its known parts, else fingerspelled (soft words dropped). */
  const resolve = (w: string, id: string | undefined): Gloss[] | null => {
    if (id !== undefined) return [{ text: w, id }]
    const parts = splitIntoKnown(w, vocab)
    if (parts) return parts.map(p => ({ text: p, id: vocab.byWord.get(p) as string }))
    if (SOFT.has(w) || FUNCTION.has(w) || MEASURE.has(w) || TIME_UNIT.has(w)) return null
    const py = opts.toPinyin(w).trim().toLowerCase()
    return py ? [fingerspell(w, py)] : null
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
        units.push({ role: 'time', glosses, pronoun: false })
        i++
        continue
      }
      if (next?.kind === 'word' && MEASURE.has(next.text)) { drop(next.text); i++ }
      if (glosses.length > 0) units.push({ role: 'nom', glosses, pronoun: false })
      continue
    }
    if (t.kind === 'unknown') {
      const py = opts.toPinyin(t.text).trim().toLowerCase()
      if (py) units.push({ role: 'nom', glosses: [fingerspell(t.text, py)], pronoun: false }); else drop(t.text)
      continue
    }
    if (t.kind === 'latin') {
      units.push({ role: 'nom', glosses: [fingerspell(t.text, t.text.toLowerCase())], pronoun: false })
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
    const role: Role = TIME.has(w) ? 'time'
      : NEG.has(w) ? 'neg'
        : QUESTION.has(w) ? 'q'
          : MODAL.has(w) ? 'modal'
            : entry && PREDICATE.has(entry.pos) ? 'pred'
              : entry && NOMINAL.has(entry.pos) ? 'nom'
                : entry ? 'other' : 'nom'
    units.push({ role, glosses, pronoun: entry?.pos === '代', objectAfter: entry !== undefined && OBJECT_AFTER.has(entry.category) })
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

function reorder (units: Unit[], notes: Set<string>): Gloss[] {
  const time = units.filter(u => u.role === 'time')
  const neg = units.filter(u => u.role === 'neg')
  const q = units.filter(u => u.role === 'q')
  const rest = units.filter(u => u.role !== 'time' && u.role !== 'neg' && u.role !== 'q')
  const firstPred = rest.findIndex(u => u.role === 'pred' || u.role === 'modal')
  const subject = firstPred < 0 ? rest : rest.slice(0, firstPred)
  const after = firstPred < 0 ? [] : rest.slice(firstPred)
  // A modal counts as one only when a verb follows it (我想回家); alone it is the verb (我想你).
  const lastPred = after.reduce((k, u, idx) => (u.role === 'pred' ? idx : k), -1)
  const modal = after.filter((u, idx) => u.role === 'modal' && idx < lastPred)
  // Each verb with the objects that follow it: object first (坐飞机去上海 → 飞机 坐 上海 去),
  // except a pronoun object, which a directional verb points at (谢谢你 → 谢谢 你).
  const chunks: Unit[][] = []
  for (const u of after) {
    if (modal.includes(u)) continue
    if (u.role === 'pred' || u.role === 'modal' || chunks.length === 0) chunks.push([u]); else chunks[chunks.length - 1].push(u)
  }
  let moved = false
  const predicate = chunks.flatMap(([verb, ...objects]) => {
    if (objects.length === 0 || verb.objectAfter === true || objects.every(o => o.pronoun)) return [verb, ...objects]
    moved = true
    return [...objects, verb]
  })

  if (time.length > 0 && units.indexOf(time[0]) > 0) notes.add('时间词放在句首')
  if (neg.length > 0) notes.add('否定词放在谓语之后')
  if (q.length > 0) notes.add('疑问词放在句末')
  if (moved) notes.add('宾语放在动词之前')
  let order: Unit[]
  if (modal.length > 0) {
    notes.add('主语和能愿动词放在动作之后')
    order = [...time, ...predicate, ...subject, ...modal, ...neg, ...q]
  } else {
    order = [...time, ...subject, ...predicate, ...neg, ...q]
  }
  return order.flatMap(u => u.glosses)
}
