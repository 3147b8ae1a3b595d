/**
 * Figures for the 我的 page: streak, signs learned, due today, accuracy and a 7-day chart.
 * Days are local days (see localDay); `tzOffsetMin` defaults to China (+480).
 */
import { ACCURACY_DAYS, ACTIVITY_UNIT_MS, CHART_DAYS, DEFAULT_TZ_OFFSET_MIN } from './constants'
import { dayStart, localDay } from './decks'
import { parseCardId } from './schedule'
import type { EpochMs, ProgressState } from './types'

export interface DayPoint {
  /** Local date, 'MM-DD'. */
  label: string
  /** Local day number. */
  day: number
  reviews: number
  /** Reviews not graded 重来. */
  recalled: number
}

export interface ProgressStats {
  /** Consecutive local days with ≥ 1 review, ending today (or yesterday, if none yet today). */
  streak: number
  /** Signs with at least one card past the learning steps. */
  learned: number
  /** Signs started (any card reviewed). */
  started: number
  /** Cards due before the end of the local day. */
  dueToday: number
  reviewsToday: number
  /** Share of right answers over the last 30 days (reviews not graded 重来 + quiz answers), or null. */
  accuracy: number | null
  /** The last 7 local days, oldest first (today last). */
  last7: DayPoint[]
  favorites: number
  history: number
}

function label (day: number): string {
  const d = new Date(day * 86400000) // a day number is a UTC date of that local day
  return `${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`
}

/** Current streak from the activity quarter-hours. */
export function streakDays (activity: readonly number[], now: EpochMs, tzOffsetMin: number = DEFAULT_TZ_OFFSET_MIN): number {
  const days = new Set(activity.map(q => localDay(q * ACTIVITY_UNIT_MS, tzOffsetMin)))
  const today = localDay(now, tzOffsetMin)
  let d = days.has(today) ? today : today - 1
  let n = 0
  while (days.has(d)) { n++; d-- }
  return n
}

export function progressStats (state: ProgressState, now: EpochMs, tzOffsetMin: number = DEFAULT_TZ_OFFSET_MIN): ProgressStats {
  const today = localDay(now, tzOffsetMin)
  const endOfDay = dayStart(today + 1, tzOffsetMin)
  const firstChartDay = today - CHART_DAYS + 1
  const last7: DayPoint[] = []
  for (let d = firstChartDay; d <= today; d++) last7.push({ label: label(d), day: d, reviews: 0, recalled: 0 })
  const accSince = dayStart(today - ACCURACY_DAYS + 1, tzOffsetMin)
  let right = 0
  let asked = 0
  let dueToday = 0
  const learned = new Set<string>()
  const started = new Set<string>()
  for (const [id, c] of Object.entries(state.cards)) {
    const entry = parseCardId(id)?.entryId ?? id
    started.add(entry)
    if (c.state === 2 || c.state === 3 || (c.base && c.base.state >= 2)) learned.add(entry)
    if (c.due < endOfDay) dueToday++
    for (const [at, g] of c.log) {
      const day = localDay(at, tzOffsetMin)
      if (day >= firstChartDay && day <= today) {
        const p = last7[day - firstChartDay]
        p.reviews++
        if (g > 1) p.recalled++
      }
      if (at >= accSince && at < endOfDay) { asked++; if (g > 1) right++ }
    }
  }
  for (const q of state.quizzes) {
    if (q.at >= accSince && q.at < endOfDay) { asked += q.total; right += q.correct }
  }
  return {
    streak: streakDays(state.activity, now, tzOffsetMin),
    learned: learned.size,
    started: started.size,
    dueToday,
    reviewsToday: last7[last7.length - 1].reviews,
    accuracy: asked === 0 ? null : right / asked,
    last7,
    favorites: Object.values(state.favorites).filter(f => f.on).length,
    history: state.history.filter(h => !h.del).length
  }
}
