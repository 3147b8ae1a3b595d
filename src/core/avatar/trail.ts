/**
 * Movement made visible (docs/avatar.md, "Trail"): the dotted path with an arrowhead that the
 * national dictionary's illustrations draw, computed once per timeline and drawn per frame from
 * preallocated arrays (drawlist.ts), and the view a sign is best watched from.
 *
 * The path of each item is the dominant hand's leading point over the item's movement phase: the
 * index fingertip when the index is extended, else the palm centre. It is cut at the first time
 * the hand turns back (a tap, a repeated stroke: the arrow shows the first stroke's direction, as
 * the illustrations do) and resampled evenly along its length (TRAIL_SPACING_M, at most
 * TRAIL_MAX_DOTS). Paths shorter than TRAIL_MIN_M (a wiggle, a twist) have no trail.
 */
import { LINE_SIZE_M, START_HOLD_S, TRAIL_MAX_DOTS, TRAIL_MIN_M, TRAIL_SPACING_M, TRAIL_TURN_COS } from './constants'
import { type CameraView, CAMERA_DIST_M, FRAME_MARGIN_M, FRAME_DROP_M, FRAME_RISE_M, FRAME_WIDEN_M, FULL_TARGET, FULL_VIEW_M } from './camera'
import { flattenPar } from './movements'
import { LANDMARKS, PALM_OUTLINE, palmOutline } from './hand-model'
import { dirVec } from './orient'
import { createPose, samplePose } from './pose'
import { resolveBodySite } from './site-geometry'
import type { Timeline, TimelineItem } from './timeline-types'
import type { Location, Movement, Orientation } from '../sign/types'
import { getHandshapeForm } from '../sign/handshape-forms'
import { abs, clamp, hypot, max, min, round, sub3, vec3, f32, f64 } from './math'

export interface Trail {
  /** Per item of the timeline: first dot (index into pts / 3) and number of dots (0: no trail). */
  start: Int32Array
  count: Int32Array
  /** Per item: the time it is drawn from (the start of the item's span on the timeline). */
  t0: Float64Array
  /** Dot positions (avatar space, xyz). */
  pts: Float32Array
  /**
   * Framing (camera.ts aimFull): knot times (s) and the full view's target height (m) at each,
   * eased between them. Per item two knots, the start of its start hold and the end of its
   * movement, hold the height that keeps the hands in the picture; 0 and the end are at rest.
   * fw: how much taller (m) the view is made there (FRAME_WIDEN_M at most).
   */
  ft: Float64Array
  fy: Float64Array
  fw: Float64Array
}

/** Seconds between path samples. */
const SAMPLE_DT = 1 / 120
/** rad: the index counts as extended (its tip leads) below this summed flexion. */
const INDEX_STRAIGHT_RAD = 1.2

/** The trail of every item of a timeline (compile time: allocation is fine here). */
export function computeTrail (tl: Timeline): Trail {
  const n = tl.items.length
  const start = new Int32Array(n); const count = new Int32Array(n)
  const t0 = f64(n)
  const all: number[] = []
  const pose = createPose()
  const Y: number = FULL_TARGET[1]
  const ft = [0]; const fy = [Y]; const fw = [0]
  // Framing: the left hand counts once its wrist is 3 cm above where it hangs at rest (t 0).
  const restY = samplePose(tl, 0, pose).hands[1][1] + 0.03
  const outline = f64(PALM_OUTLINE * 3)
  for (let k = 0; k < n; k++) {
    t0[k] = tl.items[k].t0
    start[k] = all.length / 3
    // From the start posture (its hold) to the end of the movement (m0 = m1: a sign without one).
    const ph = tl.phases.filter(p => p.item === k)
    const m0 = ph[0].t1; const m1 = ph[ph.length - 1].t0
    // The leading point, chosen at the start of the movement.
    samplePose(tl, m0, pose)
    const A = pose.shapes[0]
    const lead = A[1] + A[2] + A[3] < INDEX_STRAIGHT_RAD ? 8 : -1
    const path: number[] = []
    // Framing: the lowest and highest point of the signing hands, at the target's depth
    // (perspective: a hand forward looks farther from the centre). The full view lowers or raises
    // its target just enough to keep them in (raising wins: the face stays in), at most
    // FRAME_DROP_M (+ FRAME_WIDEN_M, aimFull widens) / FRAME_RISE_M, from the start of the start
    // hold to the end of the movement.
    let lo = 9; let hi = -9
    /** Widens [lo, hi] by point i of P as the default camera sees its height. */
    const see = (P: ArrayLike<number>, i: number): void => {
      const y = Y + (P[i + 1] - Y) * CAMERA_DIST_M / (CAMERA_DIST_M + FULL_TARGET[2] - P[i + 2])
      lo = min(lo, y); hi = max(hi, y)
    }
    for (let t = m0; t <= m1 + 1e-9; t += SAMPLE_DT) {
      samplePose(tl, min(t, m1), pose)
      for (let h = 0; h < 2; h++) {
        const L = pose.hands[h]
        if (h === 1 && L[1] <= restY) continue
        // The landmarks, then the palm's two wrist corners as drawn (radial, ulnar: 4–5 cm beside
        // the wrist, a hand tilted down reaches below its landmarks: 一月 苗).
        for (let j = 0; j < LANDMARKS * 3; j += 3) see(L, j)
        palmOutline(L, outline)
        see(outline, 0); see(outline, (PALM_OUTLINE - 1) * 3)
      }
      const L = pose.hands[0]
      for (let c = 0; c < 3; c++) path.push(lead >= 0 ? L[lead * 3 + c] : L[c] + (L[27 + c] - L[c]) * 0.55)
    }
    const half = FULL_VIEW_M / 2 - FRAME_MARGIN_M
    const y = clamp(max(min(Y, lo + half), hi - half), Y - FRAME_DROP_M - FRAME_WIDEN_M, Y + FRAME_RISE_M)
    // Below the deepest drop the view widens, its top kept; so does a sign too tall for the view
    // (侗族: from the top of the head down to the chest), its top kept, up to FRAME_WIDEN_M.
    const w = y < Y - FRAME_DROP_M ? Y - FRAME_DROP_M - y : min(FRAME_WIDEN_M, max(0, hi - lo - 2 * half))
    const c = y < Y - FRAME_DROP_M ? y + w / 2 : y - w / 2
    ft.push(m0 - START_HOLD_S, m1); fy.push(c, c); fw.push(w, w)
    // A path shorter than TRAIL_MIN_M (a sign without movement: one point) has no dots.
    const dots = resample(cutAtTurn(path))
    all.push(...dots)
    count[k] = dots.length / 3
  }
  ft.push(tl.duration); fy.push(Y); fw.push(0)
  return { start, count, t0, pts: f32(all), ft: f64(ft), fy: f64(fy), fw: f64(fw) }
}

/** The path up to the first point where it turns back (direction over ~1.5 cm reverses by > 135°). */
function cutAtTurn (p: number[]): number[] {
  let prev: [number, number, number] | null = null
  // (i and anchor: the x index of a point.)
  let anchor = 0
  for (let i = 3; i < p.length; i += 3) {
    const dx = p[i] - p[anchor]; const dy = p[i + 1] - p[anchor + 1]; const dz = p[i + 2] - p[anchor + 2]
    const len = hypot(dx, dy, dz)
    if (len < 0.015) continue
    const dir: [number, number, number] = [dx / len, dy / len, dz / len]
    if (prev && dir[0] * prev[0] + dir[1] * prev[1] + dir[2] * prev[2] < TRAIL_TURN_COS) return p.slice(0, anchor + 3)
    prev = dir
    anchor = i
  }
  return p
}

/** Evenly spaced dots along a polyline: TRAIL_SPACING_M apart (wider on long paths), none if it is too short. */
function resample (p: number[]): number[] {
  /** The length of the piece ending at each point (x index i). */
  const piece = [0]
  let total = 0
  for (let i = 3; i < p.length; i += 3) {
    const len = hypot(p[i] - p[i - 3], p[i + 1] - p[i - 2], p[i + 2] - p[i - 1])
    piece.push(len)
    total += len
  }
  if (total < TRAIL_MIN_M) return []
  const dots = min(TRAIL_MAX_DOTS, max(3, round(total / TRAIL_SPACING_M) + 1))
  const step = total / (dots - 1)
  const out = p.slice(0, 3)
  let walked = 0; let next = step
  for (let i = 3; i < p.length && out.length < dots * 3; i += 3) {
    const seg = piece[i / 3]
    while (seg > 0 && walked + seg >= next - 1e-9 && out.length < dots * 3) {
      const u = (next - walked) / seg
      for (let c = i - 3; c < i; c++) out.push(p[c] + (p[c + 3] - p[c]) * u)
      next += step
    }
    walked += seg
  }
  if (out.length < dots * 3) out.push(...p.slice(-3))
  return out
}

// ---------------------------------------------------------------------------------------------
// The view a sign is best watched from, and whether its hand should be shown close up.

export interface ViewAdvice {
  /** '45' when the dominant hand moves mainly toward or away from the viewer (invisible from the front). */
  view: CameraView
  /** The sign's meaning is in small finger movements (wiggle, rub, tremble, opening or closing the hand). */
  closeUp: boolean
}


/** The circle plane normal to x, y, z: side, horizontal, vertical. */
const PLANE_BY_NORMAL = 'shv'

/** Sizes of movements along x (lateral), y, z (depth), accumulated from the notation. */
function accumulate (ms: readonly Movement[], from: Location | null, acc: number[], sideX: number): void {
  const v = vec3(); const a = vec3(); const n = vec3()
  for (const m of ms) {
    // Each axis gains |v| × size: a stroke's direction, a circle's plane, a move's displacement.
    let size: number = LINE_SIZE_M[('size' in m && m.size) || 'm']
    switch (m.kind) {
      case 'line': case 'zigzag': case 'wave': case 'arc': case 'brush':
        dirVec(m.dir, sideX, v)
        if (m.kind === 'brush') size = 0.08
        break
      case 'circle':
        // Its size in the two axes of its plane, none along its normal (s: x, h: y, v: z): a circle
        // in the vertical plane reads from the front; a horizontal or side-view one half in depth.
        v.fill(1)[PLANE_BY_NORMAL.indexOf(m.plane)] = 0
        acc[3] = 1
        break
      case 'to':
        // (resolveBodySite: false for a site that is not on the body or in space.)
        if (!from || !resolveBodySite(from, sideX, a, n) || !resolveBodySite(m.at, sideX, v, n)) continue
        sub3(v, v, a)
        size = 1
        from = m.at
        break
      case 'par': case 'repeat': accumulate(m.items, from, acc, sideX); continue
      default: continue
    }
    for (let j = 0; j < 3; j++) acc[j] += abs(v[j]) * size
  }
}

/** Movements whose meaning is in the fingers (worth the hand close-up), also inside par and repeat. */
function fine (ms: readonly Movement[]): boolean {
  return flattenPar(ms).some(m => /^(wiggle|flex|rub|trill|shape)$/.test(m.kind))
}

/**
 * Whether a hand's figure is edge-on from the front: the palm to the side (p:c, p:i) and two or
 * three digits apart in the palm's plane (V, L, ILY, three, Y: not a fist, one finger or a flat
 * hand, which read edge-on as they are). 秘鲁's V at the head, 旅's ILY on the fist, 木's and
 * 电池's L pointing forward: from the front the digits overlap (V reads as one finger).
 */
function edgeOn (hs: string, o: Orientation, v: Float64Array): boolean {
  const f = getHandshapeForm(hs)
  const n = f ? f.fingers.filter(c => 'Ee'.includes(c)).length : 4
  return n < 4 && n + (f!.thumb === 'out' ? 1 : 0) > 1 && abs(dirVec(o.palm, -1, v)[0]) > 0.8
}

/**
 * The view and close-up a sequence is best watched in (the player uses them unless the viewer chose):
 * 45° when the dominant hand's movement is mainly in depth (以前, 路: toward or away from the
 * viewer) or when most items show the hand edge-on from the front (edgeOn: its start posture, or
 * the one its shape and orient movements end in, 电池), the close-up offered when the movement is in
 * the fingers.
 */
export function viewAdvice (items: readonly TimelineItem[]): ViewAdvice {
  const acc = [0, 0, 0, 0]
  let closeUp = false
  // A hand whose fingers point at the viewer is foreshortened to a lump from the front (飞机's
  // thumb-index-little hand flying up and forward: the book draws it side-on): a straight movement
  // (no circle: acc[3]) as much in depth as across or up is then enough for 45°.
  let atViewer = false
  let edge = 0
  const v = vec3()
  for (const it of items) {
    const { handshape, orient, loc, moves } = it.sign.dom
    accumulate(moves, loc, acc, -1)
    if (fine(moves)) closeUp = true
    if (dirVec(orient.finger, -1, v)[2] > 0.7) atViewer = true
    // The held postures: the start, and the end a shape or orient movement leaves (电池).
    let hs = handshape; let o = orient
    for (const m of moves) {
      if (m.kind === 'shape') hs = m.handshape
      if (m.kind === 'orient') o = m.orient
    }
    if (edgeOn(handshape, orient, v) || edgeOn(hs, o, v)) edge++
  }
  const depth = acc[2]; const flat = max(acc[0], acc[1])
  return { view: edge * 2 > items.length || (depth >= 0.05 && depth > (atViewer && acc[3] === 0 ? 0.99 : 1.2) * flat) ? '45' : 'front', closeUp }
}
