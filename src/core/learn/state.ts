/**
 * The progress state: the empty state, and parsing untrusted input (storage, uploads) into a
 * valid ProgressState. Parsing never throws: a broken part is set aside, reset, and reported
 * with a Chinese note; good parts are kept. Older formats are migrated step by step.
 */
import { unionActivity } from './activity'
import {
  ACTIVITY_MAX, DAILY_NEW_MAX, DAILY_NEW_MIN, DEFAULT_DAILY_NEW, FAVORITES_MAX, HISTORY_MAX, PROGRESS_VERSION, QUIZZES_MAX
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
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)
const ENTRY_ID = /^[a-z0-9_]+$/

export function isDeckId (v: unknown): v is DeckId {
  return v === 'starter' || v === 'favorites' || (typeof v === 'string' && /^cat:[a-z0-9_]+$/.test(v))
}

function parseSnapshot (v: unknown): FsrsSnapshot | null {
  if (!isObj(v)) return null
  const { due, s, d, state, step, reps, lapses, sched, last } = v
  if (!isTime(due) || !isNum(s) || s < 0 || !isNum(d) || !isCount(step) || !isCount(reps) || !isCount(lapses) ||
    !isNum(sched) || sched < 0 || !(state === 0 || state === 1 || state === 2 || state === 3)) return null
  if (last !== undefined && !isTime(last)) return null
  const out: FsrsSnapshot = { due, s, d, state, step, reps, lapses, sched }
  if (last !== undefined) out.last = last as number
  return out
}

function parseReview (v: unknown): ReviewEntry | null {
  if (!Array.isArray(v) || v.length !== 2) return null
  const [at, g] = v
  if (!isTime(at) || !(g === 1 || g === 2 || g === 3 || g === 4)) return null
  return [at, g as GradeNum]
}

/** A stored card, or null when any part of it is broken (the caller sets it aside). */
export function parseCard (v: unknown): CardState | null {
  if (!isObj(v)) return null
  const snap = parseSnapshot(v)
  if (!snap || !isTime(v.first) || !Array.isArray(v.log)) return null
  const log: ReviewEntry[] = []
  for (const r of v.log) {
    const e = parseReview(r)
    if (!e) return null
    log.push(e)
  }
  let base: CardBase | undefined
  if (v.base !== undefined) {
    const b = parseSnapshot(v.base)
    if (!b || !isObj(v.base) || !isTime(v.base.upTo) || !isCount(v.base.n)) return null
    base = { ...b, upTo: v.base.upTo, n: v.base.n }
    if (log.some(r => r[0] <= (base as CardBase).upTo)) return null
  }
  if (log.length === 0 && !base) return null
  for (let i = 1; i < log.length; i++) {
    if (log[i - 1][0] > log[i][0] || (log[i - 1][0] === log[i][0] && log[i - 1][1] >= log[i][1])) return null
  }
  const card: CardState = { ...snap, first: v.first, log }
  if (base) card.base = base
  return card
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
  if (!isObj(v) || !isTime(v.at) || !isCount(v.total) || !isCount(v.correct) || v.correct > v.total) return null
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
  return { state: emptyProgress(), recovered: [reason], aside: { all: raw } }
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
  if (v === undefined || v === null || v === '') return { state: emptyProgress(), recovered: [], aside: null }
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

  // Cards: each one on its own, so one broken card costs only that card.
  if (isObj(obj.cards)) {
    const bad: Obj = {}
    for (const [id, c] of Object.entries(obj.cards)) {
      const card = parseCardId(id) ? parseCard(c) : null
      if (card) state.cards[id] = card
      else bad[id] = c
    }
    const n = Object.keys(bad).length
    if (n > 0) { aside.cards = bad; recovered.push(`${n} 张学习卡片的数据损坏，已重置（原数据已备份）。`) }
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

  if (Array.isArray(obj.activity) && obj.activity.every(isCount)) {
    state.activity = unionActivity([], (obj.activity as number[]).slice(-ACTIVITY_MAX * 2))
  } else if (obj.activity !== undefined) {
    aside.activity = obj.activity
    recovered.push('连续学习天数记录损坏，已重置。')
  }

  return { state, recovered, aside: Object.keys(aside).length > 0 ? aside : null }
}
