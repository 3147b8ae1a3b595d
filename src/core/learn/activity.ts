/** The streak's data: the set of quarter-hours with at least one review (bounded, mergeable). */
import { ACTIVITY_MAX, ACTIVITY_UNIT_MS } from './constants'
import type { EpochMs } from './types'

/** Adds the quarter-hour of `at`; keeps the list ascending, unique and at most ACTIVITY_MAX long. */
export function addActivity (activity: readonly number[], at: EpochMs): number[] {
  const q = Math.floor(at / ACTIVITY_UNIT_MS)
  return unionActivity(activity, [q])
}

/** Union of two activity lists, keeping the most recent ACTIVITY_MAX (a join: order-free). */
export function unionActivity (a: readonly number[], b: readonly number[]): number[] {
  const all = Array.from(new Set([...a, ...b])).sort((x, y) => x - y)
  return all.length > ACTIVITY_MAX ? all.slice(all.length - ACTIVITY_MAX) : all
}
