import type { Dir, Movement } from './types'
import { freeze } from '../base/object'

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
 * (test/unit/sign/tables.test.ts). A new handshape is a row here and a `text(...)` row
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
const DOWN_STOP: readonly Movement[] = freeze([freeze({ kind: 'line', dir: 'd', size: 's' } as const)])
/** ü: U with a small sideways shake, the two dots — `line(c,s) line(i,s)` (docs/notation.md, Fingerspelling). */
const SHAKE: readonly Movement[] = freeze([
  freeze({ kind: 'line', dir: 'c', size: 's' } as const),
  freeze({ kind: 'line', dir: 'i', size: 's' } as const)
])
/** ê: E with a small caret — `arc(c,u,s)` (docs/notation.md, Fingerspelling). */
const CARET: readonly Movement[] = freeze([freeze({ kind: 'arc', dir: 'c', bulge: 'u', size: 's' } as const)])

/**
 * The table: one handshape per line, fields separated by single spaces — id, the four fingers'
 * flexion codes (index to pinky), spread, thumb, then for letters and number hands the default
 * orientation (finger, palm: 'u fc'). Text lines rather than objects, arrays or `form(...)` calls
 * because this table is in every bundle of the engine: as lines it is 0.8 KB smaller than as
 * arrays of strings (4.1 → 3.3 KB minified; docs/avatar.md "Bundle"). Every code is checked
 * against its type's values by a test (test/unit/sign/tables.test.ts), as the compiler checked the
 * array rows before. The letters that move get their movement from LETTER_MOVES.
 */
function forms (group: HandshapeGroup, table: string): HandshapeForm[] {
  return table.trim().split('\n').map(line => {
    const [id, index, middle, ring, pinky, spread, thumb, finger, palm] = line.split(' ')
    const def: HandshapeForm = {
      id, group, fingers: [index, middle, ring, pinky] as unknown as HandshapeForm['fingers'], spread: spread as SpreadCode, thumb: thumb as ThumbCode
    }
    if (finger) def.defaultOrient = { finger, palm }
    if (LETTER_MOVES[id]) def.letterMoves = LETTER_MOVES[id]
    return freeze(def)
  })
}

/** The letters that move, and their movement. */
const LETTER_MOVES: Readonly<Record<string, readonly Movement[]>> = { ZH: DOWN_STOP, CH: DOWN_STOP, SH: DOWN_STOP, NG: DOWN_STOP, UU: SHAKE, EE: CARET }

/** Handedness: orientations are for the right (dominant) hand; 'c' (contralateral) is its left. */
const LETTERS: HandshapeForm[] = forms('letter', `
A F F F F = up u c
B E E E E = tuck u fc
C c c c c = opp u c
D F F F F = across df c
E r E E E { touch_index c b
F E E F F { touch_ring c b
G E F F F = across c b
H E E F F = touch_ring u fc
I E F F F = across u fc
J k F F F = across u fc
K E b F F = touch_middle u c
L E F F F = out u fc
M b b b F = touch_pinky u fc
N b b F F = touch_ring u fc
O r r r r = touch_index u c
P p E E E = touch_index df c
Q p p F F = touch_index f c
R E F F F = out f c
S c F F F = opp c d
T b F F F = up u c
U E F F F = up u fc
V E E F F { touch_ring u fc
W E E E F { touch_pinky u fc
X E E F F x touch_ring u fc
Y F F F E = out u fc
Z E E F F = out c b
ZH E E F F = out c b
CH c c c c = opp u c
SH c F F F = opp c d
NG b b F F = touch_ring u fc
UU E F F F = up u fc
EE r E E E { touch_index c b
`)

const NUMBERS: HandshapeForm[] = forms('number', `
0 c c c c = touch_index u c
1 E F F F = across u f
2 E E F F { touch_ring u f
3 r E E E { touch_index u f
4 E E E E { tuck u f
5 E E E E { out u f
6 F F F E = out u b
7 p p F F = touch_index uf fc
8 E F F F = out u f
9 k F F F = across u c
10 E E F F x touch_ring u f
`)

const COMMON: HandshapeForm[] = [
  ...forms('common', `
fist F F F F = across
flat E E E E = up
open E E E E { out
claw h h h h { opp
bent b b b b = up
cup e e e e = side
flat_o p p p p = touch_middle
pinch p F F F = touch_index
pinch_open p F F F = opp
beak hb hb hb hb = opp
hook h F F F = across
v_bent h h F F { touch_ring
pinky F F F E = across
thumb_pinky F F F E = out
index_mid E E F F = across
thumb_index E F F F = out
knuckle db F F F = side
c_large c c c c { opp
flat_spread E E E E { up
three E E F F { out
ring_pinky F F E E = across
index_pinky E F F E { across
thumb_side F F F F = out
index E F F F = across
middle_bent E b E E { out
`),
  // Version 2: the handshapes the national descriptions use that version 1 lacked.
  ...forms('common', `
flat_thumb_out E E E E = out
open_lax e e e e { out
fist_hollow r r r r = side
index_lax c F F F = across
middle F E F F = across
pinky_hook F F F h = across
v_lax c c F F { touch_ring
thumb_index_pinky E F F E { out
three_flat E E E F = touch_pinky
mid_ring_pinky F E E E { across
index_ring_pinky E F E E { across
c_index_large hb F F F = opp
ring_open c E E E { opp
pinch_mid E p E E { touch_middle
pinch_mid_open E c E E { opp
pinch_pinky F F F p = touch_pinky
fox E p p E { touch_middle
claw_three h h F F { opp
hook_three h h h F = touch_pinky
c_thumb_pinky F F F c = opp
open_mid_bent E F E E { out
open_ring_bent E E F E { out
open_index_hook h E E E { out
horns_mid_bent E b b E { across
thumb_middle_hook h E F F { out
thumb_index_hook h F F F = out
index_bunch E p p p = touch_middle
`),
  // Session 4: the handshapes the `needs: handshape / thumb-cross` entries named (docs/notation.md).
  // One-hand 十: the index, bent straight at its knuckle, lies across the upright thumb near the
  // thumb's middle, so the thumb tip stands above it (医生, 星). With the fingers up (f:u) the
  // index points along the palm's facing: write the palm toward where the index points.
  ...forms('common', `
thumb_index_cross b F F F = up
divide E h F F = opp
index_mid_hook E h F F = across
beak_thin hb hb hb hb = gap
index_thumb_root E F F F = side
`)
]

export const HANDSHAPE_FORMS: readonly HandshapeForm[] = freeze([...LETTERS, ...NUMBERS, ...COMMON])

// The lists below are for the parser, the pages and the tests; `@__PURE__` lets a bundle that does
// not read them (the engine's) drop them.

export const HANDSHAPE_IDS: readonly string[] = /* @__PURE__ */ freeze(/* @__PURE__ */ HANDSHAPE_FORMS.map(h => h.id))

/** The 30 letters of the 1963 scheme, in alphabet order (ü and ê variants excluded). */
export const LETTER_IDS: readonly string[] = /* @__PURE__ */ freeze([
  'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S',
  'T', 'U', 'V', 'W', 'X', 'Y', 'Z', 'ZH', 'CH', 'SH', 'NG'
])

/** The ü and ê letter forms (project decision, docs/notation.md). */
export const DIACRITIC_LETTER_IDS = /* @__PURE__ */ freeze({ 'ü': 'UU', 'ê': 'EE' } as const)

const BY_ID: ReadonlyMap<string, HandshapeForm> = new Map(HANDSHAPE_FORMS.map(h => [h.id, h]))

export function getHandshapeForm (id: string): HandshapeForm | undefined {
  return BY_ID.get(id)
}
