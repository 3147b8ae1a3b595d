/**
 * Pose + camera → a flat draw list (signing-avatar.md §6.5 step 11): primitives in typed arrays,
 * style indices into a constant palette, depth-sorted into paint order. Renderers only execute it
 * (render.ts); tests read it. buildDrawList allocates nothing.
 *
 * Legibility rules (competitors-and-data.md §5: "indistinct hand shapes"): hands are 1.2× life size,
 * every finger is outlined, fingers and palm are depth-sorted per frame, and the palm side is
 * shaded lighter than the back of the hand so a learner sees which way the hand faces.
 */
import { type Camera, aimCloseUp, project, scaleAt } from './camera'
import { HAND_EMPHASIS } from './constants'
import { LANDMARKS, PALM_HALF_THICK } from './hand-model'
import { quatAxis } from './math'
import { type Pose, torsoToWorld } from './pose'
import { BODY, J_HEAD, J_L_ELBOW, J_L_SHOULDER, J_L_WRIST, J_NECK, J_R_ELBOW, J_R_SHOULDER, J_R_WRIST } from './skeleton'
import {
  F_BROW_FURROW, F_BROW_RAISE, F_BROW_SAD, F_CHEEK_PUFF, F_EYE_OPEN, F_EYE_WIDE, F_GAZE_X, F_GAZE_Y, F_MOUTH_OPEN,
  F_MOUTH_PURSE, F_MOUTH_ROUND, F_MOUTH_SMILE
} from './timeline'

export const PRIM_RECT = 1
export const PRIM_POLY = 2
/** Capsule polyline: outline stroke then fill stroke, round caps and joins. */
export const PRIM_CHAIN = 3
export const PRIM_ELLIPSE = 4
/** Floats of point / shape data per primitive (up to 12 points). */
export const DATA_STRIDE = 24

/** Calm palette (fill/stroke indices refer to it). */
export const PALETTE = Object.freeze([
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
  '#E9B48E' // 16 neck
] as const)
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
  /** Which hand each primitive belongs to (0 right, 1 left, 255 body): lets tests find the hands. */
  owner: Uint8Array
}

export function createDrawList (capacity = 96): DrawList {
  return {
    capacity,
    count: 0,
    width: 0,
    height: 0,
    kind: new Uint8Array(capacity),
    fill: new Int8Array(capacity),
    stroke: new Int8Array(capacity),
    lineWidth: new Float32Array(capacity),
    outline: new Float32Array(capacity),
    npts: new Uint8Array(capacity),
    depth: new Float32Array(capacity),
    data: new Float32Array(capacity * DATA_STRIDE),
    order: new Uint16Array(capacity),
    owner: new Uint8Array(capacity)
  }
}

// Scratch
const _pt = new Float32Array(2)
const _w = new Float64Array(3)
const _a = new Float64Array(3)
const _b = new Float64Array(3)
const _c = new Float64Array(3)
const _q = new Float64Array(4)
const _hx = new Float64Array(3)
const _hy = new Float64Array(3)
const _hz = new Float64Array(3)
const _head = new Float64Array(3)
const _palm = new Float64Array(3)
const _pz = new Float64Array(3)
const _tmp = new Float64Array(LANDMARKS * 3)

/** Opens a primitive; returns its index or −1 when the list is full (never throws per frame). */
function open (l: DrawList, kind: number, fill: number, stroke: number, lw: number, outline: number, depth: number, owner: number): number {
  if (l.count >= l.capacity) return -1
  const i = l.count++
  l.kind[i] = kind; l.fill[i] = fill; l.stroke[i] = stroke; l.lineWidth[i] = lw; l.outline[i] = outline
  l.depth[i] = depth; l.npts[i] = 0; l.owner[i] = owner
  return i
}

/** Projects a world point and appends it to primitive i; returns its depth. */
function addPoint (l: DrawList, cam: Camera, i: number, p: ArrayLike<number>, pi: number): number {
  if (i < 0) return 0
  const n = l.npts[i]
  if (n >= DATA_STRIDE / 2) return 0
  const d = project(cam, p, pi, l.data, i * DATA_STRIDE + n * 2)
  l.npts[i] = n + 1
  return d
}

/** Head-local point (head rest frame, metres) → world, into out. */
function headPoint (_pose: Pose, x: number, y: number, z: number, out: Float64Array): Float64Array {
  out[0] = _head[0] + _hx[0] * x + _hy[0] * y + _hz[0] * z
  out[1] = _head[1] + _hx[1] * x + _hy[1] * y + _hz[1] * z
  out[2] = _head[2] + _hx[2] * x + _hy[2] * y + _hz[2] * z
  return out
}

function headChain (l: DrawList, cam: Camera, pose: Pose, depth: number, color: number, widthM: number, x0: number, y0: number, x1: number, y1: number, x2: number, y2: number, z: number): void {
  const s = scaleAt(cam, depth)
  const i = open(l, PRIM_CHAIN, color, -1, Math.max(1, widthM * s), 0, depth, 255)
  addPoint(l, cam, i, headPoint(pose, x0, y0, z, _w), 0)
  addPoint(l, cam, i, headPoint(pose, x1, y1, z + 0.004, _w), 0)
  addPoint(l, cam, i, headPoint(pose, x2, y2, z, _w), 0)
}

function headEllipse (l: DrawList, cam: Camera, pose: Pose, depth: number, fill: number, stroke: number, lw: number, x: number, y: number, z: number, rx: number, ry: number): void {
  const s = scaleAt(cam, depth)
  const i = open(l, PRIM_ELLIPSE, fill, stroke, lw, 0, depth, 255)
  if (i < 0) return
  headPoint(pose, x, y, z, _w)
  project(cam, _w, 0, l.data, i * DATA_STRIDE)
  // Foreshortening: the feature is on the face plane, so its width shrinks as the head turns away.
  const facing = Math.abs(_hz[0] * cam.back[0] + _hz[2] * cam.back[2])
  l.data[i * DATA_STRIDE + 2] = Math.max(0.5, rx * s * (0.35 + 0.65 * facing))
  l.data[i * DATA_STRIDE + 3] = Math.max(0.5, ry * s)
  l.data[i * DATA_STRIDE + 4] = 0
  l.npts[i] = 1
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
  // Depth of the chest, pushed back so arms at the same depth paint over it.
  _a[0] = 0; _a[1] = 1.2; _a[2] = 0
  torsoToWorld(pose, _a, _a)
  const dc = project(cam, _a, 0, _pt, 0) + 0.12
  const i = open(l, PRIM_POLY, C_SHIRT, C_SHIRT_LINE, 1.5, 0, dc, 255)
  const rx = cam.right[0]; const rz = cam.right[2]
  for (let side = -1; side <= 1; side += 2) {
    for (let k = 0; k < TORSO_LEVELS.length; k++) {
      const lv = TORSO_LEVELS[side < 0 ? k : TORSO_LEVELS.length - 1 - k]
      const ext = Math.sqrt(lv[1] * lv[1] * rx * rx + lv[2] * lv[2] * rz * rz)
      _a[0] = 0; _a[1] = lv[0]; _a[2] = lv[3]
      torsoToWorld(pose, _a, _a)
      _a[0] += side * ext * rx; _a[2] += side * ext * rz
      addPoint(l, cam, i, _a, 0)
    }
  }
  // Neck.
  const J = pose.joints
  const dn = project(cam, J, J_NECK * 3, _pt, 0) + 0.06
  const n = open(l, PRIM_CHAIN, C_NECK, -1, 0.085 * scaleAt(cam, dn), 0, dn, 255)
  addPoint(l, cam, n, J, J_NECK * 3)
  _b[0] = J[J_HEAD * 3]; _b[1] = J[J_HEAD * 3 + 1] - 0.07; _b[2] = J[J_HEAD * 3 + 2] - 0.01
  addPoint(l, cam, n, _b, 0)
}

function buildHead (l: DrawList, cam: Camera, pose: Pose): void {
  const J = pose.joints
  _head[0] = J[J_HEAD * 3]; _head[1] = J[J_HEAD * 3 + 1]; _head[2] = J[J_HEAD * 3 + 2]
  for (let k = 0; k < 4; k++) _q[k] = pose.headQuat[k]
  quatAxis(_hx, _q, 0); quatAxis(_hy, _q, 1); quatAxis(_hz, _q, 2)
  const d = project(cam, _head, 0, _pt, 0) + 0.03
  const s = scaleAt(cam, d)
  const R = BODY.headRadii
  const f = pose.face
  const line = Math.max(1, 0.0028 * cam.height)
  // Ears (behind the head ellipse), hair cap, head.
  for (let side = -1; side <= 1; side += 2) headEllipse(l, cam, pose, d, C_SKIN, C_OUTLINE, line * 0.6, side * 0.077, -0.005, -0.005, 0.014, 0.027)
  const hairI = open(l, PRIM_ELLIPSE, C_HAIR, -1, 0, 0, d, 255)
  const headI = open(l, PRIM_ELLIPSE, C_SKIN, C_OUTLINE, line * 0.6, 0, d, 255)
  const rxs = s * Math.sqrt((R[0] * (_hx[0] * cam.right[0] + _hx[2] * cam.right[2])) ** 2 + (R[2] * (_hz[0] * cam.right[0] + _hz[2] * cam.right[2])) ** 2)
  const rot0 = Math.atan2(_hy[0] * cam.right[0] + _hy[2] * cam.right[2], _hy[1])
  const rot = cam.mirror ? -rot0 : rot0
  if (hairI >= 0) {
    headPoint(pose, 0, 0.03, -0.015, _w)
    project(cam, _w, 0, l.data, hairI * DATA_STRIDE)
    l.data[hairI * DATA_STRIDE + 2] = rxs * 1.07; l.data[hairI * DATA_STRIDE + 3] = s * R[1] * 0.88; l.data[hairI * DATA_STRIDE + 4] = rot; l.npts[hairI] = 1
  }
  if (headI >= 0) {
    project(cam, _head, 0, l.data, headI * DATA_STRIDE)
    l.data[headI * DATA_STRIDE + 2] = rxs; l.data[headI * DATA_STRIDE + 3] = s * R[1]; l.data[headI * DATA_STRIDE + 4] = rot; l.npts[headI] = 1
  }
  // Face features only when the face is turned toward the camera.
  const facing = _hz[0] * cam.back[0] + _hz[1] * cam.back[1] + _hz[2] * cam.back[2]
  // Down to a profile (side view) the near-side features stay visible.
  if (facing < -0.3) return
  // Hair: the top of the head down to a soft hairline on the forehead.
  // (In near-profile the fringe would collapse into a stripe across the face: the cap is enough.)
  const fr = facing > 0.35 ? open(l, PRIM_POLY, C_HAIR, -1, 0, 0, d, 255) : -1
  for (let k = 0; k <= 6; k++) {
    const a = Math.PI * (0.03 + (0.94 * k) / 6)
    addPoint(l, cam, fr, headPoint(pose, -Math.cos(a) * R[0] * 1.04, Math.sin(a) * R[1] * 1.03, 0.012, _w), 0)
  }
  for (let k = 0; k <= 6; k++) {
    const x = R[0] * (0.98 - (1.96 * k) / 6)
    const u = x / R[0]
    // Hairline: lower at the temples, a small parting dip off-centre.
    const y = 0.038 + 0.02 * (1 - u * u) - (Math.abs(u - 0.25) < 0.2 ? 0.006 : 0)
    addPoint(l, cam, fr, headPoint(pose, x, y, R[2] * Math.sqrt(Math.max(0, 1 - u * u * 0.9)) * 0.92, _w), 0)
  }
  // Eyes: white, pupil (gaze), lid closes for blinks.
  const open01 = Math.max(0, Math.min(1.3, f[F_EYE_OPEN] + 0.3 * f[F_EYE_WIDE]))
  const sideways = _hx[0] * cam.back[0] + _hx[1] * cam.back[1] + _hx[2] * cam.back[2]
  for (let side = -1; side <= 1; side += 2) {
    // Each eye faces a little outward: draw it only if it is turned toward the camera.
    if (0.5 * side * sideways + 0.87 * facing < 0.05) continue
    const ex = side * 0.031
    if (open01 > 0.18) {
      headEllipse(l, cam, pose, d, C_EYE, C_OUTLINE, line * 0.5, ex, 0.012, 0.083, 0.0135, 0.0095 * open01)
      headEllipse(l, cam, pose, d, C_PUPIL, -1, 0, ex + 0.0045 * f[F_GAZE_X], 0.012 + 0.003 * f[F_GAZE_Y], 0.088, 0.0062, Math.min(0.0062, 0.0095 * open01))
    } else {
      headChain(l, cam, pose, d, C_OUTLINE, 0.0022, ex - 0.012, 0.011, ex, 0.009, ex + 0.012, 0.011, 0.086)
    }
    // Brows: raise lifts them, furrow pulls the inner ends down and in, sadness lifts the inner ends.
    const lift = 0.009 * f[F_BROW_RAISE]
    const inner = -0.006 * f[F_BROW_FURROW] + 0.006 * f[F_BROW_SAD]
    const outer = -0.003 * f[F_BROW_SAD]
    headChain(l, cam, pose, d, C_BROW, 0.0048,
      side * (0.014 + 0.003 * f[F_BROW_FURROW] * -1), 0.032 + lift + inner,
      side * 0.03, 0.037 + lift + inner * 0.4,
      side * 0.047, 0.031 + lift + outer, 0.086)
  }
  // Nose.
  headChain(l, cam, pose, d, C_SKIN_SHADE, 0.003, 0, -0.004, -0.003, -0.02, 0.004, -0.024, 0.097)
  // Cheeks: puffed cheeks and a big smile show as blush.
  const puff = f[F_CHEEK_PUFF]
  if (puff > 0.1 || f[F_MOUTH_SMILE] > 0.6) {
    const r = 0.012 + 0.01 * puff
    for (let side = -1; side <= 1; side += 2) headEllipse(l, cam, pose, d, C_BLUSH, -1, 0, side * (0.05 + 0.006 * puff), -0.03, 0.07, r, r * 0.75)
  }
  // Mouth: 8-point polygon driven by open / round / smile / purse.
  const smile = f[F_MOUTH_SMILE]; const op = Math.max(0, f[F_MOUTH_OPEN]); const round = f[F_MOUTH_ROUND]; const purse = f[F_MOUTH_PURSE]
  const w = 0.022 * Math.max(0.35, 1 + 0.22 * smile - 0.4 * round - 0.45 * purse)
  const h = 0.024 * op + 0.006 * round
  const c = 0.006 * smile
  const u0 = 0.002 + 0.3 * h
  const l0 = -0.002 - 0.7 * h - Math.max(0, smile) * 0.004
  const my = -0.056; const mz = 0.089
  const mi = open(l, PRIM_POLY, op > 0.2 || round > 0.3 ? C_MOUTH : C_LIPS, C_LIPS, Math.max(1, 0.0035 * s), 0, d, 255)
  addPoint(l, cam, mi, headPoint(pose, -w, my + c, mz - 0.006, _w), 0)
  addPoint(l, cam, mi, headPoint(pose, -w / 2, my + u0 * 0.85 + c * 0.35, mz, _w), 0)
  addPoint(l, cam, mi, headPoint(pose, 0, my + u0, mz + 0.002, _w), 0)
  addPoint(l, cam, mi, headPoint(pose, w / 2, my + u0 * 0.85 + c * 0.35, mz, _w), 0)
  addPoint(l, cam, mi, headPoint(pose, w, my + c, mz - 0.006, _w), 0)
  addPoint(l, cam, mi, headPoint(pose, w / 2, my + l0 * 0.8 + c * 0.3, mz, _w), 0)
  addPoint(l, cam, mi, headPoint(pose, 0, my + l0, mz + 0.002, _w), 0)
  addPoint(l, cam, mi, headPoint(pose, -w / 2, my + l0 * 0.8 + c * 0.3, mz, _w), 0)
}

function buildArm (l: DrawList, cam: Camera, pose: Pose, hand: 0 | 1): void {
  const J = pose.joints
  const js = hand === 0 ? J_R_SHOULDER : J_L_SHOULDER
  const je = hand === 0 ? J_R_ELBOW : J_L_ELBOW
  const jw = hand === 0 ? J_R_WRIST : J_L_WRIST
  const color = hand === 0 ? C_SLEEVE : C_SLEEVE_FAR
  const ol = Math.max(1, 0.0025 * cam.height)
  // Depth: mean of the ends, each computed from a projection into scratch.
  let d = (project(cam, J, js * 3, _pt, 0) + project(cam, J, je * 3, _pt, 0)) / 2
  let i = open(l, PRIM_CHAIN, color, C_SHIRT_LINE, 0.095 * scaleAt(cam, d), ol, d, hand)
  addPoint(l, cam, i, J, js * 3); addPoint(l, cam, i, J, je * 3)
  d = (project(cam, J, je * 3, _pt, 0) + project(cam, J, jw * 3, _pt, 0)) / 2
  i = open(l, PRIM_CHAIN, color, C_SHIRT_LINE, 0.078 * scaleAt(cam, d), ol, d, hand)
  addPoint(l, cam, i, J, je * 3)
  // End the sleeve a little before the wrist so the hand's base is visible.
  for (let k = 0; k < 3; k++) _a[k] = J[jw * 3 + k] + (J[je * 3 + k] - J[jw * 3 + k]) * 0.12
  addPoint(l, cam, i, _a, 0)
}

/** Finger widths (m, life size): index, middle, ring, pinky; thumb. */
const FINGER_W = [0.0175, 0.0182, 0.0172, 0.0152]
const THUMB_W = 0.0195

function buildHand (l: DrawList, cam: Camera, pose: Pose, hand: 0 | 1): void {
  const lm = pose.hands[hand]
  for (let k = 0; k < LANDMARKS * 3; k++) _tmp[k] = lm[k]
  const L = _tmp
  for (let k = 0; k < 4; k++) _q[k] = pose.handQuat[hand * 4 + k]
  quatAxis(_pz, _q, 2)
  // Palm side toward the camera → lighter palm colour.
  const palmVisible = _pz[0] * cam.back[0] + _pz[1] * cam.back[1] + _pz[2] * cam.back[2] > 0
  const col = palmVisible ? C_PALM : C_SKIN
  const ol = Math.max(1, 0.0032 * Math.min(cam.height, cam.width * 1.3)) * (cam.closeUp ? 1.4 : 1)
  // Palm centre depth; the whole hand is nudged in front of its own forearm.
  for (let k = 0; k < 3; k++) _palm[k] = L[k] + (L[27 + k] - L[k]) * 0.55
  const dp = project(cam, _palm, 0, _pt, 0) - 0.02
  const sc = scaleAt(cam, dp) * HAND_EMPHASIS
  // Seen edge-on the palm would vanish into a line: pad it by its projected thickness.
  const facing = Math.abs(_pz[0] * cam.back[0] + _pz[1] * cam.back[1] + _pz[2] * cam.back[2])
  const pad = PALM_HALF_THICK * sc * (1 - facing)
  const pi = open(l, PRIM_POLY, col, C_OUTLINE, ol, pad, dp, hand)
  // Palm outline: radial wrist, thumb CMC, MCPs, ulnar wrist.
  for (let k = 0; k < 3; k++) _a[k] = L[k] + (L[15 + k] - L[51 + k]) * 0.3
  addPoint(l, cam, pi, _a, 0)
  addPoint(l, cam, pi, L, 3)
  addPoint(l, cam, pi, L, 15); addPoint(l, cam, pi, L, 27); addPoint(l, cam, pi, L, 39); addPoint(l, cam, pi, L, 51)
  for (let k = 0; k < 3; k++) _a[k] = L[k] + (L[51 + k] - L[15 + k]) * 0.55 + (L[27 + k] - L[k]) * 0.12
  addPoint(l, cam, pi, _a, 0)
  // Thumb: a wide base (thenar) then the thumb itself.
  let dt = 0
  for (let j = 1; j <= 4; j++) dt += project(cam, L, j * 3, _pt, 0)
  dt = dt / 4 - 0.02
  // Thumb and fingers slightly in front of the palm when the palm faces the camera (they lie on it).
  const bias = palmVisible ? -0.004 : 0.004
  for (let k = 0; k < 3; k++) { _b[k] = L[k] + (L[3 + k] - L[k]) * 0.6; _c[k] = L[3 + k] + (L[6 + k] - L[3 + k]) * 0.6 }
  let i = open(l, PRIM_CHAIN, col, C_OUTLINE, 0.03 * sc, ol, Math.min(dt, dp) + bias * 0.5, hand)
  addPoint(l, cam, i, _b, 0); addPoint(l, cam, i, _c, 0)
  i = open(l, PRIM_CHAIN, col, C_OUTLINE, THUMB_W * sc, ol, dt + bias, hand)
  addPoint(l, cam, i, L, 6); addPoint(l, cam, i, L, 9); addPoint(l, cam, i, L, 12)
  // Fingers, each its own outlined capsule chain.
  for (let f = 0; f < 4; f++) {
    const b = 5 + 4 * f
    let df = 0
    for (let j = 0; j < 4; j++) df += project(cam, L, (b + j) * 3, _pt, 0)
    df = df / 4 - 0.02 + bias
    i = open(l, PRIM_CHAIN, col, C_OUTLINE, FINGER_W[f] * sc, ol, df, hand)
    for (let j = 0; j < 4; j++) addPoint(l, cam, i, L, (b + j) * 3)
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

/**
 * Builds the draw list of a pose for a camera into `out` (reset first) and returns it.
 * Paint order: background, then everything far to near. No allocation.
 */
export function buildDrawList (pose: Pose, cam: Camera, out: DrawList): DrawList {
  out.count = 0
  out.width = cam.width; out.height = cam.height
  if (cam.closeUp) {
    // Frame the centroid of the dominant hand's landmarks (the whole hand, not just the palm).
    const L = pose.hands[0]
    _a[0] = 0; _a[1] = 0; _a[2] = 0
    for (let j = 0; j < LANDMARKS; j++) for (let k = 0; k < 3; k++) _a[k] += L[j * 3 + k] / LANDMARKS
    aimCloseUp(cam, _a)
  }
  const bg = open(out, PRIM_RECT, C_BG, -1, 0, 0, 1e9, 255)
  if (bg >= 0) {
    const o = bg * DATA_STRIDE
    out.data[o] = 0; out.data[o + 1] = 0; out.data[o + 2] = cam.width; out.data[o + 3] = cam.height; out.npts[bg] = 2
  }
  buildTorso(out, cam, pose)
  buildHead(out, cam, pose)
  buildArm(out, cam, pose, 0)
  buildArm(out, cam, pose, 1)
  buildHand(out, cam, pose, 0)
  buildHand(out, cam, pose, 1)
  sortByDepth(out)
  return out
}
