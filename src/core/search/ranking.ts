/**
 * The ranking of search, as one table (docs/search.md mirrors it; test/unit/search/ranking.test.ts
 * compares the two). Kinds, best first; within a kind the sub-tiers below (smaller first) are added
 * up for a candidate, then entries tie by frequency, shorter word, variant and id.
 */
import type { MatchKind } from './types'

export interface Tier {
  kind: MatchKind
  /** Named sub-tier values within the kind; a candidate's sub-tier is the sum of those that apply. */
  sub: Readonly<Record<string, number>>
}

export const TIERS: readonly Tier[] = Object.freeze([
  { kind: 'exact', sub: {} },
  { kind: 'shared', sub: {} },
  { kind: 'prefix', sub: { plainPrefix: 0, hanziThenPinyin: 1, sharedWord: 2 } },
  { kind: 'contains', sub: {} },
  { kind: 'pinyin', sub: { ownWord: 0, sharedWord: 1 } },
  { kind: 'pinyin-prefix', sub: { wholeSyllables: 0, sharedWord: 1, syllableInProgress: 2 } },
  { kind: 'initials', sub: { oneLetterPerSyllable: 0, sharedWord: 1, everySyllable: 2, firstSyllables: 4 } },
  { kind: 'fuzzy', sub: { wholeKey: 0, sharedWord: 1, perChangedLetter: 2, prefixOnly: 10 } },
  { kind: 'typo', sub: { ownWord: 0, sharedWord: 1 } }
] as Tier[])

/** Ranking order of the kinds, best first. */
export const MATCH_KINDS: readonly MatchKind[] = Object.freeze(TIERS.map(t => t.kind))

/** The sub-tier values of one kind, by name. */
export function subTiers<K extends MatchKind> (kind: K): Readonly<Record<string, number>> {
  return TIERS.find(t => t.kind === kind)!.sub
}

/** Score = kind score − sub-tier (sub-tiers stay below 100, so kinds never overlap). */
export const KIND_SCORE: Readonly<Record<MatchKind, number>> = Object.freeze(
  Object.fromEntries(MATCH_KINDS.map((k, i) => [k, (MATCH_KINDS.length - i) * 100])) as Record<MatchKind, number>
)
