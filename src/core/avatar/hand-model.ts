/**
 * Hand model: handshape spec (finger flex codes, spread, thumb code) → joint angles (baked once
 * per handshape), and hand forward kinematics → 21 landmarks in MediaPipe order
 * (0 wrist; 1–4 thumb CMC/MCP/IP/TIP; 5–8 index MCP/PIP/DIP/TIP; 9–12 middle; 13–16 ring; 17–20 pinky).
 *
 * Canonical hand frame (a RIGHT hand; a left hand negates local x): origin at the wrist,
 * +y toward the fingers, +z out of the palm (palm normal), +x toward the thumb.
 * Joint-angle vector (SHAPE_LEN floats, radians): per finger f = 0..3 (index..pinky)
 * [abduction (+ toward thumb), MCP, PIP, DIP] at 4f, thumb at 16..20
 * [β radial angle in the palm plane, α lift out of the palm plane, γ curl direction, MCP, IP],
 * and at 21 the index/middle crossing amount (0..1).
 */
import { HAND_EMPHASIS, WEB_SHARE } from './constants'
import { getHandshapeForm } from '../sign/handshape-forms'
import { DEG, clamp, type NumArray, type Quat, quatRotate, vec3, PI, abs, cos, max, sin, sqrt, f32, f64 } from './math'
import { freeze } from '../base/object'

export const SHAPE_LEN = 22
export const LANDMARKS = 21
export const T_BETA = 16
export const T_ALPHA = 17
export const T_GAMMA = 18
export const T_MCP = 19
export const T_IP = 20
export const CROSS = 21

export type FlexCode = 'E' | 'e' | 'hb' | 'b' | 'r' | 'c' | 'p' | 'h' | 'k' | 'db' | 'F'
export type ThumbCode = 'out' | 'up' | 'tuck' | 'across' | 'opp' | 'touch_index' | 'touch_middle' | 'touch_ring' | 'touch_pinky' | 'side' | 'gap'
export type SpreadCode = '=' | '{' | 'x'

/** What the hand model needs of a handshape row (handshapes.ts rows satisfy it). */
export interface HandshapeSpec {
  fingers: readonly [FlexCode, FlexCode, FlexCode, FlexCode] | readonly FlexCode[]
  spread: SpreadCode
  thumb: ThumbCode
}

/** Degrees [MCP, PIP, DIP] per flex code (HamNoSys-style categories; docs/avatar.md). */
export const FLEX_DEG: Readonly<Record<FlexCode, readonly [number, number, number]>> = freeze({
  E: [0, 0, 0],
  e: [15, 15, 10],
  hb: [45, 0, 0],
  b: [90, 0, 0],
  r: [45, 54, 45],
  c: [40, 40, 20],
  p: [55, 50, 30],
  h: [0, 100, 80],
  // Crooked: the middle joint bent, the tip joint only a little, so the hook reads in profile (九).
  k: [10, 95, 35],
  db: [90, 100, 0],
  F: [90, 105, 75]
})

/** Degrees of abduction per finger for spread '{' (+ toward the thumb). */
const SPREAD_DEG = [12, 0, -12, -18]
/**
 * Degrees of abduction for '{' when the index is folded (mid_ring_pinky: the strokes of 王 三 川):
 * the three stay near parallel, a little apart (8° from middle to pinky with the fan), as every
 * national illustration of it draws them (王 姓 田 曲 四川 洲 毛 汪); SPREAD_DEG fanned them 25°.
 */
const SPREAD_THREE_DEG = [0, 2, 1, 1]
/** Degrees: the natural fan of the fingers when together. */
const FAN_DEG = [3, 0, -3, -7]
/** Finger MCP positions (x, y) in the palm plane, m, life size. */
const MCP_XY = [[0.026, 0.088], [0.006, 0.092], [-0.012, 0.087], [-0.028, 0.077]]
/** Phalanx lengths (proximal, middle, distal), m, life size. */
const PHALANX_M = [[0.041, 0.025, 0.021], [0.046, 0.029, 0.022], [0.043, 0.027, 0.021], [0.034, 0.021, 0.019]]
/** Thumb CMC position and bone lengths (metacarpal, proximal, distal), m, life size. */
const THUMB_CMC = [0.021, 0.022, 0.008]
const THUMB_M = [0.043, 0.032, 0.027]
/** Palm centre in the canonical frame (life size); the timeline positions this point. */
export const PALM_CENTRE = [0, 0.05, 0.004] as const
/** m: half thickness of the palm (life size): contact surfaces lie this far off the centre plane. */
export const PALM_HALF_THICK = 0.012
/** m: radius of a finger (life size), for contact points and drawing. */
export const FINGER_RADIUS = 0.0085

/** The start of every touch_X thumb's solve, and of opp and gap. */
const THUMB_TOUCH_DEG = [40, 50, 45, 20, 20] as const
const THUMB_OPP_DEG = [42, 58, 70, 18, 12] as const

/** Thumb presets [β, α, γ, MCP, IP] in degrees, and whether the code is solved toward a target. */
const THUMB_DEG: Readonly<Record<ThumbCode, readonly [number, number, number, number, number]>> = freeze({
  out: [82, 8, 40, 0, 0],
  up: [6, 2, 40, 0, 0],
  side: [8, 40, 60, 10, 5],
  tuck: [38, 40, 25, 40, 40],
  across: [40, 55, 20, 30, 25],
  opp: THUMB_OPP_DEG,
  touch_index: THUMB_TOUCH_DEG,
  touch_middle: THUMB_TOUCH_DEG,
  touch_ring: THUMB_TOUCH_DEG,
  touch_pinky: THUMB_TOUCH_DEG,
  gap: THUMB_OPP_DEG
})

/** Joint bounds for the baked thumb solve (degrees): keeps solutions anatomically plausible. */
const THUMB_LO = [-10, -5, 0, -10, -15]
const THUMB_HI = [95, 80, 90, 75, 85]

// Module scratch (no per-frame allocation).
const _d = vec3()
const _k = vec3()
const _p = vec3()
const _v = vec3()
const _local = f64(LANDMARKS * 3)

function setFinger (out: NumArray, f: number, code: FlexCode, abdDeg: number): void {
  const fl = FLEX_DEG[code] || FLEX_DEG.E
  out[4 * f] = abdDeg * DEG
  out[4 * f + 1] = fl[0] * DEG
  out[4 * f + 2] = fl[1] * DEG
  out[4 * f + 3] = fl[2] * DEG
}

/**
 * Local (canonical right-hand, life-size) positions of the 21 landmarks for joint angles `a`.
 * Writes into out (63 floats).
 */
export function handLocalLandmarks (a: ArrayLike<number>, out: NumArray): NumArray {
  out[0] = 0; out[1] = 0; out[2] = 0
  // Fingers
  const cross = a[CROSS] || 0
  for (let f = 0; f < 4; f++) {
    const mcp = a[4 * f + 1]
    // (The clamp is written out: this runs per frame, where no float crosses a call.)
    const bendShare = mcp <= 0 ? 0 : mcp >= PI / 2 ? 1 : mcp / (PI / 2)
    const abd = (FAN_DEG[f] * DEG + a[4 * f]) * (1 - 0.6 * bendShare)
    const sx = sin(abd); const cy = cos(abd)
    let x = MCP_XY[f][0]; let y = MCP_XY[f][1]
    // Crossed fingers: the middle finger lies over the back of the index (R-like shapes).
    let z = f === 1 ? -0.009 * cross : f === 0 ? 0.004 * cross : 0
    let base = 5 + 4 * f
    out[base * 3] = x; out[base * 3 + 1] = y; out[base * 3 + 2] = z
    let theta = 0
    for (let s = 0; s < 3; s++) {
      theta += a[4 * f + 1 + s]
      const l = PHALANX_M[f][s]
      const c = cos(theta); const sn = sin(theta)
      x += sx * c * l; y += cy * c * l; z += sn * l
      base++
      out[base * 3] = x; out[base * 3 + 1] = y; out[base * 3 + 2] = z
    }
  }
  // Thumb
  const beta = a[T_BETA]; const alpha = a[T_ALPHA]; const gamma = a[T_GAMMA]
  _d[0] = sin(beta) * cos(alpha); _d[1] = cos(beta) * cos(alpha); _d[2] = sin(alpha)
  // Curl direction: across the palm (−x) blended with into the palm (+z), orthogonal to the metacarpal.
  _k[0] = -cos(gamma); _k[1] = -0.25; _k[2] = sin(gamma)
  const kd = _k[0] * _d[0] + _k[1] * _d[1] + _k[2] * _d[2]
  _k[0] -= kd * _d[0]; _k[1] -= kd * _d[1]; _k[2] -= kd * _d[2]
  const kl = sqrt(_k[0] * _k[0] + _k[1] * _k[1] + _k[2] * _k[2]) || 1
  _k[0] /= kl; _k[1] /= kl; _k[2] /= kl
  out[3] = THUMB_CMC[0]; out[4] = THUMB_CMC[1]; out[5] = THUMB_CMC[2]
  let px = THUMB_CMC[0] + _d[0] * THUMB_M[0]
  let py = THUMB_CMC[1] + _d[1] * THUMB_M[0]
  let pz = THUMB_CMC[2] + _d[2] * THUMB_M[0]
  out[6] = px; out[7] = py; out[8] = pz
  // Proximal then distal phalanx: each turns from the metacarpal's direction toward the curl.
  let th = 0
  for (let j = 1; j < 3; j++) {
    th += a[T_MCP + j - 1]
    const c = cos(th); const s = sin(th)
    px += (_d[0] * c + _k[0] * s) * THUMB_M[j]; py += (_d[1] * c + _k[1] * s) * THUMB_M[j]; pz += (_d[2] * c + _k[2] * s) * THUMB_M[j]
    out[3 * j + 6] = px; out[3 * j + 7] = py; out[3 * j + 8] = pz
  }
  return out
}

/**
 * World landmarks: wrist position + hand rotation q (basis X = thumb side of a right hand,
 * Y = fingers, Z = palm normal). chir = +1 right hand, −1 left hand (mirrors local x).
 * Hands are HAND_EMPHASIS × life size. Writes 63 floats into out.
 */
export function handWorldLandmarks (a: ArrayLike<number>, chir: number, wrist: ArrayLike<number>, q: Quat, out: NumArray): NumArray {
  handLocalLandmarks(a, _local)
  for (let i = 0; i < LANDMARKS; i++) {
    _p[0] = chir * _local[i * 3] * HAND_EMPHASIS
    _p[1] = _local[i * 3 + 1] * HAND_EMPHASIS
    _p[2] = _local[i * 3 + 2] * HAND_EMPHASIS
    quatRotate(_v, q, _p)
    out[i * 3] = wrist[0] + _v[0]; out[i * 3 + 1] = wrist[1] + _v[1]; out[i * 3 + 2] = wrist[2] + _v[2]
  }
  return out
}

/** Local offset (emphasised, chirality applied) of the palm centre from the wrist. */
export function palmCentreOffset (chir: number, out: NumArray): NumArray {
  out[0] = chir * PALM_CENTRE[0] * HAND_EMPHASIS
  out[1] = PALM_CENTRE[1] * HAND_EMPHASIS
  out[2] = PALM_CENTRE[2] * HAND_EMPHASIS
  return out
}

const _wo = f64(3)
const _wa = f64(3)

/** The wrist of a hand whose palm centre is at P, with rotation Q: into out (which may be P). */
export function wristAt (chir: number, P: ArrayLike<number>, Q: Quat, out: NumArray): NumArray {
  quatRotate(_wo, Q, palmCentreOffset(chir, _wo))
  out[0] = P[0] - _wo[0]; out[1] = P[1] - _wo[1]; out[2] = P[2] - _wo[2]
  return out
}

/** The landmarks of a hand with palm centre P, rotation Q and angles A (allocates `out` if not given: compile time only). */
export function landmarksAt (chir: number, P: ArrayLike<number>, Q: Quat, A: Float32Array, out: Float64Array = f64(LANDMARKS * 3)): Float64Array {
  return handWorldLandmarks(A, chir, wristAt(chir, P, Q, _wa), Q, out) as Float64Array
}

/** Points (xyz) of the palm outline below. */
export const PALM_OUTLINE = 8

/**
 * The palm's outline as it is drawn, from landmarks L into out (PALM_OUTLINE points): the radial
 * wrist corner, the thumb's base (CMC), the thumb web (WEB_SHARE of the way from the thumb's MCP to
 * the index's: it joins an abducted thumb's metacarpal to the palm, as a real hand's does — without
 * it an L or a thumb held out (美洲) read as a free finger), the four knuckles, the ulnar wrist
 * corner (which, seen end-on, reaches up beside the knuckles). One definition for the drawing
 * (drawlist.ts), the face's cover test (face-clear.ts) and the framing (trail.ts). Per-frame safe:
 * arrays in and out.
 */
export function palmOutline (L: ArrayLike<number>, out: NumArray): NumArray {
  for (let k = 0; k < 3; k++) {
    out[k] = L[k] + (L[15 + k] - L[51 + k]) * 0.3
    out[3 + k] = L[3 + k]
    out[6 + k] = L[6 + k] + (L[15 + k] - L[6 + k]) * WEB_SHARE
    for (let f = 0; f < 4; f++) out[9 + 3 * f + k] = L[15 + 12 * f + k]
    out[21 + k] = L[k] + (L[51 + k] - L[15 + k]) * 0.55 + (L[27 + k] - L[k]) * 0.12
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// Baking (compile time: allocation allowed)

/** The thumb codes whose tip touches a finger, index to pinky. */
const TOUCH_CODES: readonly ThumbCode[] = ['touch_index', 'touch_middle', 'touch_ring', 'touch_pinky']

function thumbTarget (a: Float32Array, code: ThumbCode, fingers: readonly string[], out: Float64Array): boolean {
  handLocalLandmarks(a, _local)
  const L = _local
  // gap: opposed to the index tip as in a pinch, a narrow gap (about a finger's thickness) apart: 薄.
  const gap = code === 'gap'
  const f = gap ? 0 : TOUCH_CODES.indexOf(code)
  if (f >= 0) {
    const pip = FLEX_DEG[(fingers[f] as FlexCode)] || FLEX_DEG.E
    const base = 5 + 4 * f
    if (pip[1] >= 90 && !gap) {
      // A curled finger: the thumb rests on the front of its middle phalanx (D: 拇指搭在中指第二节上).
      out[0] = (L[(base + 1) * 3] + L[(base + 2) * 3]) / 2
      out[1] = (L[(base + 1) * 3 + 1] + L[(base + 2) * 3 + 1]) / 2
      out[2] = (L[(base + 1) * 3 + 2] + L[(base + 2) * 3 + 2]) / 2 + FINGER_RADIUS * 1.6
    } else {
      // An open finger: pad to pad at the fingertip (pinch, O, F-like circles).
      out[0] = L[(base + 3) * 3] + FINGER_RADIUS * 0.3
      out[1] = L[(base + 3) * 3 + 1] - FINGER_RADIUS * 0.4
      out[2] = L[(base + 3) * 3 + 2] + FINGER_RADIUS * (gap ? 2.6 : 0.9)
    }
    return true
  }
  if (code === 'tuck') {
    // Thumb bent into the palm toward the ring-finger base (B: 拇指弯曲贴在手心).
    out[0] = MCP_XY[2][0] + 0.004; out[1] = MCP_XY[2][1] - 0.022; out[2] = 0.02
    return true
  }
  if (code === 'across') {
    // Across the front of the curled middle finger (fist with thumb across).
    const b = 9
    out[0] = (L[(b + 1) * 3] + L[(b + 2) * 3]) / 2 - 0.004
    out[1] = (L[(b + 1) * 3 + 1] + L[(b + 2) * 3 + 1]) / 2
    out[2] = max(L[(b + 1) * 3 + 2], L[(b + 2) * 3 + 2]) + FINGER_RADIUS * 1.8
    return true
  }
  return false
}

/** Coordinate-descent solve of the 5 thumb angles so the tip reaches `target` (baked, never per frame). */
function solveThumb (a: Float32Array, target: Float64Array): void {
  let step = 12 * DEG
  const cost = (): number => {
    handLocalLandmarks(a, _local)
    const dx = _local[12] - target[0]; const dy = _local[13] - target[1]; const dz = _local[14] - target[2]
    // Keep the thumb in front of the palm plane (z ≥ 0 at IP and tip) when it works over the palm.
    const pen = max(0, -_local[11]) + max(0, -_local[14])
    return dx * dx + dy * dy + dz * dz + pen * pen * 4
  }
  let best = cost()
  for (let iter = 0; iter < 60 && step > 0.2 * DEG; iter++) {
    let improved = false
    for (let j = 0; j < 5; j++) {
      const k = T_BETA + j
      for (let sgn = -1; sgn <= 1; sgn += 2) {
        const old = a[k]
        const nv = clamp(old + sgn * step, THUMB_LO[j] * DEG, THUMB_HI[j] * DEG)
        if (nv === old) continue
        a[k] = nv
        const c = cost()
        if (c < best) { best = c; improved = true } else a[k] = old
      }
    }
    if (!improved) step *= 0.5
  }
}

/** Bakes a handshape spec into joint angles (radians). Compile time. */
export function bakeSpec (spec: HandshapeSpec, out: Float32Array = f32(SHAPE_LEN)): Float32Array {
  for (let f = 0; f < 4; f++) {
    const abd = spec.spread === '{' ? (spec.fingers[0] === 'F' ? SPREAD_THREE_DEG : SPREAD_DEG)[f] : 0
    setFinger(out, f, spec.fingers[f] as FlexCode, abd)
  }
  out[CROSS] = 0
  if (spec.spread === 'x') {
    out[CROSS] = 1
    out[0] = -7 * DEG
    out[4] = 9 * DEG
  }
  const t = THUMB_DEG[spec.thumb] || THUMB_DEG.out
  for (let j = 0; j < 5; j++) out[T_BETA + j] = t[j] * DEG
  const target = f64(3)
  if (thumbTarget(out, spec.thumb, spec.fingers as readonly string[], target)) solveThumb(out, target)
  return out
}

const bakedCache = new Map<string, Float32Array>()

/** Joint angles of a handshape id (cached). Throws for an unknown id (the parser rejects those first). */
export function bakeHandshape (id: string): Float32Array {
  let v = bakedCache.get(id)
  if (v) return v
  const def = getHandshapeForm(id)
  if (!def) throw new Error(`未知手形: ${id}`)
  v = bakeSpec(def as unknown as HandshapeSpec)
  bakedCache.set(id, v)
  return v
}

/** A lax, relaxed hand (rest pose): fingers slightly curved, thumb beside the index. */
export const REST_SHAPE: Float32Array = bakeSpec({ fingers: ['e', 'e', 'e', 'e'], spread: '=', thumb: 'up' })
;(function relaxRest () {
  // Rest fingers curve a bit more toward the pinky, as a hanging hand does.
  REST_SHAPE[1] = 18 * DEG; REST_SHAPE[5] = 22 * DEG; REST_SHAPE[9] = 26 * DEG; REST_SHAPE[13] = 30 * DEG
  REST_SHAPE[T_ALPHA] = 20 * DEG; REST_SHAPE[T_BETA] = 30 * DEG
})()

/**
 * Joint-angle distance between two baked handshapes, in degrees: the sum over all joints of the
 * absolute angle difference, with the index/middle crossing counted as 45°. Used to check that
 * finger-alphabet letters are not confusable (test/unit/avatar).
 */
export function handshapeDistanceDeg (a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0
  for (let i = 0; i < CROSS; i++) s += abs(a[i] - b[i])
  return s / DEG + abs((a[CROSS] || 0) - (b[CROSS] || 0)) * 45
}
