/**
 * Where a hand goes for a location: the site on the body, in space, on the other hand or arm, and
 * the part of the hand that makes the contact; and the contact markers the tests check.
 */
import { GRIP_BELOW_WRIST_M, HAND_EMPHASIS } from './constants'
import { FINGER_RADIUS, LANDMARKS, PALM_HALF_THICK, handWorldLandmarks, palmCentreOffset } from './hand-model'
import { clearFace } from './face-clear'
import { type Ctx, type HandCtx, landmarksOf } from './hand-state'
import { partPoint } from './hand-parts'
import { solveArm } from './ik'
import { copy3, dot3, quatAxis, quatRotate, sub3, vec3 } from './math'
import { type SiteKind, distanceM, resolveArmSite, resolveBodySite, resolveHandSite, siteKind } from './site-geometry'
import { BODY } from './skeleton'
import type { ContactMarker } from './timeline-types'
import type { Location } from '../sign/types'

export interface Placement {
  P: Float64Array
  head: number
  part: number
  kind: SiteKind
  site: Float64Array
  n: Float64Array
  touch: boolean
  /** A contact along the surface from the site (a brush), torso space. */
  shift?: Float64Array
}

/**
 * Where the palm centre must be so the part of the hand nearest the site (fingertip, knuckle, palm
 * or back) lies at the site + distance along its outward normal, for rotation Q and angles A.
 */
export function place (ctx: Ctx, h: HandCtx, loc: Location, Q: Float64Array, A: Float32Array, forceTouch = false): Placement {
  const other = ctx.hands[1 - h.idx]
  const kind = siteKind(loc.site) ?? 'space'
  const site = vec3(); const n = vec3(0, 0, 1)
  let ok: boolean
  if (kind === 'hand') {
    const lm = landmarksOf(other, new Float64Array(LANDMARKS * 3))
    ok = resolveHandSite(loc.site, lm, other.Q, other.chir, site, n)
  } else if (kind === 'arm') {
    const off = quatRotate(vec3(), other.Q, palmCentreOffset(other.chir, vec3()))
    const wristT = sub3(vec3(), other.P, off)
    const sh = vec3(other.locSideX * Math.abs(BODY.shoulderR[0]), BODY.shoulderR[1], BODY.shoulderR[2])
    const el = vec3(); const wr = vec3()
    solveArm(sh, wristT, other.locSideX, quatAxis(vec3(), other.Q, 1), el, wr, new Float64Array(1), 0)
    ok = resolveArmSite(loc.site, sh, el, wr, other.locSideX, site, n)
  } else {
    ok = resolveBodySite(loc, h.locSideX, site, n, ctx.leftX)
  }
  if (!ok) resolveBodySite({ site: 'neutral' }, h.locSideX, site, n, ctx.leftX)
  const dist = forceTouch ? 0 : distanceM(loc)
  const touch = dist === 0 && kind !== 'space'
  const P = vec3()
  let part = -3
  let shift: Float64Array | undefined
  if (loc.part === 'grip' || loc.part === 'hook') {
    // Holding or hooking closes around the finger or wrist: its axis, not its surface. A held
    // wrist is held just below the crease, on the forearm, not over the other palm.
    const wrist = loc.site === 'H.wrist' || loc.site === 'wrist'
    const depth = (wrist ? PALM_HALF_THICK : FINGER_RADIUS) * HAND_EMPHASIS
    shift = vec3()
    for (let k = 0; k < 3; k++) shift[k] = -n[k] * depth
    if (wrist && kind === 'hand') {
      const y = quatAxis(vec3(), other.Q, 1)
      for (let k = 0; k < 3; k++) shift[k] -= y[k] * GRIP_BELOW_WRIST_M
    }
    for (let k = 0; k < 3; k++) site[k] += shift[k]
  }
  if (loc.part) {
    // The named part of this hand at the site (landmarks relative to the palm centre).
    const lm = new Float64Array(LANDMARKS * 3)
    const off = quatRotate(vec3(), Q, palmCentreOffset(h.chir, vec3()))
    handWorldLandmarks(A, h.chir, sub3(vec3(), vec3(), off), Q, lm)
    const c = partPoint(loc.part, lm, Q, h.chir, n, kind === 'space', vec3())
    for (let k = 0; k < 3; k++) P[k] = site[k] + n[k] * dist - c[k]
  } else if (kind === 'space') {
    copy3(P, site)
    for (let k = 0; k < 3; k++) P[k] += n[k] * dist
  } else {
    // Candidate contact points relative to the palm centre (world rotation applied).
    const lm = new Float64Array(LANDMARKS * 3)
    const zero = vec3()
    const off = quatRotate(vec3(), Q, palmCentreOffset(h.chir, vec3()))
    const wrist = sub3(vec3(), zero, off)
    handWorldLandmarks(A, h.chir, wrist, Q, lm)
    const Z = quatAxis(vec3(), Q, 2)
    let best = Infinity
    const cand = vec3(); const bestC = vec3()
    const r = FINGER_RADIUS * HAND_EMPHASIS * 0.5
    for (let j = 2; j < LANDMARKS + 2; j++) {
      if (j < LANDMARKS) {
        if (j === 5 || j === 9 || j === 13 || j === 17) continue
        for (let k = 0; k < 3; k++) cand[k] = lm[j * 3 + k] - n[k] * r
      } else {
        const sgn = j === LANDMARKS ? 1 : -1
        for (let k = 0; k < 3; k++) cand[k] = Z[k] * sgn * PALM_HALF_THICK * HAND_EMPHASIS
      }
      const d = dot3(cand, n)
      if (d < best - 1e-6) { best = d; copy3(bestC, cand); part = j < LANDMARKS ? j : j === LANDMARKS ? -1 : -2 }
    }
    for (let k = 0; k < 3; k++) P[k] = site[k] + n[k] * dist - bestC[k]
  }
  // Face stays readable: beside or below the site rather than over the eyes or mouth (face-clear.ts).
  if (kind !== 'hand' && kind !== 'arm') clearFace(h, ctx.covers, ctx.twoHands === true, kind === 'head', dist === 0, Q, A, P, site, n, dist)
  const placed: Placement = { P, head: kind === 'head' ? 1 : 0, part, kind, site, n, touch }
  if (shift) placed.shift = shift
  return placed
}

export function addContact (ctx: Ctx, h: HandCtx, t: number, loc: Location, pl: Placement): void {
  if (!pl.touch) return
  const m: ContactMarker = { t, hand: h.idx, part: pl.part, loc, kind: pl.kind, site: [pl.site[0], pl.site[1], pl.site[2]], n: [pl.n[0], pl.n[1], pl.n[2]] }
  if (pl.shift) m.shift = [pl.shift[0], pl.shift[1], pl.shift[2]]
  ctx.contacts.push(m)
}

