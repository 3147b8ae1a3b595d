/**
 * The learner's progress: what is persisted locally (Taro storage) and synced through the
 * `progress` cloud function. Format version 1; see docs/learn.md. All times are epoch ms.
 */

export type EpochMs = number

/** 重来 / 困难 / 良好 / 简单 */
export type GradeName = 'again' | 'hard' | 'good' | 'easy'
/** The FSRS rating numbers: 1 again, 2 hard, 3 good, 4 easy. */
export type GradeNum = 1 | 2 | 3 | 4

/** sign→word: watch the avatar, recall the word. word→sign: read the word, recall the sign. */
export type CardKind = 's2w' | 'w2s'
export const CARD_KINDS: readonly CardKind[] = Object.freeze(['s2w', 'w2s'] as CardKind[])

/** `${entryId}@${kind}`: entry ids are [a-z0-9_], so '@' never occurs in them. */
export type CardId = string

/** The FSRS memory state of a card (ts-fsrs Card without the deprecated elapsed_days). */
export interface FsrsSnapshot {
  due: EpochMs
  /** stability (days) */
  s: number
  /** difficulty 1..10 */
  d: number
  /** ts-fsrs State: 0 new, 1 learning, 2 review, 3 relearning */
  state: 0 | 1 | 2 | 3
  /** learning step index */
  step: number
  reps: number
  lapses: number
  /** scheduled days of the last review */
  sched: number
  /** last review time; absent for a never-reviewed snapshot */
  last?: EpochMs
}

/** One review: [time, grade]. Its identity (for merging) is (card, time, grade). */
export type ReviewEntry = [at: EpochMs, grade: GradeNum]

/** The part of a card's history folded away to bound its size: state after all reviews ≤ upTo. */
export interface CardBase extends FsrsSnapshot {
  upTo: EpochMs
  /** How many reviews were folded (for counts). */
  n: number
}

/**
 * A card: its recent reviews (the truth) and the FSRS state they lead to (a cache, always equal
 * to replaying `log` from `base`, or from an empty card).
 */
export interface CardState extends FsrsSnapshot {
  /** Time of the first review ever (for the daily new-card goal). */
  first: EpochMs
  /** Reviews after base.upTo, sorted by (at, grade), at most CARD_LOG_MAX. */
  log: ReviewEntry[]
  base?: CardBase
}

export interface FavoriteMark {
  at: EpochMs
  /** false = removed (a tombstone, so a removal syncs to other devices). */
  on: boolean
}

export interface HistoryItem {
  id: string
  at: EpochMs
  /** removed by the user (a tombstone) */
  del?: true
}

/** 'starter' (入门 100), 'favorites', or `cat:<category id>`. */
export type DeckId = 'starter' | 'favorites' | `cat:${string}`

export type Directions = 'both' | CardKind

export interface LearnSettings {
  /** New signs per day (the daily goal). */
  dailyNew: number
  deck: DeckId
  /** Which flashcard directions new signs get. */
  directions: Directions
  /** When they were last changed (last writer wins on sync); 0 = defaults. */
  at: EpochMs
}

export type QuizKind = 's2w' | 'w2s' | 'spell'

export interface QuizRecord {
  at: EpochMs
  kind: QuizKind
  total: number
  correct: number
}

export interface ProgressState {
  version: 1
  cards: Record<CardId, CardState>
  /** entry id → mark */
  favorites: Record<string, FavoriteMark>
  /** most recent first, one item per id, at most HISTORY_MAX */
  history: HistoryItem[]
  /** items viewed at or before this time are cleared (清空历史) */
  historyClearedAt: EpochMs
  settings: LearnSettings
  /** finished quizzes, most recent first */
  quizzes: QuizRecord[]
  /** quarter-hours (epoch ms / ACTIVITY_UNIT_MS) with ≥ 1 review, ascending: the streak's data */
  activity: number[]
}

/** What parsing stored or uploaded progress gives: never throws. */
export interface ParseResult {
  state: ProgressState
  /** Chinese notes, one per part that had to be reset; empty when all was well. */
  recovered: string[]
  /** Each card that was refused, with the reason (Chinese), in the order found. */
  cardProblems: Array<{ id: string, reason: string }>
  /** The broken parts as found (for a backup key), or null. */
  aside: Record<string, unknown> | null
}
