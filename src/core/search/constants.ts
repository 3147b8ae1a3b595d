/** Limits and tunables of search (docs/search.md). */

/** Longer queries are cut to this many characters (code points): no word in the dictionary is longer, and it bounds the work per keystroke. */
export const MAX_QUERY_CHARS = 50

/** Raw input beyond this many UTF-16 units is not even looked at (a 1 MB paste stays cheap). */
export const MAX_RAW_UNITS = 4 * MAX_QUERY_CHARS

/** Hits returned when the caller gives no limit: a phone screen and a half. */
export const DEFAULT_LIMIT = 20

/** Upper bound on `limit`: the result list is for people, not for export. */
export const MAX_LIMIT = 200

/** Nearest words offered when nothing matches. */
export const DEFAULT_NEAREST = 5

/** Pinyin typo matching (edit distance 1) needs at least this many letters; shorter queries are noise. */
export const TYPO_MIN_LETTERS = 3

/** Hanzi "one wrong character" matching needs words of at least this many characters. */
export const TYPO_MIN_HANZI = 3

/** nearestWords gives up on words farther than this (pinyin edit distance): they are not "near". */
export const NEAREST_MAX_DISTANCE = 4

/** Letters beyond this are ignored by nearestWords (longest pinyin key is ~30 letters). */
export const NEAREST_MAX_LETTERS = 32

/** nearestWords takes the keys sharing the query's longest prefix only while there are at most this many. */
export const NEAREST_PREFIX_CANDIDATES = 200
