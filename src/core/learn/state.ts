/**
 * The progress state: the empty state, and parsing untrusted input (storage, uploads) into a
 * valid ProgressState. Parsing never throws: a broken part is set aside, reset, and reported
 * with a Chinese note; good parts are kept. Older formats are migrated step by step.
 */
import { unionActivity } from './activity'
import {
  ACTIVITY_MAX, ACTIVITY_UNIT_MS, CARD_LOG_ACCEPT_MAX, COUNT_MAX, DAILY_NEW_MAX, DAILY_NEW_MIN, DEFAULT_DAILY_NEW, DIFFICULTY_MAX,
  DUE_MAX_MS, FAVORITES_MAX, FSRS_DAYS_MAX, HISTORY_MAX, PROGRESS_VERSION, QUIZ_QUESTIONS_MAX, QUIZZES_MAX, STEP_MAX, TIME_MAX_MS
} from './constants'
import { parseCardId } from './schedule'
import type {
  CardBase, CardState, DeckId, Directions, EpochMs, FavoriteMark, FsrsSnapshot, GradeNum, HistoryItem, LearnSettings,
  ParseResult, ProgressState, QuizKind, QuizRecord, ReviewEntry
} from './types'

export const DEFAULT_SETTINGS: Readonly<LearnSettings> = Object.freeze({
  dailyNew: DEFAULT_DAILY_NEW, deck: 'starter', directions: 'both', at: 0
})

export function emptyProgress (): ProgressState {
  return {
    version: PROGRESS_VERSION,
    cards: {},
    favorites: {},
    history: [],
    historyClearedAt: 0,
    settings: { ...DEFAULT_SETTINGS },
    quizzes: [],
    activity: []
  }
}

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v)
/** A time something happened (a review, a view, a mark): 0 … TIME_MAX_MS. */
const isTime = (v: unknown): v is number => typeof v === 'number' && v >= 0 && v <= TIME_MAX_MS
/** A count (reviews, lapses, questions): an integer 0 … COUNT_MAX. */
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= COUNT_MAX
const inRange = (v: unknown, lo: number, hi: number): v is number => typeof v === 'number' && v >= lo && v <= hi
const ENTRY_ID = /^[a-z0-9_]+$/
/** The activity unit of TIME_MAX_MS: no quarter-hour lies later. */
const ACTIVITY_UNIT_LAST = Math.floor(TIME_MAX_MS / ACTIVITY_UNIT_MS)

/** Why a card was refused (Chinese, shown to the learner next to the card id). */
export const CARD_REASONS = {
  SHAPE: '卡片数据格式不对',
  ID: '卡片编号无效',
  TIME: `时间超出范围（应在 1970 年到 2100 年之间）`,
  MEMORY: `记忆参数超出范围（稳定性 0–${FSRS_DAYS_MAX} 天、难度 0–${DIFFICULTY_MAX}、间隔 0–${FSRS_DAYS_MAX} 天）`,
  COUNT: `复习次数超出范围（0–${COUNT_MAX}）`,
  REVIEW: '复习记录格式不对（应为 [时间, 评分 1–4]）',
  ORDER: '复习记录的顺序不对或与已折叠的记录重叠',
  TOO_MANY: `复习记录过多（一张卡片最多 ${CARD_LOG_ACCEPT_MAX} 条）`,
  EMPTY: '没有任何复习记录'
} as const

/** The note for `n` cards set aside (storage: the broken values are in the backup key). */
export function brokenCardsNote (n: number): string {
  return `${n} 张学习卡片的数据损坏，已重置（原数据已备份）。`
}

export type Checked<T> = { ok: true, value: T } | { ok: false, reason: string }
const bad = (reason: string): { ok: false, reason: string } => ({ ok: false, reason })

export function isDeckId (v: unknown): v is DeckId {
  return v === 'starter' || v === 'favorites' || (typeof v === 'string' && /^cat:[a-z0-9_]+$/.test(v))
}

function parseSnapshot (v: unknown): Checked<FsrsSnapshot> {
  if (!isObj(v)) return bad(CARD_REASONS.SHAPE)
  const { due, s, d, state, step, reps, lapses, sched, last } = v
  if (typeof due !== 'number' || typeof s !== 'number' || typeof d !== 'number' || typeof sched !== 'number' ||
    typeof step !== 'number' || typeof reps !== 'number' || typeof lapses !== 'number' ||
    !(state === 0 || state === 1 || state === 2 || state === 3)) return bad(CARD_REASONS.SHAPE)
  if (!inRange(due, 0, DUE_MAX_MS) || (last !== undefined && !isTime(last))) return bad(CARD_REASONS.TIME)
  if (!inRange(s, 0, FSRS_DAYS_MAX) || !inRange(d, 0, DIFFICULTY_MAX) || !inRange(sched, 0, FSRS_DAYS_MAX)) return bad(CARD_REASONS.MEMORY)
  if (!isCount(reps) || !isCount(lapses) || !Number.isInteger(step) || !inRange(step, 0, STEP_MAX)) return bad(CARD_REASONS.COUNT)
  const out: FsrsSnapshot = { due, s, d, state, step, reps, lapses, sched }
  if (last !== undefined) out.last = last as number
  return { ok: true, value: out }
}

function parseReview (v: unknown): Checked<ReviewEntry> {
  if (!Array.isArray(v) || v.length !== 2) return bad(CARD_REASONS.REVIEW)
  const [at, g] = v
  if (!(g === 1 || g === 2 || g === 3 || g === 4) || typeof at !== 'number') return bad(CARD_REASONS.REVIEW)
  if (!isTime(at)) return bad(CARD_REASONS.TIME)
  return { ok: true, value: [at, g as GradeNum] }
}

/**
 * One card as stored or uploaded, or the reason it is refused (the caller sets it aside). Every
 * number is range-checked, the log is bounded and ordered, so what passes is safe to replay.
 */
export function checkCard (v: unknown): Checked<CardState> {
  if (!isObj(v)) return bad(CARD_REASONS.SHAPE)
  const snap = parseSnapshot(v)
  if (!snap.ok) return snap
  if (!Array.isArray(v.log) || typeof v.first !== 'number') return bad(CARD_REASONS.SHAPE)
  if (!isTime(v.first)) return bad(CARD_REASONS.TIME)
  if (v.log.length > CARD_LOG_ACCEPT_MAX) return bad(CARD_REASONS.TOO_MANY)
  const log: ReviewEntry[] = []
  for (const r of v.log) {
    const e = parseReview(r)
    if (!e.ok) return e
    log.push(e.value)
  }
  let base: CardBase | undefined
  if (v.base !== undefined) {
    const b = parseSnapshot(v.base)
    if (!b.ok) return b
    const { upTo, n } = v.base as Obj
    if (typeof upTo !== 'number' || typeof n !== 'number') return bad(CARD_REASONS.SHAPE)
    if (!isTime(upTo)) return bad(CARD_REASONS.TIME)
    if (!isCount(n)) return bad(CARD_REASONS.COUNT)
    base = { ...b.value, upTo, n }
    if (log.some(r => r[0] <= upTo)) return bad(CARD_REASONS.ORDER)
  }
  if (log.length === 0 && !base) return bad(CARD_REASONS.EMPTY)
  for (let i = 1; i < log.length; i++) {
    if (log[i - 1][0] > log[i][0] || (log[i - 1][0] === log[i][0] && log[i - 1][1] >= log[i][1])) return bad(CARD_REASONS.ORDER)
  }
  const card: CardState = { ...snap.value, first: v.first, log }
  if (base) card.base = base
  return { ok: true, value: card }
}

/** A card under its id: the id is checked too. */
export function checkCardEntry (id: string, v: unknown): Checked<CardState> {
  return parseCardId(id) ? checkCard(v) : bad(CARD_REASONS.ID)
}

function parseFavorite (v: unknown): FavoriteMark | null {
  if (!isObj(v) || !isTime(v.at) || typeof v.on !== 'boolean') return null
  return { at: v.at, on: v.on }
}

function parseHistoryItem (v: unknown): HistoryItem | null {
  if (!isObj(v) || typeof v.id !== 'string' || !ENTRY_ID.test(v.id) || !isTime(v.at)) return null
  if (v.del !== undefined && v.del !== true) return null
  return v.del ? { id: v.id, at: v.at, del: true } : { id: v.id, at: v.at }
}

function parseQuiz (v: unknown): QuizRecord | null {
  if (!isObj(v) || !isTime(v.at) || !isCount(v.total) || !isCount(v.correct) || v.total > QUIZ_QUESTIONS_MAX || v.correct > v.total) return null
  if (!(v.kind === 's2w' || v.kind === 'w2s' || v.kind === 'spell')) return null
  return { at: v.at, kind: v.kind as QuizKind, total: v.total, correct: v.correct }
}

/** Newest first, one item per id (the latest record wins), cleared items dropped, bounded. */
export function normalizeHistory (items: readonly HistoryItem[], clearedAt: EpochMs): HistoryItem[] {
  const best = new Map<string, HistoryItem>()
  for (const it of items) {
    if (it.at <= clearedAt) continue
    const cur = best.get(it.id)
    // Same time: a deletion wins, so the order of merging cannot matter.
    if (!cur || it.at > cur.at || (it.at === cur.at && it.del && !cur.del)) best.set(it.id, it)
  }
  return Array.from(best.values())
    .sort((a, b) => b.at - a.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, HISTORY_MAX)
}

/** Newest first, unique by (at, kind), bounded. */
export function normalizeQuizzes (items: readonly QuizRecord[]): QuizRecord[] {
  const byKey = new Map<string, QuizRecord>()
  for (const q of items) {
    const k = `${q.at}|${q.kind}`
    const cur = byKey.get(k)
    // Two different records at the same ms: keep the larger, so merging is order-free.
    if (!cur || q.total > cur.total || (q.total === cur.total && q.correct > cur.correct)) byKey.set(k, q)
  }
  return Array.from(byKey.values())
    .sort((a, b) => b.at - a.at || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0))
    .slice(0, QUIZZES_MAX)
}

/** At most FAVORITES_MAX marks, the most recent kept. */
export function boundFavorites (fav: Record<string, FavoriteMark>): Record<string, FavoriteMark> {
  const ids = Object.keys(fav)
  if (ids.length <= FAVORITES_MAX) return fav
  ids.sort((a, b) => fav[b].at - fav[a].at || (a < b ? -1 : 1))
  const out: Record<string, FavoriteMark> = {}
  for (const id of ids.slice(0, FAVORITES_MAX)) out[id] = fav[id]
  return out
}

// ----------------------------------------------------------------------------------------------
// Migrations: MIGRATIONS[n] turns a version-n object into version n+1.

/** Version 0: the first prototype's shape (no version field, ids in arrays, ISO dates). */
function migrate0to1 (raw: Obj, now: EpochMs): Obj {
  const favorites: Record<string, FavoriteMark> = {}
  if (Array.isArray(raw.favorites)) {
    for (const id of raw.favorites) if (typeof id === 'string' && ENTRY_ID.test(id)) favorites[id] = { at: now, on: true }
  }
  const history: HistoryItem[] = []
  if (Array.isArray(raw.history)) {
    // v0 kept no times: keep the order by spacing the items 1 ms apart, most recent first.
    raw.history.forEach((id, i) => { if (typeof id === 'string') history.push({ id, at: Math.max(0, now - i) }) })
  }
  const cards: Obj = {}
  if (isObj(raw.cards)) {
    for (const [entryId, c] of Object.entries(raw.cards)) {
      if (!isObj(c)) { cards[`${entryId}@s2w`] = c; continue }
      const due = typeof c.due === 'string' ? Date.parse(c.due) : NaN
      const last = typeof c.last_review === 'string' ? Date.parse(c.last_review) : NaN
      const snap = {
        due, s: c.stability, d: c.difficulty, state: c.state, step: 0, reps: c.reps, lapses: c.lapses,
        sched: typeof c.scheduled_days === 'number' ? c.scheduled_days : 0,
        ...(Number.isFinite(last) ? { last } : {})
      }
      // v0 stored no review log: its state becomes the base, as if all reviews had been folded.
      const upTo = Number.isFinite(last) ? last : due
      cards[`${entryId}@s2w`] = { ...snap, first: upTo, log: [], base: { ...snap, upTo, n: c.reps } }
    }
  }
  const settings: Obj = {}
  if (raw.dailyNew !== undefined) settings.dailyNew = raw.dailyNew
  return { version: 1, cards, favorites, history, historyClearedAt: 0, settings, quizzes: [], activity: [] }
}

const MIGRATIONS: Record<number, (raw: Obj, now: EpochMs) => Obj> = { 0: migrate0to1 }

// ----------------------------------------------------------------------------------------------

function whole (reason: string, raw: unknown): ParseResult {
  return { state: emptyProgress(), recovered: [reason], cardProblems: [], aside: { all: raw } }
}

/**
 * Parses progress from untrusted input (a JSON string or a parsed value). Never throws.
 * @param raw what storage or the network gave
 * @param now used to date items that older formats stored without a time
 * @returns the state, Chinese notes of what was reset, and the broken parts for a backup key
 */
export function parseProgress (raw: unknown, now: EpochMs): ParseResult {
  let v = raw
  if (typeof v === 'string' && v !== '') {
    try { v = JSON.parse(v) } catch { return whole('学习进度数据无法读取，已重置（原数据已备份）。', raw) }
  }
  if (v === undefined || v === null || v === '') return { state: emptyProgress(), recovered: [], cardProblems: [], aside: null }
  if (!isObj(v)) return whole('学习进度数据无法读取，已重置（原数据已备份）。', raw)
  let version = v.version === undefined ? 0 : v.version
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return whole('学习进度数据无法读取，已重置（原数据已备份）。', raw)
  }
  if (version > PROGRESS_VERSION) {
    return whole('学习进度由更新版本的小程序保存，当前版本无法读取，已重置（原数据已备份，升级后可恢复）。', raw)
  }
  let obj: Obj = v
  while (version < PROGRESS_VERSION) {
    obj = MIGRATIONS[version](obj, now)
    version++
  }

  const recovered: string[] = []
  const aside: Obj = {}
  const state = emptyProgress()

  const cardProblems: ParseResult['cardProblems'] = []
  // Cards: each one on its own, so one broken card costs only that card.
  if (isObj(obj.cards)) {
    const broken: Obj = {}
    for (const [id, c] of Object.entries(obj.cards)) {
      const r = checkCardEntry(id, c)
      if (r.ok) state.cards[id] = r.value
      else { broken[id] = c; cardProblems.push({ id, reason: r.reason }) }
    }
    const n = cardProblems.length
    if (n > 0) { aside.cards = broken; recovered.push(brokenCardsNote(n)) }
  } else if (obj.cards !== undefined) {
    aside.cards = obj.cards
    recovered.push('学习卡片数据损坏，已全部重置（原数据已备份）。')
  }

  if (isObj(obj.favorites)) {
    const bad: Obj = {}
    for (const [id, m] of Object.entries(obj.favorites)) {
      const mark = ENTRY_ID.test(id) ? parseFavorite(m) : null
      if (mark) state.favorites[id] = mark
      else bad[id] = m
    }
    state.favorites = boundFavorites(state.favorites)
    const n = Object.keys(bad).length
    if (n > 0) { aside.favorites = bad; recovered.push(`${n} 条收藏记录损坏，已移除。`) }
  } else if (obj.favorites !== undefined) {
    aside.favorites = obj.favorites
    recovered.push('收藏数据损坏，已重置（原数据已备份）。')
  }

  if (isTime(obj.historyClearedAt)) state.historyClearedAt = obj.historyClearedAt
  else if (obj.historyClearedAt !== undefined) { aside.historyClearedAt = obj.historyClearedAt; recovered.push('浏览历史的清空时间有误，已忽略。') }
  if (Array.isArray(obj.history)) {
    const items: HistoryItem[] = []
    const bad: unknown[] = []
    for (const h of obj.history) {
      const it = parseHistoryItem(h)
      if (it) items.push(it)
      else bad.push(h)
    }
    state.history = normalizeHistory(items, state.historyClearedAt)
    if (bad.length > 0) { aside.history = bad; recovered.push(`${bad.length} 条浏览记录损坏，已移除。`) }
  } else if (obj.history !== undefined) {
    aside.history = obj.history
    recovered.push('浏览历史损坏，已重置。')
  }

  if (isObj(obj.settings)) {
    const s = obj.settings
    let broken = false
    if (s.dailyNew !== undefined) {
      if (isCount(s.dailyNew) && s.dailyNew >= DAILY_NEW_MIN && s.dailyNew <= DAILY_NEW_MAX) state.settings.dailyNew = s.dailyNew
      else broken = true
    }
    if (s.deck !== undefined) { if (isDeckId(s.deck)) state.settings.deck = s.deck; else broken = true }
    if (s.directions !== undefined) {
      if (s.directions === 'both' || s.directions === 's2w' || s.directions === 'w2s') state.settings.directions = s.directions as Directions
      else broken = true
    }
    if (s.at !== undefined) { if (isTime(s.at)) state.settings.at = s.at; else broken = true }
    if (broken) { aside.settings = s; recovered.push('学习设置有误，已恢复默认值。') }
  } else if (obj.settings !== undefined) {
    aside.settings = obj.settings
    recovered.push('学习设置有误，已恢复默认值。')
  }

  if (Array.isArray(obj.quizzes)) {
    const items: QuizRecord[] = []
    const bad: unknown[] = []
    for (const q of obj.quizzes) { const r = parseQuiz(q); if (r) items.push(r); else bad.push(q) }
    state.quizzes = normalizeQuizzes(items)
    if (bad.length > 0) { aside.quizzes = bad; recovered.push(`${bad.length} 条测验记录损坏，已移除。`) }
  } else if (obj.quizzes !== undefined) {
    aside.quizzes = obj.quizzes
    recovered.push('测验记录损坏，已重置。')
  }

  if (Array.isArray(obj.activity) && obj.activity.every(q => Number.isInteger(q) && inRange(q, 0, ACTIVITY_UNIT_LAST))) {
    state.activity = unionActivity([], (obj.activity as number[]).slice(-ACTIVITY_MAX * 2))
  } else if (obj.activity !== undefined) {
    aside.activity = obj.activity
    recovered.push('连续学习天数记录损坏，已重置。')
  }

  return { state, recovered, cardProblems, aside: Object.keys(aside).length > 0 ? aside : null }
}
