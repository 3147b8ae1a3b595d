/**
 * Two-bone analytic arm IK: the elbow lies on the circle allowed by
 * the law of cosines; its swivel comes from a pole pointing down, out and back, raised for high and
 * contralateral targets (Performs' heuristic); a few swivel candidates are tried to keep the wrist
 * within a comfortable bend. The hand's orientation is never changed (contacts stay exact):
 * residual rotation is notionally taken by the forearm twist. Allocation-free: clamps are written
 * out, since a float passed to a helper V8 did not inline is boxed (docs/avatar.md).
 */
import { ELBOW_MIN_RAD, ELBOW_RAISE_CONTRA, ELBOW_RAISE_HIGH, WRIST_MAX_RAD } from './constants'
import { FOREARM_M, UPPER_ARM_M } from './skeleton'
import type { NumArray } from './math'

const _d = new Float64Array(3)
const _c = new Float64Array(3)
const _e = new Float64Array(3)
const _ex = new Float64Array(3)
const _f = new Float64Array(3)

/** Swivel offsets tried (rad) around the heuristic pole; the cost prefers the heuristic. */
const SWIVELS = [0, 0.3, -0.3, 0.6, -0.6]
/** Weight of swivel deviation from the heuristic pole against wrist over-bend (rad²). */
const SWIVEL_COST = 0.12

/** Minimum shoulder–wrist distance allowed by the minimum elbow angle. */
export const MIN_REACH = Math.sqrt(UPPER_ARM_M * UPPER_ARM_M + FOREARM_M * FOREARM_M - 2 * UPPER_ARM_M * FOREARM_M * Math.cos(ELBOW_MIN_RAD))
const MAX_REACH = UPPER_ARM_M + FOREARM_M - 1e-4

/**
 * Solves the arm. shoulder and target wrist in world space; sideX −1 for the right arm, +1 left;
 * handY: the hand's finger axis (unit) for the wrist-comfort term. Writes the elbow and the
 * reachable wrist (target clamped to the reach shell) into outElbow / outWrist, and the elbow angle
 * (rad, 180° = straight) into outAngle[ai].
 */
export function solveArm (shoulder: ArrayLike<number>, target: ArrayLike<number>, sideX: number, handY: ArrayLike<number>, outElbow: NumArray, outWrist: NumArray, outAngle: NumArray, ai: number): void {
  _d[0] = target[0] - shoulder[0]; _d[1] = target[1] - shoulder[1]; _d[2] = target[2] - shoulder[2]
  let dist = Math.sqrt(_d[0] * _d[0] + _d[1] * _d[1] + _d[2] * _d[2])
  if (dist < 1e-6) { _d[0] = 0; _d[1] = -1; _d[2] = 0; dist = 1 } else { _d[0] /= dist; _d[1] /= dist; _d[2] /= dist }
  const reach = dist < MIN_REACH ? MIN_REACH : dist > MAX_REACH ? MAX_REACH : dist
  outWrist[0] = shoulder[0] + _d[0] * reach; outWrist[1] = shoulder[1] + _d[1] * reach; outWrist[2] = shoulder[2] + _d[2] * reach
  const a = (UPPER_ARM_M * UPPER_ARM_M - FOREARM_M * FOREARM_M + reach * reach) / (2 * reach)
  const r = Math.sqrt(Math.max(0, UPPER_ARM_M * UPPER_ARM_M - a * a))
  _c[0] = shoulder[0] + _d[0] * a; _c[1] = shoulder[1] + _d[1] * a; _c[2] = shoulder[2] + _d[2] * a
  // Heuristic pole: down, out, back; raised for high and contralateral targets.
  const hr = (outWrist[1] - shoulder[1] + 0.2) / 0.35
  const high = hr < 0 ? 0 : hr > 1 ? 1 : hr
  const lat = (outWrist[0] - shoulder[0]) * sideX
  const cr = -lat / 0.3
  const contra = cr < 0 ? 0 : cr > 1 ? 1 : cr
  _e[0] = sideX * (0.45 + 0.4 * ELBOW_RAISE_HIGH * high + 0.3 * ELBOW_RAISE_CONTRA * contra)
  _e[1] = -1 + 0.5 * ELBOW_RAISE_HIGH * high * high + 0.2 * ELBOW_RAISE_CONTRA * contra
  // Reaching across the body the elbow comes forward, in front of the chest.
  _e[2] = -0.3 + 0.5 * ELBOW_RAISE_CONTRA * contra
  let dd = _e[0] * _d[0] + _e[1] * _d[1] + _e[2] * _d[2]
  _e[0] -= dd * _d[0]; _e[1] -= dd * _d[1]; _e[2] -= dd * _d[2]
  let el = Math.sqrt(_e[0] * _e[0] + _e[1] * _e[1] + _e[2] * _e[2])
  if (el < 1e-6) {
    // Pole parallel to the arm: fall back to "backward".
    _e[0] = 0; _e[1] = 0; _e[2] = -1
    dd = _e[2] * _d[2]
    _e[0] -= dd * _d[0]; _e[1] -= dd * _d[1]; _e[2] -= dd * _d[2]
    el = Math.sqrt(_e[0] * _e[0] + _e[1] * _e[1] + _e[2] * _e[2]) || 1
  }
  _e[0] /= el; _e[1] /= el; _e[2] /= el
  // _ex = d × e completes the swivel basis.
  _ex[0] = _d[1] * _e[2] - _d[2] * _e[1]; _ex[1] = _d[2] * _e[0] - _d[0] * _e[2]; _ex[2] = _d[0] * _e[1] - _d[1] * _e[0]
  let bestCost = Infinity; let bestC = 1; let bestS = 0
  for (let i = 0; i < SWIVELS.length; i++) {
    const cs = Math.cos(SWIVELS[i]); const sn = Math.sin(SWIVELS[i])
    const ex = _c[0] + r * (_e[0] * cs + _ex[0] * sn)
    const ey = _c[1] + r * (_e[1] * cs + _ex[1] * sn)
    const ez = _c[2] + r * (_e[2] * cs + _ex[2] * sn)
    _f[0] = outWrist[0] - ex; _f[1] = outWrist[1] - ey; _f[2] = outWrist[2] - ez
    const fl = Math.sqrt(_f[0] * _f[0] + _f[1] * _f[1] + _f[2] * _f[2]) || 1
    const cw = (_f[0] * handY[0] + _f[1] * handY[1] + _f[2] * handY[2]) / fl
    const cosW = cw < -1 ? -1 : cw > 1 ? 1 : cw
    const over = Math.max(0, Math.acos(cosW) - WRIST_MAX_RAD)
    // Never an elbow above the arm or inside the torso (the flipped, backwards-bending solution).
    const above = Math.max(0, ey - Math.max(shoulder[1], outWrist[1]) - 0.03)
    const inside = Math.abs(ex) < 0.16 && ez < 0.08 ? 0.08 - ez : 0
    const cost = over * over + SWIVEL_COST * SWIVELS[i] * SWIVELS[i] + (above + inside) * 100
    if (cost < bestCost) { bestCost = cost; bestC = cs; bestS = sn }
  }
  outElbow[0] = _c[0] + r * (_e[0] * bestC + _ex[0] * bestS)
  outElbow[1] = _c[1] + r * (_e[1] * bestC + _ex[1] * bestS)
  outElbow[2] = _c[2] + r * (_e[2] * bestC + _ex[2] * bestS)
  const cosEl = (UPPER_ARM_M * UPPER_ARM_M + FOREARM_M * FOREARM_M - reach * reach) / (2 * UPPER_ARM_M * FOREARM_M)
  outAngle[ai] = Math.acos(cosEl < -1 ? -1 : cosEl > 1 ? 1 : cosEl)
}
