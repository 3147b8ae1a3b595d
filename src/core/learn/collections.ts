/**
 * Favorites (收藏), history (浏览历史), settings and quiz records: small immutable updates for the
 * pages. Removals are tombstones so they reach the other devices on sync.
 */
import { DAILY_NEW_MAX, DAILY_NEW_MIN } from './constants'
import { LearnError } from './errors'
import { boundFavorites, isDeckId, normalizeHistory, normalizeQuizzes } from './state'
import type { EpochMs, HistoryItem, LearnSettings, ProgressState, QuizRecord } from './types'

export function isFavorite (state: ProgressState, entryId: string): boolean {
  return state.favorites[entryId]?.on === true
}

/** Adds or removes a favorite. */
export function setFavorite (state: ProgressState, entryId: string, on: boolean, now: EpochMs): ProgressState {
  const cur = state.favorites[entryId]
  if (cur && cur.on === on) return state
  // A later time than the current mark, even if the clock went back, so this change wins.
  const at = cur && now <= cur.at ? cur.at + 1 : now
  return { ...state, favorites: boundFavorites({ ...state.favorites, [entryId]: { at, on } }) }
}

export function toggleFavorite (state: ProgressState, entryId: string, now: EpochMs): ProgressState {
  return setFavorite(state, entryId, !isFavorite(state, entryId), now)
}

/** Favorite entry ids, most recently added first. */
export function favoriteIds (state: ProgressState): string[] {
  return Object.keys(state.favorites)
    .filter(id => state.favorites[id].on)
    .sort((a, b) => state.favorites[b].at - state.favorites[a].at || (a < b ? -1 : 1))
}

/** Records that an entry's detail page was viewed. */
export function recordView (state: ProgressState, entryId: string, now: EpochMs): ProgressState {
  const item: HistoryItem = { id: entryId, at: now }
  return { ...state, history: normalizeHistory([item, ...state.history], state.historyClearedAt) }
}

/** Removes one entry from the history (a tombstone). */
export function removeFromHistory (state: ProgressState, entryId: string, now: EpochMs): ProgressState {
  const cur = state.history.find(h => h.id === entryId)
  if (!cur || cur.del) return state
  const item: HistoryItem = { id: entryId, at: Math.max(now, cur.at + 1), del: true }
  return { ...state, history: normalizeHistory([item, ...state.history], state.historyClearedAt) }
}

/** Clears the whole history (清空). */
export function clearHistory (state: ProgressState, now: EpochMs): ProgressState {
  const last = state.history.length > 0 ? state.history[0].at : 0
  const at = Math.max(now, last, state.historyClearedAt)
  return { ...state, historyClearedAt: at, history: normalizeHistory(state.history, at) }
}

/** The visible history: entry ids with view times, most recent first. */
export function historyList (state: ProgressState): Array<{ id: string, at: EpochMs }> {
  return state.history.filter(h => !h.del).map(h => ({ id: h.id, at: h.at }))
}

/** Changes settings (daily goal, deck, directions); throws LearnError on an invalid value. */
export function updateSettings (state: ProgressState, patch: Partial<Omit<LearnSettings, 'at'>>, now: EpochMs): ProgressState {
  const next: LearnSettings = { ...state.settings, ...patch, at: Math.max(now, state.settings.at + 1) }
  if (!Number.isInteger(next.dailyNew) || next.dailyNew < DAILY_NEW_MIN || next.dailyNew > DAILY_NEW_MAX) {
    throw new LearnError('BAD_SETTINGS', `每日新词数应在 ${DAILY_NEW_MIN} 到 ${DAILY_NEW_MAX} 之间`)
  }
  if (!isDeckId(next.deck)) throw new LearnError('BAD_SETTINGS', `无效的词组：${String(next.deck)}`)
  if (!(next.directions === 'both' || next.directions === 's2w' || next.directions === 'w2s')) {
    throw new LearnError('BAD_SETTINGS', `无效的练习方向：${String(next.directions)}`)
  }
  return { ...state, settings: next }
}

/** Stores a finished quiz's score (for accuracy and the chart). */
export function recordQuiz (state: ProgressState, rec: QuizRecord): ProgressState {
  if (!Number.isInteger(rec.total) || !Number.isInteger(rec.correct) || rec.total < 0 || rec.correct < 0 || rec.correct > rec.total) {
    throw new LearnError('BAD_QUIZ', `无效的测验成绩：${rec.correct}/${rec.total}`)
  }
  return { ...state, quizzes: normalizeQuizzes([rec, ...state.quizzes]) }
}
