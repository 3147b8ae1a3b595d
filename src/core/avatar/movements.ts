/**
 * Movements (line, arc, circle, zig-zag, twist, bend, wiggle, shape, tap, brush, to, orient, hold,
 * repetition, simultaneity) compiled into segments of one hand.
 */
import {
  ARC_EXTRA_S, AROUND_GAP_M, AROUND_STEP_M, BEND_RAD, HAND_EMPHASIS, BEND_S, FLEX_RAD, FLEX_S, BRUSH_S, CIRCLE_RADIUS_M, CIRCLE_TURN_S, HOLD_DEFAULT_S, LINE_BASE_S, LINE_PER_M_S,
  LINE_SIZE_M, ORIENT_S, RUB_RAD, RUB_S, SQUEEZE_RAD, SQUEEZE_S, TRILL_CYCLES, TRILL_M, TRILL_S, FAST_FACTOR, SLOW_FACTOR, REPEAT_DECAY, REPEAT_RETURN_S, SHAPE_S, TAP_LIFT_M, TAP_S, TRANSITION_BULGE_PER_M,
  TRANSITION_MIN_S, TWIST_RAD, TWIST_S, WIGGLE_RAD, WIGGLE_S, ZIGZAG_AMP, ZIGZAG_CYCLES, ZIGZAG_S
} from './constants'
import { FINGER_RADIUS, LANDMARKS, SHAPE_LEN, bakeHandshape, landmarksAt } from './hand-model'
import { type Ctx, type HandCtx, beginSeg, commitSeg, transitionSeconds, setBase } from './hand-state'
import { add3, clamp, copy3, cross3, dist3, len3, hypot, min, normalize3, quatAxis, quatAxisAngle, quatMul, quatNormalize, vec3, PI, abs, max, pow, f64, f32, addScaled3, quat } from './math'
import { DIR_VEC, dirVec, orientQuat } from './orient'
import { type Placement, addContact, place } from './placement'
import {
  KIND_CIRCLE, KIND_WAVE, KIND_ZIGZAG, SEG, S_A1, S_CU, S_CV, S_CYCLES, S_E, S_HEAD1, S_KIND, S_OSC_ANGLE,
  S_ANCHOR1, S_FLEX, S_FLEX_MASK, S_OSC_AXIS, S_P0, S_P1, S_Q1, S_RUB, S_SQUEEZE, S_SWEEP, S_T1, S_WIGGLE, S_ZZ
} from './segment'
import { siteKind } from './site-geometry'
import type { Finger, Location, Movement } from '../sign/types'

/** Bits of S_FLEX_MASK, read by pose.ts. */
export const FLEX_BIT: Readonly<Record<Finger, number>> = { index: 1, middle: 2, ring: 4, pinky: 8, thumb: 16 }

const _v = vec3()
const _w = vec3()

/** Seconds of the movements whose duration is a constant (a table: smaller than a switch in the bundle). */
const MOVE_S: Partial<Record<Movement['kind'], number>> = {
  circle: CIRCLE_TURN_S,
  zigzag: ZIGZAG_S,
  wave: ZIGZAG_S,
  twist: TWIST_S,
  bend: BEND_S,
  wiggle: WIGGLE_S,
  flex: FLEX_S,
  rub: RUB_S,
  trill: TRILL_S,
  squeeze: SQUEEZE_S,
  shape: SHAPE_S,
  tap: TAP_S,
  brush: BRUSH_S,
  orient: ORIENT_S,
  to: TRANSITION_MIN_S
}

function moveDuration (m: Movement): number {
  if (m.kind === 'line' || m.kind === 'arc') return clamp(LINE_BASE_S + LINE_PER_M_S * LINE_SIZE_M[m.size], 0.3, 0.45) + (m.kind === 'arc' ? ARC_EXTRA_S : 0)
  if (m.kind === 'hold') return m.seconds > 0 ? m.seconds : HOLD_DEFAULT_S
  return MOVE_S[m.kind] || 0
}

/**
 * A circle's start offset from its centre (u, length r) and the quarter-turn-on offset (v): the
 * hand starts at the circle's bottom (v, s planes) or its near side (h plane). In a chase (交流:
 * 指尖左右相对) the hands start across the body instead: the start is turned a quarter turn so the
 * right hand begins at its own side's end of the circle, the left at the other end.
 */
export function circleUV (ctx: Ctx, m: Extract<Movement, { kind: 'circle' }>, sx: number, k: number, u: Float64Array, v: Float64Array): void {
  const r = (m.round ? ctx.aroundR || 0 : CIRCLE_RADIUS_M[m.size]) * k
  // Per plane: u's direction, then v's when clockwise and when not (one letter each).
  const dirs = m.plane === 'v' ? 'dic' : m.plane === 'h' ? 'bci' : 'dbf'
  dirVec(dirs[0], sx, u, ctx.leftX); dirVec(dirs[m.clockwise ? 1 : 2], sx, v, ctx.leftX)
  const q = m.clockwise ? -1 : 1
  for (let j = 0; j < 3; j++) {
    const a = u[j]
    if (ctx.chase) { u[j] = q * v[j] * r; v[j] = -q * a * r } else { u[j] *= r; v[j] *= r }
  }
}

/**
 * A circle round the other hand (`circle(…,H)`: 社会 卫星 整体 周期 …, 绕左手转动) goes round it, not
 * beside it. The hand keeps its rotation as it circles, so the offsets from its written place at
 * which the two hands would meet (bones at the drawn radius closer than AROUND_GAP_M, on a grid of
 * AROUND_STEP_M in the circle's plane) are a patch round the written place; the circle is the one
 * round that patch: centred on its middle, its radius the farthest cell plus a step. The hand starts
 * one radius along the circle's start direction. So the written place, on the other hand, is inside
 * the circle, and the hands never meet on it. Centred on the site with the written size, the hands
 * passed 1–1.5 cm through each other (session 6); started at the site, the circle went beside the
 * other hand. Sets ctx.aroundR, read by circleUV for the hand's round circles.
 */
export function aroundHand (ctx: Ctx, h: HandCtx, m: Extract<Movement, { kind: 'circle' }>, Q: Float64Array, A: Float32Array, pl: Placement): void {
  const o = ctx.hands[1]
  /** A hand's bones sampled at quarters. */
  const pts = (lm: Float64Array): number[] => {
    const out: number[] = []
    for (let j = 3; j < LANDMARKS * 3; j += 3) {
      const b = j % 12 === 3 ? 0 : j - 3
      for (let s = 0; s < 4; s++) for (let i = 0; i < 3; i++) out.push(lm[j + i] + (lm[b + i] - lm[j + i]) * s / 4)
    }
    return out
  }
  const B = pts(landmarksAt(o.chir, o.P, o.Q, o.A)); const M = pts(landmarksAt(h.chir, pl.P, Q, A))
  const u = vec3(); const v = vec3()
  ctx.aroundR = 1; circleUV(ctx, m, h.dirSideX, 1, u, v)
  /** Offsets (along u, v) where the hands meet, as pairs, and their bounding box. */
  const hit: number[] = []
  let x0 = 0; let x1 = 0; let y0 = 0; let y1 = 0
  const S = AROUND_STEP_M; const T = 2 * FINGER_RADIUS * HAND_EMPHASIS + AROUND_GAP_M
  // Each hand's bounding box: an offset that keeps the boxes T apart on some axis cannot meet, so
  // its 6,400 distances are skipped (most of the grid: 社会 39 → 9 ms to compile; same result).
  const box = (P: number[]): number[] => {
    const b = [Infinity, Infinity, Infinity, -Infinity, -Infinity, -Infinity]
    for (let i = 0; i < P.length; i++) { b[i % 3] = min(b[i % 3], P[i]); b[3 + i % 3] = max(b[3 + i % 3], P[i]) }
    return b
  }
  const bm = box(M); const bb = box(B)
  for (let x = -12 * S; x < 13 * S; x += S) {
    for (let y = -12 * S; y < 13 * S; y += S) {
      for (let i = 0; i < 3; i++) _v[i] = u[i] * x + v[i] * y
      // (Squared distances: Math.hypot is slow, and this runs ~4 M times without the boxes.)
      let apart = false
      for (let i = 0; i < 3; i++) if (bm[i] + _v[i] - bb[3 + i] >= T || bb[i] - (bm[3 + i] + _v[i]) >= T) apart = true
      if (apart) continue
      let meet = false
      for (let i = 0; i < M.length && !meet; i += 3) {
        const px = M[i] + _v[0]; const py = M[i + 1] + _v[1]; const pz = M[i + 2] + _v[2]
        // (A point T outside the other hand's box meets none of its points.)
        if (px - bb[3] >= T || bb[0] - px >= T || py - bb[4] >= T || bb[1] - py >= T || pz - bb[5] >= T || bb[2] - pz >= T) continue
        for (let j = 0; j < B.length && !meet; j += 3) {
          const a = px - B[j]; const b = py - B[j + 1]; const c = pz - B[j + 2]
          meet = a * a + b * b + c * c < T * T
        }
      }
      if (meet) { hit.push(x, y); x0 = min(x0, x); x1 = max(x1, x); y0 = min(y0, y); y1 = max(y1, y) }
    }
  }
  // Centred on the patch's bounding box, the radius clearing its farthest cell.
  const cx = (x0 + x1) / 2; const cy = (y0 + y1) / 2
  let r: number = CIRCLE_RADIUS_M.s
  for (let i = 0; i < hit.length; i += 2) r = max(r, hypot(hit[i] - cx, hit[i + 1] - cy) + S)
  ctx.aroundR = r
  addScaled3(pl.P, pl.P, u, cx + r)
  addScaled3(pl.P, pl.P, v, cy)
  pl.touch = false
}

/** The first circle of a movement list, also inside par and repeat (chase: the circle the two hands share). */
export function firstCircle (ms: Movement[]): Extract<Movement, { kind: 'circle' }> | undefined {
  return flattenPar(ms).find((m): m is Extract<Movement, { kind: 'circle' }> => m.kind === 'circle')
}

/**
 * A contact a movement makes, added once its segment is committed: where, the placement, and when
 * (0: the segment's start, 0.5: its middle, 1: its end).
 */
type PendingContact = [loc: Location, pl: Placement, at: number]

/** Applies one simple movement to the open segment s (all of a par group share s). Returns its duration. */
function applyMove (ctx: Ctx, h: HandCtx, s: Float64Array, m: Movement, k: number, pending: PendingContact[]): number {
  const sx = h.dirSideX
  const dir = (d: string, out: Float64Array): Float64Array => dirVec(d, sx, out, ctx.leftX)
  /** The segment's end rotation (a view: written in place by twist, bend and orient). */
  const q1 = s.subarray(S_Q1, S_Q1 + 4)
  /** Views of the end position and the path's bulge. */
  const p1 = s.subarray(S_P1, S_P1 + 3); const e = s.subarray(S_E, S_E + 3)
  /** Copies of the end rotation and shape for place(), which may turn the rotation. */
  const endQA = (): [Float64Array, Float32Array] => [f64(q1), f32(s.subarray(S_A1, S_A1 + SHAPE_LEN))]
  let dur = moveDuration(m)
  switch (m.kind) {
    case 'line': case 'arc': case 'zigzag': case 'wave': {
      // A stroke along dir; an arc bulges toward its side, a zig-zag or wave swings across the path.
      const size = LINE_SIZE_M[m.size] * k
      addScaled3(p1, p1, dir(m.dir, _v), size)
      if (m.kind === 'arc') addScaled3(e, e, dir(m.bulge, _w), size * 0.4)
      else if (m.kind !== 'line') {
        // Perpendicular in the viewer's plane where possible.
        cross3(_w, _v, DIR_VEC.f)
        if (len3(_w) < 0.3) cross3(_w, _v, DIR_VEC.u)
        normalize3(_w, _w)
        s[S_KIND] = m.kind === 'zigzag' ? KIND_ZIGZAG : KIND_WAVE
        s[S_CYCLES] = ZIGZAG_CYCLES
        for (let j = 0; j < 3; j++) s[S_ZZ + j] = _w[j] * max(size, 0.06) * ZIGZAG_AMP * 2
      }
      break
    }
    case 'circle': {
      const u = vec3(); const v = vec3()
      circleUV(ctx, m, sx, k, u, v)
      // Chase (交流): the left hand is half a turn on, on the same circle (its start was put there).
      const c = ctx.chase && h.idx === 1 ? -1 : 1
      s[S_KIND] = KIND_CIRCLE
      for (let j = 0; j < 3; j++) { s[S_CU + j] = u[j] * c; s[S_CV + j] = v[j] * c }
      s[S_SWEEP] = PI * 2
      break
    }
    case 'twist': {
      quatAxis(_v, q1, 1)
      const rot = quatAxisAngle(quat(), _v, (m.inward ? -1 : 1) * h.chir * TWIST_RAD * k)
      quatNormalize(q1, quatMul(quat(), rot, q1))
      break
    }
    case 'bend': {
      quatAxis(_v, q1, 1)
      const ax = cross3(vec3(), _v, dir(m.dir, _w))
      if (len3(ax) < 0.2) quatAxis(ax, q1, 0)
      normalize3(ax, ax)
      s.set(ax, S_OSC_AXIS)
      s[S_OSC_ANGLE] = BEND_RAD * k
      break
    }
    case 'wiggle':
      s[S_WIGGLE] = WIGGLE_RAD * k
      break
    case 'flex': {
      let mask = 0
      for (const f of m.fingers) mask |= FLEX_BIT[f]
      s[S_FLEX] = FLEX_RAD * k
      s[S_FLEX_MASK] = mask
      break
    }
    case 'rub':
      s[S_RUB] = RUB_RAD * k
      break
    case 'trill': {
      // A wave with no displacement: the hand trembles in place, across its own width.
      quatAxis(_w, q1, 0)
      s[S_KIND] = KIND_WAVE
      s[S_CYCLES] = TRILL_CYCLES
      for (let j = 0; j < 3; j++) s[S_ZZ + j] = _w[j] * TRILL_M * k
      break
    }
    case 'squeeze': {
      // 夹 (仇): the whole arm turns in about the shoulder and back (pose.ts, S_SQUEEZE).
      s[S_SQUEEZE] = -h.locSideX * SQUEEZE_RAD * k
      break
    }
    case 'shape': {
      s.set(bakeHandshape(m.handshape), S_A1)
      break
    }
    case 'orient': {
      orientQuat(m.orient, sx, q1, ctx.leftX)
      break
    }
    case 'tap': case 'brush': {
      const loc = m.kind === 'tap' && m.at ? m.at : h.loc
      const [q, a] = endQA()
      if (m.kind === 'brush') addScaled3(p1, p1, dir(m.dir, _v), LINE_SIZE_M.s * 1.3)
      if (!loc || siteKind(loc.site) === 'space') {
        // Tap in the air: a short forward nod.
        e[2] += 0.03
        break
      }
      const pl = place(ctx, h, loc, q, a, true)
      if (dist3(pl.P, h.P) < 0.01 && m.kind === 'tap') {
        // Already touching: lift off and come back (contact at both ends).
        addScaled3(e, e, pl.n, TAP_LIFT_M)
        pending.push([loc, pl, 0])
      } else {
        // The go-and-back excursion reaches the surface at mid-stroke; a brush slides across it.
        const half = vec3()
        for (let j = 0; j < 3; j++) { e[j] += pl.P[j] - s[S_P0 + j]; half[j] = (p1[j] - s[S_P0 + j]) / 2 }
        pending.push([loc, Object.assign({}, pl, { site: add3(vec3(), pl.site, half) as Float64Array, shift: half }), 0.5])
      }
      break
    }
    case 'to': {
      const [q, a] = endQA()
      const pl = place(ctx, h, m.at, q, a)
      const d = dist3(pl.P, h.P)
      dur = transitionSeconds(d)
      p1.set(pl.P)
      // At a face site the hand may have pivoted to keep the elbow low (placement.ts).
      q1.set(q)
      e[2] += d * TRANSITION_BULGE_PER_M * 0.5
      s[S_HEAD1] = pl.head
      // Arriving at a site on the other hand, the dominant hand moves with it from then on.
      const onHand = h.idx === 0 && pl.kind === 'hand'
      s[S_ANCHOR1] = onHand ? 1 : 0
      if (onHand) setBase(h, s, ctx.hands[1])
      h.loc = m.at
      copy3(h.siteN, pl.n)
      pending.push([m.at, pl, 1])
      break
    }
    // hold, manner (compileMoves), par and repeat: nothing here.
  }
  return dur
}

/** Compiles a movement list for one hand from time t; returns the end time. */
export function compileMoves (ctx: Ctx, h: HandCtx, moves: Movement[], t: number, k: number): number {
  for (const m of moves) {
    if (m.kind === 'repeat') {
      const startP = f64(h.P); const startQ = f64(h.Q); const startA = f32(h.A)
      const startLoc = h.loc; const startHead = h.head
      for (let r = 0; r < m.times; r++) {
        t = compileMoves(ctx, h, m.items, t, k * pow(REPEAT_DECAY, r))
        if (r < m.times - 1) {
          // How far the hand is from where the repetition started: position, and |cos| of half the turn.
          let diff = 0; let dq = 0
          for (let j = 0; j < 3; j++) diff = max(diff, abs(h.P[j] - startP[j]))
          for (let j = 0; j < 4; j++) dq += h.Q[j] * startQ[j]
          if (diff > 0.01 || abs(dq) < 0.995) {
            // Return stroke (HamNoSys "fromstart"): quick, no contact.
            const s = beginSeg(h, t, f64(SEG))
            s[S_T1] = t + REPEAT_RETURN_S
            s.set(startP, S_P1); s.set(startQ, S_Q1); s.set(startA, S_A1)
            s[S_HEAD1] = startHead
            t = commitSeg(h, s)
            h.loc = startLoc
          }
        }
      }
      continue
    }
    const s = beginSeg(h, t, f64(SEG))
    const pending: PendingContact[] = []
    let dur = 0
    const items = m.kind === 'par' ? configuresFirst(flattenPar(m.items)) : [m]
    for (const it of items) dur = max(dur, applyMove(ctx, h, s, it, k, pending))
    for (const it of items) if (it.kind === 'manner') dur *= it.fast ? FAST_FACTOR : SLOW_FACTOR
    s[S_T1] = t + dur
    const t0 = t
    t = commitSeg(h, s)
    for (const [loc, pl, at] of pending) addContact(ctx, h, at < 1 ? t0 + (t - t0) * at : t, loc, pl)
  }
  return t
}

/** Movements that set the hand's end shape or orientation (see configuresFirst). */
const CONFIGURES: ReadonlySet<Movement['kind']> = new Set<Movement['kind']>(['shape', 'orient', 'twist'])

/**
 * A simultaneous group with its shape and orientation changes first: `to(H.palm)+shape(fist)`
 * places the hand as it arrives (closed, turned), not as it left, so the contact lands where the
 * notation names it whatever order the group was written in.
 */
function configuresFirst (items: Movement[]): Movement[] {
  return [...items.filter(it => CONFIGURES.has(it.kind)), ...items.filter(it => !CONFIGURES.has(it.kind))]
}

/** The simple movements of a list in order, par groups and repeats opened (a repeat's items once). */
export function flattenPar (items: readonly Movement[]): Movement[] {
  const out: Movement[] = []
  for (const it of items) {
    if (it.kind === 'par' || it.kind === 'repeat') out.push(...flattenPar(it.items))
    else out.push(it)
  }
  return out
}

/** Duration of one cycle of a movement list (for rel: alternate = half a cycle late). */
export function cycleSeconds (moves: Movement[]): number {
  const m0 = moves[0]
  return sumSeconds(moves.length === 1 && m0.kind === 'repeat' ? m0.items : moves)
}

function sumSeconds (moves: Movement[]): number {
  let t = 0
  for (const m of moves) {
    if (m.kind === 'repeat') t += m.times * sumSeconds(m.items)
    else if (m.kind === 'par') {
      const manner = m.items.find((i): i is Extract<Movement, { kind: 'manner' }> => i.kind === 'manner')
      const f = manner ? (manner.fast ? FAST_FACTOR : SLOW_FACTOR) : 1
      t += f * max(0, ...m.items.map(i => sumSeconds([i])))
    }
    else t += moveDuration(m)
  }
  return t
}

