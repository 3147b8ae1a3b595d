/** Directions (u d f b i c) and hand orientation (finger and palm direction) → vectors and rotations. */
import { cross3, len3, normalize3, quatFromBasis, reject3, vec3, abs } from './math'
import type { Orientation } from '../sign/types'

export const DIR_VEC: Record<string, [number, number, number]> = { u: [0, 1, 0], d: [0, -1, 0], f: [0, 0, 1], b: [0, 0, -1] }

/**
 * Unit vector of a direction like 'uf' for a hand whose own side is at x sign sideX; L and R (the
 * signer's left and right) point to x sign leftX and −leftX (leftX −1 in the mirrored view).
 */
export function dirVec (dir: string, sideX: number, out: Float64Array, leftX = 1): Float64Array {
  out[0] = 0; out[1] = 0; out[2] = 0
  for (let i = 0; i < dir.length; i++) {
    const ch = dir[i]
    if (ch === 'i') out[0] += sideX
    else if (ch === 'c') out[0] -= sideX
    else if (ch === 'L') out[0] += leftX
    else if (ch === 'R') out[0] -= leftX
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
export function orientQuat (o: Orientation, sideX: number, out: Float64Array, leftX = 1): Float64Array {
  const Y = dirVec(o.finger, sideX, vec3(), leftX)
  const Z0 = dirVec(o.palm, sideX, vec3(), leftX)
  const Z = reject3(vec3(), Z0, Y) as Float64Array
  if (len3(Z) < 0.2) {
    // Degenerate (e.g. f:u p:u): pick palm toward the signer, or down when the fingers point back/forward.
    const alt = abs(Y[2]) > 0.7 ? vec3(0, -1, 0) : vec3(0, 0, -1)
    reject3(Z, alt, Y)
  }
  normalize3(Z, Z)
  const X = cross3(vec3(), Y, Z)
  return quatFromBasis(out, X, Y, Z)
}

