/**
 * Camera presets and perspective projection. The camera orbits
 * toward the signer's dominant (right) side for '45' and 'side'. Mirror is an exact horizontal
 * flip of the projected image (x → width − x), for left-handed learners: the notation stays valid
 * because it is written with ipsi/contra sides.
 */
import { clamp01, PI, cos, max, min, sin, vec3 } from './math'

export type CameraView = 'front' | '45' | 'side'

export interface CameraOptions {
  view: CameraView
  mirror: boolean
  /** Frame the dominant hand (hand close-up). */
  closeUp: boolean
  /** Canvas size in px (logical). */
  width: number
  height: number
  /** Close-up: how much the frame follows the dominant hand (0 fixed … 1 hand centred). Default CLOSE_FOLLOW. */
  follow?: number
  /** Extra magnification (1 = preset framing), e.g. for a handshape chart. */
  zoom?: number
}

export interface Camera {
  view: CameraView
  mirror: boolean
  closeUp: boolean
  width: number
  height: number
  /** Orbit angle (rad) toward the dominant side. */
  yaw: number
  /** Distance from the target (m). */
  dist: number
  /** px per metre at the target distance; px0 as the preset frames it (aimFull widens from it). */
  pxPerM: number
  px0: number
  /** Point framed at the canvas centre (avatar space); follows the dominant hand in close-up. */
  target: Float64Array
  follow: number
  /** Right and back (toward the camera) unit vectors; up is +y (the camera never tilts). */
  right: Float64Array
  back: Float64Array
}

/** m: camera distance; mild perspective, like a phone held at arm's length from a real signer. */
export const CAMERA_DIST_M = 3
/**
 * m of avatar height visible in the full view and in the close-up. The full view frames the signer
 * from just above the head to the waist, as sign dictionaries' videos do: the hands are then big
 * enough to read (a flat hand's width ≥ 12 % of the canvas width, test/unit/avatar/legibility.test.ts),
 * and the resting hands, hanging at the sides, are out of the picture.
 */
export const FULL_VIEW_M = 0.88
export const CLOSE_VIEW_M = 0.42
/** Point framed at the canvas centre in the full view: from about y 0.98 (waist) to 1.86 (above the head). */
export const FULL_TARGET = [0, 1.42, 0.08] as const
/**
 * m: the full view follows the sign up and down (issue 11; trail.ts computeTrail measures each
 * item, aimFull eases between items): hands at neutral_low, the waist, hip or thigh (舞台 裤子)
 * and rings over the head (太阳) stay FRAME_MARGIN_M inside the picture. Its target drops at most
 * FRAME_DROP_M (the top of the head, y 1.73, stays in) and rises at most FRAME_RISE_M; at rest
 * it is FULL_TARGET, so the hands hanging at rest stay out of the picture. The scale is never
 * changed: the hands keep their size.
 */
export const FRAME_MARGIN_M = 0.03
export const FRAME_DROP_M = 0.12
export const FRAME_RISE_M = 0.2
/**
 * m: below the deepest drop (裤子 at the thigh), or for a sign taller than the view (侗族: the top
 * of the head to the chest), the full view widens instead, its top kept where it is, by at most
 * this much: 0.88 → 0.96 m, a flat hand 13.4 → 12.3 % of the canvas (≥ 12 %).
 */
export const FRAME_WIDEN_M = 0.08
/** Close-up framing: a fixed point in the dominant hand's signing space, blended toward the hand. */
export const CLOSE_TARGET = [-0.1, 1.3, 0.25] as const
export const CLOSE_FOLLOW = 0.75
/** m: how far forward the full view's target moves when the camera is turned to the side (× sin yaw). */
export const TURNED_FORWARD_M = 0.35

const YAW: Record<CameraView, number> = { front: 0, '45': (40 * PI) / 180, side: PI / 2 }

export function createCamera (): Camera {
  // setCamera writes every other field.
  return setCamera({ dist: CAMERA_DIST_M, target: vec3(), right: vec3(), back: vec3() } as Camera, { view: 'front', mirror: false, closeUp: false, width: 360, height: 480 })
}

/** Applies a preset; unknown views fall back to front; sizes are clamped to ≥ 1 px. */
export function setCamera (cam: Camera, o: CameraOptions): Camera {
  cam.view = YAW[o.view] !== undefined ? o.view : 'front'
  cam.mirror = o.mirror === true
  cam.closeUp = o.closeUp === true
  cam.width = max(1, o.width || 1)
  cam.height = max(1, o.height || 1)
  cam.yaw = YAW[cam.view]
  cam.follow = Number.isFinite(o.follow) ? clamp01(o.follow!) : CLOSE_FOLLOW
  const viewM = cam.closeUp ? CLOSE_VIEW_M : FULL_VIEW_M
  // Fit the framed height, but never wider than the canvas allows (portrait or landscape).
  const zoom = o.zoom! > 0 && o.zoom! < Infinity ? o.zoom! : 1
  cam.pxPerM = cam.px0 = zoom * min(cam.height / viewM, cam.width / (viewM * 0.85))
  const src = cam.closeUp ? CLOSE_TARGET : FULL_TARGET
  cam.target.set(src)
  const c = cos(cam.yaw); const s = sin(cam.yaw)
  // Turned toward the side, the picture centres the signing space in front of the body, not the
  // torso: the hands, half a metre forward, stay in the frame.
  if (!cam.closeUp) cam.target[2] += TURNED_FORWARD_M * s
  // (Not on the per-frame path: the player sets its camera when the view or the canvas changes.)
  cam.right.set([c, 0, s])
  cam.back.set([-s, 0, c])
  return cam
}

/** Close-up: re-aim at the dominant hand's palm centre (allocation-free, called per frame). */
export function aimCloseUp (cam: Camera, palm: ArrayLike<number>): void {
  if (!cam.closeUp) return
  for (let k = 0; k < 3; k++) cam.target[k] = CLOSE_TARGET[k] + (palm[k] - CLOSE_TARGET[k]) * cam.follow
}

/**
 * Full view: the target's height and the view's widening at the time of `at` (a player, or
 * `{ time }`), eased (smoothstep) between the framing knots of computeTrail (at least two: rest at
 * 0 and at the end), so the picture glides with the sentence and never jumps between signs.
 * Allocation-free, called per frame before buildDrawList (a close-up re-aims there anyway): the
 * time is read here, not passed as a number, and the clamp is written out (no float crosses a
 * call: docs/avatar.md).
 */
export function aimFull (cam: Camera, f: { ft: ArrayLike<number>; fy: ArrayLike<number>; fw: ArrayLike<number> }, at: { readonly time: number }): void {
  const t = at.time
  const T = f.ft; const Y = f.fy; const W = f.fw
  let i = 1
  while (i < T.length - 1 && t > T[i]) i++
  const r = (t - T[i - 1]) / (T[i] - T[i - 1]) || 0
  const u = r < 0 ? 0 : r > 1 ? 1 : r
  const e = u * u * (3 - 2 * u)
  cam.target[1] = Y[i - 1] + (Y[i] - Y[i - 1]) * e
  cam.pxPerM = cam.px0 * FULL_VIEW_M / (FULL_VIEW_M + (cam.closeUp ? 0 : W[i - 1] + (W[i] - W[i - 1]) * e))
}

/**
 * Projects p[pi..pi+2] (avatar space) into out[o], out[o+1] (px) and adds its depth (m from the
 * camera) to depthSum[d]. Mirror flips x exactly. Nothing is returned: on the per-frame path no
 * float crosses a call (docs/avatar.md, "No allocation per frame").
 */
export function project (cam: Camera, p: ArrayLike<number>, pi: number, out: Float32Array, o: number, depthSum: Float32Array | Float64Array, d: number): void {
  const dx = p[pi] - cam.target[0]; const dy = p[pi + 1] - cam.target[1]; const dz = p[pi + 2] - cam.target[2]
  const xc = dx * cam.right[0] + dz * cam.right[2]
  const raw = cam.dist - (dx * cam.back[0] + dz * cam.back[2])
  const depth = raw < 0.2 ? 0.2 : raw > 100 ? 100 : raw
  const f = (cam.pxPerM * cam.dist) / depth
  const sx = cam.width / 2 + xc * f
  out[o] = cam.mirror ? cam.width - sx : sx
  out[o + 1] = cam.height / 2 - dy * f
  depthSum[d] += depth
}

/** px per metre at a given depth (for line widths and radii); not for the per-frame path. */
export function scaleAt (cam: Camera, depth: number): number {
  return (cam.pxPerM * cam.dist) / depth
}
