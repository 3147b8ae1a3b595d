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
import { TRAIL_MAX_DOTS, TRAIL_MIN_M, TRAIL_SPACING_M, TRAIL_TURN_COS } from './constants'
import { type CameraView } from './camera'
import { dirVec } from './orient'
import { createPose, samplePose } from './pose'
import { SITE_GEO, resolveBodySite } from './site-geometry'
import type { Timeline, TimelineItem } from './timeline-types'
import type { Location, Movement, SignNotation } from '../sign/types'
import { abs, hypot, max, min, round, f64 } from './math'

export interface Trail {
  /** Per item of the timeline: first dot (index into pts / 3) and number of dots (0: no trail). */
  start: Int32Array
  count: Int32Array
  /** Per item: the time span it is drawn in (the item's span on the timeline). */
  t0: Float64Array
  t1: Float64Array
  /** Dot positions (avatar space, xyz). */
  pts: Float32Array
}

/** Seconds between path samples. */
const SAMPLE_DT = 1 / 120
/** rad: the index counts as extended (its tip leads) below this summed flexion. */
const INDEX_STRAIGHT_RAD = 1.2

/** The trail of every item of a timeline (compile time: allocation is fine here). */
export function computeTrail (tl: Timeline): Trail {
  const n = tl.items.length
  const start = new Int32Array(n); const count = new Int32Array(n)
  const t0 = f64(n); const t1 = f64(n)
  const all: number[] = []
  const pose = createPose()
  for (let k = 0; k < n; k++) {
    t0[k] = tl.items[k].t0; t1[k] = tl.items[k].t1
    start[k] = all.length / 3
    const moves = tl.phases.filter(p => p.item === k && p.phase === 'move')
    if (moves.length === 0) continue
    const m0 = moves[0].t0; const m1 = moves[moves.length - 1].t1
    // The leading point, chosen at the start of the movement.
    samplePose(tl, m0, pose)
    const A = pose.shapes[0]
    const lead = A[1] + A[2] + A[3] < INDEX_STRAIGHT_RAD ? 8 : -1
    const path: number[] = []
    for (let t = m0; t <= m1 + 1e-9; t += SAMPLE_DT) {
      samplePose(tl, min(t, m1), pose)
      const L = pose.hands[0]
      if (lead >= 0) path.push(L[lead * 3], L[lead * 3 + 1], L[lead * 3 + 2])
      else path.push(L[0] + (L[27] - L[0]) * 0.55, L[1] + (L[28] - L[1]) * 0.55, L[2] + (L[29] - L[2]) * 0.55)
    }
    const dots = resample(cutAtTurn(path))
    for (const v of dots) all.push(v)
    count[k] = dots.length / 3
  }
  return { start, count, t0, t1, pts: Float32Array.from(all) }
}

/** The path up to the first point where it turns back (direction over ~1.5 cm reverses by > 135°). */
function cutAtTurn (p: number[]): number[] {
  const m = p.length / 3
  let prev: [number, number, number] | null = null
  let anchor = 0
  for (let i = 1; i < m; i++) {
    const dx = p[i * 3] - p[anchor * 3]; const dy = p[i * 3 + 1] - p[anchor * 3 + 1]; const dz = p[i * 3 + 2] - p[anchor * 3 + 2]
    const len = hypot(dx, dy, dz)
    if (len < 0.015) continue
    const dir: [number, number, number] = [dx / len, dy / len, dz / len]
    if (prev && dir[0] * prev[0] + dir[1] * prev[1] + dir[2] * prev[2] < TRAIL_TURN_COS) return p.slice(0, (anchor + 1) * 3)
    prev = dir
    anchor = i
  }
  return p
}

/** Evenly spaced dots along a polyline: TRAIL_SPACING_M apart (wider on long paths), none if it is too short. */
function resample (p: number[]): number[] {
  const m = p.length / 3
  let total = 0
  for (let i = 1; i < m; i++) total += hypot(p[i * 3] - p[i * 3 - 3], p[i * 3 + 1] - p[i * 3 - 2], p[i * 3 + 2] - p[i * 3 - 1])
  if (total < TRAIL_MIN_M) return []
  const dots = min(TRAIL_MAX_DOTS, max(3, round(total / TRAIL_SPACING_M) + 1))
  const step = total / (dots - 1)
  const out: number[] = [p[0], p[1], p[2]]
  let walked = 0; let next = step
  for (let i = 1; i < m && out.length < dots * 3; i++) {
    const ax = p[i * 3 - 3]; const ay = p[i * 3 - 2]; const az = p[i * 3 - 1]
    const seg = hypot(p[i * 3] - ax, p[i * 3 + 1] - ay, p[i * 3 + 2] - az)
    while (seg > 0 && walked + seg >= next - 1e-9 && out.length < dots * 3) {
      const u = (next - walked) / seg
      out.push(ax + (p[i * 3] - ax) * u, ay + (p[i * 3 + 1] - ay) * u, az + (p[i * 3 + 2] - az) * u)
      next += step
    }
    walked += seg
  }
  if (out.length < dots * 3) out.push(p[(m - 1) * 3], p[(m - 1) * 3 + 1], p[(m - 1) * 3 + 2])
  return out
}

/** Which item a time falls in (the last one at or before t), for the per-frame drawing. */
export function trailItemAt (tr: Trail, t: number): number {
  for (let k = tr.t0.length - 1; k >= 0; k--) if (t >= tr.t0[k]) return k
  return 0
}

// ---------------------------------------------------------------------------------------------
// The view a sign is best watched from, and whether its hand should be shown close up.

export interface ViewAdvice {
  /** '45' when the dominant hand moves mainly toward or away from the viewer (invisible from the front). */
  view: CameraView
  /** The sign's meaning is in small finger movements (wiggle, rub, tremble, opening or closing the hand). */
  closeUp: boolean
}

/** Movements whose meaning is in the fingers: worth the hand close-up. */
const FINE_KINDS = new Set(['wiggle', 'flex', 'rub', 'trill', 'shape'])

/** Sizes of movements along x (lateral), y, z (depth), accumulated from the notation. */
function accumulate (ms: readonly Movement[], from: Location | null, acc: number[], sideX: number): void {
  const v = f64(3)
  for (const m of ms) {
    const add = (dir: string, size: number): void => {
      dirVec(dir, sideX, v)
      acc[0] += abs(v[0]) * size; acc[1] += abs(v[1]) * size; acc[2] += abs(v[2]) * size
    }
    const size = 'size' in m ? (m.size === 's' ? 0.06 : m.size === 'l' ? 0.2 : 0.12) : 0.12
    switch (m.kind) {
      case 'line': case 'zigzag': case 'wave': case 'arc': add(m.dir, size); break
      case 'brush': add(m.dir, 0.08); break
      case 'circle':
        // A circle in the vertical plane reads from the front; a horizontal or side-view one half in depth.
        if (m.plane === 'v') { acc[0] += size; acc[1] += size } else if (m.plane === 'h') { acc[0] += size; acc[2] += size } else { acc[1] += size; acc[2] += size }
        acc[3] = 1
        break
      case 'to': {
        if (!from || !SITE_GEO[from.site] || !SITE_GEO[m.at.site]) break
        const a = f64(3); const b = f64(3); const n = f64(3)
        resolveBodySite(from, sideX, a, n); resolveBodySite(m.at, sideX, b, n)
        acc[0] += abs(b[0] - a[0]); acc[1] += abs(b[1] - a[1]); acc[2] += abs(b[2] - a[2])
        from = m.at
        break
      }
      case 'par': case 'repeat': accumulate(m.items, from, acc, sideX); break
      default: break
    }
  }
}

function fine (ms: readonly Movement[]): boolean {
  return ms.some(m => FINE_KINDS.has(m.kind) || ((m.kind === 'par' || m.kind === 'repeat') && fine(m.items)))
}

/**
 * The view and close-up a sequence is best watched in (the player uses them unless the viewer chose):
 * 45° when the dominant hand's movement is mainly in depth (以前, 路: toward or away from the
 * viewer), the close-up offered when the movement is in the fingers.
 */
export function viewAdvice (items: readonly TimelineItem[]): ViewAdvice {
  const acc = [0, 0, 0, 0]
  let closeUp = false
  // A hand whose fingers point at the viewer is foreshortened to a lump from the front (飞机's
  // thumb-index-little hand flying up and forward: the book draws it side-on): a straight movement
  // (no circle: acc[3]) as much in depth as across or up is then enough for 45°.
  let atViewer = false
  const v = f64(3)
  for (const it of items) {
    const s: SignNotation = it.sign
    accumulate(s.dom.moves, s.dom.loc, acc, -1)
    if (fine(s.dom.moves)) closeUp = true
    if (dirVec(s.dom.orient.finger, -1, v)[2] > 0.7) atViewer = true
  }
  const depth = acc[2]; const flat = max(acc[0], acc[1])
  return { view: depth >= 0.05 && depth > (atViewer && acc[3] === 0 ? 0.99 : 1.2) * flat ? '45' : 'front', closeUp }
}

/** The view alone (see viewAdvice). */
export function preferredView (items: readonly TimelineItem[]): CameraView {
  return viewAdvice(items).view
}
