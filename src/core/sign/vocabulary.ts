/**
 * The notation's vocabulary as the pages show it: the finger alphabet and number hands, the
 * handshape chart's groups, the body-location regions, and dictionary headers grouped by
 * handshape / site (指语 and browse pages). These carry the Chinese names and descriptions, so
 * they live beside the tables, not in the avatar engine (its bundle stays free of the texts:
 * docs/avatar.md). Platform-free (no Taro, no DOM).
 */
import { DIACRITIC_LETTER_IDS, LETTER_IDS, type HandshapeGroup } from './handshape-forms'
import { HANDSHAPES, getHandshape, type HandshapeDef } from './handshapes'
import { SITES, type SiteDef, type SiteRegion } from './sites'
import type { EntryHeader } from './header'
import { freeze } from '../base/object'

/** The 30 letters of the 1963 scheme, alphabet order (A–Z, ZH, CH, SH, NG). */
export const FINGER_ALPHABET: readonly HandshapeDef[] = freeze(LETTER_IDS.map(id => getHandshape(id)!).filter(Boolean))

/** The number hands 0–10, in counting order. */
export const NUMBER_HANDS: readonly HandshapeDef[] = freeze(
  HANDSHAPES.filter(h => h.group === 'number').slice().sort((a, b) => Number(a.id) - Number(b.id))
)

/** The ü and ê forms (outside the 30 letters; project decision, docs/notation.md). */
export const DIACRITIC_LETTERS: readonly HandshapeDef[] = freeze(
  Object.values(DIACRITIC_LETTER_IDS).map(id => getHandshape(id)!).filter(Boolean)
)

// ---------------------------------------------------------------------------------------------
// Handshape chart

export interface HandshapeGroupView {
  group: HandshapeGroup
  zh: string
  shapes: readonly HandshapeDef[]
}

const GROUP_NAMES: Readonly<Record<HandshapeGroup, string>> = freeze({
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
export const REGION_ORDER: readonly SiteRegion[] = freeze(['head', 'face', 'neck', 'torso', 'legs', 'arm', 'hand', 'space'] as SiteRegion[])

export const REGION_NAMES: Readonly<Record<SiteRegion, string>> = freeze({
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
