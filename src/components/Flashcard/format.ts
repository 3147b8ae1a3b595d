/**
 * Small view formatting for the learning pages (intervals, "when", "ago"). Display only: every
 * figure comes from src/core/learn; this file just words it in Chinese. Kept free of the player
 * so the main-package pages (学习, 我的) can import it without pulling in the avatar.
 */
import type { ProgressState } from '../../core/learn'

const MIN = 60 * 1000
const HOUR = 60 * MIN
const DAY = 24 * HOUR

/** A duration as a grade button shows it: '1分钟', '10分钟', '3小时', '2天', '3个月', '1.5年'. */
export function formatInterval (ms: number): string {
  if (!Number.isFinite(ms) || ms < MIN) return '1分钟'
  if (ms < HOUR) return `${Math.round(ms / MIN)}分钟`
  if (ms < DAY) return `${Math.round(ms / HOUR)}小时`
  const days = Math.round(ms / DAY)
  if (days < 31) return `${days}天`
  if (days < 365) return `${Math.round(days / 30)}个月`
  return `${Number((days / 365).toFixed(1))}年`
}

const pad = (n: number): string => String(n).padStart(2, '0')

function localDayNumber (t: number): number {
  const d = new Date(t)
  // Calendar day in the device's zone: what the user reads as 今天 / 明天.
  return Math.floor(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / DAY)
}

/** When something happens, relative to now: '现在', '今天 14:30', '明天 09:00', '3天后（12月2日）'. */
export function formatWhen (at: number, now: number): string {
  if (at <= now) return '现在'
  const d = new Date(at)
  const hm = `${pad(d.getHours())}:${pad(d.getMinutes())}`
  const days = localDayNumber(at) - localDayNumber(now)
  if (days === 0) return `今天 ${hm}`
  if (days === 1) return `明天 ${hm}`
  return `${days}天后（${d.getMonth() + 1}月${d.getDate()}日）`
}

/** How long ago: '刚刚', '5分钟前', '3小时前', '昨天', '4天前', '11月2日'. */
export function formatAgo (at: number, now: number): string {
  const ms = now - at
  if (ms < MIN) return '刚刚'
  if (ms < HOUR) return `${Math.floor(ms / MIN)}分钟前`
  const days = localDayNumber(now) - localDayNumber(at)
  if (days <= 0) return `${Math.floor(ms / HOUR)}小时前`
  if (days === 1) return '昨天'
  if (days < 7) return `${days}天前`
  const d = new Date(at)
  return `${d.getMonth() + 1}月${d.getDate()}日`
}

/**
 * The earliest due time of any card, or null when no card was started. (A one-line min for the
 * "next review" line; a core `nextDue(state)` would be the better home — noted for the lead.)
 */
export function nextDue (state: ProgressState): number | null {
  let min: number | null = null
  for (const id in state.cards) {
    const due = state.cards[id].due
    if (min === null || due < min) min = due
  }
  return min
}
