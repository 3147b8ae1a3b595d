/**
 * Camera presets and perspective projection. The camera orbits
 * toward the signer's dominant (right) side for '45' and 'side'. Mirror is an exact horizontal
 * flip of the projected image (x → width − x), for left-handed learners: the notation stays valid
 * because it is written with ipsi/contra sides.
 */
import { clamp, PI, cos, max, min, sin, f64 } from './math'

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
  /** px per metre at the target distance. */
  pxPerM: number
  /** Point framed at the canvas centre (avatar space); follows the dominant hand in close-up. */
  target: Float64Array
  follow: number
  /** Right, up and back (toward the camera) unit vectors. */
  right: Float64Array
  up: Float64Array
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
/** Close-up framing: a fixed point in the dominant hand's signing space, blended toward the hand. */
export const CLOSE_TARGET = [-0.1, 1.3, 0.25] as const
export const CLOSE_FOLLOW = 0.75
/** m: how far forward the full view's target moves when the camera is turned to the side (× sin yaw). */
export const TURNED_FORWARD_M = 0.35

const YAW: Record<CameraView, number> = { front: 0, '45': (40 * PI) / 180, side: PI / 2 }

export function createCamera (): Camera {
  const cam: Camera = {
    view: 'front', mirror: false, closeUp: false, width: 360, height: 480, yaw: 0, dist: CAMERA_DIST_M, pxPerM: 1, follow: CLOSE_FOLLOW,
    target: f64(3), right: f64(3), up: f64(3), back: f64(3)
  }
  return setCamera(cam, { view: 'front', mirror: false, closeUp: false, width: 360, height: 480 })
}

/** Applies a preset; unknown views fall back to front; sizes are clamped to ≥ 1 px. */
export function setCamera (cam: Camera, o: CameraOptions): Camera {
  cam.view = YAW[o.view] !== undefined ? o.view : 'front'
  cam.mirror = o.mirror === true
  cam.closeUp = o.closeUp === true
  cam.width = max(1, o.width || 1)
  cam.height = max(1, o.height || 1)
  cam.yaw = YAW[cam.view]
  cam.follow = o.follow === undefined || !Number.isFinite(o.follow) ? CLOSE_FOLLOW : clamp(o.follow, 0, 1)
  const viewM = cam.closeUp ? CLOSE_VIEW_M : FULL_VIEW_M
  // Fit the framed height, but never wider than the canvas allows (portrait or landscape).
  const zoom = o.zoom !== undefined && Number.isFinite(o.zoom) && o.zoom > 0 ? o.zoom : 1
  cam.pxPerM = zoom * min(cam.height / viewM, cam.width / (viewM * 0.85))
  const src = cam.closeUp ? CLOSE_TARGET : FULL_TARGET
  cam.target.set(src)
  // Turned toward the side, the picture centres the signing space in front of the body, not the
  // torso: the hands, half a metre forward, stay in the frame.
  if (!cam.closeUp) cam.target[2] += TURNED_FORWARD_M * sin(YAW[cam.view])
  const c = cos(cam.yaw); const s = sin(cam.yaw)
  // (Not on the per-frame path: the player sets its camera when the view or the canvas changes.)
  cam.right.set([c, 0, s])
  cam.up.set([0, 1, 0])
  cam.back.set([-s, 0, c])
  return cam
}

/** Close-up: re-aim at the dominant hand's palm centre (allocation-free, called per frame). */
export function aimCloseUp (cam: Camera, palm: ArrayLike<number>): void {
  if (!cam.closeUp) return
  for (let k = 0; k < 3; k++) cam.target[k] = CLOSE_TARGET[k] + (palm[k] - CLOSE_TARGET[k]) * cam.follow
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
