/**
 * Constants of the learning module (progress format, scheduling, storage budget).
 * Sizes are UTF-8 bytes of the JSON text; times are epoch milliseconds unless named otherwise.
 * The budget behind the bounds is worked out in docs/learn.md and checked by
 * test/unit/learn/budget.test.ts.
 */

/** Version of the persisted ProgressState. Bump with a migration in state.ts. */
export const PROGRESS_VERSION = 1 as const

/** WeChat storage: 1 MB per key (wx.setStorage doc); we stay below with a margin for overhead. */
export const STORAGE_KEY_LIMIT_BYTES = 1024 * 1024
/** WeChat storage: 10 MB in all per mini-program and user. */
export const STORAGE_TOTAL_LIMIT_BYTES = 10 * 1024 * 1024

/** Storage key of everything but the cards (settings, favorites, history, quizzes, activity). */
export const STORAGE_MAIN_KEY = 'shouyu.progress'
/**
 * Cards are spread over this many keys (by a hash of the entry id), so no key nears 1 MB: a card
 * takes ≤ 570 bytes (full log and base), so CARDS_MAX / 8 × 570 B ≈ 430 KB per key at worst.
 */
export const CARD_SHARDS = 8
/** Prefix of the card shard keys: shouyu.progress.cards.0 … .7 */
export const STORAGE_CARDS_KEY_PREFIX = 'shouyu.progress.cards.'
/** Where a broken stored value is kept aside when it had to be reset. */
export const STORAGE_BACKUP_KEY = 'shouyu.progress.backup'
/** Set when local changes have not reached the cloud yet (offline, error). */
export const STORAGE_DIRTY_KEY = 'shouyu.progress.dirty'

/**
 * Reviews kept per card. Older ones are folded into the card's `base` snapshot: the schedule is
 * unchanged; only a sync with a device holding *older* unsynced reviews of the same card could
 * miss them (see docs/learn.md). 12 reviews reach a ~1 year interval when recalled.
 */
export const CARD_LOG_MAX = 12
/** Cards the format is sized for: 2 directions × 3,000 entries (the dictionary has ~1,000). */
export const CARDS_MAX = 6000
/** History entries kept (most recent first, tombstones included). */
export const HISTORY_MAX = 200
/** Favorites kept (an upper bound only: the dictionary is smaller). */
export const FAVORITES_MAX = 5000
/** Finished quizzes kept for the accuracy figure. */
export const QUIZZES_MAX = 200
/** Active quarter-hours kept for the streak: ≥ 1 year at ≤ 8 study sessions a day. */
export const ACTIVITY_MAX = 3000
/** The activity unit: 15 minutes, so any real time-zone offset maps it to one local day. */
export const ACTIVITY_UNIT_MS = 15 * 60 * 1000

export const DAY_MS = 24 * 60 * 60 * 1000
export const MINUTE_MS = 60 * 1000
/** China Standard Time, UTC+8, in minutes: the default day boundary for streaks and goals. */
export const DEFAULT_TZ_OFFSET_MIN = 8 * 60

/** New signs per day when the learner has not chosen (a common default in SRS apps). */
export const DEFAULT_DAILY_NEW = 10
/** The daily goal picker's range. */
export const DAILY_NEW_MIN = 1
export const DAILY_NEW_MAX = 50
/** Size of the ready-made starter deck (入门 100). */
export const STARTER_DECK_SIZE = 100

/** Days in the small chart on the 我的 page. */
export const CHART_DAYS = 7
/** Window of the accuracy figure. */
export const ACCURACY_DAYS = 30

/** Options per multiple-choice question. */
export const QUIZ_OPTIONS = 4
/** Longest pinyin (letters, no spaces) asked in the fingerspelling quiz: longer is tedious to watch. */
export const SPELLING_MAX_LETTERS = 10

/** Largest state the progress cloud function accepts (JSON bytes); the SCF request cap is 6 MB. */
export const SYNC_MAX_BYTES = 2 * 1024 * 1024
