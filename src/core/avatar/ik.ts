/**
 * Two-bone analytic arm IK. The elbow lies on the circle allowed by the law of cosines; where on
 * that circle (its swivel) follows how signers hold their arms (docs/avatar.md, "Arm model"): the
 * elbow hangs low and a little out from the body, comes forward only to keep the forearm out of
 * the torso when the hand reaches across, and rises to the side only for reaches above the head.
 * A few swivels around that pole are scored (wrist comfort, elbow height, torso, flipped elbow)
 * and blended by a soft minimum, so the elbow moves continuously from frame to frame instead of
 * jumping between candidates. The hand's orientation is never changed (contacts stay exact):
 * residual rotation is notionally taken by the forearm twist. Allocation-free: clamps are written
 * out, since a float passed to a helper V8 did not inline is boxed (docs/avatar.md).
 */
import {
  ELBOW_ABOVE_HEAD_M, ELBOW_FACE_COST, FACE_ZONE_ABOVE_Y, FACE_ZONE_FADE_FROM_Y, FACE_ZONE_FADE_TO_Y, ELBOW_HEIGHT_COST, ELBOW_LIFTED_COST, ELBOW_MIN_RAD, FACE_ZONE_HALF_W, FACE_ZONE_Y, FACE_ZONE_Z, ELBOW_POLE_BACK, ELBOW_POLE_OUT, ELBOW_RAISE_CONTRA,
  ELBOW_RAISE_HIGH, ELBOW_SOFTMIN, SHOULDER_LIFT_FROM_M, SHOULDER_LIFT_M, SHOULDER_LIFT_SPAN_M, WRIST_MAX_RAD
} from './constants'
import { BODY, EYE_Y, FACE_Z, FOREARM_M, UPPER_ARM_M } from './skeleton'
import { type NumArray, vec3, abs, acos, cos, exp, max, min, sin, sqrt, f64 } from './math'

/** m: torso-space depth of the face's front, and the eyes' height (a wrist over the head). */
const HEAD_FRONT_Z = BODY.head[2] + FACE_Z
const OVER_EYES_Y = BODY.head[1] + EYE_Y
const OVER_HALF_W = BODY.headRadii[0]

const _d = vec3()
const _c = vec3()
const _e = vec3()
const _ex = vec3()
const _f = vec3()

/** Swivel offsets tried (rad) around the pole; the scores prefer the pole itself. */
const SWIVELS = [0, 0.2, -0.2, 0.4, -0.4, 0.6, -0.6, 0.85, -0.85, 1.1, -1.1]
const SWIVEL_COS = SWIVELS.map(cos)
const SWIVEL_SIN = SWIVELS.map(sin)
const _cost = f64(SWIVELS.length)
/** Weight of swivel deviation from the pole against wrist over-bend (rad²). */
const SWIVEL_COST = 0.08

/** Minimum shoulder–wrist distance allowed by the minimum elbow angle. */
export const MIN_REACH = sqrt(UPPER_ARM_M * UPPER_ARM_M + FOREARM_M * FOREARM_M - 2 * UPPER_ARM_M * FOREARM_M * cos(ELBOW_MIN_RAD))
const MAX_REACH = UPPER_ARM_M + FOREARM_M - 1e-4

/**
 * Solves the arm. shoulder and target wrist in world space; sideX −1 for the right arm, +1 left;
 * handY: the hand's finger axis (unit) for the wrist-comfort term. Writes the elbow and the
 * reachable wrist (target clamped to the reach shell) into outElbow / outWrist, and the elbow angle
 * (rad, 180° = straight) into outAngle[ai].
 */
export function solveArm (shoulder: ArrayLike<number>, target: ArrayLike<number>, sideX: number, handY: ArrayLike<number>, outElbow: NumArray, outWrist: NumArray, outAngle: NumArray, ai: number): void {
  _d[0] = target[0] - shoulder[0]; _d[1] = target[1] - shoulder[1]; _d[2] = target[2] - shoulder[2]
  let dist = sqrt(_d[0] * _d[0] + _d[1] * _d[1] + _d[2] * _d[2])
  if (dist < 1e-6) { _d[0] = 0; _d[1] = -1; _d[2] = 0; dist = 1 } else { _d[0] /= dist; _d[1] /= dist; _d[2] /= dist }
  const reach = dist < MIN_REACH ? MIN_REACH : dist > MAX_REACH ? MAX_REACH : dist
  outWrist[0] = shoulder[0] + _d[0] * reach; outWrist[1] = shoulder[1] + _d[1] * reach; outWrist[2] = shoulder[2] + _d[2] * reach
  const a = (UPPER_ARM_M * UPPER_ARM_M - FOREARM_M * FOREARM_M + reach * reach) / (2 * reach)
  const r = sqrt(max(0, UPPER_ARM_M * UPPER_ARM_M - a * a))
  _c[0] = shoulder[0] + _d[0] * a; _c[1] = shoulder[1] + _d[1] * a; _c[2] = shoulder[2] + _d[2] * a
  // Pole: down, a little out and back. Above the head the elbow swings out to the side; across the
  // body it comes forward so the forearm passes in front of the chest.
  // A wrist over the head (above the eyes, within its width, behind the face's front: 生日's ring
  // passing over it) counts as above it: reached from the side, it stood the forearm over the face.
  // (Across and up each edge ramps over 3 cm: no jump of the elbow between frames.)
  const ov = outWrist[2] < HEAD_FRONT_Z ? min((OVER_HALF_W - abs(outWrist[0])) / 0.03, (outWrist[1] - OVER_EYES_Y) / 0.03) : 0
  const hr = max(ov, (outWrist[1] - shoulder[1] - ELBOW_ABOVE_HEAD_M) / 0.2)
  const high = hr < 0 ? 0 : hr > 1 ? 1 : hr
  const lat = (outWrist[0] - shoulder[0]) * sideX
  const cr = -lat / 0.3
  const contra = cr < 0 ? 0 : cr > 1 ? 1 : cr
  _e[0] = sideX * (ELBOW_POLE_OUT + 0.6 * ELBOW_RAISE_HIGH * high)
  _e[1] = -1 + 0.9 * ELBOW_RAISE_HIGH * high
  _e[2] = ELBOW_POLE_BACK + 0.5 * ELBOW_RAISE_CONTRA * contra
  let dd = _e[0] * _d[0] + _e[1] * _d[1] + _e[2] * _d[2]
  _e[0] -= dd * _d[0]; _e[1] -= dd * _d[1]; _e[2] -= dd * _d[2]
  let el = sqrt(_e[0] * _e[0] + _e[1] * _e[1] + _e[2] * _e[2])
  if (el < 1e-6) {
    // Pole parallel to the arm: fall back to "backward".
    _e[0] = 0; _e[1] = 0; _e[2] = -1
    dd = _e[2] * _d[2]
    _e[0] -= dd * _d[0]; _e[1] -= dd * _d[1]; _e[2] -= dd * _d[2]
    el = sqrt(_e[0] * _e[0] + _e[1] * _e[1] + _e[2] * _e[2]) || 1
  }
  _e[0] /= el; _e[1] /= el; _e[2] /= el
  // _ex = d × e completes the swivel basis.
  _ex[0] = _d[1] * _e[2] - _d[2] * _e[1]; _ex[1] = _d[2] * _e[0] - _d[0] * _e[2]; _ex[2] = _d[0] * _e[1] - _d[1] * _e[0]
  // The lowest the elbow can be on this circle (a higher elbow costs, unless reaching above the head).
  const lowY = _c[1] - r * sqrt(max(0, 1 - _d[1] * _d[1]))
  const heightW = ELBOW_HEIGHT_COST * (1 - high)
  // A hand at the face: its forearm rises in front of the chin, so the face zone stops applying
  // to the forearm (the elbow itself still keeps out of it). Not for a hand on or over the head
  // (FACE_ZONE_ABOVE_Y): its forearm comes down beside the head.
  const fr = max((FACE_ZONE_FADE_TO_Y - outWrist[1]) / (FACE_ZONE_FADE_TO_Y - FACE_ZONE_FADE_FROM_Y), (outWrist[1] - FACE_ZONE_ABOVE_Y) / 0.04)
  const faceFade = fr < 0 ? 0 : fr > 1 ? 1 : fr
  let best = Infinity
  for (let i = 0; i < SWIVELS.length; i++) {
    const cs = SWIVEL_COS[i]; const sn = SWIVEL_SIN[i]
    const ex = _c[0] + r * (_e[0] * cs + _ex[0] * sn)
    const ey = _c[1] + r * (_e[1] * cs + _ex[1] * sn)
    const ez = _c[2] + r * (_e[2] * cs + _ex[2] * sn)
    _f[0] = outWrist[0] - ex; _f[1] = outWrist[1] - ey; _f[2] = outWrist[2] - ez
    const fl = sqrt(_f[0] * _f[0] + _f[1] * _f[1] + _f[2] * _f[2]) || 1
    const cw = (_f[0] * handY[0] + _f[1] * handY[1] + _f[2] * handY[2]) / fl
    const cosW = cw < -1 ? -1 : cw > 1 ? 1 : cw
    const over = max(0, acos(cosW) - WRIST_MAX_RAD)
    // Never an elbow above the arm or inside the torso (the flipped, backwards-bending solution).
    const above = max(0, ey - max(shoulder[1], outWrist[1]) - 0.03)
    const ax = abs(ex)
    const inX = ax < 0.16 ? 1 : ax > 0.2 ? 0 : (0.2 - ax) / 0.04
    const inside = ez < 0.08 ? (0.08 - ez) * inX : 0
    const rise = ey - lowY
    // Keep the elbow and the middle of the forearm out of the space in front of the face and neck
    // (a readable face): how deep each is in it, within FACE_ZONE_HALF_W of the midline, above
    // FACE_ZONE_Y, in front of FACE_ZONE_Z, each edge ramping over 4 cm. Written out (no helper
    // taking floats: docs/avatar.md, "No allocation per frame").
    let face = 0
    for (let k = 0; k < 2; k++) {
      const px = k === 0 ? ex : 0.5 * (ex + outWrist[0])
      const py = k === 0 ? ey : 0.5 * (ey + outWrist[1])
      const pz = k === 0 ? ez : 0.5 * (ez + outWrist[2])
      const w = FACE_ZONE_HALF_W - (px < 0 ? -px : px)
      if (w <= 0) continue
      const vy = (py - FACE_ZONE_Y) / 0.04; const vz = (pz - FACE_ZONE_Z) / 0.04
      face += (k === 0 ? 1 : faceFade) * w * (vy < 0 ? 0 : vy > 1 ? 1 : vy) * (vz < 0 ? 0 : vz > 1 ? 1 : vz)
    }
    // An elbow above the shoulder (the upper arm above horizontal) costs much more, unless the
    // hand is above the head.
    const lifted = ey - shoulder[1] > 0 ? ey - shoulder[1] : 0
    const c = over * over + SWIVEL_COST * SWIVELS[i] * SWIVELS[i] + heightW * (rise * rise + ELBOW_LIFTED_COST * lifted * lifted) +
      ELBOW_FACE_COST * face + (above + inside) * 100
    _cost[i] = c
    if (c < best) best = c
  }
  // Soft minimum: a weighted mean of the candidates' directions, continuous in the target.
  let wc = 0; let ws = 0
  for (let i = 0; i < SWIVELS.length; i++) {
    const w = exp((best - _cost[i]) / ELBOW_SOFTMIN)
    wc += w * SWIVEL_COS[i]; ws += w * SWIVEL_SIN[i]
  }
  const wl = sqrt(wc * wc + ws * ws) || 1
  const bestC = wc / wl; const bestS = ws / wl
  outElbow[0] = _c[0] + r * (_e[0] * bestC + _ex[0] * bestS)
  outElbow[1] = _c[1] + r * (_e[1] * bestC + _ex[1] * bestS)
  outElbow[2] = _c[2] + r * (_e[2] * bestC + _ex[2] * bestS)
  const cosEl = (UPPER_ARM_M * UPPER_ARM_M + FOREARM_M * FOREARM_M - reach * reach) / (2 * UPPER_ARM_M * FOREARM_M)
  outAngle[ai] = acos(cosEl < -1 ? -1 : cosEl > 1 ? 1 : cosEl)
}

/**
 * m: how far the shoulder lifts (clavicle) for the wrist `wrist` (torso rest frame), smoothly up to
 * SHOULDER_LIFT_M, into out[0] (per frame: no float crosses the call).
 */
export function shoulderLift (wrist: ArrayLike<number>, out: NumArray): NumArray {
  const lr = (wrist[1] - BODY.shoulderR[1] - SHOULDER_LIFT_FROM_M) / SHOULDER_LIFT_SPAN_M
  const lift = lr < 0 ? 0 : lr > 1 ? 1 : lr
  out[0] = SHOULDER_LIFT_M * lift * lift * (3 - 2 * lift)
  return out
}
