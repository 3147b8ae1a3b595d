/** Types of the sentence translator, shared by the offline rules, the model path and the client. */
import type { NotationSource } from '../sign/dictionary'

export type TranslateMode = 'standard' | 'concise'
export const TRANSLATE_MODES: readonly TranslateMode[] = ['standard', 'concise']

/** One sign of the sequence: a dictionary entry, or a fingerspelled word (pinyin, toneless). */
export interface Gloss {
  /** The Chinese word this sign stands for (shown on the chip). */
  text: string
  id?: string
  /** Toneless pinyin, syllables separated by spaces ('zhang san'). */
  fingerspell?: string
  /** Yes/no question: sign this one with the 疑问 expression (from 吗). */
  question?: true
}

export interface GlossPlan {
  glosses: Gloss[]
  /** Words of the sentence (or of the model reply) that are not signed. */
  dropped: string[]
  /** Short Chinese notes on what the rules did (reordering, fingerspelling…). */
  notes: string[]
}

/** What the translator needs from a dictionary entry. */
export interface VocabEntry {
  id: string
  word: string
  pos: string
  category: string
  notation: NotationSource
}

/** Word and share lookup built once from a Dictionary (see buildVocabulary). */
export interface TranslateVocabulary {
  dataVersion: string
  /** word or shared word → entry id (the entry's own word wins over a share). */
  byWord: Map<string, string>
  byId: Map<string, VocabEntry>
  /** Finger letter ('A', 'ZH', …) → entry id. */
  letters: Map<string, string>
  /** Longest word or share, in code points (bounds the longest-match search). */
  maxWordLength: number
}

/** A gloss as the client receives it: enough to play without loading the dictionary. */
export interface ResponseGloss extends Gloss {
  /** Finger letters of a fingerspelled gloss ('ZH', 'A', 'NG'). */
  letters?: string[]
  /** What the avatar plays, in order: a compound flattened to its parts, or the letter signs. */
  parts: Array<{ label: string, notation: NotationSource }>
}
