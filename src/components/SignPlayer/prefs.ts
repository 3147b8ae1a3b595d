/** Viewer preferences that follow the user between signs: mirror (left-handed), view, speed. */
import Taro from '@tarojs/taro'
import type { CameraView } from '../../core/avatar'

export interface PlayerPrefs {
  mirror: boolean
  view: CameraView
  speed: number
  closeUp: boolean
}

const KEY = 'shouyu.playerPrefs'
const VERSION = 1
export const DEFAULT_PREFS: PlayerPrefs = Object.freeze({ mirror: false, view: 'front', speed: 1, closeUp: false }) as PlayerPrefs
export const SPEEDS = [0.25, 0.5, 0.75, 1, 1.25, 1.5] as const

export function loadPrefs (): PlayerPrefs {
  try {
    const raw = Taro.getStorageSync(KEY) as any
    if (!raw || raw.v !== VERSION) return { ...DEFAULT_PREFS }
    return {
      mirror: raw.mirror === true,
      view: raw.view === '45' || raw.view === 'side' ? raw.view : 'front',
      speed: SPEEDS.includes(raw.speed) ? raw.speed : 1,
      closeUp: raw.closeUp === true
    }
  } catch {
    return { ...DEFAULT_PREFS }
  }
}

export function savePrefs (p: PlayerPrefs): void {
  try { Taro.setStorageSync(KEY, { v: VERSION, ...p }) } catch { /* not fatal: preferences only */ }
}
