/**
 * The compile-time state of each hand (position, rotation, joint angles, head anchor, current
 * site) and the segment builders that advance it: begin, commit, hold, transition, anchoring.
 */
import { HAND_APPROACH_M, TRANSITION_BASE_S, TRANSITION_BULGE_PER_M, TRANSITION_MAX_S, TRANSITION_MIN_S, TRANSITION_PER_M_S } from './constants'
import { REST_SHAPE, SHAPE_LEN } from './hand-model'
import { clamp, dist3, vec3, abs, f32, f64, add3, addScaled3, quat, quatMul, quatRotate, sub3 } from './math'
import { orientQuat } from './orient'
import { SEG, S_A0, S_A1, S_ANCHOR0, S_ANCHOR1, S_BASE_P, S_BASE_Q, S_E, S_HEAD0, S_HEAD1, S_P0, S_P1, S_Q0, S_Q1, S_T0, S_T1 } from './segment'
import { REST_FINGER_DIR, REST_PALM_DIR, REST_PALM_R } from './skeleton'
import type { ContactMarker } from './timeline-types'
import type { Covers } from './face-clear'
import type { Location } from '../sign/types'

export interface HandCtx {
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
  /** Base anchor weight (1 while at a site on the other hand) and the other hand's pose then. */
  anchor: number
  baseP: Float64Array
  baseQ: Float64Array
  loc: Location | null
  /** Outward normal of the current site (for taps and brushes). */
  siteN: Float64Array
  segs: number[]
  tEnd: number
  atRest: boolean
}

export interface Ctx {
  hands: [HandCtx, HandCtx]
  contacts: ContactMarker[]
  /** x sign of the signer's left as drawn (−1 in the mirrored view): see relativeSide. */
  leftX: number
  /** The sign being compiled covers this part of the face by design (notation `covers:`). */
  covers?: Covers
  /** Both hands sign in the item being compiled (face-clear.ts: each must leave both eyes free). */
  twoHands?: boolean
  /** The item is `rel: mirror` of one written hand: the hands are each other's mirror image (placement.ts keepOwnSide). */
  mirror?: boolean
  /** A hand of the item starts on the other hand or arm (placement.ts: that base is not pivoted at the face). */
  onHand?: boolean
  /** The item is `rel: chase`: the left hand goes round the right hand's circles half a turn apart (movements.ts). */
  chase?: boolean
  /** The hand being placed starts a circle round the face (face-clear.ts roundFace): its site is kept. */
  round?: boolean
  /** m: the radius of the dominant hand's circles round the other hand (`circle(…,H)`, movements.ts aroundHand). */
  aroundR?: number
}


export function newHand (idx: 0 | 1): HandCtx {
  const isRight = idx === 0
  const sideX = isRight ? -1 : 1
  const h: HandCtx = {
    idx, isRight, chir: isRight ? 1 : -1, locSideX: sideX, dirSideX: sideX,
    P: vec3(), Q: quat(), A: f32(SHAPE_LEN), head: 0, anchor: 0, baseP: vec3(), baseQ: quat(),
    loc: null, siteN: vec3(0, 0, 1), segs: [], tEnd: 0, atRest: true
  }
  restPosture(h, h.P, h.Q, h.A)
  return h
}

export function restPosture (h: HandCtx, P: Float64Array, Q: Float64Array, A: Float32Array): void {
  P[0] = h.locSideX * abs(REST_PALM_R[0]); P[1] = REST_PALM_R[1]; P[2] = REST_PALM_R[2]
  orientQuat({ finger: REST_FINGER_DIR, palm: REST_PALM_DIR }, h.locSideX, Q)
  A.set(REST_SHAPE)
}

export function beginSeg (h: HandCtx, t0: number, s: Float64Array): Float64Array {
  s.fill(0)
  s[S_T0] = s[S_T1] = t0
  // (The hand's arrays have their fixed lengths: 3, 4, SHAPE_LEN.)
  s.set(h.P, S_P0); s.set(h.P, S_P1)
  s.set(h.Q, S_Q0); s.set(h.Q, S_Q1)
  s.set(h.A, S_A0); s.set(h.A, S_A1)
  s[S_HEAD0] = s[S_HEAD1] = h.head
  s[S_ANCHOR0] = s[S_ANCHOR1] = h.anchor
  s.set(h.baseP, S_BASE_P); s.set(h.baseQ, S_BASE_Q)
  return s
}

function pushSeg (h: HandCtx, s: Float64Array): void {
  for (let k = 0; k < SEG; k++) h.segs.push(s[k])
  h.tEnd = s[S_T1]
}

/**
 * Ends the hand's anchoring to the other hand (`o`: that hand's state at t) at time t, where it is:
 * held anchored until t, its pose then becomes what the anchor drew (pose.ts: the other hand's
 * motion since `baseP`/`baseQ` applied). Called when the next item begins: held anchored, the hand
 * was carried round by the other as that moved to its next posture (真空: swung across the mouth
 * between the two parts).
 */
export function detach (h: HandCtx, o: { P: Float64Array; Q: Float64Array }, t: number): void {
  holdUntil(h, t)
  const D = quat()
  for (let k = 0; k < 3; k++) D[k] = -h.baseQ[k]
  D[3] = h.baseQ[3]
  quatMul(D, o.Q, D)
  add3(h.P, o.P, quatRotate(h.P, D, sub3(h.P, h.P, h.baseP)))
  quatMul(h.Q, D, h.Q)
  h.anchor = 0
}

/** Fills the gap up to t with a still hold, so segments stay contiguous. */
export function holdUntil (h: HandCtx, t: number): void {
  if (t <= h.tEnd + 1e-9) return
  const s = beginSeg(h, h.tEnd, f64(SEG))
  s[S_T1] = t
  pushSeg(h, s)
}

export function commitSeg (h: HandCtx, s: Float64Array): number {
  holdUntil(h, s[S_T0])
  pushSeg(h, s)
  // The hand's arrays from their end fields (3, 4 and SHAPE_LEN long).
  const end = (v: Float64Array | Float32Array, o: number): void => { v.set(s.subarray(o, o + v.length)) }
  end(h.P, S_P1); end(h.Q, S_Q1); end(h.A, S_A1)
  h.head = s[S_HEAD1]
  h.anchor = s[S_ANCHOR1]
  return s[S_T1]
}

export function transitionSeconds (distM: number): number {
  return clamp(TRANSITION_BASE_S + TRANSITION_PER_M_S * distM, TRANSITION_MIN_S, TRANSITION_MAX_S)
}

/** The other hand's pose `base` a hand placed on it moves with from segment s on (pose.ts anchor). */
export function setBase (h: HandCtx, s: Float64Array, base: { P: Float64Array; Q: Float64Array }): void {
  // (A hand's P and Q: 3 and 4 long.)
  s.set(base.P, S_BASE_P); h.baseP.set(base.P)
  s.set(base.Q, S_BASE_Q); h.baseQ.set(base.Q)
}

/**
 * Transition of one hand to a posture (or to rest), starting at t0; returns its end time. `anchor`
 * is the base-anchor weight it ends with (1: the posture is on the other hand, which `base` gives).
 */
export function transitionTo (h: HandCtx, t0: number, P: Float64Array, Q: Float64Array, A: Float32Array, head: number, anchor = 0, base?: { P: Float64Array; Q: Float64Array }, approach?: ArrayLike<number>): number {
  const s = beginSeg(h, t0, f64(SEG))
  s[S_ANCHOR1] = anchor
  if (base) setBase(h, s, base)
  const d = dist3(h.P, P)
  s[S_T1] = t0 + transitionSeconds(d)
  // (P, Q, A: 3, 4 and SHAPE_LEN long, as the hand's own.)
  s.set(P, S_P1); s.set(Q, S_Q1); s.set(A, S_A1)
  s[S_HEAD1] = head
  // Bulge forward (and a little outward) so the path arcs around the body instead of through it.
  s[S_E + 2] = d * TRANSITION_BULGE_PER_M
  s[S_E] = h.locSideX * d * TRANSITION_BULGE_PER_M * 0.3
  // Leaving a site on the other hand, and arriving at one (`approach`: its outward normal), the
  // hand moves off and onto the surface from outside, not through the other hand: a bulge along
  // the normal makes the path's two ends run along it.
  const e = s.subarray(S_E, S_E + 3)
  if (h.loc !== null && h.loc.site.startsWith('H.')) addScaled3(e, e, h.siteN, HAND_APPROACH_M)
  if (approach) addScaled3(e, e, approach, HAND_APPROACH_M)
  return commitSeg(h, s)
}

