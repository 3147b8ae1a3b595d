/**
 * Entry ids that the dictionary retired by merging two entries of one national sign (她 into 他):
 * the learner's cards, favorites and history under the old id move to the entry that now holds
 * the word, so no review is lost. Pure; the aliases come from the compiled dictionary.
 */
import { mergeProgress } from './merge'
import { parseCardId } from './schedule'
import type { CardState, FavoriteMark, HistoryItem, ProgressState } from './types'

/**
 * @param aliases old entry id → the entry id that replaced it
 * @returns `s` itself when nothing is under an old id, else a state where everything is under the new ids
 */
export function renameEntries (s: ProgressState, aliases: Readonly<Record<string, string>>): ProgressState {
  const to = (id: string): string | undefined => (Object.prototype.hasOwnProperty.call(aliases, id) ? aliases[id] : undefined)
  const keptCards: Record<string, CardState> = {}
  const movedCards: Record<string, CardState> = {}
  let moved = false
  for (const [cid, card] of Object.entries(s.cards)) {
    const p = parseCardId(cid)
    const n = p ? to(p.entryId) : undefined
    if (p && n) { movedCards[`${n}@${p.kind}`] = card; moved = true } else keptCards[cid] = card
  }
  const keptFav: Record<string, FavoriteMark> = {}
  const movedFav: Record<string, FavoriteMark> = {}
  for (const [id, m] of Object.entries(s.favorites)) {
    const n = to(id)
    if (n) { movedFav[n] = m; moved = true } else keptFav[id] = m
  }
  const keptHist: HistoryItem[] = []
  const movedHist: HistoryItem[] = []
  for (const h of s.history) {
    const n = to(h.id)
    if (n) { movedHist.push({ ...h, id: n }); moved = true } else keptHist.push(h)
  }
  if (!moved) return s
  // Two halves merged as two devices' copies are: a card under both ids keeps every review.
  const a: ProgressState = { ...s, cards: keptCards, favorites: keptFav, history: keptHist }
  const b: ProgressState = { ...s, cards: movedCards, favorites: movedFav, history: movedHist, quizzes: [], activity: [] }
  return mergeProgress(a, b)
}
