/**
 * The storage interface every cloud function uses. In WeChat it runs on the cloud database
 * (wx-server-sdk); locally (npm start) and in tests on an embedded SQLite database
 * (better-sqlite3). Which one is chosen by openStore() in store-open.ts from the environment:
 * SHOUYU_SQLITE=<path or :memory:> selects SQLite, otherwise the cloud database.
 *
 * Values are JSON-serialisable objects. Keys are strings chosen by the caller.
 */
export interface Store {
  /** The stored value, or undefined. */
  get (collection: string, key: string): Promise<unknown>
  /** Creates or replaces. */
  put (collection: string, key: string, value: unknown): Promise<void>
  /** Atomically adds `by` to a numeric counter (created at 0) and returns the new value. */
  increment (collection: string, key: string, by: number): Promise<number>
  /**
   * Values whose key starts with `prefix`, ordered by key ('desc': from the last key back), at
   * most `limit`.
   */
  list (collection: string, prefix: string, limit: number, order?: 'asc' | 'desc'): Promise<Array<{ key: string, value: unknown }>>
  /** Removes keys starting with `prefix` (for expiry housekeeping and tests). */
  removePrefix (collection: string, prefix: string): Promise<number>
  /** Removes one key; 1 when it was there, else 0. */
  remove (collection: string, key: string): Promise<number>
  /** Removes every value that is an object whose top-level `field` equals `value` (one user's records). */
  removeWhere (collection: string, field: string, value: string): Promise<number>
  /** Removes every key that sorts before `key` (expired rows of time-first keys). */
  removeBefore (collection: string, key: string): Promise<number>
}
