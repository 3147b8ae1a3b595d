/**
 * Per-frame sampling: timeline + time → pose. Everything is written into the preallocated typed
 * arrays of a Pose; samplePose allocates nothing: no `new`, no literals, no closures, and no float
 * passed to or returned from a call (V8 boxes one that crosses a call it did not inline), so time,
 * weights and angles travel through the module-level scratch buffers (docs/avatar.md). Whole
 * arrays are copied with TypedArray.set (a builtin that converts element by element, allocating
 * nothing: engine.alloc_bytes_per_frame stays 0).
 */
import {
  BLINK_S, BREATH_M, BREATH_PERIOD_S, HAND_EMPHASIS, HEAD_FORWARD_M,
  SWAY_HEAD_RAD, SWAY_TORSO_RAD, RUB_CYCLES, WIGGLE_CYCLES
} from './constants'
import { LANDMARKS, PALM_HALF_THICK, SHAPE_LEN, T_IP, T_MCP, handWorldLandmarks, palmCentreOffset, wristAt } from './hand-model'
import { MIN_REACH, shoulderLift, solveArm } from './ik'
import { copy3, getAt, quatAxis, quatFromEuler, quatMul, quatNlerp, quatRotate, vec3, PI, cos, floor, sin, sqrt, f32, f64 } from './math'
import { partPoint } from './hand-parts'
import { resolveHandSite } from './site-geometry'
import {
  BODY, shoulderAt, JOINT_COUNT, J_CHEST, J_HEAD, J_L_ELBOW, J_L_SHOULDER, J_L_WRIST, J_NECK, J_PELVIS, J_R_ELBOW,
  J_R_SHOULDER, J_R_WRIST
} from './skeleton'
import {
  EV, EV_ATTACK, EV_CHANNEL, EV_HZ, EV_RELEASE, EV_T0, EV_T1, EV_VALUE, FACE_LEN, F_BREATH, F_EYE_OPEN, F_GAZE_HAND,
  F_GAZE_X, F_GAZE_Y, F_HEAD_FORWARD, F_HEAD_PITCH, F_HEAD_ROLL, F_HEAD_YAW, F_MOUTH_SMILE, F_SHOULDER_RAISE, F_TORSO_PITCH, F_TORSO_ROLL,
  F_TORSO_YAW, SW_AMP, SW_AXES, SW_HEAD_PITCH, SW_HEAD_ROLL, SW_HEAD_YAW, SW_TORSO_PITCH, SW_TORSO_ROLL, SW_TORSO_YAW
} from './face-channels'
import {
  KIND_CIRCLE, KIND_WAVE, KIND_ZIGZAG, SEG, S_A0, S_A1, S_CU, S_CV, S_CYCLES, S_E, S_HEAD0, S_HEAD1, S_KIND,
  S_ANCHOR0, S_ANCHOR1, S_BASE_P, S_BASE_Q, S_FLEX, S_FLEX_MASK, S_OSC_ANGLE, S_OSC_AXIS, S_P0, S_P1, S_Q0, S_Q1, S_RUB, S_SQUEEZE, S_SWEEP, S_T0, S_T1, S_WIGGLE, S_ZZ
} from './segment'
import type { ContactMarker, Timeline } from './timeline-types'

export interface Pose {
  /** Timeline time (s) of this pose. */
  t: number
  /** Body joints xyz (skeleton.ts J_* order), avatar space. */
  joints: Float32Array
  /** 21×3 landmarks per hand, MediaPipe order: [right (dominant), left]. */
  hands: [Float32Array, Float32Array]
  /** Hand rotations (x, y, z, w) right then left; basis X thumb side (right hand), Y fingers, Z palm. */
  handQuat: Float32Array
  /** Current joint angles per hand (hand-model.ts layout). */
  shapes: [Float32Array, Float32Array]
  /** Face and ambient channels (timeline.ts F_* order). */
  face: Float32Array
  /** Head rotation in world space (x, y, z, w). */
  headQuat: Float32Array
  /** Torso rotation about the pelvis (x, y, z, w) and the head's local rotation + forward shift. */
  torsoQuat: Float32Array
  headLocal: Float32Array
  /** Elbow angle (rad, π = straight) right, left. */
  elbowAngle: Float32Array
  /** Cached segment index per hand (O(1) for forward playback). */
  cursor: Int32Array
}

/** Allocates a pose (once per player). */
export function createPose (): Pose {
  return {
    t: 0,
    joints: f32(JOINT_COUNT * 3),
    hands: [f32(LANDMARKS * 3), f32(LANDMARKS * 3)],
    handQuat: f32(8),
    shapes: [f32(SHAPE_LEN), f32(SHAPE_LEN)],
    face: f32(FACE_LEN),
    headQuat: f32(4),
    torsoQuat: f32(4),
    headLocal: f32(5),
    elbowAngle: f32(2),
    cursor: new Int32Array(2)
  }
}

// Scratch
const _p = vec3()
const _p2 = vec3()
const _q = f64(4)
const _q2 = f64(4)
const _qT = f64(4)
const _qH = f64(4)
const _ax = vec3()
const _sh = vec3()
const _el = vec3()
const _wr = vec3()
const _wrT = vec3()
/** The solved arm: shoulder, elbow, wrist, and their joints (right arm, left arm). */
const _arm = [_sh, _el, _wr]
const ARM_JOINTS = [J_R_SHOULDER, J_R_ELBOW, J_R_WRIST, J_L_SHOULDER, J_L_ELBOW, J_L_WRIST]
const _y = vec3()
const _shape = f32(SHAPE_LEN)
const _lm = f64(LANDMARKS * 3)
/** The time being sampled (s) and the interpolation weights of this frame. */
const _t = f64(1)
const _wt = f64(2)
/** The shoulder lift of this frame (m; ik.ts shoulderLift). */
const _d1 = f64(1)
/** The other hand's palm centre and rotation (torso space) this frame; the anchoring delta. */
const _baseP = vec3()
const _baseQ = f64(4)
const _qc = f64(4)
const _qD = f64(4)

/**
 * The ambient sway's axes: face channel, its (frequency, phase) in Timeline.sway, share of the
 * amplitude (torso axes first, scaled by SWAY_TORSO_RAD, then the head's by SWAY_HEAD_RAD).
 */
const SWAY = [
  F_TORSO_YAW, SW_TORSO_YAW, 1, F_TORSO_ROLL, SW_TORSO_ROLL, 0.6, F_TORSO_PITCH, SW_TORSO_PITCH, 0.5,
  F_HEAD_YAW, SW_HEAD_YAW, 1, F_HEAD_PITCH, SW_HEAD_PITCH, 0.6, F_HEAD_ROLL, SW_HEAD_ROLL, 0.5
]

/** m: how far both shoulders lift for a full 耸肩 (face channel F_SHOULDER_RAISE = 1). */
const SHOULDER_RAISE_M = 0.035

/** m: how far the shoulder girdle may give way for targets too close to the shoulder. */
const SHOULDER_GIVE_M = 0.08

/** torso space → world: rotate about the pelvis by the pose's torso rotation. */
export function torsoToWorld (pose: Pose, p: ArrayLike<number>, out: Float64Array | Float32Array): Float64Array | Float32Array {
  for (let k = 0; k < 3; k++) _p2[k] = p[k] - BODY.pelvis[k]
  quatRotate(_p2, pose.torsoQuat, _p2)
  for (let k = 0; k < 3; k++) out[k] = _p2[k] + BODY.pelvis[k]
  return out
}

/** Head-attached point (torso rest frame) → torso space: rotate about the neck, shift forward. */
export function headToTorso (pose: Pose, p: ArrayLike<number>, out: Float64Array | Float32Array): Float64Array | Float32Array {
  const hl = pose.headLocal
  for (let k = 0; k < 4; k++) _q2[k] = hl[k]
  for (let k = 0; k < 3; k++) _p2[k] = p[k] - BODY.neck[k]
  quatRotate(_p2, _q2, _p2)
  for (let k = 0; k < 3; k++) out[k] = _p2[k] + BODY.neck[k] + (k === 2 ? hl[4] : 0)
  return out
}

/** The segment containing the time being sampled (_t[0]), from the hand's cached cursor. */
function findSeg (seg: Float64Array, count: number, cursor: Int32Array, h: number): number {
  const t = _t[0]
  let i = cursor[h]
  if (i < 0 || i >= count) i = 0
  if (seg[i * SEG + S_T0] > t) i = 0
  while (i < count - 1 && seg[i * SEG + S_T1] <= t) i++
  cursor[h] = i
  return i
}

// The minimum-jerk warp (math.ts minJerk: 10u³ − 15u⁴ + 6u⁵) and the clamps are written out where
// they are used below: a call taking or returning a float would box it.

function sampleFace (tl: Timeline, f: Float32Array): void {
  const t = _t[0]
  f.fill(0)
  f[F_EYE_OPEN] = 1
  // A faint resting smile: a friendly, not blank, face.
  f[F_MOUTH_SMILE] = 0.15
  const ev = tl.face
  for (let i = 0; i < tl.faceCount; i++) {
    const o = i * EV
    // Envelope: rises over `attack` from t0, holds to t1, falls over `release`; minimum jerk.
    const t0 = ev[o + EV_T0]; const t1 = ev[o + EV_T1]; const attack = ev[o + EV_ATTACK]; const release = ev[o + EV_RELEASE]
    if (t <= t0 || t >= t1 + release) continue
    let env = 1
    const rising = t < t0 + attack
    if (rising || t > t1) {
      const u = rising ? (t - t0) / attack : (t - t1) / release
      const mj = u * u * u * (10 + u * (-15 + 6 * u))
      env = rising ? mj : 1 - mj
    }
    const hz = ev[o + EV_HZ]
    const v = hz > 0 ? ev[o + EV_VALUE] * sin(2 * PI * hz * (t - t0)) : ev[o + EV_VALUE]
    f[ev[o + EV_CHANNEL]] += v * env
  }
  // Blinks: a fast close and a slower open.
  const b = tl.blinks
  for (let i = 0; i < b.length; i++) {
    const u = (t - b[i]) / BLINK_S
    if (u > 0 && u < 1) { f[F_EYE_OPEN] *= u < 0.4 ? 1 - u / 0.4 : (u - 0.4) / 0.6; break }
  }
  // Ambient: breathing and a slow seeded sway (deterministic, never frozen).
  const s = tl.sway
  const amb = s[SW_AMP]
  f[F_BREATH] = amb * sin((2 * PI * t) / BREATH_PERIOD_S)
  // Added to the torso events (body=forward, lean, turn), as the head's sway is to the head's.
  for (let k = 0; k < SW_AXES; k++) {
    const sw = SWAY[3 * k + 1]
    f[SWAY[3 * k]] += amb * (k < 3 ? SWAY_TORSO_RAD : SWAY_HEAD_RAD) * SWAY[3 * k + 2] * sin(2 * PI * s[sw] * t + s[sw + 1])
  }
}

function sampleHand (tl: Timeline, pose: Pose, h: 0 | 1): void {
  const t = _t[0]
  const track = tl.hands[h]
  const seg = track.seg
  const i = findSeg(seg, track.count, pose.cursor, h)
  const o = i * SEG
  const t0 = seg[o + S_T0]; const t1 = seg[o + S_T1]
  const r = t1 > t0 ? (t - t0) / (t1 - t0) : 1
  const u = r < 0 ? 0 : r > 1 ? 1 : r
  const s = u * u * u * (10 + u * (-15 + 6 * u)) // minimum jerk
  const bump = sin(PI * s)
  // Position (torso space).
  for (let k = 0; k < 3; k++) _p[k] = seg[o + S_P0 + k] + (seg[o + S_P1 + k] - seg[o + S_P0 + k]) * s + seg[o + S_E + k] * bump
  const kind = seg[o + S_KIND]
  if (kind === KIND_CIRCLE) {
    const a = seg[o + S_SWEEP] * s
    const ca = cos(a) - 1; const sa = sin(a)
    for (let k = 0; k < 3; k++) _p[k] += seg[o + S_CU + k] * ca + seg[o + S_CV + k] * sa
  } else if (kind === KIND_ZIGZAG || kind === KIND_WAVE) {
    const ph = seg[o + S_CYCLES] * s
    let w: number
    if (kind === KIND_WAVE) w = sin(2 * PI * ph)
    else { const fr = ph - floor(ph); w = fr < 0.25 ? fr * 4 : fr < 0.75 ? 2 - fr * 4 : fr * 4 - 4 }
    for (let k = 0; k < 3; k++) _p[k] += seg[o + S_ZZ + k] * w * bump
  }
  const head = seg[o + S_HEAD0] + (seg[o + S_HEAD1] - seg[o + S_HEAD0]) * s
  if (head > 0) {
    headToTorso(pose, _p, _p2)
    for (let k = 0; k < 3; k++) _p[k] += (_p2[k] - _p[k]) * head
  }
  // Rotation.
  for (let k = 0; k < 4; k++) { _q[k] = seg[o + S_Q0 + k]; _q2[k] = seg[o + S_Q1 + k] }
  _wt[0] = s; _wt[1] = head
  quatNlerp(_q, _q, _q2, _wt, 0)
  const osc = seg[o + S_OSC_ANGLE]
  if (osc !== 0) {
    // Oscillation (twist, bend) about its axis: the axis-angle quaternion, written out.
    const half = (osc * bump) / 2
    const sn = sin(half)
    for (let k = 0; k < 3; k++) _q2[k] = seg[o + S_OSC_AXIS + k] * sn
    _q2[3] = cos(half)
    quatMul(_q, _q2, _q)
  }
  if (head > 0) {
    // A hand on the face moves rigidly with the head, so the contact holds during a nod.
    quatMul(_q2, _qH, _q)
    quatNlerp(_q, _q, _q2, _wt, 1)
  }
  if (h === 1) {
    // The other hand's pose (torso space), for a dominant hand anchored to it (sampled next).
    _baseP.set(_p); _baseQ.set(_q)
  } else {
    const anchor = seg[o + S_ANCHOR0] + (seg[o + S_ANCHOR1] - seg[o + S_ANCHOR0]) * s
    if (anchor > 0) {
      // Move rigidly with the other hand: its motion since the pose this segment was placed
      // against (D = base now · base then⁻¹) applied to this hand, blended by the anchor weight.
      for (let k = 0; k < 3; k++) _qc[k] = -seg[o + S_BASE_Q + k]
      _qc[3] = seg[o + S_BASE_Q + 3]
      quatMul(_qD, _baseQ, _qc)
      for (let k = 0; k < 3; k++) _p2[k] = _p[k] - seg[o + S_BASE_P + k]
      quatRotate(_p2, _qD, _p2)
      for (let k = 0; k < 3; k++) _p[k] += (_baseP[k] + _p2[k] - _p[k]) * anchor
      quatMul(_q2, _qD, _q)
      _wt[0] = anchor
      quatNlerp(_q, _q, _q2, _wt, 0)
    }
  }
  torsoToWorld(pose, _p, _p)
  quatMul(_q, _qT, _q)
  // Joint angles, locked to the same phase as the arm.
  const A = pose.shapes[h]
  for (let k = 0; k < SHAPE_LEN; k++) A[k] = seg[o + S_A0 + k] + (seg[o + S_A1 + k] - seg[o + S_A0 + k]) * s
  const wig = seg[o + S_WIGGLE]
  if (wig !== 0) {
    for (let f = 0; f < 4; f++) A[4 * f + 1] += wig * bump * sin(2 * PI * WIGGLE_CYCLES * s + f * 1.3)
  }
  const flex = seg[o + S_FLEX]
  if (flex !== 0) {
    // Single fingers bend at the knuckles and straighten again (中指弯动); mask bits as FLEX_BIT.
    const w = flex * bump
    const mask = seg[o + S_FLEX_MASK]
    for (let f = 0; f < 4; f++) {
      if (!((mask >> f) & 1)) continue
      A[4 * f + 1] += w
      A[4 * f + 2] += w * 0.6
    }
    if ((mask >> 4) & 1) { A[T_MCP] += w * 0.7; A[T_IP] += w * 0.7 }
  }
  const rub = seg[o + S_RUB]
  if (rub !== 0) {
    // The thumb slides to and fro along the finger pads: its MCP and IP flex together.
    const w = rub * bump * sin(2 * PI * RUB_CYCLES * s)
    A[T_MCP] += w
    A[T_IP] += w * 0.6
  }
  // Wrist from the palm centre, then arm IK.
  wristAt(track.chir, _p, _q, _wrT)
  const sideX = h === 0 ? -1 : 1
  shoulderAt(sideX, _sh)
  // Shoulder raise for high targets (clavicle), a few cm at most: the arm reaches above the head
  // with the shoulder, not only by lifting the elbow (docs/avatar.md, "Arm model").
  _sh[1] += shoulderLift(_wrT, _d1)[0] + SHOULDER_RAISE_M * pose.face[F_SHOULDER_RAISE]
  torsoToWorld(pose, _sh, _sh)
  // A target very close to the shoulder (own ear, own cheek): the shoulder girdle gives way
  // (scapular depression / retraction, a few cm) instead of the elbow folding past its limit.
  for (let k = 0; k < 3; k++) _p2[k] = _wrT[k] - _sh[k]
  const dsh = sqrt(_p2[0] * _p2[0] + _p2[1] * _p2[1] + _p2[2] * _p2[2])
  const deficit = MIN_REACH + 0.005 - dsh
  if (deficit > 0 && dsh > 1e-6) {
    const shift = (deficit < SHOULDER_GIVE_M ? deficit : SHOULDER_GIVE_M) / dsh
    for (let k = 0; k < 3; k++) _sh[k] -= _p2[k] * shift
  }
  quatAxis(_y, _q, 1)
  solveArm(_sh, _wrT, sideX, _y, _el, _wr, pose.elbowAngle, h)
  const sq = seg[o + S_SQUEEZE] * bump
  if (sq !== 0) {
    // Squeeze (夹): the solved arm turns rigidly about the shoulder's front–back axis (segment.ts).
    const c = cos(sq); const sn = sin(sq)
    for (let k = 1; k < 3; k++) {
      const P = _arm[k]
      const x = P[0] - _sh[0]; const y = P[1] - _sh[1]
      P[0] = _sh[0] + x * c - y * sn; P[1] = _sh[1] + x * sn + y * c
    }
    _q2[0] = 0; _q2[1] = 0; _q2[2] = sin(sq / 2); _q2[3] = cos(sq / 2)
    quatMul(_q, _q2, _q)
  }
  const hq = pose.handQuat
  hq.set(_q, h * 4)
  _shape.set(A)
  handWorldLandmarks(_shape, track.chir, _wr, _q, _lm)
  pose.hands[h].set(_lm)
  const J = pose.joints
  for (let j = 0; j < 3; j++) J.set(_arm[j], ARM_JOINTS[h * 3 + j] * 3)
}

function setJoint (pose: Pose, j: number, p: ArrayLike<number>): void {
  torsoToWorld(pose, p, _p)
  pose.joints.set(_p, j * 3)
}

/**
 * Samples the timeline at time t (s, clamped to [0, duration]) into `out` and returns it.
 * No allocation. Kept tiny so V8 inlines it into its caller: the time then reaches the sampler
 * through _t, not as a boxed argument.
 */
export function samplePose (tl: Timeline, t: number, out: Pose): Pose {
  _t[0] = t
  return sampleAt(tl, out)
}

/**
 * The pose of a player at its current time (what the app draws each frame). The time is read
 * here, not passed as a number, so the frame allocates nothing even where V8 does not inline.
 */
export function samplePlayerPose (p: { readonly timeline: Timeline; readonly time: number }, out: Pose): Pose {
  _t[0] = p.time
  return sampleAt(p.timeline, out)
}

function sampleAt (tl: Timeline, out: Pose): Pose {
  const t = _t[0]
  const tt = t < 0 ? 0 : t > tl.duration ? tl.duration : t
  _t[0] = tt
  out.t = tt
  const f = out.face
  sampleFace(tl, f)
  quatFromEuler(_qT, f, F_TORSO_PITCH, F_TORSO_YAW, F_TORSO_ROLL)
  out.torsoQuat.set(_qT)
  quatFromEuler(_qH, f, F_HEAD_PITCH, F_HEAD_YAW, F_HEAD_ROLL)
  const hl = out.headLocal
  hl.set(_qH)
  hl[4] = HEAD_FORWARD_M * f[F_HEAD_FORWARD]
  quatMul(_q, _qT, _qH)
  out.headQuat.set(_q)
  // Body joints.
  setJoint(out, J_PELVIS, BODY.pelvis)
  _p[0] = BODY.chest[0]; _p[1] = BODY.chest[1] + BREATH_M * f[F_BREATH]; _p[2] = BODY.chest[2] + BREATH_M * 0.5 * f[F_BREATH]
  setJoint(out, J_CHEST, _p)
  setJoint(out, J_NECK, BODY.neck)
  headToTorso(out, BODY.head, _p)
  setJoint(out, J_HEAD, _p)
  // The other hand first: a dominant hand at a site on it moves with it.
  sampleHand(tl, out, 1)
  sampleHand(tl, out, 0)
  // Gaze: toward the dominant hand when asked (gaze=hand), else front.
  const gh = f[F_GAZE_HAND]
  if (gh > 0) {
    // x, then y: the middle finger's knuckle (landmark 9) from the head.
    const hr = out.hands[0]; const J = out.joints
    for (let k = 0; k < 2; k++) {
      const d = hr[27 + k] - J[J_HEAD * 3 + k]
      f[k === 0 ? F_GAZE_X : F_GAZE_Y] += gh * (d > 0.3 ? 1 : d < -0.3 ? -1 : d / 0.3)
    }
  }
  return out
}

/**
 * World position of a hand part (ContactMarker.part: landmark index, −1 palm surface, −2 back
 * surface) in a sampled pose.
 */
export function handPartWorld (pose: Pose, hand: 0 | 1, part: number, out: Float64Array): Float64Array {
  const lm = pose.hands[hand]
  if (part >= 0) return getAt(out, lm, part) as Float64Array
  for (let k = 0; k < 4; k++) _q[k] = pose.handQuat[hand * 4 + k]
  palmCentreOffset(hand === 0 ? 1 : -1, _p)
  quatRotate(_p, _q, _p)
  quatAxis(_ax, _q, 2)
  const sgn = part === -1 ? 1 : -1
  for (let k = 0; k < 3; k++) out[k] = lm[k] + _p[k] + _ax[k] * sgn * PALM_HALF_THICK * HAND_EMPHASIS
  return out
}

/**
 * World position of a contact marker's site in a sampled pose: head sites follow the head, sites
 * on the other hand are found again on that hand as it is now (it may have moved).
 */
export function contactSiteWorld (pose: Pose, m: ContactMarker, out: Float64Array): Float64Array {
  if (m.kind === 'hand') {
    const other = m.hand === 0 ? 1 : 0
    for (let k = 0; k < 4; k++) _q[k] = pose.handQuat[other * 4 + k]
    resolveHandSite(m.loc.site, pose.hands[other], _q, other === 0 ? 1 : -1, out, _ax)
    if (m.shift) {
      for (let k = 0; k < 3; k++) _p[k] = m.shift[k]
      quatRotate(_p, pose.torsoQuat, _p)
      for (let k = 0; k < 3; k++) out[k] += _p[k]
    }
    return out
  }
  if (m.kind === 'head') headToTorso(pose, m.site, out)
  else copy3(out, m.site)
  torsoToWorld(pose, out, out)
  return out
}

/**
 * World position of the part of the hand that makes a contact in a sampled pose: the named part
 * (loc.part) when the notation names one, else the landmark or surface the engine chose.
 */
export function contactPartWorld (pose: Pose, m: ContactMarker, out: Float64Array): Float64Array {
  if (!m.loc.part) return handPartWorld(pose, m.hand, m.part, out)
  for (let k = 0; k < 4; k++) _q[k] = pose.handQuat[m.hand * 4 + k]
  // The site's normal, turned with the torso (compile time is in the torso's rest frame).
  for (let k = 0; k < 3; k++) _p[k] = m.n[k]
  quatRotate(_p, pose.torsoQuat, _p)
  return partPoint(m.loc.part, pose.hands[m.hand], _q, m.hand === 0 ? 1 : -1, _p, m.kind === 'space', out) as Float64Array
}
