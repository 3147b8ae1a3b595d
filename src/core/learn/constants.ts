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
/** What the cloud held after the last sync (a SyncRecord, sync.ts): the next upload sends only the difference. */
export const STORAGE_SYNC_KEY = 'shouyu.progress.synced'

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

// Ranges every number of an arriving state (storage, upload) must be in. Out of range means
// broken data, refused with its reason: a time of 1e20 becomes an Invalid Date in the scheduler,
// whose NaN would then break every later sync of the card.

/** Latest time (epoch ms) of a review, a view, a mark: 2100-01-01 UTC, far past any real clock. */
export const TIME_MAX_MS = 4102444800000
/** FSRS's own ceiling on stability and on an interval (days): ts-fsrs S_MAX and maximum_interval. */
export const FSRS_DAYS_MAX = 36500
/** Latest due date: a review at TIME_MAX_MS plus the longest interval. */
export const DUE_MAX_MS = TIME_MAX_MS + FSRS_DAYS_MAX * 24 * 60 * 60 * 1000
/** FSRS difficulty is 1–10 (0 on a never-reviewed card). */
export const DIFFICULTY_MAX = 10
/** Reviews, lapses, folded reviews of one card: ten reviews a day for 270 years. */
export const COUNT_MAX = 1_000_000
/** Learning-step index: the default steps are two (1 m, 10 m); any real setting is far below. */
export const STEP_MAX = 100
/**
 * Reviews a card's log may hold when it arrives. Devices fold logs beyond CARD_LOG_MAX (a first
 * base waits until it saves bytes, ~20 reviews), so a real card, even merged from two devices,
 * holds under 50. Replaying costs ~15 µs a review and a sync replays a log about three times, so
 * this bounds one card's work on the server to a few ms (the unit its work is sliced by).
 */
export const CARD_LOG_ACCEPT_MAX = 64
/** Questions in one finished quiz. */
export const QUIZ_QUESTIONS_MAX = 1000
