/**
 * Pose + camera → a flat draw list: primitives in typed arrays,
 * style indices into a constant palette, depth-sorted into paint order. Renderers only execute it
 * (render.ts); tests read it. buildDrawList allocates nothing.
 *
 * Legibility rules (indistinct hand shapes are what learners most often fault in signing avatars): hands are 1.2× life size,
 * every finger is outlined, fingers and palm are depth-sorted per frame, and the palm side is
 * shaded lighter than the back of the hand so a learner sees which way the hand faces.
 */
import { type Camera, aimCloseUp, project } from './camera'
import { HAND_EMPHASIS, TRAIL_ARROW, TRAIL_DOT_M } from './constants'
import { FINGER_RADIUS, LANDMARKS, PALM_HALF_THICK, PALM_OUTLINE, palmOutline } from './hand-model'
import { quatAxis, quatRotate, vec3, PI, abs, atan2, cos, max, min, sin, sqrt, f32, f64 } from './math'
import { type Pose, torsoToWorld } from './pose'
import type { Trail } from './trail'
import {
  BODY, EYE_RX, EYE_RY, EYE_X, EYE_Y, J_HEAD, J_L_ELBOW, J_L_SHOULDER, J_L_WRIST, J_NECK, J_R_ELBOW, J_R_SHOULDER,
  J_R_WRIST, MOUTH_HALF_W, MOUTH_Y
} from './skeleton'
import {
  F_BROW_FURROW, F_BROW_RAISE, F_BROW_SAD, F_CHEEK_PUFF, F_EYE_OPEN, F_EYE_WIDE, F_GAZE_X, F_GAZE_Y, F_MOUTH_OPEN,
  F_MOUTH_PURSE, F_MOUTH_ROUND, F_MOUTH_SMILE
} from './face-channels'
import { freeze } from '../base/object'

export const PRIM_RECT = 1
export const PRIM_POLY = 2
/** Capsule polyline: outline stroke then fill stroke, round caps and joins. */
export const PRIM_CHAIN = 3
export const PRIM_ELLIPSE = 4
/** Tapered capsule polyline: n points (x, y) then n radii (px); outline then fill, like a chain. */
export const PRIM_TAPER = 5
/** Dots of radius lineWidth at each point (the movement trail); fill, with a stroke-coloured halo. */
export const PRIM_DOTS = 6
/** Floats of point / shape data per primitive (up to 12 points). */
export const DATA_STRIDE = 24

/**
 * A palette: one CSS colour per style index (C_BG … C_NECK). The draw list holds indices only; the
 * renderer is given the palette (render.ts), so the same frame paints in the light or the dark
 * theme with no per-frame work. Every palette has the same length and meaning.
 */
export type Palette = readonly string[]

/** Calm light palette (fill/stroke indices refer to it). */
export const PALETTE_LIGHT: Palette = freeze([
  '#F4F1EA', // 0 background
  '#4A7FA8', // 1 shirt
  '#2F5877', // 2 shirt outline
  '#F1C6A2', // 3 skin (back of hand)
  '#D9A57F', // 4 skin shade
  '#FBE0C8', // 5 palm side (lighter)
  '#5B3A29', // 6 outline
  '#3B2F2B', // 7 hair
  '#FFFFFF', // 8 eye white
  '#2A2A2A', // 9 pupil
  '#3B2F2B', // 10 brow
  '#B5544C', // 11 lips
  '#6A2622', // 12 mouth inside
  '#EFA393', // 13 blush
  '#416F93', // 14 sleeve (far arm)
  '#5A8DB5', // 15 sleeve (near arm)
  '#E9B48E', // 16 neck
  '#F6DAD2', // 17 nail
  '#222222', // 18 trail dots and arrow
  '#FFFFFF' // 19 trail halo
])

/** The dark theme's colours where they differ from the light one (palette index → colour). */
const DARK_OVERRIDES: Readonly<Record<number, string>> = {
  0: '#1B2430', // background
  2: '#A9CBE8', // shirt outline (lighter: against the dark stage)
  7: '#6E5A50', // hair (lifted off the background)
  14: '#5B8DB6', // sleeve (far arm)
  15: '#6B9CC4', // sleeve (near arm)
  18: '#EEF2F6', // trail dots and arrow (light ink on the dark stage)
  19: '#1B2430' // trail halo
}

/**
 * Dark theme (WeChat's dark mode): a deep blue-grey stage instead of the cream one, the shirt
 * outline and the hair lifted so the silhouette still separates from the background; skin and
 * hands keep their colours (the palm/back shading must read the same in both themes). The trail
 * swaps ink and halo so its dots stay visible on the dark stage.
 */
export const PALETTE_DARK: Palette = freeze(PALETTE_LIGHT.map((c, i) => DARK_OVERRIDES[i] || c))

export type Theme = 'light' | 'dark'
export const PALETTES: Readonly<Record<Theme, Palette>> = freeze({ light: PALETTE_LIGHT, dark: PALETTE_DARK })
export const C_BG = 0
export const C_SHIRT = 1
export const C_SHIRT_LINE = 2
export const C_SKIN = 3
export const C_SKIN_SHADE = 4
export const C_PALM = 5
export const C_OUTLINE = 6
export const C_HAIR = 7
export const C_EYE = 8
export const C_PUPIL = 9
export const C_BROW = 10
export const C_LIPS = 11
export const C_MOUTH = 12
export const C_BLUSH = 13
export const C_SLEEVE_FAR = 14
export const C_SLEEVE = 15
export const C_NECK = 16
export const C_NAIL = 17
export const C_TRAIL = 18
export const C_TRAIL_HALO = 19

/** Owners: the right (dominant) hand, the left hand, their arms, the movement trail, the body. */
export const OWNER_HAND_R = 0
export const OWNER_HAND_L = 1
export const OWNER_ARM_R = 2
export const OWNER_ARM_L = 3
export const OWNER_TRAIL = 4
export const OWNER_BODY = 255

export interface DrawList {
  capacity: number
  count: number
  width: number
  height: number
  kind: Uint8Array
  /** Palette index, −1 = none. */
  fill: Int8Array
  stroke: Int8Array
  /** Stroke width (px); for chains the body width. */
  lineWidth: Float32Array
  /** Chains: outline px on each side. */
  outline: Float32Array
  npts: Uint8Array
  depth: Float32Array
  /** Points (x, y pairs) or rect (x, y, w, h) or ellipse (cx, cy, rx, ry, rotation). */
  data: Float32Array
  /** Paint order (indices into the arrays above), far to near. */
  order: Uint16Array
  /** What each primitive belongs to (OWNER_*): lets tests find the hands, the arms, the trail. */
  owner: Uint8Array
}

export function createDrawList (capacity = 128): DrawList {
  return {
    capacity,
    count: 0,
    width: 0,
    height: 0,
    kind: new Uint8Array(capacity),
    fill: new Int8Array(capacity),
    stroke: new Int8Array(capacity),
    lineWidth: f32(capacity),
    outline: f32(capacity),
    npts: new Uint8Array(capacity),
    depth: f32(capacity),
    data: f32(capacity * DATA_STRIDE),
    order: new Uint16Array(capacity),
    owner: new Uint8Array(capacity)
  }
}

// Scratch. Per-frame rule (docs/avatar.md): no computed float is passed to or returned from a
// call — V8 boxes a float that crosses a call it did not inline, 16 B of garbage each — so the
// helpers below take integers and arrays, and numbers travel through these buffers.
const _pt = f32(2)
const _w = vec3()
const _a = vec3()
const _b = vec3()
const _q = f64(4)
const _hx = vec3()
const _hy = vec3()
const _hz = vec3()
const _head = vec3()
const _palm = vec3()
const _pz = vec3()
const _tmp = f64(LANDMARKS * 3)
const _outline = f64(PALM_OUTLINE * 3)
/** Depth sums of points projected only for their depth. */
const _d = f64(1)
/** Head frame of this frame: depth (m), px per m at that depth, face line width (px). */
const _headD = vec3()
const HD_DEPTH = 0
const HD_SCALE = 1
const HD_LINE = 2
/** Parameters of headChain / headEllipse (head-local metres, px). */
const _par = f64(8)

/**
 * Opens a primitive with zero depth, width and outline (the caller sets them once its points are
 * in); returns its index or −1 when the list is full (never throws per frame).
 */
function open (l: DrawList, kind: number, fill: number, stroke: number, owner: number): number {
  if (l.count >= l.capacity) return -1
  const i = l.count++
  l.kind[i] = kind; l.fill[i] = fill; l.stroke[i] = stroke; l.lineWidth[i] = 0; l.outline[i] = 0
  l.depth[i] = 0; l.npts[i] = 0; l.owner[i] = owner
  return i
}

/** Projects a world point, appends it to primitive i and adds its depth to depth[i]. */
function addPoint (l: DrawList, cam: Camera, i: number, p: ArrayLike<number>, pi: number): void {
  if (i < 0) return
  const n = l.npts[i]
  if (n >= DATA_STRIDE / 2) return
  project(cam, p, pi, l.data, i * DATA_STRIDE + n * 2, l.depth, i)
  l.npts[i] = n + 1
}

/** Turns the depth sum of primitive i into the mean depth of its points. */
function meanDepth (l: DrawList, i: number): void {
  if (i >= 0 && l.npts[i] > 0) l.depth[i] /= l.npts[i]
}

/** Depth of one point (m), into _d[0]. */
function depthOf (cam: Camera, p: ArrayLike<number>, pi: number): void {
  _d[0] = 0
  project(cam, p, pi, _pt, 0, _d, 0)
}

/** Head-local point in _w (head rest frame, metres) → world, in place. */
function headToWorld (): void {
  const x = _w[0]; const y = _w[1]; const z = _w[2]
  _w[0] = _head[0] + _hx[0] * x + _hy[0] * y + _hz[0] * z
  _w[1] = _head[1] + _hx[1] * x + _hy[1] * y + _hz[1] * z
  _w[2] = _head[2] + _hx[2] * x + _hy[2] * y + _hz[2] * z
}

/** Appends head-local point (x, y, z) = _par[k], _par[k + 1], z to primitive i. */
function addHeadPoint (l: DrawList, cam: Camera, i: number, k: number, z: number): void {
  _w[0] = _par[k]; _w[1] = _par[k + 1]; _w[2] = _par[z]
  headToWorld()
  addPoint(l, cam, i, _w, 0)
}

/**
 * A three-point stroke on the face: _par = [x0, y0, x1, y1, x2, y2, z, width m], at the head's
 * depth (face features paint with the head, behind a hand in front of the face).
 */
function headChain (l: DrawList, cam: Camera, color: number): void {
  const i = open(l, PRIM_CHAIN, color, -1, OWNER_BODY)
  if (i < 0) return
  addHeadPoint(l, cam, i, 0, 6)
  _par[6] += 0.004 // the middle point stands a little proud of the face curve
  addHeadPoint(l, cam, i, 2, 6)
  _par[6] -= 0.004
  addHeadPoint(l, cam, i, 4, 6)
  l.depth[i] = _headD[HD_DEPTH]
  l.lineWidth[i] = max(1, _par[7] * _headD[HD_SCALE])
}

/** An ellipse on the face: _par = [x, y, z, rx, ry, line width px]. */
function headEllipse (l: DrawList, cam: Camera, fill: number, stroke: number): void {
  const { data } = l
  const i = open(l, PRIM_ELLIPSE, fill, stroke, OWNER_BODY)
  if (i < 0) return
  _w[0] = _par[0]; _w[1] = _par[1]; _w[2] = _par[2]
  headToWorld()
  project(cam, _w, 0, l.data, i * DATA_STRIDE, _d, 0)
  const s = _headD[HD_SCALE]
  // Foreshortening: the feature is on the face plane, so its width shrinks as the head turns away.
  const facing = abs(_hz[0] * cam.back[0] + _hz[2] * cam.back[2])
  data[i * DATA_STRIDE + 2] = max(0.5, _par[3] * s * (0.35 + 0.65 * facing))
  data[i * DATA_STRIDE + 3] = max(0.5, _par[4] * s)
  data[i * DATA_STRIDE + 4] = 0
  l.npts[i] = 1
  l.depth[i] = _headD[HD_DEPTH]
  l.lineWidth[i] = _par[5]
}

/** Torso silhouette cross-sections: [y, half-width, half-depth, z centre]. */
const TORSO_LEVELS = [
  [1.45, 0.205, 0.07, -0.005],
  [1.33, 0.185, 0.1, 0.005],
  [1.15, 0.155, 0.095, 0.01],
  [0.97, 0.16, 0.095, 0.0],
  [0.82, 0.165, 0.1, 0.0]
]

function buildTorso (l: DrawList, cam: Camera, pose: Pose): void {
  const { depth, lineWidth } = l
  const K = cam.pxPerM * cam.dist
  // Depth of the chest, pushed back so arms at the same depth paint over it.
  _a[0] = 0; _a[1] = 1.2; _a[2] = 0
  torsoToWorld(pose, _a, _a)
  depthOf(cam, _a, 0)
  const dc = _d[0] + 0.12
  const i = open(l, PRIM_POLY, C_SHIRT, C_SHIRT_LINE, OWNER_BODY)
  const rx = cam.right[0]; const rz = cam.right[2]
  for (let side = -1; side <= 1; side += 2) {
    for (let k = 0; k < TORSO_LEVELS.length; k++) {
      const lv = TORSO_LEVELS[side < 0 ? k : TORSO_LEVELS.length - 1 - k]
      const ext = sqrt(lv[1] * lv[1] * rx * rx + lv[2] * lv[2] * rz * rz)
      _a[0] = 0; _a[1] = lv[0]; _a[2] = lv[3]
      torsoToWorld(pose, _a, _a)
      _a[0] += side * ext * rx; _a[2] += side * ext * rz
      addPoint(l, cam, i, _a, 0)
    }
  }
  if (i >= 0) { depth[i] = dc; lineWidth[i] = 1.5 }
  // Neck.
  const J = pose.joints
  depthOf(cam, J, J_NECK * 3)
  const dn = _d[0] + 0.06
  const n = open(l, PRIM_CHAIN, C_NECK, -1, OWNER_BODY)
  addPoint(l, cam, n, J, J_NECK * 3)
  _b[0] = J[J_HEAD * 3]; _b[1] = J[J_HEAD * 3 + 1] - 0.07; _b[2] = J[J_HEAD * 3 + 2] - 0.01
  addPoint(l, cam, n, _b, 0)
  if (n >= 0) { depth[n] = dn; lineWidth[n] = (0.085 * K) / dn }
}

function buildHead (l: DrawList, cam: Camera, pose: Pose): void {
  const { data, depth, lineWidth, npts } = l
  const J = pose.joints
  _head[0] = J[J_HEAD * 3]; _head[1] = J[J_HEAD * 3 + 1]; _head[2] = J[J_HEAD * 3 + 2]
  for (let k = 0; k < 4; k++) _q[k] = pose.headQuat[k]
  quatAxis(_hx, _q, 0); quatAxis(_hy, _q, 1); quatAxis(_hz, _q, 2)
  depthOf(cam, _head, 0)
  const d = _d[0] + 0.03
  const s = (cam.pxPerM * cam.dist) / d
  const line = max(1, 0.0028 * cam.height)
  _headD[HD_DEPTH] = d; _headD[HD_SCALE] = s; _headD[HD_LINE] = line
  const R = BODY.headRadii
  const f = pose.face
  // Ears (behind the head ellipse), hair cap, head.
  for (let side = -1; side <= 1; side += 2) {
    _par[0] = side * 0.077; _par[1] = -0.005; _par[2] = -0.005; _par[3] = 0.014; _par[4] = 0.027; _par[5] = line * 0.6
    headEllipse(l, cam, C_SKIN, C_OUTLINE)
  }
  const hairI = open(l, PRIM_ELLIPSE, C_HAIR, -1, OWNER_BODY)
  const headI = open(l, PRIM_ELLIPSE, C_SKIN, C_OUTLINE, OWNER_BODY)
  const rxs = s * sqrt((R[0] * (_hx[0] * cam.right[0] + _hx[2] * cam.right[2])) ** 2 + (R[2] * (_hz[0] * cam.right[0] + _hz[2] * cam.right[2])) ** 2)
  const rot0 = atan2(_hy[0] * cam.right[0] + _hy[2] * cam.right[2], _hy[1])
  const rot = cam.mirror ? -rot0 : rot0
  if (hairI >= 0) {
    _w[0] = 0; _w[1] = 0.03; _w[2] = -0.015
    headToWorld()
    project(cam, _w, 0, l.data, hairI * DATA_STRIDE, _d, 0)
    data[hairI * DATA_STRIDE + 2] = rxs * 1.07; data[hairI * DATA_STRIDE + 3] = s * R[1] * 0.88; data[hairI * DATA_STRIDE + 4] = rot; npts[hairI] = 1
    depth[hairI] = d
  }
  if (headI >= 0) {
    project(cam, _head, 0, l.data, headI * DATA_STRIDE, _d, 0)
    data[headI * DATA_STRIDE + 2] = rxs; data[headI * DATA_STRIDE + 3] = s * R[1]; data[headI * DATA_STRIDE + 4] = rot; npts[headI] = 1
    depth[headI] = d; lineWidth[headI] = line * 0.6
  }
  // Face features only when the face is turned toward the camera.
  const facing = _hz[0] * cam.back[0] + _hz[1] * cam.back[1] + _hz[2] * cam.back[2]
  // Down to a profile (side view) the near-side features stay visible.
  if (facing < -0.3) return
  // Hair: the top of the head down to a soft hairline on the forehead.
  // (In near-profile the fringe would collapse into a stripe across the face: the cap is enough.)
  const fr = facing > 0.35 ? open(l, PRIM_POLY, C_HAIR, -1, OWNER_BODY) : -1
  for (let k = 0; k <= 6; k++) {
    const a = PI * (0.03 + (0.94 * k) / 6)
    _w[0] = -cos(a) * R[0] * 1.04; _w[1] = sin(a) * R[1] * 1.03; _w[2] = 0.012
    headToWorld()
    addPoint(l, cam, fr, _w, 0)
  }
  for (let k = 0; k <= 6; k++) {
    const x = R[0] * (0.98 - (1.96 * k) / 6)
    const u = x / R[0]
    // Hairline: lower at the temples, a small parting dip off-centre.
    _w[0] = x; _w[1] = 0.038 + 0.02 * (1 - u * u) - (abs(u - 0.25) < 0.2 ? 0.006 : 0); _w[2] = R[2] * sqrt(max(0, 1 - u * u * 0.9)) * 0.92
    headToWorld()
    addPoint(l, cam, fr, _w, 0)
  }
  if (fr >= 0) depth[fr] = d
  // Eyes: white, pupil (gaze), lid closes for blinks.
  const open01 = max(0, min(1.3, f[F_EYE_OPEN] + 0.3 * f[F_EYE_WIDE]))
  const sideways = _hx[0] * cam.back[0] + _hx[1] * cam.back[1] + _hx[2] * cam.back[2]
  for (let side = -1; side <= 1; side += 2) {
    // Each eye faces a little outward: draw it only if it is turned toward the camera.
    if (0.5 * side * sideways + 0.87 * facing < 0.05) continue
    const ex = side * EYE_X
    if (open01 > 0.18) {
      _par[0] = ex; _par[1] = EYE_Y; _par[2] = 0.083; _par[3] = EYE_RX; _par[4] = EYE_RY * open01; _par[5] = line * 0.5
      headEllipse(l, cam, C_EYE, C_OUTLINE)
      _par[0] = ex + 0.0045 * f[F_GAZE_X]; _par[1] = 0.012 + 0.003 * f[F_GAZE_Y]; _par[2] = 0.088; _par[3] = 0.0062; _par[4] = min(0.0062, 0.0095 * open01); _par[5] = 0
      headEllipse(l, cam, C_PUPIL, -1)
    } else {
      _par[0] = ex - 0.012; _par[1] = 0.011; _par[2] = ex; _par[3] = 0.009; _par[4] = ex + 0.012; _par[5] = 0.011; _par[6] = 0.086; _par[7] = 0.0022
      headChain(l, cam, C_OUTLINE)
    }
    // Brows: raise lifts them, furrow pulls the inner ends down and in, sadness lifts the inner ends.
    const lift = 0.009 * f[F_BROW_RAISE]
    const inner = -0.006 * f[F_BROW_FURROW] + 0.006 * f[F_BROW_SAD]
    const outer = -0.003 * f[F_BROW_SAD]
    _par[0] = side * (0.014 + 0.003 * f[F_BROW_FURROW] * -1); _par[1] = 0.032 + lift + inner
    _par[2] = side * 0.03; _par[3] = 0.037 + lift + inner * 0.4
    _par[4] = side * 0.047; _par[5] = 0.031 + lift + outer
    _par[6] = 0.086; _par[7] = 0.0048
    headChain(l, cam, C_BROW)
  }
  // Nose.
  _par[0] = 0; _par[1] = -0.004; _par[2] = -0.003; _par[3] = -0.02; _par[4] = 0.004; _par[5] = -0.024; _par[6] = 0.097; _par[7] = 0.003
  headChain(l, cam, C_SKIN_SHADE)
  // Cheeks: puffed cheeks and a big smile show as blush.
  const puff = f[F_CHEEK_PUFF]
  if (puff > 0.1 || f[F_MOUTH_SMILE] > 0.6) {
    const r = 0.012 + 0.01 * puff
    for (let side = -1; side <= 1; side += 2) {
      _par[0] = side * (0.05 + 0.006 * puff); _par[1] = -0.03; _par[2] = 0.07; _par[3] = r; _par[4] = r * 0.75; _par[5] = 0
      headEllipse(l, cam, C_BLUSH, -1)
    }
  }
  // Mouth: 8-point polygon driven by open / round / smile / purse.
  const smile = f[F_MOUTH_SMILE]; const op = max(0, f[F_MOUTH_OPEN]); const round = f[F_MOUTH_ROUND]; const purse = f[F_MOUTH_PURSE]
  const w = MOUTH_HALF_W * max(0.35, 1 + 0.22 * smile - 0.4 * round - 0.45 * purse)
  const h = 0.024 * op + 0.006 * round
  const c = 0.006 * smile
  const u0 = 0.002 + 0.3 * h
  const l0 = -0.002 - 0.7 * h - max(0, smile) * 0.004
  const my = MOUTH_Y; const mz = 0.089
  const mi = open(l, PRIM_POLY, op > 0.2 || round > 0.3 ? C_MOUTH : C_LIPS, C_LIPS, OWNER_BODY)
  for (let k = 0; k < 8; k++) {
    // Corner, upper half, upper middle, upper half, corner, lower half, lower middle, lower half.
    const cx = k === 0 ? -1 : k === 1 || k === 7 ? -0.5 : k === 2 || k === 6 ? 0 : k === 3 || k === 5 ? 0.5 : 1
    const y = k === 0 || k === 4 ? c : k === 1 || k === 3 ? u0 * 0.85 + c * 0.35 : k === 2 ? u0 : k === 6 ? l0 : l0 * 0.8 + c * 0.3
    const z = k === 0 || k === 4 ? -0.006 : k === 2 || k === 6 ? 0.002 : 0
    _w[0] = cx * w; _w[1] = my + y; _w[2] = mz + z
    headToWorld()
    addPoint(l, cam, mi, _w, 0)
  }
  if (mi >= 0) { depth[mi] = d; lineWidth[mi] = max(1, 0.0035 * s) }
}

function buildArm (l: DrawList, cam: Camera, pose: Pose, hand: 0 | 1): void {
  const { depth, lineWidth, outline } = l
  const K = cam.pxPerM * cam.dist
  const J = pose.joints
  const js = hand === 0 ? J_R_SHOULDER : J_L_SHOULDER
  const je = hand === 0 ? J_R_ELBOW : J_L_ELBOW
  const jw = hand === 0 ? J_R_WRIST : J_L_WRIST
  const color = hand === 0 ? C_SLEEVE : C_SLEEVE_FAR
  const owner = hand === 0 ? OWNER_ARM_R : OWNER_ARM_L
  const ol = max(1, 0.0025 * cam.height)
  // Upper arm: depth is the mean of its ends.
  let i = open(l, PRIM_CHAIN, color, C_SHIRT_LINE, owner)
  addPoint(l, cam, i, J, js * 3); addPoint(l, cam, i, J, je * 3)
  meanDepth(l, i)
  if (i >= 0) { lineWidth[i] = (0.095 * K) / depth[i]; outline[i] = ol }
  // Forearm: depth of elbow and wrist; the sleeve ends a little before the wrist so the hand's
  // base is visible.
  i = open(l, PRIM_CHAIN, color, C_SHIRT_LINE, owner)
  addPoint(l, cam, i, J, je * 3)
  for (let k = 0; k < 3; k++) _a[k] = J[jw * 3 + k] + (J[je * 3 + k] - J[jw * 3 + k]) * 0.12
  addPoint(l, cam, i, _a, 0)
  if (i >= 0) {
    _d[0] = 0
    project(cam, J, je * 3, _pt, 0, _d, 0); project(cam, J, jw * 3, _pt, 0, _d, 0)
    depth[i] = _d[0] / 2
    lineWidth[i] = (0.078 * K) / depth[i]; outline[i] = ol
  }
}

/** Finger widths at the knuckle (m, life size): index, middle, ring, pinky. */
const FINGER_W = [0.0175, 0.0182, 0.0172, 0.0152]
/** A finger's radius at its knuckle, middle joint, last joint and tip, as a share of its base: fingers taper. */
const TAPER = [1, 0.92, 0.84, 0.72]
/** Thumb base (thenar) radii (m, life size) at the wrist side, the CMC joint and the MCP joint; the thumb's at MCP, IP and tip. */
const THENAR_R = [0.0155, 0.0165, 0.0105]
const THUMB_R = [0.0102, 0.0096, 0.0082]
/** rad: a finger whose three joints bend less than this in all is drawn over the palm's edge. */
const STRAIGHT_RAD = 1.6
/** A nail shows when the back of the fingertip turns this far toward the camera (cosine). */
const NAIL_FACING = 0.3
/** Palm lines and knuckles show when the palm (or back) turns this far toward the camera (cosine). */
const DETAIL_FACING = 0.35

/** Writes radius r (px) for point k of taper primitive i (after its points are in). */
function taperRadius (l: DrawList, i: number, k: number, src: Float64Array, si: number): void {
  if (i < 0) return
  l.data[i * DATA_STRIDE + 2 * l.npts[i] + k] = src[si]
}

const _rad = f64(8)
const _nd = vec3()

/**
 * A hand: the palm (with its thickness when seen edge-on), the thumb's base and the thumb, four
 * tapering fingers, and what tells the palm from the back of the hand: a lighter palm with two
 * palm lines, or the knuckle line and the nails (a nail wherever the back of a fingertip faces the
 * camera, on a curled finger too).
 */
function buildHand (l: DrawList, cam: Camera, pose: Pose, hand: 0 | 1): void {
  const { data, depth, lineWidth, outline } = l
  const lm = pose.hands[hand]
  for (let k = 0; k < LANDMARKS * 3; k++) _tmp[k] = lm[k]
  const L = _tmp
  for (let k = 0; k < 4; k++) _q[k] = pose.handQuat[hand * 4 + k]
  quatAxis(_pz, _q, 2)
  // Palm side toward the camera → lighter palm colour.
  const towards = _pz[0] * cam.back[0] + _pz[1] * cam.back[1] + _pz[2] * cam.back[2]
  const palmVisible = towards > 0
  const col = palmVisible ? C_PALM : C_SKIN
  const ol = max(1, 0.0032 * min(cam.height, cam.width * 1.3)) * (cam.closeUp ? 1.4 : 1)
  // Palm centre depth; the whole hand is nudged in front of its own forearm.
  for (let k = 0; k < 3; k++) _palm[k] = L[k] + (L[27 + k] - L[k]) * 0.55
  depthOf(cam, _palm, 0)
  const dp = _d[0] - 0.02
  const sc = ((cam.pxPerM * cam.dist) / dp) * HAND_EMPHASIS
  // Seen edge-on the palm would vanish into a line: pad it by its projected thickness.
  const facing = towards < 0 ? -towards : towards
  const pi = open(l, PRIM_POLY, col, C_OUTLINE, hand)
  // Palm outline: wrist corners, thumb base and web, knuckles (hand-model.ts palmOutline).
  palmOutline(L, _outline)
  for (let q = 0; q < PALM_OUTLINE; q++) addPoint(l, cam, pi, _outline, q * 3)
  if (pi >= 0) { depth[pi] = dp; lineWidth[pi] = ol; outline[pi] = PALM_HALF_THICK * sc * (1 - facing) }
  // Palm side: two palm lines (the thenar crease and the line across); back: the knuckle line.
  if (facing > DETAIL_FACING) {
    const sgn = palmVisible ? PALM_HALF_THICK * HAND_EMPHASIS : -PALM_HALF_THICK * HAND_EMPHASIS
    for (let c = 0; c < (palmVisible ? 2 : 1); c++) {
      const ci = open(l, PRIM_CHAIN, C_SKIN_SHADE, -1, hand)
      for (let j = 0; j < (palmVisible ? 3 : 4); j++) {
        for (let k = 0; k < 3; k++) {
          let v: number
          if (!palmVisible) v = L[(5 + 4 * j) * 3 + k] + (L[k] - L[(5 + 4 * j) * 3 + k]) * 0.08
          else if (c === 0) v = j === 0 ? L[15 + k] * 0.7 + L[k] * 0.3 : j === 1 ? L[k] * 0.55 + L[15 + k] * 0.2 + L[27 + k] * 0.25 : L[k] * 0.85 + L[27 + k] * 0.15
          else v = j === 0 ? L[15 + k] * 0.45 + L[27 + k] * 0.3 + L[k] * 0.25 : j === 1 ? L[27 + k] * 0.35 + L[39 + k] * 0.35 + L[k] * 0.3 : L[51 + k] * 0.7 + L[k] * 0.3
          _w[k] = v + _pz[k] * sgn
        }
        addPoint(l, cam, ci, _w, 0)
      }
      if (ci >= 0) { depth[ci] = dp - 0.001; lineWidth[ci] = max(1, 0.0022 * sc) }
    }
  }
  // Thumb: a wide base (thenar) then the thumb itself, at the mean depth of its four joints.
  _d[0] = 0
  for (let j = 1; j <= 4; j++) project(cam, L, j * 3, _pt, 0, _d, 0)
  const dt = _d[0] / 4 - 0.02
  // Thumb and fingers slightly in front of the palm when the palm faces the camera (they lie on it).
  const bias = palmVisible ? -0.004 : 0.004
  for (let k = 0; k < 3; k++) _b[k] = L[k] + (L[3 + k] - L[k]) * 0.35
  let i = open(l, PRIM_TAPER, col, C_OUTLINE, hand)
  addPoint(l, cam, i, _b, 0); addPoint(l, cam, i, L, 3); addPoint(l, cam, i, L, 6)
  for (let k = 0; k < 3; k++) _rad[k] = THENAR_R[k] * sc
  taperRadius(l, i, 0, _rad, 0); taperRadius(l, i, 1, _rad, 1); taperRadius(l, i, 2, _rad, 2)
  if (i >= 0) { depth[i] = (dt < dp ? dt : dp) + bias * 0.5; outline[i] = ol }
  i = open(l, PRIM_TAPER, col, C_OUTLINE, hand)
  addPoint(l, cam, i, L, 6); addPoint(l, cam, i, L, 9); addPoint(l, cam, i, L, 12)
  for (let k = 0; k < 3; k++) _rad[k] = THUMB_R[k] * sc
  taperRadius(l, i, 0, _rad, 0); taperRadius(l, i, 1, _rad, 1); taperRadius(l, i, 2, _rad, 2)
  if (i >= 0) { depth[i] = dt + bias; outline[i] = ol }
  // Fingers, each its own outlined tapering chain, at the mean depth of its four joints.
  const A = pose.shapes[hand]
  for (let f = 0; f < 4; f++) {
    const b = 5 + 4 * f
    i = open(l, PRIM_TAPER, col, C_OUTLINE, hand)
    for (let j = 0; j < 4; j++) addPoint(l, cam, i, L, (b + j) * 3)
    for (let j = 0; j < 4; j++) _rad[j] = FINGER_W[f] * 0.5 * TAPER[j] * sc
    for (let j = 0; j < 4; j++) taperRadius(l, i, j, _rad, j)
    meanDepth(l, i)
    if (i < 0) continue
    depth[i] += bias - 0.02; outline[i] = ol
    const th = A[4 * f + 1] + A[4 * f + 2] + A[4 * f + 3]
    // A finger that is mostly straight grows out of the palm: drawn over its edge from either
    // side (a curled one keeps its depth: behind the back of a fist, in front of its palm side).
    if (th < STRAIGHT_RAD && depth[i] > dp - 0.001) depth[i] = dp - 0.001
    // The nail: on the back of the last segment, where that faces the camera.
    _w[0] = 0; _w[1] = sin(th); _w[2] = -cos(th)
    quatRotate(_nd, _q, _w)
    const nf = _nd[0] * cam.back[0] + _nd[1] * cam.back[1] + _nd[2] * cam.back[2]
    if (nf < NAIL_FACING) continue
    const ni = open(l, PRIM_ELLIPSE, C_NAIL, C_SKIN_SHADE, hand)
    if (ni < 0) continue
    for (let k = 0; k < 3; k++) _w[k] = L[(b + 2) * 3 + k] + (L[(b + 3) * 3 + k] - L[(b + 2) * 3 + k]) * 0.62 + _nd[k] * FINGER_RADIUS * HAND_EMPHASIS * 0.5
    const o = ni * DATA_STRIDE
    project(cam, _w, 0, l.data, o, _d, 0)
    // Along the projected last segment: its length, and its direction (kept within ±90°, so the
    // mirrored picture's ellipse is exactly the negated angle).
    const io = i * DATA_STRIDE
    const sx = data[io + 6] - data[io + 4]; const sy = data[io + 7] - data[io + 5]
    let rot = atan2(sy, sx)
    if (rot > PI / 2) rot -= PI; else if (rot <= -PI / 2) rot += PI
    const seg = sqrt(sx * sx + sy * sy)
    const wid = FINGER_W[f] * 0.5 * TAPER[3] * sc * 0.62
    data[o + 2] = max(wid * 0.7, seg * 0.34); data[o + 3] = wid; data[o + 4] = rot
    l.npts[ni] = 1
    depth[ni] = depth[i] - 0.0005; lineWidth[ni] = max(0.5, ol * 0.45)
  }
}

/** Stable insertion sort of the paint order, far (large depth) first. */
function sortByDepth (l: DrawList): void {
  const o = l.order; const d = l.depth
  for (let i = 0; i < l.count; i++) o[i] = i
  for (let i = 1; i < l.count; i++) {
    const v = o[i]; const dv = d[v]
    let j = i - 1
    while (j >= 0 && d[o[j]] < dv) { o[j + 1] = o[j]; j-- }
    o[j + 1] = v
  }
}

/** Dots per trail primitive (DATA_STRIDE holds 12 points). */
const DOTS_PER_PRIM = DATA_STRIDE / 2

/**
 * The movement trail of the item being signed (trail.ts): dots and an arrowhead at the end, over
 * everything (an annotation, as in the dictionary's illustrations).
 */
function buildTrail (l: DrawList, cam: Camera, pose: Pose, tr: Trail): void {
  const { data, depth, lineWidth, npts } = l
  let item = 0
  for (let k = tr.t0.length - 1; k >= 0; k--) if (pose.t >= tr.t0[k]) { item = k; break }
  const n = tr.count[item]
  if (n < 2) return
  const s = tr.start[item]
  const cap = 0.01 * (cam.width < cam.height ? cam.width : cam.height)
  const rr = TRAIL_DOT_M * cam.pxPerM
  const r = rr < 1.5 ? 1.5 : rr > cap ? cap : rr
  const first = l.count
  let i = -1
  for (let k = 0; k < n; k++) {
    if (k % DOTS_PER_PRIM === 0) {
      i = open(l, PRIM_DOTS, C_TRAIL, C_TRAIL_HALO, OWNER_TRAIL)
      if (i < 0) return
      lineWidth[i] = r; l.outline[i] = r * 0.9
    }
    addPoint(l, cam, i, tr.pts, (s + k) * 3)
  }
  const last = l.count - 1
  for (let j = first; j <= last; j++) depth[j] = -1
  // Arrowhead along the last stretch of the path, as drawn.
  const kb = n - 1 - 3 < 0 ? 0 : n - 1 - 3
  const ob = (first + ((kb / DOTS_PER_PRIM) | 0)) * DATA_STRIDE + 2 * (kb % DOTS_PER_PRIM)
  const oe = last * DATA_STRIDE + 2 * (npts[last] - 1)
  const ex = data[oe]; const ey = data[oe + 1]
  let ux = ex - data[ob]; let uy = ey - data[ob + 1]
  const ul = sqrt(ux * ux + uy * uy)
  if (ul < 1) return
  ux /= ul; uy /= ul
  const a = open(l, PRIM_POLY, C_TRAIL, C_TRAIL_HALO, OWNER_TRAIL)
  if (a < 0) return
  // (The corners' order is kept under the mirror, so the mirrored arrow is the exact flip.)
  const len = r * TRAIL_ARROW; const half = len * 0.55 * (cam.mirror ? -1 : 1)
  const o = a * DATA_STRIDE
  data[o] = ex + ux * len; data[o + 1] = ey + uy * len
  data[o + 2] = ex - uy * half; data[o + 3] = ey + ux * half
  data[o + 4] = ex + ux * len * 0.25; data[o + 5] = ey + uy * len * 0.25
  data[o + 6] = ex + uy * half; data[o + 7] = ey - ux * half
  npts[a] = 4
  depth[a] = -1; lineWidth[a] = r * 0.8
}

/**
 * Builds the draw list of a pose for a camera into `out` (reset first) and returns it, with the
 * movement trail of the item being signed when one is given. Paint order: background, then
 * everything far to near, the trail last. No allocation.
 */
export function buildDrawList (pose: Pose, cam: Camera, out: DrawList, trail: Trail | null = null): DrawList {
  const { data } = out
  out.count = 0
  out.width = cam.width; out.height = cam.height
  if (cam.closeUp) {
    // Frame the centroid of the dominant hand's landmarks (the whole hand, not just the palm).
    const L = pose.hands[0]
    _a[0] = 0; _a[1] = 0; _a[2] = 0
    for (let j = 0; j < LANDMARKS; j++) for (let k = 0; k < 3; k++) _a[k] += L[j * 3 + k] / LANDMARKS
    aimCloseUp(cam, _a)
  }
  const bg = open(out, PRIM_RECT, C_BG, -1, OWNER_BODY)
  if (bg >= 0) {
    out.depth[bg] = 1e9
    const o = bg * DATA_STRIDE
    data[o] = 0; data[o + 1] = 0; data[o + 2] = cam.width; data[o + 3] = cam.height; out.npts[bg] = 2
  }
  buildTorso(out, cam, pose)
  buildHead(out, cam, pose)
  buildArm(out, cam, pose, 0)
  buildArm(out, cam, pose, 1)
  buildHand(out, cam, pose, 0)
  buildHand(out, cam, pose, 1)
  if (trail) buildTrail(out, cam, pose, trail)
  sortByDepth(out)
  return out
}
