/**
 * Decks (入门 100, a category, favorites) and today's plan: due reviews plus new signs up to the
 * daily goal. Days are local days: `tzOffsetMin` east of UTC (China +480) sets the boundary.
 */
import type { EntryHeader } from '../sign/header'
import { favoriteIds } from './collections'
import { DAY_MS, DEFAULT_TZ_OFFSET_MIN, MINUTE_MS, STARTER_DECK_SIZE } from './constants'
import { hashString } from '../base/rng'
import { cardId, dueCards, parseCardId } from './schedule'
import type { CardId, CardKind, DeckId, EpochMs, ProgressState } from './types'

/** Local day number (days since 1970-01-01 in that zone). */
export function localDay (t: EpochMs, tzOffsetMin: number = DEFAULT_TZ_OFFSET_MIN): number {
  return Math.floor((t + tzOffsetMin * MINUTE_MS) / DAY_MS)
}

/** Epoch ms when local day `day` starts. */
export function dayStart (day: number, tzOffsetMin: number = DEFAULT_TZ_OFFSET_MIN): EpochMs {
  return day * DAY_MS - tzOffsetMin * MINUTE_MS
}

/** Categories that are not words to learn as flashcards (the alphabet, number hands). */
const NOT_WORD_CATEGORIES = new Set(['letters', 'numbers'])

/** True for an entry that is a word sign (not a letter, a number hand or fingerspelled). */
export function isWordEntry (h: EntryHeader): boolean {
  return !NOT_WORD_CATEGORIES.has(h.category) && h.type !== 'fingerspelled' && h.type !== 'number'
}

function byFreq (a: EntryHeader, b: EntryHeader): number {
  return b.freq - a.freq || (a.variant ?? 0) - (b.variant ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/**
 * 入门 100: the most frequent word signs, one sign per word (the first variant), excluding
 * letters and numbers.
 */
export function starterDeck (headers: readonly EntryHeader[]): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const h of headers.filter(isWordEntry).sort(byFreq)) {
    if (seen.has(h.word)) continue
    seen.add(h.word)
    out.push(h.id)
    if (out.length === STARTER_DECK_SIZE) break
  }
  return out
}

/** The entry ids of a deck, in learning order. */
export function deckEntries (deck: DeckId, headers: readonly EntryHeader[], state: ProgressState): string[] {
  if (deck === 'starter') return starterDeck(headers)
  if (deck === 'favorites') {
    const known = new Set(headers.map(h => h.id))
    return favoriteIds(state).filter(id => known.has(id)).reverse() // oldest favorite first
  }
  const cat = deck.slice('cat:'.length)
  return headers.filter(h => h.category === cat).sort(byFreq).map(h => h.id)
}

/** The card kinds new signs get under the current settings. */
export function kindsFor (state: ProgressState): CardKind[] {
  const d = state.settings.directions
  return d === 'both' ? ['s2w', 'w2s'] : [d]
}

/** Entries whose first card was first reviewed on the local day of `now`. */
export function newEntriesToday (state: ProgressState, now: EpochMs, tzOffsetMin: number = DEFAULT_TZ_OFFSET_MIN): string[] {
  const today = localDay(now, tzOffsetMin)
  const firstByEntry = new Map<string, number>()
  for (const [id, c] of Object.entries(state.cards)) {
    const p = parseCardId(id)
    if (!p) continue
    const f = firstByEntry.get(p.entryId)
    if (f === undefined || c.first < f) firstByEntry.set(p.entryId, c.first)
  }
  return Array.from(firstByEntry.entries()).filter(([, f]) => localDay(f, tzOffsetMin) === today).map(([e]) => e)
}

export interface TodayPlan {
  /** Cards due now (learning steps and reviews), most overdue first. */
  reviews: CardId[]
  /** Cards of new signs to introduce, in deck order (both directions of a sign together). */
  newCards: CardId[]
  /** Entries of those new cards. */
  newEntries: string[]
  /** New signs still allowed today (goal minus those already introduced today). */
  newLeft: number
  /** Reviews due later today (after `now`, before the local midnight). */
  laterToday: number
}

/**
 * Today's session for a deck.
 * @param state progress
 * @param deck which deck new signs come from (reviews come from every deck)
 * @param headers the dictionary's entry headers
 * @param now current time
 * @param tzOffsetMin local time-zone offset east of UTC in minutes (default China, +480)
 */
export function planToday (state: ProgressState, deck: DeckId, headers: readonly EntryHeader[], now: EpochMs,
  tzOffsetMin: number = DEFAULT_TZ_OFFSET_MIN): TodayPlan {
  const reviews = dueCards(state, now)
  const endOfDay = dayStart(localDay(now, tzOffsetMin) + 1, tzOffsetMin)
  let laterToday = 0
  for (const c of Object.values(state.cards)) if (c.due > now && c.due < endOfDay) laterToday++
  const newLeft = Math.max(0, state.settings.dailyNew - newEntriesToday(state, now, tzOffsetMin).length)
  const kinds = kindsFor(state)
  const newEntries: string[] = []
  const newCards: CardId[] = []
  for (const id of deckEntries(deck, headers, state)) {
    if (newEntries.length >= newLeft) break
    const fresh = kinds.map(k => cardId(id, k)).filter(c => state.cards[c] === undefined)
    // An entry already started in one direction is not new; its other direction waits for the settings.
    if (fresh.length !== kinds.length) continue
    newEntries.push(id)
    newCards.push(...fresh)
  }
  return { reviews, newCards, newEntries, newLeft, laterToday }
}

/** 每日一词: a word sign chosen by the local date, the same all day for everyone. */
export function wordOfTheDay (headers: readonly EntryHeader[], now: EpochMs, tzOffsetMin: number = DEFAULT_TZ_OFFSET_MIN): EntryHeader | null {
  const pool = starterDeck(headers)
  if (pool.length === 0) return null
  const day = localDay(now, tzOffsetMin)
  const id = pool[hashString(`day:${day}`) % pool.length]
  return headers.find(h => h.id === id) ?? null
}
