/** Builds the translator's word lookup from the compiled dictionary, once per process. */
import type { DictEntry, Dictionary } from '../sign/dictionary'
import type { TranslateVocabulary } from './types'

const LETTER_ID = /^letter_([a-z]+)$/

/** Minimal entry fields needed (so tests can build a vocabulary from a small fixture). */
export type VocabSource = Pick<Dictionary, 'dataVersion'> & {
  entries: Array<Pick<DictEntry, 'id' | 'word' | 'shares' | 'pos' | 'category' | 'notation'> & Partial<Pick<DictEntry, 'variant' | 'freq'>>>
}

export function buildVocabulary (dict: VocabSource): TranslateVocabulary {
  const byWord = new Map<string, string>()
  const byId: TranslateVocabulary['byId'] = new Map()
  const letters = new Map<string, string>()
  // Rank: an entry's own word beats a share; then the first variant; then frequency.
  const rank = new Map<string, number>()
  let maxWordLength = 1
  const offer = (word: string, id: string, score: number): void => {
    if (word === '') return
    const prev = rank.get(word)
    if (prev !== undefined && prev >= score) return
    rank.set(word, score)
    byWord.set(word, id)
    maxWordLength = Math.max(maxWordLength, [...word].length)
  }
  for (const e of dict.entries) {
    byId.set(e.id, { id: e.id, word: e.word, pos: e.pos, category: e.category, notation: e.notation })
    const m = LETTER_ID.exec(e.id)
    if (m) letters.set(m[1].toUpperCase(), e.id)
    else if (e.category === 'letters' && /^[A-Za-z]{1,2}$/.test(e.word)) letters.set(e.word.toUpperCase(), e.id)
    if (e.category === 'letters') continue // 'A' is not a Chinese word to match in sentences
    const variantPenalty = (e.variant?.n ?? 1) - 1
    const freq = Math.min(e.freq ?? 0, 1e9) / 1e10 // < 0.1: only breaks ties
    offer(e.word, e.id, 10 - variantPenalty + freq)
    for (const s of e.shares) offer(s, e.id, 5 - variantPenalty + freq)
  }
  return { dataVersion: dict.dataVersion, byWord, byId, letters, maxWordLength }
}
