/**
 * Pure helpers behind the 指语 page and the browse page: finger-alphabet letters and number hands
 * as player items, the handshape chart's groups, the body-location regions, and grouping of
 * dictionary headers by handshape / site. Platform-free (no Taro, no DOM).
 */
import { DIACRITIC_LETTER_IDS, HANDSHAPES, LETTER_IDS, getHandshape, type HandshapeDef, type HandshapeGroup } from '../sign/handshapes'
import { SITES, type SiteDef, type SiteRegion } from '../sign/sites'
import { handshapeSign, type TimelineItem } from './timeline'
import { parseMovements } from '../sign/parse'
import type { EntryHeader } from '../sign/header'
import type { Movement } from '../sign/types'

/**
 * Seconds each fingerspelled letter is held still (passed to the player as letterHold). 0.6 s is
 * a learner's pace: long enough to read the handshape at 1×, and the player's speed control
 * (0.25×–1.5×) stretches or shortens it for slower or faster readers.
 */
export const LEARNER_LETTER_HOLD_S = 0.6

/** The 30 letters of the 1963 scheme, alphabet order (A–Z, ZH, CH, SH, NG). */
export const FINGER_ALPHABET: readonly HandshapeDef[] = Object.freeze(LETTER_IDS.map(id => getHandshape(id)!).filter(Boolean))

/** The number hands 0–10, in counting order. */
export const NUMBER_HANDS: readonly HandshapeDef[] = Object.freeze(
  HANDSHAPES.filter(h => h.group === 'number').slice().sort((a, b) => Number(a.id) - Number(b.id))
)

/** The ü and ê forms (outside the 30 letters; project decision, docs/notation.md). */
export const DIACRITIC_LETTERS: readonly HandshapeDef[] = Object.freeze(
  Object.values(DIACRITIC_LETTER_IDS).map(id => getHandshape(id)!).filter(Boolean)
)

const LETTER_LABELS: Readonly<Record<string, string>> = Object.freeze({ UU: 'Ü', EE: 'Ê' })

/** What a letter chip shows: the letter as written in pinyin ('ZH', 'Ü'). */
export function letterLabel (id: string): string {
  return LETTER_LABELS[id] ?? id
}

/** Movements of a letter (ZH = Z + a downward stop); none for static letters and numbers. */
function letterMoves (def: HandshapeDef): Movement[] | null {
  if (!def.letterMove) return []
  const r = parseMovements(def.letterMove, 'letterMove', { entryId: def.id })
  return r.ok ? r.moves : null
}

/**
 * One handshape as a player item, in its default orientation with its own letter movement
 * (letters and numbers; other handshapes face forward at neutral space). Null for an unknown id
 * or a broken movement in the table.
 */
export function letterItem (id: string): TimelineItem | null {
  const def = getHandshape(id)
  if (!def) return null
  const moves = letterMoves(def)
  if (!moves) return null
  return { sign: handshapeSign(id, moves), label: letterLabel(id), steps: 1 }
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

// ---------------------------------------------------------------------------------------------
// Handshape chart

export interface HandshapeGroupView {
  group: HandshapeGroup
  zh: string
  shapes: readonly HandshapeDef[]
}

const GROUP_NAMES: Readonly<Record<HandshapeGroup, string>> = Object.freeze({
  letter: '手指字母',
  number: '数字手形',
  common: '常用手形'
})

/** Every handshape of the table exactly once, grouped letters → numbers → common, table order. */
export function handshapeChart (): HandshapeGroupView[] {
  return (['letter', 'number', 'common'] as const).map(g => ({
    group: g,
    zh: GROUP_NAMES[g],
    shapes: g === 'number' ? NUMBER_HANDS : HANDSHAPES.filter(h => h.group === g)
  }))
}

// ---------------------------------------------------------------------------------------------
// Body locations

/** Region order of the location browser: top of the body down, then the other hand and space. */
export const REGION_ORDER: readonly SiteRegion[] = Object.freeze(['head', 'face', 'neck', 'torso', 'legs', 'arm', 'hand', 'space'] as SiteRegion[])

export const REGION_NAMES: Readonly<Record<SiteRegion, string>> = Object.freeze({
  head: '头部',
  face: '面部',
  neck: '颈部',
  torso: '躯干',
  legs: '腰以下',
  arm: '手臂',
  hand: '另一只手',
  space: '身前空间'
})

export interface SiteRegionView {
  region: SiteRegion
  zh: string
  sites: readonly SiteDef[]
}

/** Every site exactly once, grouped by region in REGION_ORDER; empty regions left out. */
export function sitesByRegion (sites: readonly SiteDef[] = SITES): SiteRegionView[] {
  return REGION_ORDER
    .map(region => ({ region, zh: REGION_NAMES[region], sites: sites.filter(s => s.region === region) }))
    .filter(r => r.sites.length > 0)
}

// ---------------------------------------------------------------------------------------------
// Dictionary headers by handshape / site

/**
 * Headers grouped by the dominant hand's start handshape or site. Keeps the input order inside a
 * group (the compiled HEADERS are most frequent first, so the lists are too).
 */
export function headersBy (headers: readonly EntryHeader[], key: 'handshape' | 'site' | 'category'): Map<string, EntryHeader[]> {
  const out = new Map<string, EntryHeader[]>()
  for (const h of headers) {
    const k = h[key]
    if (!k) continue
    const list = out.get(k)
    if (list) list.push(h)
    else out.set(k, [h])
  }
  return out
}
