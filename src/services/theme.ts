/**
 * The system theme (WeChat's dark mode, the browser's prefers-color-scheme): what the page's CSS
 * variables follow by themselves (app.css), and what canvas drawing must be told (the avatar's
 * palette, the share card). On weapp `darkmode: true` in app.config makes the theme readable.
 */
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import type { Theme } from '../core/avatar'

const DARK_QUERY = '(prefers-color-scheme: dark)'

export function currentTheme (): Theme {
  if (process.env.TARO_ENV === 'h5') {
    return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(DARK_QUERY).matches ? 'dark' : 'light'
  }
  try {
    return (Taro.getSystemInfoSync() as { theme?: string }).theme === 'dark' ? 'dark' : 'light'
  } catch {
    return 'light'
  }
}

/** Calls `cb` whenever the system theme changes; returns the unsubscribe. */
export function onThemeChange (cb: (t: Theme) => void): () => void {
  if (process.env.TARO_ENV === 'h5') {
    if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return () => {}
    const mql = window.matchMedia(DARK_QUERY)
    const listener = (e: MediaQueryListEvent): void => cb(e.matches ? 'dark' : 'light')
    mql.addEventListener('change', listener)
    return () => mql.removeEventListener('change', listener)
  }
  const listener = (r: { theme?: string }): void => cb(r?.theme === 'dark' ? 'dark' : 'light')
  try {
    Taro.onThemeChange(listener as any)
    return () => { try { Taro.offThemeChange(listener as any) } catch { /* gone with the page */ } }
  } catch {
    return () => {}
  }
}

/** The theme now, re-rendering when it changes. */
export function useTheme (): Theme {
  const [theme, setTheme] = useState<Theme>(currentTheme)
  useEffect(() => onThemeChange(setTheme), [])
  return theme
}
