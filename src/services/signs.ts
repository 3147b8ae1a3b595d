/**
 * Full entries (notation, description, provenance) for the pages of the `pkg` subpackage. Only
 * those pages import this module, so the sign bodies ship in the subpackage, not the main
 * package.
 */
import { SIGNS } from '../data/compiled/signs'
import { describeEntry, type EntryBody, type EntryHeader, resolveEntrySigns, type ResolvableEntry, type ResolveResult } from '../core/sign'
import { currentId, getHeader, headers } from './dictionary'

export interface FullEntry extends EntryHeader, EntryBody {}

export function getEntry (id: string): FullEntry | undefined {
  const h = getHeader(id)
  const b = SIGNS[currentId(id)]
  if (!h || !b) return undefined
  return { ...h, ...b }
}

/** Every entry of one word (several when the word has variants ①②), variant order. */
export function entriesOfWord (word: string): FullEntry[] {
  return headers().filter(h => h.word === word).map(h => getEntry(h.id)!).filter(Boolean)
    .sort((a, b) => (a.variant ?? 0) - (b.variant ?? 0))
}

const lookup = (x: string): ResolvableEntry | undefined => {
  const e = getEntry(x)
  return e && { id: e.id, word: e.word, notation: e.notation }
}

/** The simple signs the avatar plays for an entry (compounds flattened). */
export function resolveForPlayer (id: string): ResolveResult {
  return resolveEntrySigns(id, lookup)
}

/** The description steps shown beside the avatar, generated from the notation (empty when it cannot be read). */
export function stepsOf (id: string): string[] {
  const r = describeEntry(id, lookup)
  return r.ok ? r.steps : []
}
