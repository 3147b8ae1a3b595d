/**
 * The named parts of a hand (docs/notation.md, Location `:part`) as points, from the hand's 21
 * landmarks (MediaPipe order: 0 wrist, 1–4 thumb, 5–8 index, 9–12 middle, 13–16 ring, 17–20
 * little finger) in any frame, its rotation and chirality. Used at compile time to place a hand so
 * that part is at a site, and by the tests to check the contact in a sampled pose.
 */
import { HAND_EMPHASIS } from './constants'
import { FINGER_RADIUS, PALM_HALF_THICK } from './hand-model'
import { type NumArray, type Quat, dot3, getAt, quatAxis, vec3, hypot } from './math'
import type { HandPart } from '../sign/types'

const FINGERS = [[5, 6, 7, 8], [9, 10, 11, 12], [13, 14, 15, 16], [17, 18, 19, 20]] as const
/** A finger counts as extended when its tip is this far from its knuckle, as a share of its length. */
const EXTENDED_STRAIGHTNESS = 0.85

const _x = vec3()
const _z = vec3()
const _p = vec3()

function dist (lm: ArrayLike<number>, a: number, b: number): number {
  return hypot(lm[a * 3] - lm[b * 3], lm[a * 3 + 1] - lm[b * 3 + 1], lm[a * 3 + 2] - lm[b * 3 + 2])
}

/** Indices (0 index … 3 little finger) of the fingers that are extended; all four when none is (or `[]` with `none`). */
export function extendedFingers (lm: ArrayLike<number>, none?: boolean): number[] {
  const out: number[] = []
  for (let f = 0; f < 4; f++) {
    const [m, p, d, t] = FINGERS[f]
    const len = dist(lm, m, p) + dist(lm, p, d) + dist(lm, d, t)
    if (dist(lm, m, t) >= EXTENDED_STRAIGHTNESS * len) out.push(f)
  }
  return out.length > 0 || none === true ? out : [0, 1, 2, 3]
}

function meanOf (lm: ArrayLike<number>, ids: readonly number[], out: NumArray): void {
  out[0] = 0; out[1] = 0; out[2] = 0
  for (const j of ids) for (let k = 0; k < 3; k++) out[k] += lm[j * 3 + k] / ids.length
}

/** The parts at a fingertip: its landmark. */
const TIP: Readonly<Partial<Record<HandPart, number>>> = { thumb_tip: 4, index_tip: 8, middle_tip: 12, pinky_tip: 20 }

/**
 * The point of `part` (same frame as lm). `n` is the outward normal of the site the part goes to:
 * a part on a finger's or the wrist's axis is moved by its radius toward the site (−n), so its
 * surface, not its bone, makes the contact; surfaces (palm, back, pads, edges) are already on the
 * surface; grip, hook and interlock are inside the hand: the site passes through them. `space`:
 * true for a point in the air (no surface to meet: the part itself is put there).
 */
export function partPoint (part: HandPart, lm: ArrayLike<number>, q: Quat, chir: number, n: ArrayLike<number>, space: boolean, out: NumArray): NumArray {
  const e = HAND_EMPHASIS
  const r = FINGER_RADIUS * e
  quatAxis(_x, q, 0)
  quatAxis(_z, q, 2)
  let axisRadius = 0
  const tip = TIP[part]
  if (tip) {
    meanOf(lm, [tip], out)
    axisRadius = r
  } else switch (part) {
    case 'tips':
    case 'pads':
      meanOf(lm, extendedFingers(lm).map(f => FINGERS[f][3]), out)
      if (part === 'tips') axisRadius = r
      // The pads face the way the palm does.
      else for (let k = 0; k < 3; k++) out[k] += _z[k] * r
      break
    case 'finger': {
      const f = extendedFingers(lm)[0]
      meanOf(lm, [FINGERS[f][1], FINGERS[f][2]], out)
      axisRadius = r
      break
    }
    case 'index_side':
      meanOf(lm, [5, 5, 6], out)
      for (let k = 0; k < 3; k++) out[k] += _x[k] * chir * r
      break
    case 'pinky_side':
      for (let k = 0; k < 3; k++) out[k] = lm[k] * 0.3 + lm[17 * 3 + k] * 0.7 - _x[k] * chir * r
      break
    case 'palm':
    case 'back':
    case 'heel': {
      const w = part === 'heel' ? 0.12 : 0.55
      const sgn = part === 'back' ? -1 : 1
      for (let k = 0; k < 3; k++) out[k] = lm[k] * (1 - w) + lm[9 * 3 + k] * w + _z[k] * sgn * PALM_HALF_THICK * e
      break
    }
    case 'wrist':
      meanOf(lm, [0], out)
      axisRadius = PALM_HALF_THICK * e
      break
    case 'knuckles': {
      // The knuckle (of the row of finger bases and middle joints) that sticks out toward the site.
      let best = Infinity
      for (const j of [5, 9, 13, 17, 6, 10, 14, 18]) {
        const d = dot3(getAt(_p, lm, j), n)
        if (d < best) { best = d; meanOf(lm, [j], out) }
      }
      axisRadius = r
      break
    }
    case 'grip':
      // The hole of the closed hand: in front of the palm, under the curled fingers' first bones.
      for (let k = 0; k < 3; k++) out[k] = lm[k] * 0.25 + lm[9 * 3 + k] * 0.75 + _z[k] * (PALM_HALF_THICK * e + r * 2.2)
      return out
    case 'hook':
      meanOf(lm, [6, 7, 8], out)
      for (let k = 0; k < 3; k++) out[k] += _z[k] * r
      return out
    case 'interlock':
      meanOf(lm, [6, 10, 14, 18], out)
      return out
  }
  if (!space) for (let k = 0; k < 3; k++) out[k] -= n[k] * axisRadius
  return out
}
