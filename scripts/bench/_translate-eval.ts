/**
 * Scores the offline translator on the labelled pairs (test/fixtures/translate/*.json) beside the
 * untouched Chinese order (every word the segmenter finds, in the sentence's order: what signing
 * word for word gives). Both sides are compared as signs: a gloss counts as the dictionary entry
 * it names (word, share, or our synonym table), else as its text. Used by the bench and by
 * test/unit/translate/labelled.test.ts.
 */
import { pinyin } from 'pinyin-pro'
import { SYNONYMS } from '../../src/core/translate/constants'
import { normalizeText } from '../../src/core/translate/normalize'
import { translateOffline } from '../../src/core/translate/offline'
import type { Gloss, TranslateMode, TranslateVocabulary } from '../../src/core/translate/types'
import type { Segmenter } from '../../src/core/translate/words'
import { corpusBleu4, meanRougeL } from './_metrics'

export interface LabelledPair { text: string, glosses: string[], sources: string[] }
export interface LabelledSet { pairs: LabelledPair[] }

const toPinyin = (s: string): string => pinyin(s, { toneType: 'none', v: true })
const PUNCT = /^[\s\p{P}\p{S}]+$/u

export function signKey (word: string, vocab: TranslateVocabulary): string {
  return vocab.byWord.get(word) ?? (SYNONYMS[word] !== undefined ? vocab.byWord.get(SYNONYMS[word]) : undefined) ?? word
}

const glossKey = (g: Gloss, vocab: TranslateVocabulary): string => g.id ?? signKey(g.text, vocab)

export function offlineSigns (text: string, vocab: TranslateVocabulary, seg: Segmenter, mode: TranslateMode = 'standard'): string[] {
  return translateOffline(text, vocab, { mode, toPinyin, segmenter: seg }).glosses.map(g => glossKey(g, vocab))
}

export function baselineSigns (text: string, vocab: TranslateVocabulary, seg: Segmenter): string[] {
  return seg.tag(normalizeText(text)).map(t => t.word).filter(w => !PUNCT.test(w)).map(w => signKey(w, vocab))
}

export interface Scores { rougeL: number, bleu4: number, baselineRougeL: number, baselineBleu4: number, conciseRatio: number }

export function score (set: LabelledSet, vocab: TranslateVocabulary, seg: Segmenter): Scores {
  const refs = set.pairs.map(p => p.glosses.map(g => signKey(g, vocab)))
  const rules = set.pairs.map((p, i) => ({ hyp: offlineSigns(p.text, vocab, seg), ref: refs[i] }))
  const base = set.pairs.map((p, i) => ({ hyp: baselineSigns(p.text, vocab, seg), ref: refs[i] }))
  let signs = 0
  let chars = 0
  for (const p of set.pairs) {
    signs += offlineSigns(p.text, vocab, seg, 'concise').length
    chars += [...p.text].filter(c => !PUNCT.test(c)).length
  }
  const r = (x: number): number => Math.round(x * 10) / 10
  return {
    rougeL: r(meanRougeL(rules)),
    bleu4: r(corpusBleu4(rules)),
    baselineRougeL: r(meanRougeL(base)),
    baselineBleu4: r(corpusBleu4(base)),
    conciseRatio: Math.round(1000 * signs / Math.max(1, chars)) / 1000
  }
}
