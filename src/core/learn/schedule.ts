/**
 * FSRS scheduling (ts-fsrs, default parameters, fuzz off so a replay is exact) over the
 * progress state. A card's FSRS state is always the replay of its review log from its base:
 * gradeCard and mergeProgress both go through replayCard, so two devices agree on the schedule.
 */
import { createEmptyCard, fsrs, type Card, type Grade } from 'ts-fsrs'
import { addActivity } from './activity'
import { CARD_LOG_MAX } from './constants'
import { LearnError } from './errors'
import type { CardBase, CardId, CardKind, CardState, EpochMs, FsrsSnapshot, GradeName, GradeNum, ProgressState, ReviewEntry } from './types'

// One scheduler for the module: default FSRS-6 weights, 90 % retention, learning steps 1m/10m.
const scheduler = fsrs({ enable_fuzz: false })

export const GRADE_NUM: Readonly<Record<GradeName, GradeNum>> = Object.freeze({ again: 1, hard: 2, good: 3, easy: 4 })
/** The buttons' labels. */
export const GRADE_ZH: Readonly<Record<GradeName, string>> = Object.freeze({ again: '重来', hard: '困难', good: '良好', easy: '简单' })

export function cardId (entryId: string, kind: CardKind): CardId {
  return `${entryId}@${kind}`
}

/** Splits a card id; null when it is not one. */
export function parseCardId (id: string): { entryId: string, kind: CardKind } | null {
  const m = /^([a-z0-9_]+)@(s2w|w2s)$/.exec(id)
  return m ? { entryId: m[1], kind: m[2] as CardKind } : null
}

function toFsrsCard (s: FsrsSnapshot | undefined, firstAt: EpochMs): Card {
  if (!s) return createEmptyCard(new Date(firstAt))
  return {
    due: new Date(s.due),
    stability: s.s,
    difficulty: s.d,
    elapsed_days: 0,
    scheduled_days: s.sched,
    learning_steps: s.step,
    reps: s.reps,
    lapses: s.lapses,
    state: s.state,
    last_review: s.last === undefined ? undefined : new Date(s.last)
  }
}

function fromFsrsCard (c: Card): FsrsSnapshot {
  const out: FsrsSnapshot = {
    due: c.due.getTime(),
    s: c.stability,
    d: c.difficulty,
    state: c.state as 0 | 1 | 2 | 3,
    step: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    sched: c.scheduled_days
  }
  if (c.last_review) out.last = c.last_review.getTime()
  return out
}

/** FSRS state after replaying `log` (sorted) from `base` (or from a new card). */
export function replaySnapshot (base: FsrsSnapshot | undefined, log: readonly ReviewEntry[]): FsrsSnapshot {
  let card = toFsrsCard(base, log.length > 0 ? log[0][0] : 0)
  for (const [at, g] of log) card = scheduler.next(card, new Date(at), g as Grade).card
  return fromFsrsCard(card)
}

export function compareReview (a: ReviewEntry, b: ReviewEntry): number {
  return a[0] - b[0] || a[1] - b[1]
}

/**
 * Builds a card from its history: drops reviews already folded into `base`, sorts and
 * de-duplicates the log, and replays. With `fold`, all but the last CARD_LOG_MAX reviews are
 * folded into the base (compaction: a local act, never done by a merge, so merging stays
 * order-independent) — but only when that makes the card smaller: a first base costs about as
 * much as eight reviews, so a card without one keeps up to ~20 reviews until folding pays
 * (compaction never grows a state). The single way a CardState is made.
 */
export function buildCard (base: CardBase | undefined, log: readonly ReviewEntry[], first: EpochMs, fold: boolean): CardState {
  const sorted = log.filter(r => base === undefined || r[0] > base.upTo).sort(compareReview)
  const dedup: ReviewEntry[] = []
  for (const r of sorted) {
    const prev = dedup[dedup.length - 1]
    if (!prev || compareReview(prev, r) !== 0) dedup.push([r[0], r[1]])
  }
  const whole = makeCard(base, dedup, first)
  return fold ? compactCard(whole) : whole
}

function makeCard (base: CardBase | undefined, kept: ReviewEntry[], first: EpochMs): CardState {
  const firstAt = Math.min(first, kept.length > 0 ? kept[0][0] : first, base?.upTo ?? first)
  const card: CardState = { ...replaySnapshot(base, kept), first: firstAt, log: kept }
  if (base) card.base = base
  return card
}

/**
 * A card (a valid one: its log sorted, unique, after its base) folded down to CARD_LOG_MAX
 * reviews when that makes it smaller; else the card itself. Same reviews, same schedule either way.
 */
export function compactCard (c: CardState): CardState {
  if (c.log.length <= CARD_LOG_MAX) return c
  const folded = c.log.slice(0, c.log.length - CARD_LOG_MAX)
  const b: CardBase = { ...replaySnapshot(c.base, folded), upTo: folded[folded.length - 1][0], n: (c.base?.n ?? 0) + folded.length }
  const compact = makeCard(b, c.log.slice(c.log.length - CARD_LOG_MAX), c.first)
  // JSON of numbers and ASCII keys: its length is its size in bytes.
  return JSON.stringify(compact).length < JSON.stringify(c).length ? compact : c
}

/**
 * Records a review of one card.
 * @param state progress (not modified)
 * @param id card id (`${entryId}@s2w` or `@w2s`, see cardId)
 * @param grade the button pressed
 * @param now review time (epoch ms)
 * @returns the new state; the card's `due` says when to show it again
 */
export function gradeCard (state: ProgressState, id: CardId, grade: GradeName, now: EpochMs): ProgressState {
  if (!parseCardId(id)) throw new LearnError('BAD_CARD', `无效的卡片：${id}`)
  const g = GRADE_NUM[grade]
  if (g === undefined) throw new LearnError('BAD_GRADE', `无效的评分：${String(grade)}`)
  if (!Number.isFinite(now)) throw new LearnError('BAD_TIME', `无效的时间：${String(now)}`)
  const old = state.cards[id]
  // A clock that went back behind folded reviews would otherwise drop this review on merge.
  const at = old?.base && now <= old.base.upTo ? old.base.upTo + 1 : now
  const card = buildCard(old?.base, [...(old?.log ?? []), [at, g]], old?.first ?? at, true)
  return { ...state, cards: { ...state.cards, [id]: card }, activity: addActivity(state.activity, at) }
}

/** Cards due at `now` (learning steps and reviews), most overdue first. */
export function dueCards (state: ProgressState, now: EpochMs): CardId[] {
  return Object.keys(state.cards)
    .filter(id => state.cards[id].due <= now)
    .sort((a, b) => state.cards[a].due - state.cards[b].due || (a < b ? -1 : a > b ? 1 : 0))
}

/** All reviews a card has had (folded ones included). */
export function reviewCount (card: CardState): number {
  return (card.base?.n ?? 0) + card.log.length
}

/**
 * What each button would do now (for labels like “良好 · 3天”): due time per grade.
 * Does not change the state.
 */
export function previewGrades (state: ProgressState, id: CardId, now: EpochMs): Record<GradeName, EpochMs> {
  const c = state.cards[id]
  const card = c ? toFsrsCard(c, now) : createEmptyCard(new Date(now))
  const out = {} as Record<GradeName, EpochMs>
  for (const name of Object.keys(GRADE_NUM) as GradeName[]) {
    out[name] = scheduler.next(card, new Date(now), GRADE_NUM[name] as Grade).card.due.getTime()
  }
  return out
}

/**
 * Folds every card's log down to CARD_LOG_MAX where that saves bytes (before saving: keeps the
 * storage budget). Never makes the state bigger.
 */
export function compactProgress (state: ProgressState): ProgressState {
  let cards: Record<CardId, CardState> | null = null
  for (const id of Object.keys(state.cards)) {
    const c = state.cards[id]
    const next = compactCard(c)
    if (next === c) continue
    cards = cards ?? { ...state.cards }
    cards[id] = next
  }
  return cards ? { ...state, cards } : state
}
