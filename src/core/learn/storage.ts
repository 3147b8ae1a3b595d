/**
 * How a ProgressState is laid out in key-value storage (Taro storage, 1 MB per key): one main
 * key for everything but the cards, and CARD_SHARDS keys for the cards, bucketed by a hash of
 * the entry id. Each key is a JSON string, so its size is known before writing and a garbled
 * value is detected on reading. Pure: the adapter in src/services/progress.ts does the I/O.
 */
import { CARD_SHARDS, PROGRESS_VERSION, STORAGE_CARDS_KEY_PREFIX, STORAGE_KEY_LIMIT_BYTES, STORAGE_MAIN_KEY } from './constants'
import { hashString } from '../base/rng'
import { parseCardId } from './schedule'
import { parseProgress } from './state'
import type { CardId, CardState, EpochMs, ParseResult, ProgressState } from './types'

/** Bytes of `s` in UTF-8 (what storage quotas count), without TextEncoder (not in ES2020). */
export function utf8Bytes (s: string): number {
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x80) n += 1
    else if (c < 0x800) n += 2
    else if (c >= 0xD800 && c <= 0xDBFF) { n += 4; i++ } // a surrogate pair: one 4-byte code point
    else n += 3
  }
  return n
}

export function cardShard (id: CardId): number {
  const p = parseCardId(id)
  // Both directions of an entry share a shard, so an entry's cards are saved together.
  return hashString(p ? p.entryId : id) % CARD_SHARDS
}

export function storageKeys (): string[] {
  const keys = [STORAGE_MAIN_KEY]
  for (let i = 0; i < CARD_SHARDS; i++) keys.push(STORAGE_CARDS_KEY_PREFIX + i)
  return keys
}

export interface EncodedKey { key: string, value: string, bytes: number }

/** The storage keys and JSON strings for a state; `bytes` tells the adapter if a key is too big. */
export function encodeProgress (state: ProgressState): EncodedKey[] {
  const { cards, ...main } = state
  const shards: Array<Record<CardId, CardState>> = []
  for (let i = 0; i < CARD_SHARDS; i++) shards.push({})
  for (const id of Object.keys(cards)) shards[cardShard(id)][id] = cards[id]
  const out: EncodedKey[] = []
  const push = (key: string, v: unknown): void => {
    const value = JSON.stringify(v)
    out.push({ key, value, bytes: utf8Bytes(value) })
  }
  push(STORAGE_MAIN_KEY, main)
  shards.forEach((s, i) => push(STORAGE_CARDS_KEY_PREFIX + i, { version: PROGRESS_VERSION, cards: s }))
  return out
}

/** True when every key fits the per-key limit. */
export function fitsStorage (keys: readonly EncodedKey[]): boolean {
  return keys.every(k => k.bytes < STORAGE_KEY_LIMIT_BYTES)
}

const absent = (v: unknown): boolean => v === undefined || v === null || v === ''

/**
 * Reads the state back from storage. Never throws: a garbled key is set aside and its part
 * reset; the other keys are still used.
 * @param read returns the stored value of a key ('' or undefined when missing, as Taro does)
 * @param now see parseProgress
 */
export function decodeProgress (read: (key: string) => unknown, now: EpochMs): ParseResult {
  const recovered: string[] = []
  const aside: Record<string, unknown> = {}
  const parse = (key: string): unknown => {
    const raw = read(key)
    if (absent(raw)) return undefined
    if (typeof raw !== 'string') return raw
    try { return JSON.parse(raw) } catch { aside[key] = raw; return null }
  }
  let main = parse(STORAGE_MAIN_KEY)
  if (main === null || (main !== undefined && (typeof main !== 'object' || Array.isArray(main)))) {
    if (!(STORAGE_MAIN_KEY in aside)) aside[STORAGE_MAIN_KEY] = main
    recovered.push('学习进度数据无法读取，已重置（原数据已备份）。')
    main = { version: PROGRESS_VERSION }
  }
  // No main key but card keys: a main key lost on its own; the cards are still version 1.
  const mainObj = (main ?? { version: PROGRESS_VERSION }) as Record<string, unknown>
  // A format newer than this build: leave every key alone for parseProgress to refuse as a whole.
  const future = typeof mainObj.version === 'number' && mainObj.version > PROGRESS_VERSION
  const cards: Record<string, unknown> = { ...(isPlainObject(mainObj.cards) ? mainObj.cards : {}) }
  let anyShard = false
  for (let i = 0; i < CARD_SHARDS; i++) {
    const key = STORAGE_CARDS_KEY_PREFIX + i
    const shard = parse(key)
    if (shard === undefined || future) continue
    if (isPlainObject(shard) && shard.version === PROGRESS_VERSION && isPlainObject(shard.cards)) {
      Object.assign(cards, shard.cards)
      anyShard = true
    } else {
      if (!(key in aside)) aside[key] = shard
      recovered.push(`部分学习卡片（第 ${i + 1} 组）无法读取，已重置（原数据已备份）。`)
    }
  }
  const raw = main === undefined && !anyShard ? undefined : { ...mainObj, ...(anyShard || mainObj.cards !== undefined ? { cards } : {}) }
  const res = parseProgress(raw, now)
  const allAside = { ...aside, ...(res.aside ?? {}) }
  return {
    state: res.state,
    recovered: [...recovered, ...res.recovered],
    cardProblems: res.cardProblems,
    aside: Object.keys(allAside).length > 0 ? allAside : null
  }
}

function isPlainObject (v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v)
}
