/**
 * Per-user call counters in fixed time windows (translate and asr: a minute; feedback: an hour).
 * Keys put the zero-padded window first, so every earlier window's counters — of every user, also
 * of users who never come back — go in one range delete, swept once per window per instance.
 */
import type { Store } from './store'

export interface WindowCounter {
  /** Counts this call of `user` at time `now` (ms) and answers the calls in this window so far. */
  count (store: Store, user: string, now: number): Promise<number>
}

/**
 * `prefix` names the window kind in the key ('m' minute, 'h' hour) and `digits` its zero-padded
 * width (minutes since 1970 fit 10 digits for 19,000 years, hours 8).
 */
export function windowCounter (collection: string, windowMs: number, prefix: string, digits: number): WindowCounter {
  let swept = -1
  const key = (w: number, user: string): string => `${prefix}${String(w).padStart(digits, '0')}:${user}`
  return {
    async count (store, user, now) {
      const w = Math.floor(now / windowMs)
      const n = await store.increment(collection, key(w, user), 1)
      if (swept !== w) {
        swept = w
        await store.removeBefore(collection, key(w, ''))
      }
      return n
    }
  }
}
