/**
 * The parsed sign notation (format version 2, docs/notation.md). The parser in parse.ts turns
 * the source strings of an entry into these values; the avatar engine compiles them into a
 * timeline. Written for the dominant hand with i/c sides (mirror-invariant), plus the absolute
 * sides L/R for the few signs tied to the body's own left or right.
 */

export const NOTATION_VERSION = 2 as const

/**
 * Unit direction letters: up, down, forward (away from signer), back, ipsilateral, contralateral,
 * and the signer's own left / right (absolute).
 */
export type DirLetter = 'u' | 'd' | 'f' | 'b' | 'i' | 'c' | 'L' | 'R'
/** 1–3 non-opposing letters, e.g. 'u', 'uf', 'dci', 'uL'. Canonical order u/d, f/b, lateral. */
export type Dir = string

export type Size = 's' | 'm' | 'l'
export type Distance = 'touch' | 'close' | 'near' | 'far'
/** i own side, c the other side, m midline; L / R the signer's own left / right (absolute). */
export type Side = 'i' | 'c' | 'm' | 'L' | 'R'

/** The part of the moving hand that is at the site (docs/notation.md, Location). */
export type HandPart =
  | 'tips' | 'pads' | 'finger' | 'thumb_tip' | 'index_tip' | 'middle_tip' | 'pinky_tip'
  | 'index_side' | 'pinky_side' | 'palm' | 'back' | 'heel' | 'wrist' | 'knuckles'
  | 'grip' | 'hook' | 'interlock'

/** A finger by name, for movements of single fingers (`flex`). */
export type Finger = 'thumb' | 'index' | 'middle' | 'ring' | 'pinky'

export interface Location {
  /** Site id from the site table; sites on the other hand are written 'H.palm' etc. */
  site: string
  side?: Side
  distance?: Distance
  /** The part of this hand at the site; absent: the part nearest the site. */
  part?: HandPart
}

export interface Orientation {
  finger: Dir
  palm: Dir
}

export type Movement =
  | { kind: 'line'; dir: Dir; size: Size }
  | { kind: 'arc'; dir: Dir; bulge: Dir; size: Size }
  /** round: `circle(…,H)`, round the other hand (centred on the start site on it; the engine sizes it). */
  | { kind: 'circle'; plane: 'v' | 'h' | 's'; clockwise: boolean; size: Size; round?: true }
  | { kind: 'zigzag' | 'wave'; dir: Dir; size: Size }
  | { kind: 'twist'; inward: boolean }
  | { kind: 'bend'; dir: Dir }
  | { kind: 'wiggle' }
  /** The named fingers bend at their knuckles and straighten again, together (中指弯动一下). */
  | { kind: 'flex'; fingers: Finger[] }
  /** The thumb rubs along the finger pads (捻动). */
  | { kind: 'rub' }
  /** The hand trembles: small, quick, repeated (抖动). */
  | { kind: 'trill' }
  /** 夹 (仇): the arm closes against the body, the upper arm pressing on what is in the armpit, and opens again. */
  | { kind: 'squeeze' }
  /** Manner of the movements it is joined to with '+': fast (迅速、用力) or slow (缓慢、轻轻). */
  | { kind: 'manner'; fast: boolean }
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

export type TwoHandRelation = 'one' | 'mirror' | 'parallel' | 'alternate' | 'chase' | 'base' | 'two'

export type Expression =
  | '疑问' | '高兴' | '难过' | '惊讶' | '生气' | '否定' | '思考' | '难受' | '坚毅' | '严肃' | '怜爱' | '凶恶'
  | '害怕' | '不满' | '厌恶' | '痛苦' | '怀疑' | '焦急' | '疲劳' | '紧张' | '得意' | '失望' | '期待' | '满意'
  | '轻松' | '傲慢' | '羡慕' | '愧疚'

/** Non-manual features; values with a side are written 'turn.i', 'lean.L' … (docs/notation.md). */
export interface NonManual {
  brows?: 'raise' | 'furrow' | 'sad'
  eyes?: 'closed' | 'squint' | 'wide' | 'blink'
  gaze?: 'front' | 'hand' | 'up' | 'down' | 'far' | 'i' | 'c' | 'L' | 'R'
  head?: 'nod' | 'shake' | 'tilt' | 'tilt.c' | 'tilt.L' | 'tilt.R' | 'down' | 'up' | 'forward' | 'back' |
    'turn.i' | 'turn.c' | 'turn.L' | 'turn.R'
  body?: 'forward' | 'back' | 'lean.i' | 'lean.c' | 'lean.L' | 'lean.R' | 'turn.i' | 'turn.c' | 'turn.L' | 'turn.R' |
    'chest' | 'hunch' | 'sway'
  shoulders?: 'raise' | 'shrug'
  mouth?: 'open' | 'o' | 'pursed' | 'smile' | 'frown' | 'puff' | 'closed' | 'blow' | 'tongue' | 'bite' | 'say'
  nose?: 'wrinkle'
  expr?: Expression
}

/** What a sign's hand covers by design (the face-visibility rule does not apply there). */
export type Covers = 'eyes' | 'mouth' | 'face'

/** One simple (non-compound) sign. */
export interface SignNotation {
  version: typeof NOTATION_VERSION
  rel: TwoHandRelation
  dom: HandSpec
  /** Present for 'base' and 'two'; derived by the engine for mirror/parallel/alternate when absent. */
  nondom?: HandSpec
  face: NonManual
  covers?: Covers
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
