/**
 * Syncing only what changed. After each sync the device keeps a SyncRecord: a fingerprint of
 * each card, each favorite and each other part as the cloud holds them, and the cloud's revision.
 * The next upload carries only what differs from that record; since merging is a join, a partial
 * state merges into the cloud copy exactly like a whole one (docs/learn.md §Sync).
 *
 * The record is only a shortcut: when the cloud no longer descends from the recorded revision
 * (another device's write won a race, the data was deleted) the cloud answers RESYNC and the
 * device sends everything.
 */
import { hash53 } from '../base/rng'
import { emptyProgress } from './state'
import type { CardState, FavoriteMark, ProgressState } from './types'

/** Version of the stored SyncRecord. */
export const SYNC_RECORD_VERSION = 1

export interface SyncRecord {
  v: typeof SYNC_RECORD_VERSION
  /** The cloud's revision this record describes. */
  rev: string
  cards: Record<string, string>
  favorites: Record<string, string>
  /** history (with historyClearedAt), settings, quizzes, activity */
  parts: Record<string, string>
}

/** The card's reviews (what identifies it; the FSRS fields are derived from them). */
export function cardFingerprint (c: CardState): string {
  return hash53(JSON.stringify([c.first, c.base ? [c.base.upTo, c.base.n] : 0, c.log]))
}

function favoriteFingerprint (m: FavoriteMark): string {
  return `${m.at}${m.on ? '+' : '-'}`
}

function partFingerprints (s: ProgressState): Record<string, string> {
  return {
    history: hash53(JSON.stringify([s.historyClearedAt, s.history])),
    settings: hash53(JSON.stringify(s.settings)),
    quizzes: hash53(JSON.stringify(s.quizzes)),
    activity: hash53(JSON.stringify(s.activity))
  }
}

/** The record of a state the cloud holds at revision `rev`. */
export function syncRecord (cloud: ProgressState, rev: string): SyncRecord {
  const cards: Record<string, string> = {}
  for (const id of Object.keys(cloud.cards)) cards[id] = cardFingerprint(cloud.cards[id])
  const favorites: Record<string, string> = {}
  for (const id of Object.keys(cloud.favorites)) favorites[id] = favoriteFingerprint(cloud.favorites[id])
  return { v: SYNC_RECORD_VERSION, rev, cards, favorites, parts: partFingerprints(cloud) }
}

/**
 * What the cloud lacks of `state`, as a (partial) ProgressState: the cards and favorites whose
 * fingerprint differs from the record, and each other part only if it changed (an unchanged
 * part travels as its empty value, which merging ignores).
 */
export function syncDelta (state: ProgressState, record: SyncRecord): ProgressState {
  const out = emptyProgress()
  for (const id of Object.keys(state.cards)) {
    if (record.cards[id] !== cardFingerprint(state.cards[id])) out.cards[id] = state.cards[id]
  }
  for (const id of Object.keys(state.favorites)) {
    if (record.favorites[id] !== favoriteFingerprint(state.favorites[id])) out.favorites[id] = state.favorites[id]
  }
  const now = partFingerprints(state)
  if (now.history !== record.parts.history) { out.history = state.history; out.historyClearedAt = state.historyClearedAt }
  if (now.settings !== record.parts.settings) out.settings = state.settings
  if (now.quizzes !== record.parts.quizzes) out.quizzes = state.quizzes
  if (now.activity !== record.parts.activity) out.activity = state.activity
  return out
}

const isStrings = (v: unknown): v is Record<string, string> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every(x => typeof x === 'string')

/** A stored record, or null (then the next sync sends everything: always safe). */
export function parseSyncRecord (raw: unknown): SyncRecord | null {
  let v = raw
  if (typeof v === 'string') { try { v = JSON.parse(v) } catch { return null } }
  if (typeof v !== 'object' || v === null) return null
  const r = v as Record<string, unknown>
  if (r.v !== SYNC_RECORD_VERSION || typeof r.rev !== 'string' || r.rev === '' || !isStrings(r.cards) || !isStrings(r.favorites) || !isStrings(r.parts)) return null
  return { v: SYNC_RECORD_VERSION, rev: r.rev, cards: r.cards, favorites: r.favorites, parts: r.parts }
}
