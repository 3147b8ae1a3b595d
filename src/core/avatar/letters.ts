/**
 * Finger-alphabet letters and number hands as player items (指语 page, browse page, quiz).
 * Platform-free (no Taro, no DOM). The lists and charts the pages show with their Chinese names
 * (FINGER_ALPHABET, handshapeChart, sitesByRegion …) are in src/core/sign/vocabulary.ts: the engine
 * needs only the handshapes' geometry (handshape-forms.ts), not their texts.
 */
import { getHandshapeForm } from '../sign/handshape-forms'
import { handshapeSign, type TimelineItem } from './timeline'
import { freeze } from '../base/object'

/**
 * Seconds each fingerspelled letter is held still (passed to the player as letterHold). 0.6 s is
 * a learner's pace: long enough to read the handshape at 1×, and the player's speed control
 * (0.25×–1.5×) stretches or shortens it for slower or faster readers.
 */
export const LEARNER_LETTER_HOLD_S = 0.6

const LETTER_LABELS: Readonly<Record<string, string>> = freeze({ UU: 'Ü', EE: 'Ê' })

/** What a letter chip shows: the letter as written in pinyin ('ZH', 'Ü'). */
export function letterLabel (id: string): string {
  return LETTER_LABELS[id] || id
}

/**
 * One handshape as a player item, in its default orientation with its own letter movement
 * (letters and numbers; other handshapes face forward at neutral space). Null for an unknown id.
 * The movement comes parsed from the table (handshape-forms.ts): the engine carries no parser.
 */
export function letterItem (id: string): TimelineItem | null {
  const def = getHandshapeForm(id)
  if (!def) return null
  return { sign: handshapeSign(id, def.letterMoves ? def.letterMoves.slice() : []), label: letterLabel(id), steps: 1 }
}

export type LetterItemsResult = { ok: true; items: TimelineItem[] } | { ok: false; message: string }

/** Letter ids (as fingerspell() returns them) → one player sequence, or a Chinese error. */
export function letterItems (letters: readonly string[]): LetterItemsResult {
  if (letters.length === 0) return { ok: false, message: '没有要打的字母' }
  const items: TimelineItem[] = []
  for (const id of letters) {
    const item = letterItem(id)
    if (!item) return { ok: false, message: `无法演示字母“${id}”：手形表里没有它` }
    items.push(item)
  }
  return { ok: true, items }
}
