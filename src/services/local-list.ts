/**
 * Small versioned lists in local storage (recent searches, recent translations). Parsed from
 * unknown on every load: a corrupted value is kept aside under `<key>.broken` and reset, never a
 * crash. Bounded, so a list can never approach WeChat's 1 MB-per-key limit.
 */
import Taro from '@tarojs/taro'

export interface StoredList<T> {
  items: T[]
  /** True when the stored value was unreadable and has been reset. */
  recovered: boolean
}

export function loadList<T> (key: string, version: number, max: number, isItem: (x: unknown) => x is T): StoredList<T> {
  let raw: unknown
  try {
    raw = Taro.getStorageSync(key)
  } catch {
    return { items: [], recovered: true }
  }
  if (raw === '' || raw === undefined || raw === null) return { items: [], recovered: false }
  const v = raw as { v?: unknown, items?: unknown }
  if (typeof v === 'object' && v.v === version && Array.isArray(v.items)) {
    const items = v.items.filter(isItem).slice(0, max)
    return { items, recovered: items.length !== v.items.length }
  }
  try {
    Taro.setStorageSync(`${key}.broken`, raw)
    Taro.removeStorageSync(key)
  } catch { /* storage unavailable: nothing more to keep */ }
  return { items: [], recovered: true }
}

export function saveList<T> (key: string, version: number, items: T[]): boolean {
  try {
    Taro.setStorageSync(key, { v: version, items })
    return true
  } catch {
    return false
  }
}

/** Puts `item` first, removes duplicates (by `same`), keeps at most `max`. */
export function pushRecent<T> (items: T[], item: T, max: number, same: (a: T, b: T) => boolean): T[] {
  return [item, ...items.filter(x => !same(x, item))].slice(0, max)
}
