/**
 * Small allocation-free vector / quaternion helpers. Every function writes into `out` and returns
 * it (three.js style); vectors are Float64Array(3), quaternions Float64Array(4) as [x, y, z, w].
 * Only `vec3()` / `quat()` allocate: call them at module or compile time, never per frame.
 */

export type Vec3 = Float64Array
export type Quat = Float64Array
/** Anything indexable we write into (pose buffers are Float32Array). */
export type NumArray = Float32Array | Float64Array | number[]

/** Math's functions as module names, for the engine's files to import: a minifier shortens module-level
 * names but not `Math.x` (about 1.5 KB over the engine's ~230 calls; engine.bundle_kb, issue 11). */
export const { abs, min, max, sqrt, sin, cos, hypot, acos, atan2, sign, floor, ceil, round, pow, exp, PI } = Math

/** Below this length a vector is treated as zero (m or unitless); avoids dividing by ~0. */
export const EPS = 1e-9

export function vec3 (x = 0, y = 0, z = 0): Vec3 {
  const v = new Float64Array(3)
  v[0] = x; v[1] = y; v[2] = z
  return v
}

/**
 * A zeroed Float64Array of n, or a copy of an array's numbers (compile time or module scratch
 * only; one name the minifier can shorten). (The constructor takes either; TS needs one overload.)
 */
export function f64 (n: number | ArrayLike<number>): Float64Array {
  return new Float64Array(n as number)
}

/** A zeroed Float32Array of n, or a copy (as f64). */
export function f32 (n: number | ArrayLike<number>): Float32Array {
  return new Float32Array(n as number)
}

export function quat (): Quat {
  const q = new Float64Array(4)
  q[3] = 1
  return q
}

export function set3 (out: NumArray, x: number, y: number, z: number): NumArray {
  out[0] = x; out[1] = y; out[2] = z
  return out
}

export function copy3 (out: NumArray, a: ArrayLike<number>): NumArray {
  out[0] = a[0]; out[1] = a[1]; out[2] = a[2]
  return out
}

export function add3 (out: NumArray, a: ArrayLike<number>, b: ArrayLike<number>): NumArray {
  out[0] = a[0] + b[0]; out[1] = a[1] + b[1]; out[2] = a[2] + b[2]
  return out
}

export function sub3 (out: NumArray, a: ArrayLike<number>, b: ArrayLike<number>): NumArray {
  out[0] = a[0] - b[0]; out[1] = a[1] - b[1]; out[2] = a[2] - b[2]
  return out
}

export function scale3 (out: NumArray, a: ArrayLike<number>, s: number): NumArray {
  out[0] = a[0] * s; out[1] = a[1] * s; out[2] = a[2] * s
  return out
}

/** out = a + b·s */
export function addScaled3 (out: NumArray, a: ArrayLike<number>, b: ArrayLike<number>, s: number): NumArray {
  out[0] = a[0] + b[0] * s; out[1] = a[1] + b[1] * s; out[2] = a[2] + b[2] * s
  return out
}

export function lerp3 (out: NumArray, a: ArrayLike<number>, b: ArrayLike<number>, t: number): NumArray {
  out[0] = a[0] + (b[0] - a[0]) * t
  out[1] = a[1] + (b[1] - a[1]) * t
  out[2] = a[2] + (b[2] - a[2]) * t
  return out
}

export function dot3 (a: ArrayLike<number>, b: ArrayLike<number>): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
}

export function cross3 (out: NumArray, a: ArrayLike<number>, b: ArrayLike<number>): NumArray {
  const ax = a[0]; const ay = a[1]; const az = a[2]
  const bx = b[0]; const by = b[1]; const bz = b[2]
  out[0] = ay * bz - az * by
  out[1] = az * bx - ax * bz
  out[2] = ax * by - ay * bx
  return out
}

export function len3 (a: ArrayLike<number>): number {
  return sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2])
}

export function dist3 (a: ArrayLike<number>, b: ArrayLike<number>): number {
  const dx = a[0] - b[0]; const dy = a[1] - b[1]; const dz = a[2] - b[2]
  return sqrt(dx * dx + dy * dy + dz * dz)
}

/** Distance between point i of a and point j of b in flat xyz arrays. */
export function distAt (a: ArrayLike<number>, i: number, b: ArrayLike<number>, j: number): number {
  const dx = a[i * 3] - b[j * 3]; const dy = a[i * 3 + 1] - b[j * 3 + 1]; const dz = a[i * 3 + 2] - b[j * 3 + 2]
  return sqrt(dx * dx + dy * dy + dz * dz)
}

/** Normalises; a zero vector becomes `fallback` (or stays zero): degenerate input has a defined output. */
export function normalize3 (out: NumArray, a: ArrayLike<number>, fallback?: ArrayLike<number>): NumArray {
  const l = len3(a)
  if (l < EPS) {
    if (fallback) return copy3(out, fallback)
    out[0] = 0; out[1] = 0; out[2] = 0
    return out
  }
  out[0] = a[0] / l; out[1] = a[1] / l; out[2] = a[2] / l
  return out
}

/** Component of a orthogonal to the unit vector n. */
export function reject3 (out: NumArray, a: ArrayLike<number>, n: ArrayLike<number>): NumArray {
  const d = dot3(a, n)
  out[0] = a[0] - n[0] * d; out[1] = a[1] - n[1] * d; out[2] = a[2] - n[2] * d
  return out
}

/** Reads point i of a flat xyz array into out. */
export function getAt (out: NumArray, a: ArrayLike<number>, i: number): NumArray {
  out[0] = a[i * 3]; out[1] = a[i * 3 + 1]; out[2] = a[i * 3 + 2]
  return out
}

/** Adds d to the three floats of a from offset o (a segment's position fields). */
export function addAt3 (a: NumArray, o: number, d: ArrayLike<number>): void {
  a[o] += d[0]; a[o + 1] += d[1]; a[o + 2] += d[2]
}

/** Writes v as point i of a flat xyz array. */
export function setAt (a: NumArray, i: number, v: ArrayLike<number>): void {
  a[i * 3] = v[0]; a[i * 3 + 1] = v[1]; a[i * 3 + 2] = v[2]
}

export function clamp (x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x
}

export function clamp01 (x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x
}

/** Minimum-jerk warp s = 10t³ − 15t⁴ + 6t⁵ on [0,1]: zero velocity and acceleration at both ends. */
export function minJerk (t: number): number {
  const u = clamp01(t)
  return u * u * u * (10 + u * (-15 + 6 * u))
}

/** Quaternion from an orthonormal basis given as columns X, Y, Z (a rotation, det +1). */
export function quatFromBasis (out: Quat, X: ArrayLike<number>, Y: ArrayLike<number>, Z: ArrayLike<number>): Quat {
  const m00 = X[0]; const m01 = Y[0]; const m02 = Z[0]
  const m10 = X[1]; const m11 = Y[1]; const m12 = Z[1]
  const m20 = X[2]; const m21 = Y[2]; const m22 = Z[2]
  const tr = m00 + m11 + m22
  if (tr > 0) {
    const s = 0.5 / sqrt(tr + 1)
    out[3] = 0.25 / s; out[0] = (m21 - m12) * s; out[1] = (m02 - m20) * s; out[2] = (m10 - m01) * s
  } else if (m00 > m11 && m00 > m22) {
    const s = 2 * sqrt(1 + m00 - m11 - m22)
    out[3] = (m21 - m12) / s; out[0] = 0.25 * s; out[1] = (m01 + m10) / s; out[2] = (m02 + m20) / s
  } else if (m11 > m22) {
    const s = 2 * sqrt(1 + m11 - m00 - m22)
    out[3] = (m02 - m20) / s; out[0] = (m01 + m10) / s; out[1] = 0.25 * s; out[2] = (m12 + m21) / s
  } else {
    const s = 2 * sqrt(1 + m22 - m00 - m11)
    out[3] = (m10 - m01) / s; out[0] = (m02 + m20) / s; out[1] = (m12 + m21) / s; out[2] = 0.25 * s
  }
  return quatNormalize(out, out)
}

export function quatNormalize (out: Quat, q: ArrayLike<number>): Quat {
  const l = sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3])
  if (l < EPS) { out[0] = 0; out[1] = 0; out[2] = 0; out[3] = 1; return out }
  out[0] = q[0] / l; out[1] = q[1] / l; out[2] = q[2] / l; out[3] = q[3] / l
  return out
}

/** Axis (unit) and angle (rad) → quaternion. */
export function quatAxisAngle (out: Quat, axis: ArrayLike<number>, angle: number): Quat {
  const h = angle / 2
  const s = sin(h)
  out[0] = axis[0] * s; out[1] = axis[1] * s; out[2] = axis[2] * s; out[3] = cos(h)
  return out
}

/** out = a·b (apply b first, then a). */
export function quatMul (out: Quat, a: ArrayLike<number>, b: ArrayLike<number>): Quat {
  const ax = a[0]; const ay = a[1]; const az = a[2]; const aw = a[3]
  const bx = b[0]; const by = b[1]; const bz = b[2]; const bw = b[3]
  out[0] = aw * bx + ax * bw + ay * bz - az * by
  out[1] = aw * by - ax * bz + ay * bw + az * bx
  out[2] = aw * bz + ax * by - ay * bx + az * bw
  out[3] = aw * bw - ax * bx - ay * by - az * bz
  return out
}

/**
 * Normalised linear interpolation along the shorter arc (good enough for ≤ 180° steps, cheap in an
 * interpreter), by the weight w[wi]: the weight comes in an array because this runs per frame, where
 * no float crosses a call (docs/avatar.md).
 */
export function quatNlerp (out: Quat, a: ArrayLike<number>, b: ArrayLike<number>, w: ArrayLike<number>, wi: number): Quat {
  const t = w[wi]
  const d = a[0] * b[0] + a[1] * b[1] + a[2] * b[2] + a[3] * b[3]
  const sb = d < 0 ? -t : t
  const sa = 1 - t
  out[0] = a[0] * sa + b[0] * sb; out[1] = a[1] * sa + b[1] * sb
  out[2] = a[2] * sa + b[2] * sb; out[3] = a[3] * sa + b[3] * sb
  return quatNormalize(out, out)
}

/** Rotates v by unit quaternion q. out may alias v. */
export function quatRotate (out: NumArray, q: ArrayLike<number>, v: ArrayLike<number>): NumArray {
  const qx = q[0]; const qy = q[1]; const qz = q[2]; const qw = q[3]
  const vx = v[0]; const vy = v[1]; const vz = v[2]
  const tx = 2 * (qy * vz - qz * vy)
  const ty = 2 * (qz * vx - qx * vz)
  const tz = 2 * (qx * vy - qy * vx)
  out[0] = vx + qw * tx + qy * tz - qz * ty
  out[1] = vy + qw * ty + qz * tx - qx * tz
  out[2] = vz + qw * tz + qx * ty - qy * tx
  return out
}

/** Column k (0 = X, 1 = Y, 2 = Z) of q's rotation matrix: the rotated basis axis. */
export function quatAxis (out: NumArray, q: ArrayLike<number>, k: number): NumArray {
  const x = q[0]; const y = q[1]; const z = q[2]; const w = q[3]
  if (k === 0) { out[0] = 1 - 2 * (y * y + z * z); out[1] = 2 * (x * y + w * z); out[2] = 2 * (x * z - w * y) } else if (k === 1) { out[0] = 2 * (x * y - w * z); out[1] = 1 - 2 * (x * x + z * z); out[2] = 2 * (y * z + w * x) } else { out[0] = 2 * (x * z + w * y); out[1] = 2 * (y * z - w * x); out[2] = 1 - 2 * (x * x + y * y) }
  return out
}

/**
 * Euler (pitch about x, yaw about y, roll about z; applied roll→pitch→yaw) → quaternion. The angles
 * (rad) are read from a[ip], a[iy], a[ir] (per frame, no float crosses a call).
 */
export function quatFromEuler (out: Quat, a: ArrayLike<number>, ip: number, iy: number, ir: number): Quat {
  const pitch = a[ip]; const yaw = a[iy]; const roll = a[ir]
  const cx = cos(pitch / 2); const sx = sin(pitch / 2)
  const cy = cos(yaw / 2); const sy = sin(yaw / 2)
  const cz = cos(roll / 2); const sz = sin(roll / 2)
  // q = qy · qx · qz
  out[0] = cy * sx * cz + sy * cx * sz
  out[1] = sy * cx * cz - cy * sx * sz
  out[2] = cy * cx * sz - sy * sx * cz
  out[3] = cy * cx * cz + sy * sx * sz
  return out
}

export const DEG = PI / 180
