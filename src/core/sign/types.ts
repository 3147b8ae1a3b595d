/**
 * The parsed sign notation (format version 1, docs/notation.md). The parser in parse.ts turns
 * the source strings of an entry into these values; the avatar engine compiles them into a
 * timeline. Everything is mirror-invariant: written for the dominant hand, with i/c sides.
 */

export const NOTATION_VERSION = 1 as const

/** Unit direction letters: up, down, forward (away from signer), back, ipsilateral, contralateral. */
export type DirLetter = 'u' | 'd' | 'f' | 'b' | 'i' | 'c'
/** 1–3 non-opposing letters, e.g. 'u', 'uf', 'dci'. Kept as written (canonical order u/d, f/b, i/c). */
export type Dir = string

export type Size = 's' | 'm' | 'l'
export type Distance = 'touch' | 'close' | 'near' | 'far'
export type Side = 'i' | 'c' | 'm'

export interface Location {
  /** Site id from the site table; sites on the other hand are written 'H.palm' etc. */
  site: string
  side?: Side
  distance?: Distance
}

export interface Orientation {
  finger: Dir
  palm: Dir
}

export type Movement =
  | { kind: 'line'; dir: Dir; size: Size }
  | { kind: 'arc'; dir: Dir; bulge: Dir; size: Size }
  | { kind: 'circle'; plane: 'v' | 'h' | 's'; clockwise: boolean; size: Size }
  | { kind: 'zigzag' | 'wave'; dir: Dir; size: Size }
  | { kind: 'twist'; inward: boolean }
  | { kind: 'bend'; dir: Dir }
  | { kind: 'wiggle' }
  | { kind: 'shape'; handshape: string }
  | { kind: 'tap'; at?: Location }
  | { kind: 'brush'; dir: Dir }
  | { kind: 'to'; at: Location }
  | { kind: 'orient'; orient: Orientation }
  | { kind: 'hold'; seconds: number }
  /** Items played at the same time (written a+b). */
  | { kind: 'par'; items: Movement[] }
  /** A bracketed group, or any item, repeated (written item*n or [a b]*n). */
  | { kind: 'repeat'; times: number; items: Movement[] }

export interface HandSpec {
  handshape: string
  orient: Orientation
  loc: Location
  moves: Movement[]
}

export type TwoHandRelation = 'one' | 'mirror' | 'parallel' | 'alternate' | 'base' | 'two'

export type Expression = '疑问' | '高兴' | '难过' | '惊讶' | '生气' | '否定'

export interface NonManual {
  brows?: 'raise' | 'furrow'
  head?: 'nod' | 'shake' | 'tilt'
  mouth?: 'open' | 'o' | 'pursed' | 'smile' | 'frown' | 'puff'
  gaze?: 'front' | 'hand' | 'up' | 'down'
  expr?: Expression
}

/** One simple (non-compound) sign. */
export interface SignNotation {
  version: typeof NOTATION_VERSION
  rel: TwoHandRelation
  dom: HandSpec
  /** Present for 'base' and 'two'; derived by the engine for mirror/parallel/alternate when absent. */
  nondom?: HandSpec
  face: NonManual
}

/** Where a notation problem is: names the file, entry and field, as the issue demands. */
export interface NotationContext {
  entryId: string
  file?: string
  line?: number
}

export interface NotationIssue {
  entryId: string
  file?: string
  line?: number
  /** 'dom' | 'nondom' | 'rel' | 'face' | 'compound' (the source key). */
  field: string
  /** The offending token as written. */
  value: string
  /** Chinese message for editors. */
  message: string
  /** Nearest valid name for a typo, when there is one. */
  suggestion?: string
}
