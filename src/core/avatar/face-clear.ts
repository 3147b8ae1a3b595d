/**
 * A readable face (docs/avatar.md, "Face stays readable"): hands sit beside or below the face
 * rather than in front of both eyes or the mouth, unless the sign covers them by design (the
 * notation's `covers:`). Compile time only (allocation is fine here).
 *
 * The test of a posture: the hand's and forearm's front-view silhouette (finger and thumb bones
 * and the forearm as capsules of their drawn widths, the palm with its rim, in the default
 * camera's perspective) against sample points of the eyes and the mouth. One hand may hide one eye
 * (a sign at the eye); when both hands sign, each must leave both eyes free.
 *
 * Three places use it:
 * - placement (clearFace): a site is slid along the face (a head site along the head ellipsoid,
 *   its normal turning with it, so a contact stays exact) toward the hand's own side, down, or for
 *   sites above the eyes up, by the smallest step that clears: FACE_CLEAR_STEP_M up to
 *   FACE_CLEAR_MAX_M for a touching hand, twice that near the face, three times in space;
 * - the held and moving part of each sign (clearFaceTracks, after compiling): if a movement turns
 *   or carries the hand over the face (a twist, a circle), the whole posture shifts, contact markers
 *   with it; a hand on the other hand moves down together with it;
 * - strokes between postures (transitions, lines): a detour beside or below the face, or a via
 *   point beside it for an approach a bulge cannot clear (from below to the forehead).
 */
import {
  FACE_CLEAR_MAX_M, FACE_CLEAR_STEP_M, FACE_CLEAR_TARGET, FACE_PATH_STEPS_M, FACE_VIA_SHARE, FACE_VIA_STEPS_M, HAND_EMPHASIS
} from './constants'
import { FINGER_RADIUS, LANDMARKS, PALM_HALF_THICK, SHAPE_LEN, PALM_OUTLINE, handWorldLandmarks, palmCentreOffset, palmOutline, wristAt } from './hand-model'
import { CAMERA_DIST_M, FULL_TARGET } from './camera'
import { solveArm } from './ik'
import { add3, addAt3, normalize3, sub3, quatAxis, quatRotate, abs, ceil, hypot, min, sign, sqrt, max, f64 } from './math'
import {
  KIND_CIRCLE, KIND_LINE, SEG, S_A0, S_A1, S_ANCHOR0, S_ANCHOR1, S_BASE_P, S_CU, S_CV, S_E, S_KIND, S_OSC_ANGLE, S_HEAD0, S_HEAD1, S_P0, S_P1, S_Q0, S_Q1, S_T0, S_T1, S_WIGGLE, S_FLEX
} from './segment'
import { EV, EV_CHANNEL, F_EYE_OPEN, F_EYE_WIDE, SW_LEN } from './face-channels'
import { createPose, samplePose } from './pose'
import type { HandTrack, Timeline } from './timeline-types'
import type { Covers } from '../sign/types'
import { BODY, shoulderAt, J_L_ELBOW, J_R_ELBOW, EYE_RX, EYE_RY, EYE_X, EYE_Y, FACE_Z, MOUTH_HALF_W, MOUTH_Y } from './skeleton'

export type { Covers }

/** What the search needs of a hand (a HandCtx satisfies it). */
export interface ClearHand { chir: number; locSideX: number }

const HEAD = BODY.head
const R = BODY.headRadii
/** Torso-space z in front of which a hand or forearm is painted over the face (the head's depth less 3 cm). */
const FRONT_Z = HEAD[2] - 0.03
/** m: drawn half width of the forearm sleeve, outline included. */
const FOREARM_R = 0.043

/**
 * Front-view picture coordinate (m at the framed target's depth) of a torso-space point's x (k = 0)
 * or y (k = 1) at depth z, with the default camera's perspective: a hand 25 cm in front of the face
 * looks 9 % larger and higher.
 */
function view (v: number, z: number, k: 0 | 1): number {
  return FULL_TARGET[k] + (v - FULL_TARGET[k]) * CAMERA_DIST_M / (CAMERA_DIST_M - (z - FULL_TARGET[2]))
}
/** Pushes the picture coordinates (x, y) of the torso-space point p[i], p[i + 1], p[i + 2] onto out. */
function pushView (out: number[], p: ArrayLike<number>, i: number): void {
  out.push(view(p[i], p[i + 2], 0), view(p[i + 1], p[i + 2], 1))
}

/** An empty bounding box (x0, y0, x1, y1), for `grow`. */
const noBox = (): [number, number, number, number] => [Infinity, Infinity, -Infinity, -Infinity]
/** Widens box to hold (x, y) and r around it. */
function grow (box: number[], x: number, y: number, r: number): void {
  box[0] = min(box[0], x - r); box[2] = max(box[2], x + r); box[1] = min(box[1], y - r); box[3] = max(box[3], y + r)
}

const EMPTY_SIL: Sil = { caps: [], palm: [], box: noBox() }
/** m: the widest a hand part is drawn beyond its landmarks (a palm rim, near the camera). */
const REACH_M = 0.05

/** Whether any landmark is within reach of the face features in the front view. */
function nearFace (lm: ArrayLike<number>): boolean {
  for (let i = 0; i < LANDMARKS; i++) {
    const z = lm[i * 3 + 2]
    if (z <= FRONT_Z) continue
    const x = view(lm[i * 3], z, 0); const y = view(lm[i * 3 + 1], z, 1)
    if (x > FEATURE_BOX[0] - REACH_M && x < FEATURE_BOX[2] + REACH_M && y > FEATURE_BOX[1] - REACH_M && y < FEATURE_BOX[3] + REACH_M) return true
  }
  return false
}

/** How much larger a width at depth z is drawn than one at the framed target's depth. */
function nearer (z: number): number {
  return CAMERA_DIST_M / (CAMERA_DIST_M - (z - FULL_TARGET[2]))
}

/** Sample points (x, y, front view) of each eye and of the mouth, head at rest. */
function featurePoints (): { eyes: [number[], number[]]; mouth: number[] } {
  /** (2n + 1) × 3 points across an ellipse's box: x = cx + (a / n) × rx, y = cy + b × ry, a in −n…n, b in −1…1. */
  const grid = (cx: number, rx: number, n: number, cy: number, ry: number): number[] => {
    const out: number[] = []
    for (let a = -n; a <= n; a++) for (let b = -1; b <= 1; b++) pushView(out, [cx + (a / n) * rx, cy + b * ry, FACE_Z], 0)
    return out
  }
  const eye = (cx: number): number[] => grid(cx, 0.95 * EYE_RX, 2, HEAD[1] + EYE_Y, 0.85 * EYE_RY)
  // The mouth with a small margin around the lips (a hand grazing the lips already hides them).
  return { eyes: [eye(-EYE_X), eye(EYE_X)], mouth: grid(0, MOUTH_HALF_W + 0.003, 3, HEAD[1] + MOUTH_Y, 0.006) }
}
const FEATURES = featurePoints()
/** Bounding box of all feature sample points. */
const FEATURE_BOX = ((): [number, number, number, number] => {
  const all = [...FEATURES.eyes[0], ...FEATURES.eyes[1], ...FEATURES.mouth]
  const b = noBox()
  for (let p = 0; p < all.length; p += 2) grow(b, all[p], all[p + 1], 0)
  return b
})()

/** Scratch: a palm-centre offset (clearFaceTracks), and the hand and arm silhouette() places. */
const _off = f64(3)
const _wrist = f64(3)
const _lm = f64(LANDMARKS * 3)
const _sh = f64(3)
const _el = f64(3)
const _wr = f64(3)
const _y = f64(3)
const _ang = f64(1)

/** Capsules (x0, y0, x1, y1, r) of the hand and forearm in the front view, only those in front of the face. */
function silhouette (h: ClearHand, P: ArrayLike<number>, Q: Float64Array, A: Float32Array, forearm = true): Sil {
  handWorldLandmarks(A, h.chir, wristAt(h.chir, P, Q, _wrist), Q, _lm)
  // The forearm, from the wrist toward the elbow the arm would take.
  shoulderAt(h.locSideX, _sh)
  solveArm(_sh, _wrist, h.locSideX, quatAxis(_y, Q, 1), _el, _wr, _ang, 0)
  return silhouetteOf(_lm, forearm ? _el : null)
}

/** The silhouette of world landmarks (63 floats) and an elbow position. Exported for the tests. */
export function silhouetteOf (lm: ArrayLike<number>, el: ArrayLike<number> | null): Sil {
  // Far from the face (most postures): nothing to test, no arrays to fill.
  if (!el && !nearFace(lm)) return EMPTY_SIL
  const caps: number[] = []
  // Drawn half width of a finger with its outline (drawlist.ts FINGER_W, 1.2× hand, outline).
  const r = FINGER_RADIUS * HAND_EMPHASIS * 1.7
  // Painted over the face when in front of the head's centre plane (drawlist.ts sorts by depth).
  const front = (i: number): boolean => lm[i * 3 + 2] > FRONT_Z
  // (Widths grow with nearness to the camera too, as drawn.)
  const bone = (i: number, j: number, rad: number): void => {
    if (front(i) || front(j)) { pushView(caps, lm, i * 3); pushView(caps, lm, j * 3); caps.push(rad * nearer(max(lm[i * 3 + 2], lm[j * 3 + 2]))) }
  }
  // Each finger's three bones: landmarks 1–4 are the thumb's, 5–8 the index's, …, 17–20 the little finger's.
  for (let i = 1; i < LANDMARKS; i++) if (i % 4 !== 0) bone(i, i + 1, r)
  bone(0, 1, r * 1.6)
  if (el && (lm[2] + el[2]) / 2 > FRONT_Z) { pushView(caps, lm, 0); pushView(caps, el, 0); caps.push(FOREARM_R) }
  const palm: number[] = []
  if (front(0) || front(9)) {
    // The palm outline as drawlist.ts draws it (hand-model.ts palmOutline), padded by its thickness at the rim.
    const pt = palmOutline(lm, f64(PALM_OUTLINE * 3))
    const n = PALM_OUTLINE
    for (let q = 0; q < n; q++) pushView(palm, pt, q * 3)
    const rim = PALM_HALF_THICK * HAND_EMPHASIS * 1.2
    for (let q = 0; q < n; q++) {
      const q2 = (q + 1) % n
      caps.push(palm[2 * q], palm[2 * q + 1], palm[2 * q2], palm[2 * q2 + 1], rim * nearer(max(pt[q * 3 + 2], pt[q2 * 3 + 2])))
    }
  }
  const box = noBox()
  for (let c = 0; c < caps.length; c += 5) { grow(box, caps[c], caps[c + 1], caps[c + 4]); grow(box, caps[c + 2], caps[c + 3], caps[c + 4]) }
  // (Every palm point starts a rim capsule: the capsules' box holds the palm.)
  return { caps, palm, box }
}

/** Hidden shares (less hidden eye, more hidden eye, mouth) of silhouettes, seen shifted by (dx, dy). */
function coverShifted (sils: Sil[], dx: number, dy: number): { eyesMin: number; eyesMax: number; mouth: number } {
  // Only silhouettes whose box reaches the face features (most do not: a quick no).
  const live = sils.filter(({ box: b }) => b[0] <= FEATURE_BOX[2] - dx && b[2] >= FEATURE_BOX[0] - dx && b[1] <= FEATURE_BOX[3] - dy && b[3] >= FEATURE_BOX[1] - dy)
  if (live.length === 0) return { eyesMin: 0, eyesMax: 0, mouth: 0 }
  const one = (pts: number[]): number => {
    let hidden = 0
    for (let p = 0; p < pts.length; p += 2) {
      const x = pts[p] - dx; const y = pts[p + 1] - dy
      for (const s of live) {
        const b = s.box
        if (x < b[0] || x > b[2] || y < b[1] || y > b[3]) continue
        if (inCapsules(s.caps, x, y) || inPalm(s.palm, x, y)) { hidden++; break }
      }
    }
    return hidden / (pts.length / 2)
  }
  const a = one(FEATURES.eyes[0]); const b = one(FEATURES.eyes[1])
  return { eyesMin: min(a, b), eyesMax: max(a, b), mouth: one(FEATURES.mouth) }
}

/** Hidden shares (less hidden eye, more hidden eye, mouth) of one or more silhouettes. Exported for the tests. */
export function coverOf (sils: Sil[]): { eyesMin: number; eyesMax: number; mouth: number } {
  return coverShifted(sils, 0, 0)
}

/** A front-view silhouette: capsules (x0, y0, x1, y1, r), the palm polygon, their bounding box. */
export interface Sil { caps: number[]; palm: number[]; box: [number, number, number, number] }

function inCapsules (caps: number[], x: number, y: number): boolean {
  for (let c = 0; c < caps.length; c += 5) {
    const ax = caps[c]; const ay = caps[c + 1]; const vx = caps[c + 2] - ax; const vy = caps[c + 3] - ay
    const l2 = vx * vx + vy * vy
    const u = l2 > 0 ? max(0, min(1, ((x - ax) * vx + (y - ay) * vy) / l2)) : 0
    const dx = x - ax - u * vx; const dy = y - ay - u * vy
    if (dx * dx + dy * dy <= caps[c + 4] * caps[c + 4]) return true
  }
  return false
}

/** Point in the palm polygon (the points come in palm-outline order). */
function inPalm (palm: number[], x: number, y: number): boolean {
  const n = palm.length / 2 // 0 (the palm behind the face) or the outline's 7 points
  let inside = false
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const xi = palm[2 * i]; const yi = palm[2 * i + 1]; const xj = palm[2 * j]; const yj = palm[2 * j + 1]
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

/** How far over the allowed cover the silhouettes are, seen shifted by (dx, dy); 0 = the face reads. */
function excess (sils: Sil[], dx: number, dy: number, covers: Covers | undefined, twoHands: boolean, target: number): number {
  if (covers === 'face') return 0
  const c = coverShifted(sils, dx, dy)
  // Two hands could each hide a little of the mouth: each may hide only half as much.
  const e = covers === 'eyes' ? 0 : twoHands ? c.eyesMax : c.eyesMin
  const m = covers === 'mouth' ? 0 : c.mouth
  return max(0, e - target) + max(0, m - (twoHands ? target / 2 : target))
}

/** Shifts (dx, dy) to try, nearest first: toward the hand's own side (sideX), down, up to `up` m; within `reach` m. */
const _cands = new Map<string, Array<[number, number]>>()
function candidates (sideX: number, reach: number, up: number, sideways = true): Array<[number, number]> {
  const key = String([sideX, reach, up, sideways])
  const hit = _cands.get(key)
  if (hit) return hit
  const out: Array<[number, number]> = []
  _cands.set(key, out)
  const vals: number[] = []
  for (let v = 0; v <= reach + 1e-9; v += v < 0.16 - 1e-9 ? 2 * FACE_CLEAR_STEP_M : 3 * FACE_CLEAR_STEP_M) vals.push(v)
  for (const a of sideways ? vals : [0]) {
    for (const b of vals) {
      if (a * a + b * b > reach * reach + 1e-9 || (a === 0 && b === 0)) continue
      out.push([sideX * a, -b])
      if (b > 0 && b <= up + 1e-9) out.push([sideX * a, b])
    }
  }
  return out.sort((p, q) => p[0] * p[0] + p[1] * p[1] - q[0] * q[0] - q[1] * q[1])
}

/** The best shift of the candidates: clearing matters most, then the smallest slide. Null when none helps. */
function bestShift (sils: Sil[][], cands: Array<[number, number]>, covers: Covers | undefined, twoHands: boolean, target: number): [number, number] | null {
  // The worst samples first, so a candidate that fails is dropped after a test or two.
  const scored = sils.map(s => ({ s, e: excess(s, 0, 0, covers, twoHands, target) })).sort((a, b) => b.e - a.e)
  const w0 = scored.length ? scored[0].e : 0
  if (w0 === 0) return null
  let best = null as [number, number] | null; let bestCost = w0 * 10
  /** Takes (dx, dy) if its cost (the worst sample's excess × 10 + d2, the slide's cost) is the least so far. */
  const tryShift = (dx: number, dy: number, d2: number): void => {
    let w = 0
    for (const g of scored) {
      w = max(w, excess(g.s, dx, dy, covers, twoHands, target))
      if (w * 10 + d2 >= bestCost) break
    }
    if (w * 10 + d2 < bestCost) { bestCost = w * 10 + d2; best = [dx, dy] }
  }
  for (const [dx, dy] of cands) {
    if (dx * dx + dy * dy >= bestCost) break
    // Up (toward the hairline) costs double: it raises the arm.
    tryShift(dx, dy, dx * dx + (dy > 0 ? 2 : 1) * dy * dy)
  }
  if (!best) return null
  // Refine the coarse grid by one step each way (a smaller slide that still clears).
  const [bx, by] = best
  for (const [ax, ay] of [[-1, 0], [0, -1], [-1, -1], [1, 0], [0, 1], [-1, 1], [1, -1]]) {
    const dx = bx + ax * FACE_CLEAR_STEP_M * sign(bx || 1); const dy = by + ay * FACE_CLEAR_STEP_M * sign(by || -1)
    const d2 = dx * dx + dy * dy
    if (d2 < bestCost && (abs(dx) >= 1e-9 || abs(dy) >= 1e-9)) tryShift(dx, dy, d2)
  }
  return best
}

/**
 * Front-view cover of the face by a hand at palm centre P (torso space): the hidden share of the
 * less hidden eye and of the mouth (0..1). Exported for the tests.
 */
export function faceCoverAt (h: ClearHand, P: ArrayLike<number>, Q: Float64Array, A: Float32Array): { eyes: number; mouth: number } {
  const c = coverOf([silhouette(h, P, Q, A)])
  return { eyes: c.eyesMin, mouth: c.mouth }
}

/**
 * How much a hand at palm centre P hides the face beyond what is allowed (0: readable), by the
 * placement rule (see `excess`). For the placement's other adjustments (placement.ts: a hand
 * pivoting to keep the elbow low must not swing over the eyes or the mouth).
 */
export function faceExcessAt (h: ClearHand, covers: Covers | undefined, twoHands: boolean, P: ArrayLike<number>, Q: Float64Array, A: Float32Array): number {
  // The hand alone: a forearm rising to the face from a low elbow is how signers reach it.
  const s = silhouette(h, P, Q, A, false)
  // (No capsules, no palm either: every palm point starts a rim capsule.)
  if (!s.caps.length) return 0
  return excess([s], 0, 0, covers, twoHands, FACE_CLEAR_TARGET)
}

/** z of the head ellipsoid's front surface at (x, y), or NaN off the face. */
function ellipsoidZ (x: number, y: number): number {
  const u = (x - HEAD[0]) / R[0]; const v = (y - HEAD[1]) / R[1]
  const w = 1 - u * u - v * v
  return w < 0.04 ? NaN : HEAD[2] + R[2] * sqrt(w)
}

/** Change of depth (m) of a point sliding by (dx, dy) along the head, and its surface normal then (into n, if given). */
function slideOnHead (x: number, y: number, dx: number, dy: number, n?: Float64Array): number {
  const z0 = ellipsoidZ(x, y); const z1 = ellipsoidZ(x + dx, y + dy)
  // Below the chin or beside the cheek, off the ellipsoid's front, the site keeps its depth.
  if (Number.isNaN(z0 + z1)) return 0 // (either is NaN)
  if (n) {
    // The ellipsoid's unit normal at p (its gradient, normalised).
    const g = (p: number[]): number[] => {
      const v = p.map((c, k) => (c - HEAD[k]) / (R[k] * R[k]))
      const l = hypot(v[0], v[1], v[2]) || 1
      return v.map(c => c / l)
    }
    const g0 = g([x, y, z0]); const g1 = g([x + dx, y + dy, z1])
    for (let k = 0; k < 3; k++) n[k] += g1[k] - g0[k]
    normalize3(n, n)
  }
  return z1 - z0
}

/**
 * The shifts to try for a hand at a site siteY m high: within FACE_CLEAR_MAX_M of a site it touches,
 * twice that on the head, three times in space; up (toward the hairline, 3 cm) instead of down over
 * the eyes only from a site above the eye line.
 */
function shiftsFor (h: ClearHand, touch: boolean, head: boolean, siteY: number, sideways?: boolean): Array<[number, number]> {
  return candidates(h.locSideX, (touch ? 1 : head ? 2 : 3) * FACE_CLEAR_MAX_M, siteY > HEAD[1] + EYE_Y + 0.025 ? 0.03 : 0, sideways)
}

/**
 * Slides a placement off the eyes and mouth when needed (see the file comment); `twoHands`: both
 * hands sign; `head`: the site is on the head; `touch`: the hand touches it. P (palm centre), site
 * and n (outward normal) are torso-space and are changed in place. Returns the shift (m), 0 if none.
 */
export function clearFace (h: ClearHand, covers: Covers | undefined, twoHands: boolean, head: boolean, touch: boolean, Q: Float64Array, A: Float32Array, P: Float64Array, site: Float64Array, n: Float64Array, dist: number, forearm = true): number {
  if (covers === 'face') return 0
  const s = silhouette(h, P, Q, A, forearm)
  if (!s.caps.length) return 0
  // A hand written to cover the mouth (问: the cupped hand before it) stays before it: it may slide
  // down off the eyes, not aside (it was drawn beside the head at eye level).
  const best = bestShift([[s]], shiftsFor(h, touch, head, site[1], covers !== 'mouth'), covers, twoHands, FACE_CLEAR_TARGET)
  if (!best) return 0
  const n0 = n.slice()
  const d = [best[0], best[1], head ? slideOnHead(site[0], site[1], best[0], best[1], n) : 0]
  for (let k = 0; k < 3; k++) { site[k] += d[k]; P[k] += d[k] + (n[k] - n0[k]) * dist }
  return hypot(d[0], d[1], d[2])
}

/** What the track pass needs to know of one item (compiled sign) of the timeline. */
export interface ClearSpan {
  t0: number
  t1: number
  /** End of the held part (the last movement's hold): the transition out starts here. */
  tBody1: number
  /** Per hand: when its transition into the sign's start posture ends (NaN: the hand rests). */
  tIn: [number, number]
  covers?: Covers
  /** The hand alone is judged (`covers: eyes` at a midline site: the forearm rising to it crosses the mouth by design, 曾). */
  armFree?: boolean
  twoHands: boolean
  /** The dominant hand's start site is on the other hand, which is in space: the two move together. */
  linked: boolean
  /** Per hand: the kind of its start site ('head', 'body', 'space', 'hand', 'arm'), '' at rest. */
  kind: [string, string]
  /** Per hand: its start placement touches the site. */
  touch: [boolean, boolean]
  /** Per hand: the start site's height (m). */
  siteY: [number, number]
}


/** A contact marker as far as the pass moves it. */
interface MovableContact { t: number; hand: 0 | 1; kind: string; site: [number, number, number] }

const EPS = 1e-6

/** Sum of the absolute differences of a's three floats from i and b's from j (0: the same point). */
function diffAt3 (a: ArrayLike<number>, i: number, b: ArrayLike<number>, j: number): number {
  let s = 0
  for (let k = 0; k < 3; k++) s += abs(a[i + k] - b[j + k])
  return s
}

const _spread = new Map<number, number[]>()
/**
 * Where a stroke is sampled (shares of its time): 0.05, 0.05 + step, … below 0.99 (its very ends
 * are the postures'), in the order of a binary subdivision of the range (cached).
 */
function spread (step: number): number[] {
  let out = _spread.get(step)
  if (out) return out
  const all: number[] = []
  for (let u = 0.05; u < 0.99; u += step) all.push(u)
  const rank = (k: number): number => { let r = 0; let m = all.length; while (m > 1 && k % 2 === 0) { k >>= 1; m >>= 1; r++ } return -r }
  out = all.map((u, k) => [u, rank(k + 1)] as const).sort((a, b) => a[1] - b[1]).map(x => x[0])
  _spread.set(step, out)
  return out
}
/** Via points tried: beside the end or the start, a little below or a little above it. */
const VIA_KINDS: ReadonlyArray<[boolean, number]> = [[true, -0.3], [false, -0.3], [true, 0.2], [false, 0.2], [true, 0.6], [false, 0.6]]
/** m: a dominant hand further than this from where it arrived on the other hand has left it. */
const LINKED_REACH_M = 0.25

/**
 * The second and third uses (see the file comment), over the finished tracks: held and moving
 * postures that hide the face shift as a whole; strokes between postures detour (a track may get a
 * segment more: a via point). `contacts` are the timeline's contact markers (moved with a shifted
 * posture); `duration` the timeline's. Returns how many segments changed.
 */
export function clearFaceTracks (hands: readonly [ClearHand, ClearHand], tracks: [HandTrack, HandTrack], spans: readonly ClearSpan[], contacts: MovableContact[], duration: number, face: readonly number[] = []): number {
  let changed = 0
  // Everything is checked with the sampler itself (pose.ts: base and head anchors, the arm):
  // exactly what is drawn, as front-view silhouettes. Of the face only the eyelids: eyes the sign
  // shuts (烦闷 (二) 闭眼) cannot be hidden; a nod would move the face off the features' points.
  const lids: number[] = []
  for (let i = 0; i < face.length; i += EV) {
    const ch = face[i + EV_CHANNEL]
    if (ch === F_EYE_OPEN || ch === F_EYE_WIDE) lids.push(...face.slice(i, i + EV))
  }
  const tlv: Timeline = {
    version: 1, duration, phases: [], items: [], contacts: [], hands: tracks, face: f64(lids), faceCount: lids.length / EV,
    blinks: f64(0), sway: f64(SW_LEN)
  }
  const pose = createPose()
  /** Silhouette of hand hi at time t (with its forearm, or without). */
  let sampled = NaN; let version = 0; let sampledVersion = -1
  const silAt = (hi: number, t: number, forearm: boolean): Sil => {
    // The same moment twice (both hands, or again after nothing changed): sampled once.
    if (t !== sampled || version !== sampledVersion) { samplePose(tlv, t, pose); sampled = t; sampledVersion = version }
    const e = hi === 0 ? J_R_ELBOW : J_L_ELBOW
    const lm = pose.hands[hi]
    // A hand over the hairline (生日's ring passing over the head) is reached with the arm raised
    // beside the head: the arm model's face zone keeps that forearm (ik.ts); the hand is judged.
    if (lm[1] + lm[28] > 2 * OVER_Y) forearm = false
    return silhouetteOf(lm, forearm ? pose.joints.subarray(e * 3, e * 3 + 3) : null)
  }
  /** A stroke with an end (palm centre) over the hairline: a hand passing over the head. */
  const overHead = (seg: Float64Array, o: number): boolean => max(seg[o + S_P0 + 1], seg[o + S_P1 + 1]) > OVER_Y
  const near = (seg: Float64Array, o: number): boolean =>
    max(seg[o + S_P0 + 1], seg[o + S_P1 + 1]) + abs(seg[o + S_E + 1]) + 0.06 > HEAD[1] + MOUTH_Y - 0.25
  /**
   * Whether a is at or after hand hi's arrival and b at or before the end of the span's hold:
   * (t0, t1) a segment within the held part, (t1, t0) one overlapping it, (t, t) a moment in it.
   */
  const during = (a: number, b: number, hi: number, sp: ClearSpan): boolean => a >= sp.tIn[hi] - EPS && b <= sp.tBody1 + EPS
  /** Times along the held part of hand hi (from its arrival to the hold's end), near the face. */
  const body = (hi: number, sp: ClearSpan, onOther = false): number[] => {
    const { seg, count } = tracks[hi]; const out: number[] = []
    if (Number.isNaN(sp.tIn[hi])) return out
    // Where the hand arrived (onOther: on the other hand).
    const at = seg.slice(S_P0, S_P0 + 3)
    for (let q = 0; q < count * SEG; q += SEG) if (abs(seg[q + S_T1] - sp.tIn[hi]) < EPS) at.set(seg.subarray(q + S_P1, q + S_P1 + 3))
    for (let o = 0; o < count * SEG; o += SEG) {
      const t0 = seg[o + S_T0]; const t1 = seg[o + S_T1]
      if (!during(t0, t1, hi, sp) || !near(seg, o)) continue
      // On the other hand: up to the first segment that ends beyond LINKED_REACH_M of that.
      if (onOther && [S_P0, S_P1].some(e => hypot(seg[o + e] - at[0], seg[o + e + 1] - at[1], seg[o + e + 2] - at[2]) > LINKED_REACH_M)) break
      // A movement over the head (生日 节日 日记: 越过头顶) is judged at its ends only: its way is a
      // stroke's, cleared by going over the head (below), not by shifting the whole posture down.
      const step = t1 - t0 <= 1e-3 ? 2 : overHead(seg, o) ? 1 : 0.1
      for (let u = 0; u <= 1 + 1e-9; u += step) out.push(t0 + (t1 - t0) * min(1, u))
    }
    return out
  }
  /**
   * Moves hand hi's posture by d for the span: from its arrival (the transition in ends there)
   * through the held part, a hold that outlasts it (the base hand waiting for the other), to the
   * start of the way out; and its contact markers.
   */
  const shiftHand = (hi: number, sp: ClearSpan, d: number[]): void => {
    version++
    const { seg, count } = tracks[hi]
    const tIn = sp.tIn[hi] - EPS; const tOut = sp.tBody1 + EPS
    let carry = false
    for (let o = 0; o < count * SEG; o += SEG) {
      const t0 = seg[o + S_T0]; const t1 = seg[o + S_T1]
      if (t1 < tIn) continue
      const arrived = t0 >= tIn
      if (arrived && !carry && t0 > tOut) break
      const still = diffAt3(seg, o + S_P1, seg, o + S_P0) < 1e-9
      if (carry || arrived) addAt3(seg, o + S_P0, d)
      const endToo = t1 <= tOut || (still && arrived)
      if (endToo) addAt3(seg, o + S_P1, d)
      // A hand anchored to the other hand (which moves by d with it, `linked`): the other hand's
      // pose its positions were computed against moves too, or the anchor would add d again.
      if (sp.linked && (seg[o + S_ANCHOR0] > 0 || seg[o + S_ANCHOR1] > 0)) addAt3(seg, o + S_BASE_P, d)
      changed++
      carry = endToo
      if (!endToo) break
    }
    for (const c of contacts) if (c.hand === hi && during(c.t, c.t, hi, sp)) addAt3(c.site, 0, d)
  }
  /**
   * A circle in the front plane round a centre on the face (谁: 绕脸部转动一圈, written from the
   * chin, where placement leaves the start: Ctx.round) goes round the face: it grows about its
   * centre (the start and what leads to it and from it move down with its bottom) until the hand
   * clears the face all the way round. Shifting the whole posture instead drew it at the chest,
   * swinging up over the mouth. Returns whether it cleared (else it is left as it was).
   */
  const roundFace = (hi: number, sp: ClearSpan): boolean => {
    const { seg, count } = tracks[hi]
    let j = -1
    for (let o = 0; o < count * SEG && j < 0; o += SEG) {
      if (during(seg[o + S_T0], seg[o + S_T1], hi, sp) && seg[o + S_KIND] === KIND_CIRCLE && seg[o + S_CU + 1] < 0 && seg[o + S_CU + 2] === 0) j = o
    }
    if (j < 0) return false
    const P = seg.slice(j + S_P0, j + S_P0 + 3)
    // The centre (start less the first radius vector) within the head's outline.
    if ([0, 1].some(k => abs(P[k] - seg[j + S_CU + k] - HEAD[k]) > R[k])) return false
    const old = seg.slice()
    // Up to the end of the circle (and its repetitions, which start where it does).
    let tEnd = seg[j + S_T1]
    for (let o = j; o < count * SEG && seg[o + S_KIND] === KIND_CIRCLE; o += SEG) tEnd = seg[o + S_T1]
    for (const k of ROUND_FACE_GROWTH) {
      seg.set(old); version++
      for (let o = 0; o < count * SEG; o += SEG) {
        // (Segments overlapping the held part: tIn is a number here, body() found times.)
        if (!during(seg[o + S_T1], seg[o + S_T0], hi, sp)) continue
        for (const e of [S_P0, S_P1]) {
          if (diffAt3(seg, o + e, P, 0) > 1e-9) continue
          for (let m = 0; m < 3; m++) seg[o + e + m] += (k - 1) * old[j + S_CU + m]
        }
        if (seg[o + S_KIND] === KIND_CIRCLE) for (let m = 0; m < 3; m++) { seg[o + S_CU + m] *= k; seg[o + S_CV + m] *= k }
      }
      // The hand, as strokes are judged: tracing round the face, the forearm crosses it at the top.
      if (body(hi, sp).every(t => t > tEnd || excess([silAt(hi, t, false)], 0, 0, sp.covers, sp.twoHands, TRACK_TARGET) === 0)) { changed++; return true }
    }
    seg.set(old); version++
    return false
  }
  // Held and moving postures.
  for (const sp of spans) {
    if (sp.covers === 'face') continue
    if (sp.linked) {
      // While the dominant hand is still on the other hand (not after it leaves for another site).
      const pairs = body(0, sp, true).map(t => [silAt(0, t, true), silAt(1, t, true)])
      const best = bestShift(pairs, candidates(hands[0].locSideX, 3 * FACE_CLEAR_MAX_M, 0, false), sp.covers, sp.twoHands, TRACK_TARGET)
      if (best) { const d = [0, best[1], 0]; shiftHand(0, sp, d); shiftHand(1, sp, d) }
      continue
    }
    for (const hi of [0, 1] as const) {
      if (['hand', 'arm', ''].includes(sp.kind[hi])) continue
      const sils = body(hi, sp).map(t => silAt(hi, t, !sp.armFree))
      if (sils.length === 0) continue
      const head = sp.kind[hi] === 'head'
      if (head && !sp.touch[hi] && roundFace(hi, sp)) continue
      const best = bestShift(sils.map(s => [s]), shiftsFor(hands[hi], sp.touch[hi], head, sp.siteY[hi]), sp.covers, sp.twoHands, TRACK_TARGET)
      if (!best) continue
      // On the face, the posture slides along it (the contact keeps its depth on the curved face).
      let dz = 0
      if (head) {
        const c = contacts.find(m => m.hand === hi && during(m.t, m.t, hi, sp))
        if (c) dz = slideOnHead(c.site[0], c.site[1], best[0], best[1])
      }
      shiftHand(hi, sp, [best[0], best[1], dz])
    }
  }
  // Strokes between postures.
  /** The share a stroke may hide (strokeTarget) and whether the hands hide more at t. */
  let strokeTarget = TRACK_TARGET
  let solo = false
  /** What the stroke being checked may cover: its item's `covers`, and on the way in also the previous item's. */
  let cov: Covers | undefined
  const coverBad = (t: number, sp: ClearSpan, hi: number): boolean => {
    const sils = [silAt(hi, t, false)]
    if (sp.twoHands && !solo) sils.push(silhouetteOf(pose.hands[1 - hi], null))
    // Shut as drawlist.ts draws them (lid lines, no eye whites).
    const shut = pose.face[F_EYE_OPEN] + 0.3 * pose.face[F_EYE_WIDE] <= 0.18
    return excess(sils, 0, 0, shut ? (cov === 'mouth' ? 'face' : 'eyes') : cov, solo, strokeTarget) > 0
  }
  for (let si = 0; si < spans.length; si++) {
    const sp = spans[si]
    if (sp.covers === 'face') continue
    // A hand leaving a part that covers by design (想念's palm on the brow, then 家乡 at the chest)
    // starts over that part: on its way in, what the previous part covers stays covered, so the
    // stroke is still checked (and detoured) for the rest of the face, not skipped as an end.
    const prevCovers = si > 0 ? spans[si - 1].covers : undefined
    for (const hi of [0, 1] as const) {
      const tr = tracks[hi]
      for (let i = 0; i < tr.count; i++) {
        const o = i * SEG
        // The track as it is before this stroke's detour (a via point replaces tr.seg only if it clears).
        const seg = tr.seg; const count = tr.count
        const t0 = seg[o + S_T0]; const t1 = seg[o + S_T1]
        if (t0 < sp.t0 - EPS || t0 >= sp.t1 - EPS || t1 - t0 < 1e-3 || seg[o + S_KIND] !== KIND_LINE || !near(seg, o)) continue
        const wayIn = t1 <= sp.tIn[hi] + EPS // false while the hand rests (tIn NaN)
        cov = wayIn && prevCovers && prevCovers !== sp.covers ? (sp.covers ? 'face' : prevCovers) : sp.covers
        if (seg[o + S_ANCHOR0] > 0 && seg[o + S_ANCHOR1] === 0) {
          // Leaving the other hand after it moved (神圣: the base carried the thumb up to the
          // forehead), or as it moves (军阀: both go back to rest): the stroke is written against
          // where the base was placed, and follows the base's own path (and any detour it takes
          // later) across the face. It starts instead from where the hand is drawn, unanchored.
          samplePose(tlv, t0, pose); version++
          const q = pose.handQuat.subarray(hi * 4, hi * 4 + 4)
          quatRotate(_off, q, palmCentreOffset(hands[hi].chir, _off))
          add3(seg.subarray(o + S_P0, o + S_P0 + 3), pose.hands[hi], _off)
          seg.set(q, o + S_Q0)
          seg[o + S_ANCHOR0] = 0
          changed++
        }
        // Ends that hide the face are the postures' business (or the sign's design): leave them.
        // An end the postures left a little over the stroke's share (a hand beside the nose that
        // hides a corner of the mouth: 油, the 医 hand at the forehead) still gets its stroke
        // checked, at the share a drawn frame may hide (FACE_STROKE_END_MAX): only ends over that
        // are left alone, so a straight stroke past the face to such a posture detours too.
        const endsBad = (): boolean => coverBad(t0, sp, hi) || coverBad(t1, sp, hi)
        strokeTarget = TRACK_TARGET
        if (endsBad()) {
          strokeTarget = FACE_STROKE_END_MAX
          // Two hands that together hide an end (虎: 王 on the brow, each hand clear of the eyes
          // by itself) are judged each by itself, as below; otherwise the way down went unchecked.
          solo = sp.twoHands
          if (endsBad()) { if (!solo || endsBad()) { solo = false; continue } }
        }
        // Samples FACE_SAMPLE_M apart at the stroke's peak speed (minimum jerk: 1.875 × mean): a
        // fast rise from rest past the mouth (盘旋) crossed it between samples 0.05 apart.
        const len = hypot(seg[o + S_P1] - seg[o + S_P0], seg[o + S_P1 + 1] - seg[o + S_P0 + 1], seg[o + S_P1 + 2] - seg[o + S_P0 + 2]) + hypot(seg[o + S_E], seg[o + S_E + 1], seg[o + S_E + 2])
        const du = 1 / min(60, max(20, ceil(1.875 * len / FACE_SAMPLE_M)))
        // Samples in a spread order (halves, quarters, eighths…): a way that fails, fails early.
        const hits = (step: number): boolean => {
          for (const u of spread(step)) if (coverBad(t0 + (t1 - t0) * u, sp, hi)) return true
          return false
        }
        if (!hits(du)) continue
        const sx = hands[hi].locSideX
        const bulge = seg.subarray(o + S_E, o + S_E + 3)
        /** Tries the ways round the face, samples ds of the stroke apart; keeps the first that clears. */
        const detour = (ds: number): boolean => {
          // Over the head, the way goes over it, as written (越过头顶), not round below the chin.
          for (const step of FACE_PATH_STEPS_M) {
            for (const d of overHead(seg, o) ? [[0, step, 0]] : [[sx * step, 0, step * 0.5], [0, -step, step * 0.3], [sx * step * 0.7, -step * 0.7, step * 0.4]]) {
              add3(bulge, bulge, d); version++
              if (!hits(ds)) return true
              sub3(bulge, bulge, d); version++
            }
          }
          if ([S_OSC_ANGLE, S_WIGGLE, S_FLEX].some(f => seg[o + f] !== 0)) return false
          // Still across the face (an approach from below to the forehead: a bulge vanishes at the
          // ends): go by a point beside the face, arriving (or leaving) from the side (2 legs).
          // Still across: a stroke from the other side of the face (the other shoulder or cheek to
          // the forehead: 将军 民兵) crosses it on the way to any point beside the end. It goes
          // round below the chin instead (3 legs): first down and across to the hand's own side in
          // front of the chest, then up beside the face, then in to the posture from the side.
          for (const legs of [2, 3]) {
            for (const d of FACE_VIA_STEPS_M) {
              for (const [nearEnd, rise] of legs === 2 ? VIA_KINDS : VIA_ROUND) {
                const b = nearEnd ? S_P1 : S_P0
                const W = [seg[o + b] + sx * d, seg[o + b + 1] + d * rise, seg[o + b + 2] + d * 0.3]
                // The track with segment o replaced by the legs.
                const next = f64((count + legs - 1) * SEG)
                next.set(seg.subarray(0, o))
                next.set(seg.subarray(o + SEG), o + legs * SEG)
                const out = next.subarray(o)
                if (legs === 2) splitVia(seg, o, out, [W], [nearEnd ? FACE_VIA_SHARE : 1 - FACE_VIA_SHARE], nearEnd ? 0 : 1)
                else splitVia(seg, o, out, [[sx * max(d, abs(seg[o + S_P1])), min(seg[o + S_P0 + 1], HEAD[1] + MOUTH_Y - VIA_BELOW_MOUTH_M), HEAD[2] + VIA_FRONT_M], W], VIA_ROUND_SHARES, 1)
                tr.seg = next; tr.count = count + legs - 1; version++
                if (!hits(ds / 2)) return true
                tr.seg = seg; tr.count = count; version++
              }
            }
          }
          return false
        }
        // Two hands rising together each past one eye (疯: index fingers to the forehead) hide both:
        // judged together, neither can clear alone. Then the hand is judged by itself, as a hand of
        // a two-handed sign (both eyes free, half the mouth); the other hand's own turn follows.
        // Last, when no way clears at every sample, the ways are judged at the coarser spacing of
        // before (0.05 of the stroke): one that hides the face only between those is still better
        // than the straight stroke (军阀: from over the head on the other side, down to rest).
        for (const [s, ds] of [[false, du], [true, du], [false, 0.05]] as const) {
          if (s && !sp.twoHands) continue
          solo = s
          if (s && (endsBad() || !hits(ds))) break
          // (A via point's new segments are not checked again.)
          if (detour(ds)) { changed++; i += tr.count - count; break }
        }
        solo = false
      }
    }
  }
  return changed
}

/** Share of the eyes or the mouth a sign's held part or a stroke may hide (postures after compiling; the placement allows FACE_CLEAR_TARGET). */
const TRACK_TARGET = FACE_CLEAR_TARGET * 1.5
/** m: a palm centre higher than this is over the hairline (0.8 of the head's vertical radius over its centre; the forehead site is at 0.6). */
const OVER_Y = HEAD[1] + 0.8 * R[1]
/** Factors a circle round the face grows by, tried in turn (roundFace). */
const ROUND_FACE_GROWTH: readonly number[] = [1.2, 1.4, 1.6, 1.8, 2]

/** Share of the eyes or the mouth a stroke may hide when one of its ends hides more than the usual 1.5 × FACE_CLEAR_TARGET (below the test's 30 %). */
const FACE_STROKE_END_MAX = 0.27
/** m: a stroke is checked at points this far apart at its fastest (20–60 samples). */
const FACE_SAMPLE_M = 0.03

/** The via point beside the end of a round-the-face stroke: [beside the end, height × its distance beside it]. */
const VIA_ROUND: ReadonlyArray<[boolean, number]> = [[true, 0], [true, 0.3], [true, -0.3]]
/** Where a round-the-face stroke's legs end, as shares of its time: 35 %, 35 %, 30 %. */
const VIA_ROUND_SHARES = [0.35, 0.7]
/** m: the first via point of a round-the-face stroke is this far below the mouth (under the chin, before the chest). */
const VIA_BELOW_MOUTH_M = 0.13
/** m: and this far in front of the head's centre (clear of the chin). */
const VIA_FRONT_M = 0.2

/**
 * Splits segment o of seg into legs through the via points `vias` (written to out: one more
 * segment than vias), leg k ending at t0 + (t1 − t0) × shares[k]. Leg `turn` carries the turn, the
 * handshape change and the head anchor's change; the legs before it keep the start's, the legs
 * after it the end's (they only slide in or out). No leg bulges.
 */
function splitVia (seg: Float64Array, o: number, out: Float64Array, vias: number[][], shares: readonly number[], turn: number): void {
  const t0 = seg[o + S_T0]; const t1 = seg[o + S_T1]
  for (let q = 0; q <= vias.length; q++) {
    const L = q * SEG
    out.set(seg.subarray(o, o + SEG), L)
    if (q > 0) { out[L + S_T0] = t0 + (t1 - t0) * shares[q - 1]; out.set(vias[q - 1], L + S_P0) }
    if (q < vias.length) { out[L + S_T1] = t0 + (t1 - t0) * shares[q]; out.set(vias[q], L + S_P1) }
    out.fill(0, L + S_E, L + S_E + 3)
    if (q === turn) continue
    // Rotation, handshape and head anchor (start and end fields, and their length): the start's or the end's, held.
    for (const [f0, f1, n] of [[S_Q0, S_Q1, 4], [S_A0, S_A1, SHAPE_LEN], [S_HEAD0, S_HEAD1, 1]]) {
      const from = o + (q > turn ? f1 : f0)
      out.set(seg.subarray(from, from + n), L + f0); out.set(seg.subarray(from, from + n), L + f1)
    }
  }
}
