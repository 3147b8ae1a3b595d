/**
 * Viewer preferences that follow the user between signs: mirror (left-handed), view, speed,
 * close-up, movement trail. Stored as `shouyu.playerPrefs` (docs/architecture.md), version 2.
 *
 * Version 2 adds `trail` and the view 'auto' (each sign opens in the view that shows its movement
 * best: viewAdvice in src/core/avatar). A version-1 record is read, not thrown away: its 'front'
 * was the default rather than a choice, so it becomes 'auto'; '45' and 'side' were chosen and stay.
 */
import Taro from '@tarojs/taro'
import type { CameraView } from '../../core/avatar'

export type ViewPref = CameraView | 'auto'

export interface PlayerPrefs {
  mirror: boolean
  view: ViewPref
  speed: number
  closeUp: boolean
  /** Draw the movement path (dots and an arrowhead) of the sign being played. */
  trail: boolean
}

export const PREFS_KEY = 'shouyu.playerPrefs'
export const PREFS_VERSION = 2
export const DEFAULT_PREFS: PlayerPrefs = Object.freeze({ mirror: false, view: 'auto', speed: 1, closeUp: false, trail: true }) as PlayerPrefs
export const SPEEDS = [0.25, 0.5, 0.75, 1, 1.25, 1.5] as const

/** A stored value (any shape, any version) as preferences; what cannot be read falls back to the default. */
export function parsePrefs (raw: unknown): PlayerPrefs {
  if (!raw || typeof raw !== 'object') return { ...DEFAULT_PREFS }
  const r = raw as Record<string, unknown>
  if (r.v !== 1 && r.v !== PREFS_VERSION) return { ...DEFAULT_PREFS }
  const view: ViewPref = r.view === '45' || r.view === 'side' ? r.view
    : r.v === PREFS_VERSION && r.view === 'front' ? 'front' : 'auto'
  return {
    mirror: r.mirror === true,
    view,
    speed: SPEEDS.includes(r.speed as typeof SPEEDS[number]) ? r.speed as number : 1,
    closeUp: r.closeUp === true,
    trail: r.v === PREFS_VERSION ? r.trail !== false : DEFAULT_PREFS.trail
  }
}

export function loadPrefs (): PlayerPrefs {
  try {
    return parsePrefs(Taro.getStorageSync(PREFS_KEY))
  } catch {
    return { ...DEFAULT_PREFS }
  }
}

export function savePrefs (p: PlayerPrefs): void {
  try { Taro.setStorageSync(PREFS_KEY, { v: PREFS_VERSION, ...p }) } catch { /* not fatal: preferences only */ }
}
