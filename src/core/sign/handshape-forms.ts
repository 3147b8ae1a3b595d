import type { Dir, Movement } from './types'

/**
 * The handshape table, geometry half: every handshape id the notation accepts (docs/notation.md),
 * written as categorical codes (HamNoSys-style flexion categories, avatar/hand-model.ts FLEX_DEG)
 * that the engine bakes into joint angles. Letters carry the default orientation (and movement) of
 * the finger alphabet.
 *
 * Why two files: the avatar engine needs only this half; the Chinese names, descriptions and
 * sources (handshapes.ts) are for the describer, the validator, the pages and the docs, and would
 * otherwise make up a fifth of the engine's bundle (scripts/bench/engine.ts, docs/avatar.md).
 * Each id has exactly one row here and one in handshapes.ts, in the same order; a test checks it
 * (test/unit/sign/tables.test.ts). A new handshape is a `form(...)` row here and a `text(...)` row
 * there.
 */

/**
 * Per-finger flexion category. E extended · e lax · hb half-bent at the base · b bent 90° at the
 * base · r round · c cee curve · p pinch curve · h hooked (tip curled back) · k crooked (bent at
 * the middle joint, tip to the side: 九 and J, a "?" in profile) · db double-bent · F fist.
 */
export type FlexCode = 'E' | 'e' | 'hb' | 'b' | 'r' | 'c' | 'p' | 'h' | 'k' | 'db' | 'F'

/** '=' together · '{' spread · 'x' index and middle crossed. */
export type SpreadCode = '=' | '{' | 'x'

/**
 * out: abducted in the palm plane (as in L) · up: alongside the index, extended · tuck: tip to the
 * palm · across: over the bent fingers' middle phalanges (fist) · opp: opposed and curved, facing
 * the fingertips (C) · touch_X: tip touching finger X · side: against the side of the index ·
 * gap: opposed to the index tip with a narrow gap (薄).
 */
export type ThumbCode =
  | 'out' | 'up' | 'tuck' | 'across' | 'opp'
  | 'touch_index' | 'touch_middle' | 'touch_ring' | 'touch_pinky' | 'side' | 'gap'

export type HandshapeGroup = 'letter' | 'number' | 'common'

export interface HandshapeForm {
  id: string
  group: HandshapeGroup
  /** Index, middle, ring, pinky. */
  fingers: readonly [FlexCode, FlexCode, FlexCode, FlexCode]
  spread: SpreadCode
  thumb: ThumbCode
  /** Finger-alphabet letters and number hands: the orientation they are shown in. */
  defaultOrient?: { finger: Dir; palm: Dir }
  /**
   * Letters that move: the movement, as the parser would give it for the notation written next to
   * each constant below (kept parsed so the engine needs no parser; a test parses the written form
   * and compares).
   */
  letterMoves?: readonly Movement[]
}

/** ZH CH SH NG: the base letter, then a small downward stop — `line(d,s)`. */
const DOWN_STOP: readonly Movement[] = Object.freeze([Object.freeze({ kind: 'line', dir: 'd', size: 's' } as const)])
/** ü: U with a small sideways shake, the two dots — `line(c,s) line(i,s)` (docs/notation.md, Fingerspelling). */
const SHAKE: readonly Movement[] = Object.freeze([
  Object.freeze({ kind: 'line', dir: 'c', size: 's' } as const),
  Object.freeze({ kind: 'line', dir: 'i', size: 's' } as const)
])
/** ê: E with a small caret — `arc(c,u,s)` (docs/notation.md, Fingerspelling). */
const CARET: readonly Movement[] = Object.freeze([Object.freeze({ kind: 'arc', dir: 'c', bulge: 'u', size: 's' } as const)])

function form (
  id: string,
  group: HandshapeGroup,
  fingers: readonly [FlexCode, FlexCode, FlexCode, FlexCode],
  spread: SpreadCode,
  thumb: ThumbCode,
  orient?: [Dir, Dir],
  letterMoves?: readonly Movement[]
): HandshapeForm {
  const def: HandshapeForm = { id, group, fingers, spread, thumb }
  if (orient) def.defaultOrient = { finger: orient[0], palm: orient[1] }
  if (letterMoves) def.letterMoves = letterMoves
  return Object.freeze(def)
}

/** Handedness: orientations are for the right (dominant) hand; 'c' (contralateral) is its left. */
const LETTERS: HandshapeForm[] = [
  form('A', 'letter', ['F', 'F', 'F', 'F'], '=', 'up', ['u', 'c']),
  form('B', 'letter', ['E', 'E', 'E', 'E'], '=', 'tuck', ['u', 'fc']),
  form('C', 'letter', ['c', 'c', 'c', 'c'], '=', 'opp', ['u', 'c']),
  form('D', 'letter', ['F', 'F', 'F', 'F'], '=', 'across', ['df', 'c']),
  form('E', 'letter', ['r', 'E', 'E', 'E'], '{', 'touch_index', ['c', 'b']),
  form('F', 'letter', ['E', 'E', 'F', 'F'], '{', 'touch_ring', ['c', 'b']),
  form('G', 'letter', ['E', 'F', 'F', 'F'], '=', 'across', ['c', 'b']),
  form('H', 'letter', ['E', 'E', 'F', 'F'], '=', 'touch_ring', ['u', 'fc']),
  form('I', 'letter', ['E', 'F', 'F', 'F'], '=', 'across', ['u', 'fc']),
  form('J', 'letter', ['k', 'F', 'F', 'F'], '=', 'across', ['u', 'fc']),
  form('K', 'letter', ['E', 'b', 'F', 'F'], '=', 'touch_middle', ['u', 'c']),
  form('L', 'letter', ['E', 'F', 'F', 'F'], '=', 'out', ['u', 'fc']),
  form('M', 'letter', ['b', 'b', 'b', 'F'], '=', 'touch_pinky', ['u', 'fc']),
  form('N', 'letter', ['b', 'b', 'F', 'F'], '=', 'touch_ring', ['u', 'fc']),
  form('O', 'letter', ['r', 'r', 'r', 'r'], '=', 'touch_index', ['u', 'c']),
  form('P', 'letter', ['p', 'E', 'E', 'E'], '=', 'touch_index', ['df', 'c']),
  form('Q', 'letter', ['p', 'p', 'F', 'F'], '=', 'touch_index', ['f', 'c']),
  form('R', 'letter', ['E', 'F', 'F', 'F'], '=', 'out', ['f', 'c']),
  form('S', 'letter', ['c', 'F', 'F', 'F'], '=', 'opp', ['c', 'd']),
  form('T', 'letter', ['b', 'F', 'F', 'F'], '=', 'up', ['u', 'c']),
  form('U', 'letter', ['E', 'F', 'F', 'F'], '=', 'up', ['u', 'fc']),
  form('V', 'letter', ['E', 'E', 'F', 'F'], '{', 'touch_ring', ['u', 'fc']),
  form('W', 'letter', ['E', 'E', 'E', 'F'], '{', 'touch_pinky', ['u', 'fc']),
  form('X', 'letter', ['E', 'E', 'F', 'F'], 'x', 'touch_ring', ['u', 'fc']),
  form('Y', 'letter', ['F', 'F', 'F', 'E'], '=', 'out', ['u', 'fc']),
  form('Z', 'letter', ['E', 'E', 'F', 'F'], '=', 'out', ['c', 'b']),
  form('ZH', 'letter', ['E', 'E', 'F', 'F'], '=', 'out', ['c', 'b'], DOWN_STOP),
  form('CH', 'letter', ['c', 'c', 'c', 'c'], '=', 'opp', ['u', 'c'], DOWN_STOP),
  form('SH', 'letter', ['c', 'F', 'F', 'F'], '=', 'opp', ['c', 'd'], DOWN_STOP),
  form('NG', 'letter', ['b', 'b', 'F', 'F'], '=', 'touch_ring', ['u', 'fc'], DOWN_STOP),
  form('UU', 'letter', ['E', 'F', 'F', 'F'], '=', 'up', ['u', 'fc'], SHAKE),
  form('EE', 'letter', ['r', 'E', 'E', 'E'], '{', 'touch_index', ['c', 'b'], CARET)
]

const NUMBERS: HandshapeForm[] = [
  form('0', 'number', ['c', 'c', 'c', 'c'], '=', 'touch_index', ['u', 'c']),
  form('1', 'number', ['E', 'F', 'F', 'F'], '=', 'across', ['u', 'f']),
  form('2', 'number', ['E', 'E', 'F', 'F'], '{', 'touch_ring', ['u', 'f']),
  form('3', 'number', ['r', 'E', 'E', 'E'], '{', 'touch_index', ['u', 'f']),
  form('4', 'number', ['E', 'E', 'E', 'E'], '{', 'tuck', ['u', 'f']),
  form('5', 'number', ['E', 'E', 'E', 'E'], '{', 'out', ['u', 'f']),
  form('6', 'number', ['F', 'F', 'F', 'E'], '=', 'out', ['u', 'b']),
  form('7', 'number', ['p', 'p', 'F', 'F'], '=', 'touch_index', ['uf', 'fc']),
  form('8', 'number', ['E', 'F', 'F', 'F'], '=', 'out', ['u', 'f']),
  form('9', 'number', ['k', 'F', 'F', 'F'], '=', 'across', ['u', 'c']),
  form('10', 'number', ['E', 'E', 'F', 'F'], 'x', 'touch_ring', ['u', 'f'])
]

const COMMON: HandshapeForm[] = [
  form('fist', 'common', ['F', 'F', 'F', 'F'], '=', 'across'),
  form('flat', 'common', ['E', 'E', 'E', 'E'], '=', 'up'),
  form('open', 'common', ['E', 'E', 'E', 'E'], '{', 'out'),
  form('claw', 'common', ['h', 'h', 'h', 'h'], '{', 'opp'),
  form('bent', 'common', ['b', 'b', 'b', 'b'], '=', 'up'),
  form('cup', 'common', ['e', 'e', 'e', 'e'], '=', 'side'),
  form('flat_o', 'common', ['p', 'p', 'p', 'p'], '=', 'touch_middle'),
  form('pinch', 'common', ['p', 'F', 'F', 'F'], '=', 'touch_index'),
  form('pinch_open', 'common', ['p', 'F', 'F', 'F'], '=', 'opp'),
  form('beak', 'common', ['hb', 'hb', 'hb', 'hb'], '=', 'opp'),
  form('hook', 'common', ['h', 'F', 'F', 'F'], '=', 'across'),
  form('v_bent', 'common', ['h', 'h', 'F', 'F'], '{', 'touch_ring'),
  form('pinky', 'common', ['F', 'F', 'F', 'E'], '=', 'across'),
  form('thumb_pinky', 'common', ['F', 'F', 'F', 'E'], '=', 'out'),
  form('index_mid', 'common', ['E', 'E', 'F', 'F'], '=', 'across'),
  form('thumb_index', 'common', ['E', 'F', 'F', 'F'], '=', 'out'),
  form('knuckle', 'common', ['db', 'F', 'F', 'F'], '=', 'side'),
  form('c_large', 'common', ['c', 'c', 'c', 'c'], '{', 'opp'),
  form('flat_spread', 'common', ['E', 'E', 'E', 'E'], '{', 'up'),
  form('three', 'common', ['E', 'E', 'F', 'F'], '{', 'out'),
  form('ring_pinky', 'common', ['F', 'F', 'E', 'E'], '=', 'across'),
  form('index_pinky', 'common', ['E', 'F', 'F', 'E'], '{', 'across'),
  form('thumb_side', 'common', ['F', 'F', 'F', 'F'], '=', 'out'),
  form('index', 'common', ['E', 'F', 'F', 'F'], '=', 'across'),
  form('middle_bent', 'common', ['E', 'b', 'E', 'E'], '{', 'out'),
  // Version 2: the handshapes the national descriptions use that version 1 lacked.
  form('flat_thumb_out', 'common', ['E', 'E', 'E', 'E'], '=', 'out'),
  form('open_lax', 'common', ['e', 'e', 'e', 'e'], '{', 'out'),
  form('fist_hollow', 'common', ['r', 'r', 'r', 'r'], '=', 'side'),
  form('index_lax', 'common', ['c', 'F', 'F', 'F'], '=', 'across'),
  form('middle', 'common', ['F', 'E', 'F', 'F'], '=', 'across'),
  form('pinky_hook', 'common', ['F', 'F', 'F', 'h'], '=', 'across'),
  form('v_lax', 'common', ['c', 'c', 'F', 'F'], '{', 'touch_ring'),
  form('thumb_index_pinky', 'common', ['E', 'F', 'F', 'E'], '{', 'out'),
  form('three_flat', 'common', ['E', 'E', 'E', 'F'], '=', 'touch_pinky'),
  form('mid_ring_pinky', 'common', ['F', 'E', 'E', 'E'], '{', 'across'),
  form('index_ring_pinky', 'common', ['E', 'F', 'E', 'E'], '{', 'across'),
  form('c_index_large', 'common', ['hb', 'F', 'F', 'F'], '=', 'opp'),
  form('ring_open', 'common', ['c', 'E', 'E', 'E'], '{', 'opp'),
  form('pinch_mid', 'common', ['E', 'p', 'E', 'E'], '{', 'touch_middle'),
  form('pinch_mid_open', 'common', ['E', 'c', 'E', 'E'], '{', 'opp'),
  form('pinch_pinky', 'common', ['F', 'F', 'F', 'p'], '=', 'touch_pinky'),
  form('fox', 'common', ['E', 'p', 'p', 'E'], '{', 'touch_middle'),
  form('claw_three', 'common', ['h', 'h', 'F', 'F'], '{', 'opp'),
  form('hook_three', 'common', ['h', 'h', 'h', 'F'], '=', 'touch_pinky'),
  form('c_thumb_pinky', 'common', ['F', 'F', 'F', 'c'], '=', 'opp'),
  form('open_mid_bent', 'common', ['E', 'F', 'E', 'E'], '{', 'out'),
  form('open_ring_bent', 'common', ['E', 'E', 'F', 'E'], '{', 'out'),
  form('open_index_hook', 'common', ['h', 'E', 'E', 'E'], '{', 'out'),
  form('horns_mid_bent', 'common', ['E', 'b', 'b', 'E'], '{', 'across'),
  form('thumb_middle_hook', 'common', ['h', 'E', 'F', 'F'], '{', 'out'),
  form('thumb_index_hook', 'common', ['h', 'F', 'F', 'F'], '=', 'out'),
  form('index_bunch', 'common', ['E', 'p', 'p', 'p'], '=', 'touch_middle'),
  // Session 4: the handshapes the `needs: handshape / thumb-cross` entries named (docs/notation.md).
  // One-hand 十: the index, bent straight at its knuckle, lies across the upright thumb near the
  // thumb's middle, so the thumb tip stands above it (医生, 星). With the fingers up (f:u) the
  // index points along the palm's facing: write the palm toward where the index points.
  form('thumb_index_cross', 'common', ['b', 'F', 'F', 'F'], '=', 'up'),
  form('divide', 'common', ['E', 'h', 'F', 'F'], '=', 'opp'),
  form('index_mid_hook', 'common', ['E', 'h', 'F', 'F'], '=', 'across'),
  form('beak_thin', 'common', ['hb', 'hb', 'hb', 'hb'], '=', 'gap'),
  form('index_thumb_root', 'common', ['E', 'F', 'F', 'F'], '=', 'side')
]

export const HANDSHAPE_FORMS: readonly HandshapeForm[] = Object.freeze([...LETTERS, ...NUMBERS, ...COMMON])

export const HANDSHAPE_IDS: readonly string[] = Object.freeze(HANDSHAPE_FORMS.map(h => h.id))

/** The 30 letters of the 1963 scheme, in alphabet order (ü and ê variants excluded). */
export const LETTER_IDS: readonly string[] = Object.freeze([
  'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S',
  'T', 'U', 'V', 'W', 'X', 'Y', 'Z', 'ZH', 'CH', 'SH', 'NG'
])

/** The ü and ê letter forms (project decision, docs/notation.md). */
export const DIACRITIC_LETTER_IDS = Object.freeze({ 'ü': 'UU', 'ê': 'EE' } as const)

const BY_ID: ReadonlyMap<string, HandshapeForm> = new Map(HANDSHAPE_FORMS.map(h => [h.id, h]))

export function getHandshapeForm (id: string): HandshapeForm | undefined {
  return BY_ID.get(id)
}
