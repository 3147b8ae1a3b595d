/**
 * Legibility measures read from the draw list and the pose, shared by the whole-dictionary tests
 * (legibility.test.ts) and by anyone comparing renders: upper-arm elevation, the share of the eyes
 * and the mouth hidden by the hands and arms, and the drawn width of a hand.
 */
import {
  DATA_STRIDE, FOREARM_M, J_L_ELBOW, J_L_SHOULDER, J_L_WRIST, J_R_ELBOW, J_R_SHOULDER, J_R_WRIST, UPPER_ARM_M, PRIM_CHAIN, PRIM_DOTS, PRIM_ELLIPSE, PRIM_POLY,
  PRIM_TAPER, type DrawList, type Pose, C_EYE, C_LIPS, C_MOUTH, F_EYE_OPEN, F_EYE_WIDE, OWNER_BODY, OWNER_HAND_L, OWNER_HAND_R, OWNER_TRAIL
} from './engine'

/**
 * Upper-arm elevation in degrees: the angle between the upper arm (shoulder → elbow) and straight
 * down. 0 = hanging, 90 = horizontal (forward or sideways), 180 = straight up.
 */
export function upperArmElevationDeg (pose: Pose, hand: 0 | 1): number {
  const J = pose.joints
  const s = hand === 0 ? J_R_SHOULDER : J_L_SHOULDER
  const e = hand === 0 ? J_R_ELBOW : J_L_ELBOW
  const dx = J[e * 3] - J[s * 3]; const dy = J[e * 3 + 1] - J[s * 3 + 1]; const dz = J[e * 3 + 2] - J[s * 3 + 2]
  const l = Math.hypot(dx, dy, dz) || 1
  return (Math.acos(Math.max(-1, Math.min(1, -dy / l))) * 180) / Math.PI
}

function distToSeg (px: number, py: number, ax: number, ay: number, bx: number, by: number): { d: number; u: number } {
  const vx = bx - ax; const vy = by - ay
  const l2 = vx * vx + vy * vy
  const u = l2 > 0 ? Math.max(0, Math.min(1, ((px - ax) * vx + (py - ay) * vy) / l2)) : 0
  return { d: Math.hypot(px - ax - u * vx, py - ay - u * vy), u }
}

function inPolygon (d: Float32Array, o: number, n: number, x: number, y: number): boolean {
  let inside = false
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const xi = d[o + 2 * i]; const yi = d[o + 2 * i + 1]; const xj = d[o + 2 * j]; const yj = d[o + 2 * j + 1]
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

/** Whether primitive i, as painted (outlines included), covers the point (x, y). */
export function primCovers (l: DrawList, i: number, x: number, y: number): boolean {
  const d = l.data; const o = i * DATA_STRIDE; const n = l.npts[i]
  switch (l.kind[i]) {
    case PRIM_POLY: {
      if (n < 3) return false
      if (inPolygon(d, o, n, x, y)) return true
      const pad = l.outline[i] + (l.stroke[i] >= 0 ? l.lineWidth[i] / 2 : 0)
      if (pad <= 0) return false
      for (let k = 0; k < n; k++) {
        const k2 = (k + 1) % n
        if (distToSeg(x, y, d[o + 2 * k], d[o + 2 * k + 1], d[o + 2 * k2], d[o + 2 * k2 + 1]).d <= pad) return true
      }
      return false
    }
    case PRIM_CHAIN: {
      const r = l.lineWidth[i] / 2 + (l.stroke[i] >= 0 ? l.outline[i] : 0)
      for (let k = 0; k + 1 < n; k++) if (distToSeg(x, y, d[o + 2 * k], d[o + 2 * k + 1], d[o + 2 * k + 2], d[o + 2 * k + 3]).d <= r) return true
      return n === 1 && Math.hypot(x - d[o], y - d[o + 1]) <= r
    }
    case PRIM_TAPER: {
      const ol = l.stroke[i] >= 0 ? l.outline[i] : 0
      for (let k = 0; k + 1 < n; k++) {
        const s = distToSeg(x, y, d[o + 2 * k], d[o + 2 * k + 1], d[o + 2 * k + 2], d[o + 2 * k + 3])
        const r = d[o + 2 * n + k] + (d[o + 2 * n + k + 1] - d[o + 2 * n + k]) * s.u + ol
        if (s.d <= r) return true
      }
      return false
    }
    case PRIM_ELLIPSE: {
      const rx = d[o + 2]; const ry = d[o + 3]; const rot = d[o + 4]
      const c = Math.cos(rot); const s = Math.sin(rot)
      const dx = x - d[o]; const dy = y - d[o + 1]
      const u = (dx * c + dy * s) / rx; const v = (-dx * s + dy * c) / ry
      return u * u + v * v <= 1
    }
    default: return false
  }
}

/** Sample points inside an ellipse primitive (its own rotation), on a regular grid. */
function ellipseSamples (l: DrawList, i: number, out: number[]): void {
  const d = l.data; const o = i * DATA_STRIDE
  const rx = d[o + 2]; const ry = d[o + 3]; const rot = d[o + 4]
  const c = Math.cos(rot); const s = Math.sin(rot)
  const N = 9
  for (let a = 0; a < N; a++) {
    for (let b = 0; b < N; b++) {
      const u = -1 + (2 * (a + 0.5)) / N; const v = -1 + (2 * (b + 0.5)) / N
      if (u * u + v * v > 1) continue
      out.push(d[o] + u * rx * c - v * ry * s, d[o + 1] + u * rx * s + v * ry * c)
    }
  }
}

/** Sample points inside a polygon primitive on a grid over its bounding box. */
function polygonSamples (l: DrawList, i: number, out: number[]): void {
  const d = l.data; const o = i * DATA_STRIDE; const n = l.npts[i]
  let x0 = Infinity; let y0 = Infinity; let x1 = -Infinity; let y1 = -Infinity
  for (let k = 0; k < n; k++) { x0 = Math.min(x0, d[o + 2 * k]); x1 = Math.max(x1, d[o + 2 * k]); y0 = Math.min(y0, d[o + 2 * k + 1]); y1 = Math.max(y1, d[o + 2 * k + 1]) }
  // A closed mouth is a thin sliver: pad its box so there is always something to hide.
  if (y1 - y0 < 2) { y0 -= 1; y1 += 1 }
  const N = 12
  for (let a = 0; a < N; a++) {
    for (let b = 0; b < N; b++) {
      const x = x0 + ((x1 - x0) * (a + 0.5)) / N; const y = y0 + ((y1 - y0) * (b + 0.5)) / N
      if (y1 - y0 <= 2.5 || inPolygon(d, o, n, x, y)) out.push(x, y)
    }
  }
}

/** Primitives that can hide a face feature: the hands (and, with arms, the sleeves too), with their drawn boxes. */
function hiders (l: DrawList, arms: boolean): number[] {
  const out: number[] = []
  for (let i = 0; i < l.count; i++) {
    const ow = l.owner[i]
    if (ow === OWNER_BODY || ow === OWNER_TRAIL || (!arms && ow !== OWNER_HAND_R && ow !== OWNER_HAND_L)) continue
    const b = primBox(l, i)
    out.push(i, b[0], b[1], b[2], b[3])
  }
  return out
}

/** Share (0..1) of the sample points hidden by a hand or arm primitive painted after `feature`. */
function hiddenShare (l: DrawList, feature: number, pts: number[], rank: Int32Array, hs: number[]): number {
  if (pts.length === 0) return 0
  let hidden = 0
  for (let p = 0; p < pts.length; p += 2) {
    const x = pts[p]; const y = pts[p + 1]
    for (let h = 0; h < hs.length; h += 5) {
      const i = hs[h]
      if (rank[i] <= rank[feature] || x < hs[h + 1] || x > hs[h + 3] || y < hs[h + 2] || y > hs[h + 4]) continue
      if (primCovers(l, i, x, y)) { hidden++; break }
    }
  }
  return hidden / (pts.length / 2)
}

export interface FaceCover {
  /** Hidden share of the less hidden eye: both eyes must be covered for this to be high. */
  eyes: number
  /** Hidden share of the mouth. */
  mouth: number
  /** Whether both eyes and the mouth were found in the draw list (face toward the camera, eyes open). */
  found: boolean
  /** Both eye whites were drawn (not when the eyes are shut: then they are lid lines). */
  eyesFound: boolean
  mouthFound: boolean
}

/**
 * How much of the eyes and the mouth the hands hide in a draw list (with `arms`, the sleeves too).
 * Eyes are the eye-white ellipses (a closed eye, drawn as a line, is not measured: use
 * ambient: false for no blinks).
 */
export function faceCover (l: DrawList, arms = false): FaceCover {
  const rank = new Int32Array(l.count)
  for (let r = 0; r < l.count; r++) rank[l.order[r]] = r
  const hs = hiders(l, arms)
  const eyes: number[] = []
  let mouth = 0; let mouthFound = false
  for (let i = 0; i < l.count; i++) {
    if (l.owner[i] !== OWNER_BODY) continue
    if (l.kind[i] === PRIM_ELLIPSE && l.fill[i] === C_EYE) {
      const pts: number[] = []
      ellipseSamples(l, i, pts)
      eyes.push(hiddenShare(l, i, pts, rank, hs))
    } else if (l.kind[i] === PRIM_POLY && l.stroke[i] === C_LIPS && (l.fill[i] === C_LIPS || l.fill[i] === C_MOUTH)) {
      const pts: number[] = []
      polygonSamples(l, i, pts)
      mouth = hiddenShare(l, i, pts, rank, hs)
      mouthFound = true
    }
  }
  return { eyes: eyes.length === 2 ? Math.min(eyes[0], eyes[1]) : 0, mouth, found: eyes.length === 2 && mouthFound, eyesFound: eyes.length === 2, mouthFound }
}

/** Drawn extent (px, outlines included) of primitive i: [x0, y0, x1, y1]. */
export function primBox (l: DrawList, i: number): [number, number, number, number] {
  const d = l.data; const o = i * DATA_STRIDE; const n = l.npts[i]; const k = l.kind[i]
  if (k === PRIM_ELLIPSE) {
    const r = Math.max(d[o + 2], d[o + 3])
    return [d[o] - r, d[o + 1] - r, d[o] + r, d[o + 1] + r]
  }
  let x0 = Infinity; let y0 = Infinity; let x1 = -Infinity; let y1 = -Infinity
  for (let p = 0; p < n; p++) {
    const r = k === PRIM_CHAIN ? l.lineWidth[i] / 2 + l.outline[i]
      : k === PRIM_TAPER ? d[o + 2 * n + p] + l.outline[i]
        : k === PRIM_DOTS ? l.lineWidth[i] + 1
          : l.outline[i] + l.lineWidth[i] / 2
    x0 = Math.min(x0, d[o + 2 * p] - r); x1 = Math.max(x1, d[o + 2 * p] + r)
    y0 = Math.min(y0, d[o + 2 * p + 1] - r); y1 = Math.max(y1, d[o + 2 * p + 1] + r)
  }
  return [x0, y0, x1, y1]
}

/** Drawn extent (px, outlines included) of one hand's primitives (not its arm): [x0, y0, x1, y1]. */
export function handBox (l: DrawList, hand: 0 | 1): [number, number, number, number] {
  let x0 = Infinity; let y0 = Infinity; let x1 = -Infinity; let y1 = -Infinity
  for (let i = 0; i < l.count; i++) {
    if (l.owner[i] !== hand) continue
    const b = primBox(l, i)
    x0 = Math.min(x0, b[0]); y0 = Math.min(y0, b[1]); x1 = Math.max(x1, b[2]); y1 = Math.max(y1, b[3])
  }
  return [x0, y0, x1, y1]
}

/**
 * The least upper-arm elevation (degrees) that reaches the pose's wrist from its shoulder: the
 * elbow at the lowest point of the circle the two bones allow. Above 90° the hand's place itself
 * demands a raised arm.
 */
export function minElevationDeg (pose: Pose, hand: 0 | 1): number {
  const J = pose.joints
  const s = hand === 0 ? J_R_SHOULDER : J_L_SHOULDER
  const w = hand === 0 ? J_R_WRIST : J_L_WRIST
  const dx = J[w * 3] - J[s * 3]; const dy = J[w * 3 + 1] - J[s * 3 + 1]; const dz = J[w * 3 + 2] - J[s * 3 + 2]
  const d = Math.hypot(dx, dy, dz)
  const a = (UPPER_ARM_M * UPPER_ARM_M - FOREARM_M * FOREARM_M + d * d) / (2 * d)
  const r = Math.sqrt(Math.max(0, UPPER_ARM_M * UPPER_ARM_M - a * a))
  const lowDy = (a * dy) / d - r * Math.sqrt(Math.max(0, 1 - (dy * dy) / (d * d)))
  return (Math.acos(Math.max(-1, Math.min(1, -lowDy / UPPER_ARM_M))) * 180) / Math.PI
}

/**
 * Whether the pose's eyes are shut as drawn (drawlist.ts draws lid lines, no eye whites, when the
 * openness, wide-eyed included, is at most 0.18): then there is no eye to hide.
 */
export function eyesShut (pose: Pose): boolean {
  return pose.face[F_EYE_OPEN] + 0.3 * pose.face[F_EYE_WIDE] <= 0.18
}
