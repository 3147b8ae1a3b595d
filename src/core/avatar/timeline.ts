/**
 * Compile: parsed notation → one timeline (docs/avatar.md). Runs once per sign or
 * sentence (allocation is fine here); the per-frame sampler (pose.ts) only reads typed arrays.
 *
 * Per hand the timeline is a contiguous list of segments covering [0, duration]; each segment
 * interpolates the palm-centre position (torso space, optional bulge / circle / zig-zag), the hand
 * rotation (nlerp + an optional go-and-back wrist nod), the 22 joint angles (locked to the same
 * minimum-jerk phase as the arm) and a head-anchor weight (face sites move with the head).
 */
import {
  ARC_EXTRA_S, BEND_RAD, BEND_S, BLINK_MAX_S, BLINK_MIN_S, BRUSH_S, CIRCLE_RADIUS_M, CIRCLE_TURN_S, DEFAULT_SEED,
  END_HOLD_S, HOLD_DEFAULT_S, LINE_BASE_S, LINE_PER_M_S, LINE_SIZE_M, NM_ATTACK_S, NM_RELEASE_S, ORIENT_S,
  PHASE_LABEL, REPEAT_DECAY, REPEAT_RETURN_S, REST_PAD_S, RETURN_TO_REST_S, SHAPE_S, START_HOLD_S, STATIC_HOLD_S,
  TAP_LIFT_M, TAP_S, TRANSITION_BASE_S, TRANSITION_BULGE_PER_M, TRANSITION_MAX_S, TRANSITION_MIN_S,
  TRANSITION_PER_M_S, TWIST_RAD, TWIST_S, WIGGLE_RAD, WIGGLE_S, ZIGZAG_AMP, ZIGZAG_CYCLES, ZIGZAG_S
} from './constants'
import { FINGER_RADIUS, LANDMARKS, PALM_HALF_THICK, REST_SHAPE, SHAPE_LEN, bakeHandshape, handWorldLandmarks, palmCentreOffset } from './hand-model'
import { HAND_EMPHASIS } from './constants'
import { getHandshape } from '../sign/handshapes'
import { solveArm } from './ik'
import {
  add3, clamp, copy3, cross3, dist3, dot3, len3, normalize3, quatAxis, quatAxisAngle, quatFromBasis,
  quatMul, quatNormalize, quatRotate, reject3, sub3, vec3
} from './math'
import { type SiteKind, distanceM, resolveArmSite, resolveBodySite, resolveHandSite, siteKind } from './site-geometry'
import { BODY, REST_FINGER_DIR, REST_PALM_DIR, REST_PALM_R } from './skeleton'
import type { HandSpec, Location, Movement, NonManual, Orientation, SignNotation } from '../sign/types'
import { NOTATION_VERSION } from '../sign/types'
import { seededRng } from '../base/rng'

// ---------------------------------------------------------------------------------------------
// Segment layout (Float64Array, stride SEG)

export const S_T0 = 0
export const S_T1 = 1
/** 0 line (+ bulge), 1 circle, 2 zig-zag, 3 wave. */
export const S_KIND = 2
export const S_P0 = 4
export const S_P1 = 7
/** Go-and-back excursion vector: added × sin(π s) (bulge, arc, tap). */
export const S_E = 10
/** Circle: start offset from centre (r·u) and r·v; sweep (rad). */
export const S_CU = 13
export const S_CV = 16
export const S_SWEEP = 19
/** Zig-zag / wave: perpendicular amplitude vector and cycles. */
export const S_ZZ = 20
export const S_CYCLES = 23
export const S_Q0 = 24
export const S_Q1 = 28
/** Go-and-back rotation: axis (world) and amplitude (rad). */
export const S_OSC_AXIS = 32
export const S_OSC_ANGLE = 35
export const S_WIGGLE = 36
export const S_HEAD0 = 37
export const S_HEAD1 = 38
export const S_A0 = 40
export const S_A1 = S_A0 + SHAPE_LEN
export const SEG = S_A1 + SHAPE_LEN

export const KIND_LINE = 0
export const KIND_CIRCLE = 1
export const KIND_ZIGZAG = 2
export const KIND_WAVE = 3

// Face channels (Pose.face indices).
export const F_BROW_RAISE = 0
export const F_BROW_FURROW = 1
export const F_BROW_SAD = 2
export const F_EYE_OPEN = 3
export const F_EYE_WIDE = 4
export const F_GAZE_X = 5
export const F_GAZE_Y = 6
export const F_MOUTH_OPEN = 7
export const F_MOUTH_ROUND = 8
export const F_MOUTH_SMILE = 9
export const F_MOUTH_PURSE = 10
export const F_CHEEK_PUFF = 11
export const F_HEAD_PITCH = 12
export const F_HEAD_YAW = 13
export const F_HEAD_ROLL = 14
export const F_HEAD_FORWARD = 15
export const F_GAZE_HAND = 16
export const F_BREATH = 17
export const F_TORSO_YAW = 18
export const F_TORSO_ROLL = 19
export const F_TORSO_PITCH = 20
export const FACE_LEN = 21

/** Face event layout (Float64Array, stride EV): [t0, t1, channel, value, hz, attack, release, phase]. */
export const EV = 8

export interface TimelineItem {
  sign: SignNotation
  /** Gloss shown on the chip, e.g. the word. */
  label: string
  /** Number of description steps of this item (docs/data.md); default 1. */
  steps?: number
}

export type PhaseKind = 'start' | 'move' | 'end'

export interface TimelinePhase {
  t0: number
  t1: number
  /** Index of the item in the sequence. */
  item: number
  phase: PhaseKind
  /** Global index of the description step being signed. */
  step: number
  /** Chinese phase name: 手形 · 位置 / 动作 / 结束. */
  label: string
}

export interface HandTrack {
  isRight: boolean
  /** +1 right hand, −1 left hand (mirrors the canonical hand's local x). */
  chir: number
  seg: Float64Array
  count: number
}

/** A moment where a hand part touches a site: checked by the tests, usable for debug overlays. */
export interface ContactMarker {
  t: number
  /** 0 right (dominant), 1 left. */
  hand: 0 | 1
  /** Landmark index (0..20), −1 palm surface, −2 back-of-hand surface. */
  part: number
  loc: Location
  kind: SiteKind
  /** Site position in torso space at compile time (H.* and arm sites: on the other hand/arm). */
  site: [number, number, number]
}

export interface Timeline {
  version: 1
  /** Seconds at 1×. */
  duration: number
  phases: TimelinePhase[]
  items: Array<{ t0: number; t1: number; label: string }>
  contacts: ContactMarker[]
  /** [right (dominant), left]. */
  hands: [HandTrack, HandTrack]
  face: Float64Array
  faceCount: number
  /** Blink start times (s), sorted. */
  blinks: Float64Array
  /** Ambient sway: [freq, phase] pairs for torso yaw, roll, pitch, head yaw, pitch, roll; then the amplitude factor. */
  sway: Float64Array
}

export interface CompileOptions {
  /** Hold (s) of a sign without movement, e.g. a fingerspelled letter. Default STATIC_HOLD_S. */
  letterHold?: number
  /** Seed of the ambient layer (blinks, sway). */
  seed?: number
  /** Ambient layer (blinks, breathing, sway); default true. Off gives a perfectly still hold (tests, stills). */
  ambient?: boolean
}

// ---------------------------------------------------------------------------------------------
// Directions and orientation

const DIR_VEC: Record<string, [number, number, number]> = { u: [0, 1, 0], d: [0, -1, 0], f: [0, 0, 1], b: [0, 0, -1] }

/** Unit vector of a direction like 'uf' for a hand whose own side is at x sign sideX. */
export function dirVec (dir: string, sideX: number, out: Float64Array): Float64Array {
  out[0] = 0; out[1] = 0; out[2] = 0
  for (let i = 0; i < dir.length; i++) {
    const ch = dir[i]
    if (ch === 'i') out[0] += sideX
    else if (ch === 'c') out[0] -= sideX
    else {
      const v = DIR_VEC[ch]
      if (v) { out[0] += v[0]; out[1] += v[1]; out[2] += v[2] }
    }
  }
  normalize3(out, out, DIR_VEC.f)
  return out
}

/**
 * Hand rotation from extended-finger and palm directions: Y = finger, Z = palm (orthogonalised),
 * X = Y × Z. A palm parallel to the fingers is replaced by a sensible default (palm back, or down).
 */
export function orientQuat (o: Orientation, sideX: number, out: Float64Array): Float64Array {
  const Y = dirVec(o.finger, sideX, vec3())
  const Z0 = dirVec(o.palm, sideX, vec3())
  const Z = reject3(vec3(), Z0, Y) as Float64Array
  if (len3(Z) < 0.2) {
    // Degenerate (e.g. f:u p:u): pick palm toward the signer, or down when the fingers point back/forward.
    const alt = Math.abs(Y[2]) > 0.7 ? vec3(0, -1, 0) : vec3(0, 0, -1)
    reject3(Z, alt, Y)
  }
  normalize3(Z, Z)
  const X = cross3(vec3(), Y, Z)
  return quatFromBasis(out, X, Y, Z)
}

// ---------------------------------------------------------------------------------------------
// Compile state

interface HandCtx {
  idx: 0 | 1
  isRight: boolean
  chir: number
  /** x sign of the hand's own side for locations. */
  locSideX: number
  /** x sign used to read i/c in directions (differs from locSideX for rel: parallel). */
  dirSideX: number
  P: Float64Array
  Q: Float64Array
  A: Float32Array
  head: number
  loc: Location | null
  /** Outward normal of the current site (for taps and brushes). */
  siteN: Float64Array
  segs: number[]
  tEnd: number
  atRest: boolean
}

interface Ctx {
  hands: [HandCtx, HandCtx]
  contacts: ContactMarker[]
}


function newHand (idx: 0 | 1): HandCtx {
  const isRight = idx === 0
  const sideX = isRight ? -1 : 1
  const h: HandCtx = {
    idx, isRight, chir: isRight ? 1 : -1, locSideX: sideX, dirSideX: sideX,
    P: vec3(), Q: new Float64Array(4), A: new Float32Array(SHAPE_LEN), head: 0,
    loc: null, siteN: vec3(0, 0, 1), segs: [], tEnd: 0, atRest: true
  }
  restPosture(h, h.P, h.Q, h.A)
  return h
}

function restPosture (h: HandCtx, P: Float64Array, Q: Float64Array, A: Float32Array): void {
  P[0] = h.locSideX * Math.abs(REST_PALM_R[0]); P[1] = REST_PALM_R[1]; P[2] = REST_PALM_R[2]
  orientQuat({ finger: REST_FINGER_DIR, palm: REST_PALM_DIR }, h.locSideX, Q)
  A.set(REST_SHAPE)
}

function beginSeg (h: HandCtx, t0: number, s: Float64Array): Float64Array {
  s.fill(0)
  s[S_T0] = t0; s[S_T1] = t0
  for (let k = 0; k < 3; k++) { s[S_P0 + k] = h.P[k]; s[S_P1 + k] = h.P[k] }
  for (let k = 0; k < 4; k++) { s[S_Q0 + k] = h.Q[k]; s[S_Q1 + k] = h.Q[k] }
  for (let k = 0; k < SHAPE_LEN; k++) { s[S_A0 + k] = h.A[k]; s[S_A1 + k] = h.A[k] }
  s[S_HEAD0] = h.head; s[S_HEAD1] = h.head
  return s
}

function pushSeg (h: HandCtx, s: Float64Array): void {
  for (let k = 0; k < SEG; k++) h.segs.push(s[k])
  h.tEnd = s[S_T1]
}

/** Fills the gap up to t with a still hold, so segments stay contiguous. */
function holdUntil (h: HandCtx, t: number): void {
  if (t <= h.tEnd + 1e-9) return
  const s = beginSeg(h, h.tEnd, new Float64Array(SEG))
  s[S_T1] = t
  pushSeg(h, s)
}

function commitSeg (h: HandCtx, s: Float64Array): number {
  holdUntil(h, s[S_T0])
  pushSeg(h, s)
  for (let k = 0; k < 3; k++) h.P[k] = s[S_P1 + k]
  for (let k = 0; k < 4; k++) h.Q[k] = s[S_Q1 + k]
  for (let k = 0; k < SHAPE_LEN; k++) h.A[k] = s[S_A1 + k]
  h.head = s[S_HEAD1]
  return s[S_T1]
}

export function transitionSeconds (distM: number): number {
  return clamp(TRANSITION_BASE_S + TRANSITION_PER_M_S * distM, TRANSITION_MIN_S, TRANSITION_MAX_S)
}

/** World (torso-space) landmarks of a hand state; compile time. */
function landmarksOf (h: { P: Float64Array; Q: Float64Array; A: Float32Array; chir: number }, out: Float64Array): Float64Array {
  const off = palmCentreOffset(h.chir, vec3())
  quatRotate(off, h.Q, off)
  const wrist = sub3(vec3(), h.P, off)
  return handWorldLandmarks(h.A, h.chir, wrist, h.Q, out) as Float64Array
}

interface Placement {
  P: Float64Array
  head: number
  part: number
  kind: SiteKind
  site: Float64Array
  n: Float64Array
  touch: boolean
}

/**
 * Where the palm centre must be so the part of the hand nearest the site (fingertip, knuckle, palm
 * or back) lies at the site + distance along its outward normal, for rotation Q and angles A.
 */
function place (ctx: Ctx, h: HandCtx, loc: Location, Q: Float64Array, A: Float32Array, forceTouch = false): Placement {
  const other = ctx.hands[1 - h.idx]
  const kind = siteKind(loc.site) ?? 'space'
  const site = vec3(); const n = vec3(0, 0, 1)
  let ok: boolean
  if (kind === 'hand') {
    const lm = landmarksOf(other, new Float64Array(LANDMARKS * 3))
    ok = resolveHandSite(loc.site, lm, other.Q, other.chir, site, n)
  } else if (kind === 'arm') {
    const off = quatRotate(vec3(), other.Q, palmCentreOffset(other.chir, vec3()))
    const wristT = sub3(vec3(), other.P, off)
    const sh = vec3(other.locSideX * Math.abs(BODY.shoulderR[0]), BODY.shoulderR[1], BODY.shoulderR[2])
    const el = vec3(); const wr = vec3()
    solveArm(sh, wristT, other.locSideX, quatAxis(vec3(), other.Q, 1), el, wr, new Float64Array(1), 0)
    ok = resolveArmSite(loc.site, sh, el, wr, other.locSideX, site, n)
  } else {
    ok = resolveBodySite(loc, h.locSideX, site, n)
  }
  if (!ok) resolveBodySite({ site: 'neutral' }, h.locSideX, site, n)
  const dist = forceTouch ? 0 : distanceM(loc)
  const touch = dist === 0 && kind !== 'space'
  const P = vec3()
  let part = -3
  if (kind === 'space') {
    copy3(P, site)
    for (let k = 0; k < 3; k++) P[k] += n[k] * dist
  } else {
    // Candidate contact points relative to the palm centre (world rotation applied).
    const lm = new Float64Array(LANDMARKS * 3)
    const zero = vec3()
    const off = quatRotate(vec3(), Q, palmCentreOffset(h.chir, vec3()))
    const wrist = sub3(vec3(), zero, off)
    handWorldLandmarks(A, h.chir, wrist, Q, lm)
    const Z = quatAxis(vec3(), Q, 2)
    let best = Infinity
    const cand = vec3(); const bestC = vec3()
    const r = FINGER_RADIUS * HAND_EMPHASIS * 0.5
    for (let j = 2; j < LANDMARKS + 2; j++) {
      if (j < LANDMARKS) {
        if (j === 5 || j === 9 || j === 13 || j === 17) continue
        for (let k = 0; k < 3; k++) cand[k] = lm[j * 3 + k] - n[k] * r
      } else {
        const sgn = j === LANDMARKS ? 1 : -1
        for (let k = 0; k < 3; k++) cand[k] = Z[k] * sgn * PALM_HALF_THICK * HAND_EMPHASIS
      }
      const d = dot3(cand, n)
      if (d < best - 1e-6) { best = d; copy3(bestC, cand); part = j < LANDMARKS ? j : j === LANDMARKS ? -1 : -2 }
    }
    for (let k = 0; k < 3; k++) P[k] = site[k] + n[k] * dist - bestC[k]
  }
  return { P, head: kind === 'head' ? 1 : 0, part, kind, site, n, touch }
}

function addContact (ctx: Ctx, h: HandCtx, t: number, loc: Location, pl: Placement): void {
  if (!pl.touch) return
  ctx.contacts.push({ t, hand: h.idx, part: pl.part, loc, kind: pl.kind, site: [pl.site[0], pl.site[1], pl.site[2]] })
}

/** Transition of one hand to a posture (or to rest), starting at t0; returns its end time. */
function transitionTo (h: HandCtx, t0: number, P: Float64Array, Q: Float64Array, A: Float32Array, head: number): number {
  const s = beginSeg(h, t0, new Float64Array(SEG))
  const d = dist3(h.P, P)
  s[S_T1] = t0 + transitionSeconds(d)
  for (let k = 0; k < 3; k++) s[S_P1 + k] = P[k]
  for (let k = 0; k < 4; k++) s[S_Q1 + k] = Q[k]
  for (let k = 0; k < SHAPE_LEN; k++) s[S_A1 + k] = A[k]
  s[S_HEAD1] = head
  // Bulge forward (and a little outward) so the path arcs around the body instead of through it.
  s[S_E + 2] = d * TRANSITION_BULGE_PER_M
  s[S_E] = h.locSideX * d * TRANSITION_BULGE_PER_M * 0.3
  return commitSeg(h, s)
}

// ---------------------------------------------------------------------------------------------
// Movements

const _v = vec3()
const _w = vec3()

function moveDuration (m: Movement): number {
  switch (m.kind) {
    case 'line': return clamp(LINE_BASE_S + LINE_PER_M_S * LINE_SIZE_M[m.size], 0.3, 0.45)
    case 'arc': return clamp(LINE_BASE_S + LINE_PER_M_S * LINE_SIZE_M[m.size], 0.3, 0.45) + ARC_EXTRA_S
    case 'circle': return CIRCLE_TURN_S
    case 'zigzag': case 'wave': return ZIGZAG_S
    case 'twist': return TWIST_S
    case 'bend': return BEND_S
    case 'wiggle': return WIGGLE_S
    case 'shape': return SHAPE_S
    case 'tap': return TAP_S
    case 'brush': return BRUSH_S
    case 'orient': return ORIENT_S
    case 'hold': return m.seconds > 0 ? m.seconds : HOLD_DEFAULT_S
    case 'to': return TRANSITION_MIN_S
    default: return 0
  }
}

/** Applies one simple movement to the open segment s (all of a par group share s). Returns its duration. */
function applyMove (ctx: Ctx, h: HandCtx, s: Float64Array, m: Movement, k: number, pending: Array<() => void>): number {
  const sx = h.dirSideX
  let dur = moveDuration(m)
  switch (m.kind) {
    case 'line': {
      dirVec(m.dir, sx, _v)
      for (let j = 0; j < 3; j++) s[S_P1 + j] += _v[j] * LINE_SIZE_M[m.size] * k
      break
    }
    case 'arc': {
      const size = LINE_SIZE_M[m.size] * k
      dirVec(m.dir, sx, _v)
      dirVec(m.bulge, sx, _w)
      for (let j = 0; j < 3; j++) { s[S_P1 + j] += _v[j] * size; s[S_E + j] += _w[j] * size * 0.4 }
      break
    }
    case 'circle': {
      const r = CIRCLE_RADIUS_M[m.size] * k
      // The hand starts on the circle: at its bottom (v, s planes) or its near side (h plane).
      const u = vec3(); const v = vec3()
      if (m.plane === 'v') { dirVec('d', sx, u); dirVec(m.clockwise ? 'i' : 'c', sx, v) } else if (m.plane === 'h') { dirVec('b', sx, u); dirVec(m.clockwise ? 'c' : 'i', sx, v) } else { dirVec('d', sx, u); dirVec(m.clockwise ? 'b' : 'f', sx, v) }
      s[S_KIND] = 1
      for (let j = 0; j < 3; j++) { s[S_CU + j] = u[j] * r; s[S_CV + j] = v[j] * r }
      s[S_SWEEP] = Math.PI * 2
      break
    }
    case 'zigzag': case 'wave': {
      const size = LINE_SIZE_M[m.size] * k
      dirVec(m.dir, sx, _v)
      // Perpendicular in the viewer's plane where possible.
      cross3(_w, _v, DIR_VEC.f)
      if (len3(_w) < 0.3) cross3(_w, _v, DIR_VEC.u)
      normalize3(_w, _w)
      s[S_KIND] = m.kind === 'zigzag' ? 2 : 3
      s[S_CYCLES] = ZIGZAG_CYCLES
      for (let j = 0; j < 3; j++) { s[S_P1 + j] += _v[j] * size; s[S_ZZ + j] = _w[j] * Math.max(size, 0.06) * ZIGZAG_AMP * 2 }
      break
    }
    case 'twist': {
      const q = s.subarray(S_Q1, S_Q1 + 4)
      quatAxis(_v, q, 1)
      const rot = quatAxisAngle(new Float64Array(4), _v, (m.inward ? -1 : 1) * h.chir * TWIST_RAD * k)
      quatNormalize(q, quatMul(new Float64Array(4), rot, q))
      break
    }
    case 'bend': {
      const q = s.subarray(S_Q1, S_Q1 + 4)
      quatAxis(_v, q, 1)
      dirVec(m.dir, sx, _w)
      const ax = cross3(vec3(), _v, _w)
      if (len3(ax) < 0.2) quatAxis(ax, q, 0)
      normalize3(ax, ax)
      for (let j = 0; j < 3; j++) s[S_OSC_AXIS + j] = ax[j]
      s[S_OSC_ANGLE] = BEND_RAD * k
      break
    }
    case 'wiggle':
      s[S_WIGGLE] = WIGGLE_RAD * k
      break
    case 'shape': {
      const a = bakeHandshape(m.handshape)
      for (let j = 0; j < SHAPE_LEN; j++) s[S_A1 + j] = a[j]
      break
    }
    case 'orient': {
      orientQuat(m.orient, sx, s.subarray(S_Q1, S_Q1 + 4) as Float64Array)
      break
    }
    case 'tap': case 'brush': {
      const loc = m.kind === 'tap' && m.at ? m.at : h.loc
      const q = new Float64Array(s.subarray(S_Q1, S_Q1 + 4))
      const a = new Float32Array(s.subarray(S_A1, S_A1 + SHAPE_LEN))
      if (m.kind === 'brush') {
        dirVec(m.dir, sx, _v)
        for (let j = 0; j < 3; j++) s[S_P1 + j] += _v[j] * LINE_SIZE_M.s * 1.3
      }
      if (!loc || siteKind(loc.site) === 'space') {
        // Tap in the air: a short forward nod.
        s[S_E + 2] += 0.03
        break
      }
      const pl = place(ctx, h, loc, q, a, true)
      const d = dist3(pl.P, h.P)
      const t0 = s[S_T0]
      if (d < 0.01 && m.kind === 'tap') {
        // Already touching: lift off and come back (contact at both ends).
        for (let j = 0; j < 3; j++) s[S_E + j] += pl.n[j] * TAP_LIFT_M
        pending.push(() => { addContact(ctx, h, t0, loc, pl) })
      } else {
        // The go-and-back excursion reaches the surface at mid-stroke; a brush slides across it.
        const half = vec3()
        for (let j = 0; j < 3; j++) { s[S_E + j] += pl.P[j] - s[S_P0 + j]; half[j] = (s[S_P1 + j] - s[S_P0 + j]) / 2 }
        const shifted: Placement = { ...pl, site: add3(vec3(), pl.site, half) as Float64Array }
        pending.push(() => { addContact(ctx, h, t0 + (s[S_T1] - t0) / 2, loc, shifted) })
      }
      break
    }
    case 'to': {
      const q = new Float64Array(s.subarray(S_Q1, S_Q1 + 4))
      const a = new Float32Array(s.subarray(S_A1, S_A1 + SHAPE_LEN))
      const pl = place(ctx, h, m.at, q, a)
      const d = dist3(pl.P, h.P)
      dur = transitionSeconds(d)
      for (let j = 0; j < 3; j++) s[S_P1 + j] = pl.P[j]
      s[S_E + 2] += d * TRANSITION_BULGE_PER_M * 0.5
      s[S_HEAD1] = pl.head
      h.loc = m.at
      copy3(h.siteN, pl.n)
      pending.push(() => { addContact(ctx, h, s[S_T1], m.at, pl) })
      break
    }
    case 'hold':
    case 'par':
    case 'repeat':
      break
  }
  return dur
}

function stateKey (h: HandCtx): Float64Array {
  const v = new Float64Array(7)
  v.set(h.P, 0); v.set(h.Q, 3)
  return v
}

/** Compiles a movement list for one hand from time t; returns the end time. */
function compileMoves (ctx: Ctx, h: HandCtx, moves: Movement[], t: number, k: number): number {
  for (const m of moves) {
    if (m.kind === 'repeat') {
      const start = stateKey(h)
      const startA = new Float32Array(h.A)
      const startLoc = h.loc; const startHead = h.head
      for (let r = 0; r < m.times; r++) {
        t = compileMoves(ctx, h, m.items, t, k * Math.pow(REPEAT_DECAY, r))
        if (r < m.times - 1) {
          const now = stateKey(h)
          let diff = 0
          for (let j = 0; j < 3; j++) diff = Math.max(diff, Math.abs(now[j] - start[j]))
          const dq = Math.abs(now[3] * start[3] + now[4] * start[4] + now[5] * start[5] + now[6] * start[6])
          if (diff > 0.01 || dq < 0.995) {
            // Return stroke (HamNoSys "fromstart"): quick, no contact.
            const s = beginSeg(h, t, new Float64Array(SEG))
            s[S_T1] = t + REPEAT_RETURN_S
            for (let j = 0; j < 3; j++) s[S_P1 + j] = start[j]
            for (let j = 0; j < 4; j++) s[S_Q1 + j] = start[3 + j]
            for (let j = 0; j < SHAPE_LEN; j++) s[S_A1 + j] = startA[j]
            s[S_HEAD1] = startHead
            t = commitSeg(h, s)
            h.loc = startLoc
          }
        }
      }
      continue
    }
    const s = beginSeg(h, t, new Float64Array(SEG))
    const pending: Array<() => void> = []
    let dur = 0
    const items = m.kind === 'par' ? flattenPar(m.items) : [m]
    for (const it of items) dur = Math.max(dur, applyMove(ctx, h, s, it, k, pending))
    s[S_T1] = t + dur
    t = commitSeg(h, s)
    for (const p of pending) p()
  }
  return t
}

function flattenPar (items: Movement[]): Movement[] {
  const out: Movement[] = []
  for (const it of items) {
    if (it.kind === 'par') out.push(...flattenPar(it.items))
    else if (it.kind === 'repeat') out.push(...flattenPar(it.items))
    else out.push(it)
  }
  return out
}

/** Duration of one cycle of a movement list (for rel: alternate = half a cycle late). */
function cycleSeconds (moves: Movement[]): number {
  if (moves.length === 1 && moves[0].kind === 'repeat') return sumSeconds(moves[0].items)
  return sumSeconds(moves)
}

function sumSeconds (moves: Movement[]): number {
  let t = 0
  for (const m of moves) {
    if (m.kind === 'repeat') t += m.times * sumSeconds(m.items)
    else if (m.kind === 'par') t += Math.max(0, ...m.items.map(i => sumSeconds([i])))
    else t += moveDuration(m)
  }
  return t
}

// ---------------------------------------------------------------------------------------------
// Non-manuals

function pushEv (ev: number[], t0: number, t1: number, ch: number, value: number, hz = 0, phase = 0): void {
  ev.push(t0, t1, ch, value, hz, NM_ATTACK_S, NM_RELEASE_S, phase)
}

function faceEvents (ev: number[], f: NonManual, t0: number, t1: number): void {
  switch (f.expr) {
    case '疑问': pushEv(ev, t0, t1, F_BROW_RAISE, 1); pushEv(ev, t0, t1, F_HEAD_FORWARD, 1); pushEv(ev, t0, t1, F_HEAD_PITCH, -0.08); pushEv(ev, t0, t1, F_EYE_WIDE, 0.5); break
    case '高兴': pushEv(ev, t0, t1, F_MOUTH_SMILE, 1); pushEv(ev, t0, t1, F_BROW_RAISE, 0.35); pushEv(ev, t0, t1, F_MOUTH_OPEN, 0.15); break
    case '难过': pushEv(ev, t0, t1, F_MOUTH_SMILE, -0.9); pushEv(ev, t0, t1, F_BROW_SAD, 1); pushEv(ev, t0, t1, F_HEAD_PITCH, 0.1); pushEv(ev, t0, t1, F_EYE_OPEN, -0.2); break
    case '惊讶': pushEv(ev, t0, t1, F_BROW_RAISE, 1); pushEv(ev, t0, t1, F_MOUTH_OPEN, 0.75); pushEv(ev, t0, t1, F_MOUTH_ROUND, 0.5); pushEv(ev, t0, t1, F_EYE_WIDE, 1); break
    case '生气': pushEv(ev, t0, t1, F_BROW_FURROW, 1); pushEv(ev, t0, t1, F_MOUTH_SMILE, -0.5); pushEv(ev, t0, t1, F_EYE_OPEN, -0.15); break
    case '否定': pushEv(ev, t0, t1, F_HEAD_YAW, 0.17, 2.4); pushEv(ev, t0, t1, F_MOUTH_SMILE, -0.6); pushEv(ev, t0, t1, F_BROW_FURROW, 0.4); break
  }
  if (f.brows === 'raise') pushEv(ev, t0, t1, F_BROW_RAISE, 1)
  if (f.brows === 'furrow') pushEv(ev, t0, t1, F_BROW_FURROW, 1)
  if (f.head === 'nod') pushEv(ev, t0, t1, F_HEAD_PITCH, 0.13, 2.2)
  if (f.head === 'shake') pushEv(ev, t0, t1, F_HEAD_YAW, 0.17, 2.4)
  if (f.head === 'tilt') pushEv(ev, t0, t1, F_HEAD_ROLL, 0.14)
  switch (f.mouth) {
    case 'open': pushEv(ev, t0, t1, F_MOUTH_OPEN, 0.8); break
    case 'o': pushEv(ev, t0, t1, F_MOUTH_OPEN, 0.45); pushEv(ev, t0, t1, F_MOUTH_ROUND, 1); break
    case 'pursed': pushEv(ev, t0, t1, F_MOUTH_PURSE, 1); break
    case 'smile': pushEv(ev, t0, t1, F_MOUTH_SMILE, 1); break
    case 'frown': pushEv(ev, t0, t1, F_MOUTH_SMILE, -1); break
    case 'puff': pushEv(ev, t0, t1, F_CHEEK_PUFF, 1); pushEv(ev, t0, t1, F_MOUTH_PURSE, 0.6); break
  }
  switch (f.gaze) {
    case 'hand': pushEv(ev, t0, t1, F_GAZE_HAND, 1); break
    case 'up': pushEv(ev, t0, t1, F_GAZE_Y, 1); break
    case 'down': pushEv(ev, t0, t1, F_GAZE_Y, -1); break
  }
}

// ---------------------------------------------------------------------------------------------
// Sequence

interface HandPlan { spec: HandSpec | null; still: boolean; delayHalfCycle: boolean; dirSideX: number }

function plansFor (sign: SignNotation): [HandPlan, HandPlan] {
  const dom: HandPlan = { spec: sign.dom, still: false, delayHalfCycle: false, dirSideX: -1 }
  let non: HandPlan = { spec: null, still: false, delayHalfCycle: false, dirSideX: 1 }
  switch (sign.rel) {
    case 'mirror': non = { spec: sign.nondom ?? sign.dom, still: false, delayHalfCycle: false, dirSideX: 1 }; break
    case 'parallel': non = { spec: sign.nondom ?? sign.dom, still: false, delayHalfCycle: false, dirSideX: sign.nondom ? 1 : -1 }; break
    case 'alternate': non = { spec: sign.nondom ?? sign.dom, still: false, delayHalfCycle: true, dirSideX: 1 }; break
    case 'base': non = { spec: sign.nondom ?? null, still: true, delayHalfCycle: false, dirSideX: 1 }; break
    case 'two': non = { spec: sign.nondom ?? null, still: false, delayHalfCycle: false, dirSideX: 1 }; break
    default: break
  }
  return [dom, non]
}

function refsOtherHand (spec: HandSpec | null): boolean {
  if (!spec) return false
  const k = siteKind(spec.loc.site)
  return k === 'hand' || k === 'arm'
}

/**
 * Compiles several signs into one sequence: rest → item 0 → item 1 … → rest, with coarticulated
 * transitions (no return to rest between items), holds, repetitions, non-manuals and an ambient layer.
 */
export function compileTimeline (items: TimelineItem[], opts: CompileOptions = {}): Timeline {
  const ctx: Ctx = { hands: [newHand(0), newHand(1)], contacts: [] }
  const phases: TimelinePhase[] = []
  const itemSpans: Array<{ t0: number; t1: number; label: string }> = []
  const ev: number[] = []
  const staticHold = opts.letterHold ?? STATIC_HOLD_S
  let t = REST_PAD_S
  let stepOffset = 0
  const itemStarts: number[] = []
  for (let i = 0; i < items.length; i++) {
    const { sign, label } = items[i]
    const nSteps = Math.max(1, Math.floor(items[i].steps ?? 1))
    const tItem0 = i === 0 ? 0 : t
    itemStarts.push(t)
    const plans = plansFor(sign)
    // Order: a hand whose location is on the other hand goes second.
    const order: Array<0 | 1> = refsOtherHand(plans[0].spec) || !refsOtherHand(plans[1].spec) ? [1, 0] : [0, 1]
    // Start phase: transitions to the start postures.
    let tStartEnd = t
    const startPl: Array<Placement | null> = [null, null]
    for (const hi of order) {
      const h = ctx.hands[hi]
      const plan = plans[hi]
      h.dirSideX = plan.dirSideX
      if (!plan.spec) {
        if (!h.atRest) {
          const P = vec3(); const Q = new Float64Array(4); const A = new Float32Array(SHAPE_LEN)
          restPosture(h, P, Q, A)
          holdUntil(h, t)
          tStartEnd = Math.max(tStartEnd, transitionTo(h, t, P, Q, A, 0))
          h.atRest = true; h.loc = null
        }
        continue
      }
      const Q = orientQuat(plan.spec.orient, h.dirSideX, new Float64Array(4))
      const A = new Float32Array(bakeHandshape(plan.spec.handshape))
      const pl = place(ctx, h, plan.spec.loc, Q, A)
      holdUntil(h, t)
      // Hold the new posture in the hand state before the other hand resolves H.* sites on it.
      const tEnd = transitionTo(h, t, pl.P, Q, A, pl.head)
      tStartEnd = Math.max(tStartEnd, tEnd)
      h.loc = plan.spec.loc
      copy3(h.siteN, pl.n)
      h.atRest = false
      startPl[hi] = pl
    }
    for (const hi of [0, 1] as const) {
      const pl = startPl[hi]
      const spec = plans[hi].spec
      if (pl && spec) addContact(ctx, ctx.hands[hi], tStartEnd, spec.loc, pl)
    }
    const tMove0 = tStartEnd + START_HOLD_S
    // Move phase.
    let tMove1 = tMove0
    let hasMoves = false
    for (const hi of order) {
      const h = ctx.hands[hi]
      const plan = plans[hi]
      if (!plan.spec || plan.still || plan.spec.moves.length === 0) continue
      hasMoves = true
      const delay = plan.delayHalfCycle ? cycleSeconds(plan.spec.moves) / 2 : 0
      holdUntil(h, tMove0 + delay)
      tMove1 = Math.max(tMove1, compileMoves(ctx, h, plan.spec.moves, tMove0 + delay, 1))
    }
    const last = i === items.length - 1
    const hold = hasMoves ? (last ? END_HOLD_S : END_HOLD_S * 0.6) : staticHold
    let tItem1 = tMove1 + hold
    if (last) {
      // Return to rest.
      let tBack = tItem1
      for (const h of ctx.hands) {
        holdUntil(h, tItem1)
        if (h.atRest) continue
        const P = vec3(); const Q = new Float64Array(4); const A = new Float32Array(SHAPE_LEN)
        restPosture(h, P, Q, A)
        tBack = Math.max(tBack, transitionTo(h, tItem1, P, Q, A, 0))
        h.atRest = true
      }
      tItem1 = Math.max(tBack, tItem1 + RETURN_TO_REST_S * 0.5) + REST_PAD_S
    }
    // Non-manuals span the item from the start of its transition to the end of its hold.
    faceEvents(ev, sign.face, t, tMove1 + hold * 0.5)
    // Phases.
    phases.push({ t0: tItem0, t1: tMove0, item: i, phase: 'start', step: stepOffset, label: PHASE_LABEL.start })
    if (tMove1 > tMove0) {
      const parts = Math.max(1, nSteps - 1)
      for (let p = 0; p < parts; p++) {
        phases.push({
          t0: tMove0 + (tMove1 - tMove0) * p / parts,
          t1: tMove0 + (tMove1 - tMove0) * (p + 1) / parts,
          item: i,
          phase: 'move',
          step: stepOffset + (nSteps > 1 ? 1 + p : 0),
          label: PHASE_LABEL.move
        })
      }
    }
    phases.push({ t0: tMove1, t1: tItem1, item: i, phase: 'end', step: stepOffset + nSteps - 1, label: PHASE_LABEL.end })
    itemSpans.push({ t0: tItem0, t1: tItem1, label })
    stepOffset += nSteps
    t = tItem1
  }
  const duration = items.length === 0 ? REST_PAD_S * 2 : t
  for (const h of ctx.hands) holdUntil(h, duration + 1e-6)
  const seed = opts.seed ?? DEFAULT_SEED
  const rng = seededRng(seed)
  // Blinks: seeded intervals, plus one shortly after each sign boundary (where people blink).
  const blinks: number[] = []
  for (let tb = 0.6 + rng() * 1.5; tb < duration; tb += BLINK_MIN_S + rng() * (BLINK_MAX_S - BLINK_MIN_S)) blinks.push(tb)
  for (let i = 1; i < itemStarts.length; i++) {
    const tb = itemStarts[i] + 0.05
    if (!blinks.some(b => Math.abs(b - tb) < 1)) blinks.push(tb)
  }
  blinks.sort((a, b) => a - b)
  const sway = new Float64Array(13)
  for (let i = 0; i < 6; i++) { sway[2 * i] = 0.12 + rng() * 0.2; sway[2 * i + 1] = rng() * Math.PI * 2 }
  // sway[12]: amplitude factor of the whole ambient layer.
  sway[12] = opts.ambient === false ? 0 : 1
  if (opts.ambient === false) blinks.length = 0
  return {
    version: 1,
    duration,
    phases,
    items: itemSpans,
    contacts: ctx.contacts.sort((a, b) => a.t - b.t),
    hands: ctx.hands.map(h => ({ isRight: h.isRight, chir: h.chir, seg: Float64Array.from(h.segs), count: h.segs.length / SEG })) as [HandTrack, HandTrack],
    face: Float64Array.from(ev),
    faceCount: ev.length / EV,
    blinks: Float64Array.from(blinks),
    sway
  }
}

/**
 * A one-handed sign showing a handshape in its default orientation at neutral space (letters and
 * numbers; a letter's own movement is passed as `moves`). Used for fingerspelling and the chart.
 */
export function handshapeSign (id: string, moves: Movement[] = []): SignNotation {
  const def = getHandshape(id)
  const orient = def?.defaultOrient ?? { finger: 'u', palm: 'f' }
  return {
    version: NOTATION_VERSION,
    rel: 'one',
    dom: { handshape: id, orient: { finger: orient.finger, palm: orient.palm }, loc: { site: 'neutral', side: 'i' }, moves },
    face: {}
  }
}


