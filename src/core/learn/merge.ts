/**
 * Merging two copies of the progress (two devices, or a device and the cloud).
 *
 * Every part is a join (a least upper bound), so merging is idempotent, commutative and
 * associative: any devices may sync in any order and end up equal.
 * - cards: the union of review logs, keyed by (card, time, grade); the FSRS state is replayed
 *   from the merged log, so no review is lost and both devices compute the same schedule.
 *   Bases (folded old reviews): the one covering more time wins.
 * - favorites, settings: last writer wins per item by time; at equal times removal wins.
 * - history, quizzes, activity: union, latest per id, bounded to the most recent N.
 */
import { unionActivity } from './activity'
import { boundFavorites, normalizeHistory, normalizeQuizzes } from './state'
import { buildCard, compareReview } from './schedule'
import type { CardBase, CardId, CardState, FavoriteMark, FsrsSnapshot, LearnSettings, ProgressState, ReviewEntry } from './types'

function canon (v: unknown): string {
  return JSON.stringify(v, (_k, x) => (x && typeof x === 'object' && !Array.isArray(x))
    ? Object.fromEntries(Object.keys(x).sort().map(k => [k, (x as Record<string, unknown>)[k]]))
    : x)
}

function pickBase (a: CardBase | undefined, b: CardBase | undefined): CardBase | undefined {
  if (!a) return b
  if (!b) return a
  if (a.upTo !== b.upTo) return a.upTo > b.upTo ? a : b
  if (a.n !== b.n) return a.n > b.n ? a : b
  return canon(a) >= canon(b) ? a : b
}

const SNAPSHOT_KEYS = ['due', 's', 'd', 'state', 'step', 'reps', 'lapses', 'sched', 'last'] as const

function sameSnapshot (a: FsrsSnapshot, b: FsrsSnapshot): boolean {
  for (const k of SNAPSHOT_KEYS) if (a[k] !== b[k]) return false
  return true
}

function sameBase (a: CardBase | undefined, b: CardBase | undefined): boolean {
  if (!a || !b) return a === b
  return a.upTo === b.upTo && a.n === b.n && sameSnapshot(a, b)
}

function sameLog (a: readonly ReviewEntry[], b: readonly ReviewEntry[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (compareReview(a[i], b[i]) !== 0) return false
  return true
}

// Field comparisons, not JSON: merging 2,000 cards must stay well under a frame budget per card.
function sameHistory (c: CardState, base: CardBase | undefined, log: readonly ReviewEntry[], first: number): boolean {
  if (c.first !== first || c.log.length !== log.length) return false
  for (let i = 0; i < log.length; i++) if (compareReview(c.log[i], log[i]) !== 0) return false
  return sameBase(c.base, base)
}

export function mergeCard (a: CardState | undefined, b: CardState | undefined): CardState {
  if (!a) return b as CardState
  if (!b) return a
  // The common case of a sync (the same card on both sides): no union to build.
  if (a.first === b.first && sameBase(a.base, b.base) && sameLog(a.log, b.log)) return sameSnapshot(a, b) || canon(a) <= canon(b) ? a : b
  const base = pickBase(a.base, b.base)
  const upTo = base?.upTo ?? -Infinity
  const seen = new Set<string>()
  const log: ReviewEntry[] = []
  for (const r of [...a.log, ...b.log]) {
    const k = `${r[0]}|${r[1]}`
    if (r[0] > upTo && !seen.has(k)) { seen.add(k); log.push(r) }
  }
  log.sort(compareReview)
  const first = Math.min(a.first, b.first)
  // The replay is a pure function of (base, log); reuse it when a side already holds it.
  const aSame = sameHistory(a, base, log, first)
  const bSame = sameHistory(b, base, log, first)
  if (aSame && bSame) return sameSnapshot(a, b) || canon(a) <= canon(b) ? a : b
  if (aSame) return a
  if (bSame) return b
  return buildCard(base, log, first, false)
}

function mergeFavorites (a: Record<string, FavoriteMark>, b: Record<string, FavoriteMark>): Record<string, FavoriteMark> {
  const out: Record<string, FavoriteMark> = { ...a }
  for (const [id, m] of Object.entries(b)) {
    const cur = out[id]
    if (!cur || m.at > cur.at || (m.at === cur.at && !m.on && cur.on)) out[id] = m
  }
  return boundFavorites(out)
}

function mergeSettings (a: LearnSettings, b: LearnSettings): LearnSettings {
  if (a.at !== b.at) return a.at > b.at ? a : b
  return canon(a) >= canon(b) ? a : b
}

/**
 * Merges two progress states (order-independent; merging a state with itself gives it back).
 * @returns a state containing every review, favorite change and view of both
 */
export function mergeProgress (a: ProgressState, b: ProgressState): ProgressState {
  const cards: Record<CardId, CardState> = {}
  for (const id of new Set([...Object.keys(a.cards), ...Object.keys(b.cards)])) {
    cards[id] = mergeCard(a.cards[id], b.cards[id])
  }
  const historyClearedAt = Math.max(a.historyClearedAt, b.historyClearedAt)
  return {
    version: 1,
    cards,
    favorites: mergeFavorites(a.favorites, b.favorites),
    history: normalizeHistory([...a.history, ...b.history], historyClearedAt),
    historyClearedAt,
    settings: mergeSettings(a.settings, b.settings),
    quizzes: normalizeQuizzes([...a.quizzes, ...b.quizzes]),
    activity: unionActivity(a.activity, b.activity)
  }
}
