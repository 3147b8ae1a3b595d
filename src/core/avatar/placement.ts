/**
 * Where a hand goes for a location: the site on the body, in space, on the other hand or arm, and
 * the part of the hand that makes the contact; and the contact markers the tests check.
 */
import { DISTANCE_M, HAND_SITE_DISTANCE_SCALE, HAND_SITE_NEAR_M, FACE_ELBOW_BELOW_M, FACE_PIVOT_COVER_SLACK, FACE_MID_TILT_RAD, FACE_TOP_DROP_MAX_M, FACE_PIVOT_MAX_RAD, FACE_PIVOT_STEP_RAD, FACE_PIVOT_TOWARD, FACE_PIVOT_TOWARD_BACK, GRIP_BELOW_WRIST_M, HAND_EMPHASIS, NOSTRIL_BELOW_M } from './constants'
import { FINGER_RADIUS, LANDMARKS, PALM_HALF_THICK, handWorldLandmarks, landmarksAt, wristAt } from './hand-model'
import { clearFace, faceExcessAt } from './face-clear'
import type { Ctx, HandCtx } from './hand-state'
import { extendedFingers, partPoint } from './hand-parts'
import { solveArm, shoulderLift } from './ik'
import { add3, addScaled3, getAt, scale3, copy3, cross3, dist3, dot3, len3, normalize3, quatAxis, quatAxisAngle, quatMul, quatRotate, sub3, vec3, PI, acos, clamp, hypot, min, max, sqrt, quat, f64 } from './math'
import { SITE_GEO, type SiteKind, awayDirection, distanceM, resolveArmSite, resolveBodySite, resolveHandSite, siteKind } from './site-geometry'
import { BODY, FOREARM_M, UPPER_ARM_M, shoulderAt } from './skeleton'
import type { ContactMarker } from './timeline-types'
import type { HandPart, Location } from '../sign/types'

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
  /** The location as placed, when a contact part was defaulted (defaultHandPart). */
  loc?: Location
}

/**
 * The contact part a hand on the other hand meets it with when none is written (the nearest part
 * along the site's normal otherwise):
 * - a finger put on a finger (`@H.index`, `H.middle`, `H.pinky`: 希腊's crossed index fingers)
 *   lies across it, finger on finger, when one or two fingers are extended (`:finger`). Left to the
 *   nearest part, the thumb tip or the curled knuckles met the spot and the index ran on past the
 *   other's tip (review sample 2: "meets the other's tip, not its middle; no cross");
 * - a hand with its fingers out going into the other's ring or 匚 (`@H.inside`: 号码, 插入) puts
 *   its fingertips in (`:tips`); the nearest part along the ring's axis was the thumb, and the
 *   fingers stood beside or under the ring. A fist or thumb hand (no finger out) is held whole.
 */
function defaultHandPart (site: string, A: Float32Array, chir: number): 'finger' | 'tips' | undefined {
  const finger = FINGER_SITES.includes(site)
  if (!finger && site !== 'H.inside') return undefined
  const lm = handWorldLandmarks(A, chir, vec3(), quat(), f64(LANDMARKS * 3)) as Float64Array
  const n = extendedFingers(lm, true).length
  return finger ? (n > 0 && n <= 2 ? 'finger' : undefined) : n > 0 ? 'tips' : undefined
}

/**
 * Where the palm centre must be so the part of the hand nearest the site (fingertip, knuckle, palm
 * or back) lies at the site + distance along its outward normal, for rotation Q and angles A.
 */
export function place (ctx: Ctx, h: HandCtx, loc0: Location, Q: Float64Array, A: Float32Array, forceTouch = false): Placement {
  let loc = loc0
  // (Locals for what this function reads many times; loc's copies below keep its site.)
  const id = loc0.site; const sx = h.locSideX; const two = ctx.twoHands === true
  const other = ctx.hands[1 - h.idx]
  const kind = siteKind(id) || 'space'
  const head = kind === 'head'
  if (kind === 'hand' && !loc.part) {
    const part = defaultHandPart(id, A, h.chir)
    if (part) loc = Object.assign({}, loc, { part })
  }
  const site = vec3(); const n = vec3(0, 0, 1)
  // The other hand's landmarks, for a site on it (and keepApart below); not computed otherwise.
  const olm = kind === 'hand' ? landmarksAt(other.chir, other.P, other.Q, other.A) : null
  let ok: boolean
  if (olm) {
    ok = resolveHandSite(id, olm, other.Q, other.chir, site, n)
  } else if (kind === 'arm') {
    const wristT = wristAt(other.chir, other.P, other.Q, vec3())
    const sh = shoulderAt(other.locSideX, vec3())
    const el = vec3(); const wr = vec3()
    solveArm(sh, wristT, other.locSideX, quatAxis(vec3(), other.Q, 1), el, wr, f64(1), 0)
    ok = resolveArmSite(id, sh, el, wr, other.locSideX, site, n)
  } else {
    ok = resolveBodySite(loc, sx, site, n, ctx.leftX)
  }
  if (!ok) resolveBodySite({ site: 'neutral' }, sx, site, n, ctx.leftX)
  // Fingers pointing at the eye, or up at the nose or mouth (兴趣 苦②: a pinch at the nostrils or the
  // mouth's corner, the hand below), meet it with their tips (fingersAlong): the nearest part along
  // the normal was a knuckle or the back, the hand stood before the face, its fingers over the eyes.
  if (!loc.part && (id === 'eye' ? fingersAlong(h.chir, Q, A, n) <= -FACE_POINT_AWAY_COS : BELOW_NOSE.includes(id) && quatAxis(vec3(), Q, 1)[1] > FACE_POINT_AWAY_COS)) loc = Object.assign({}, loc, { part: 'tips' as const })
  const named = loc.part
  // Where a hand held at a distance lies from the site (the normal, unless the site says otherwise).
  const away: ArrayLike<number> = kind === 'body' && ok ? awayDirection(loc, sx, n, vec3(), ctx.leftX) : n
  let dist = forceTouch ? 0 : distanceM(loc)
  const touch = dist === 0 && kind !== 'space'
  if (kind === 'hand' && dist > 0) dist = handSiteAway(h, id, n, dist, other.Q)
  const P = vec3()
  let part = -3
  let shift: Float64Array | undefined
  if (named === 'grip' || named === 'hook') {
    // Holding or hooking closes around the finger or wrist: its axis, not its surface. A held
    // wrist is held just below the crease, on the forearm, not over the other palm.
    const wrist = id === 'H.wrist' || id === 'wrist'
    const depth = (wrist ? PALM_HALF_THICK : FINGER_RADIUS) * HAND_EMPHASIS
    shift = vec3()
    scale3(shift, n, -depth)
    if (wrist && kind === 'hand') addScaled3(shift, shift, quatAxis(vec3(), other.Q, 1), -GRIP_BELOW_WRIST_M)
    add3(site, site, shift)
  }
  // The contact part's point relative to the palm centre (world rotation applied; none in space):
  // the palm centre goes to the site + distance less it.
  const c = vec3()
  if (named) {
    // The named part of this hand.
    contactPoint(h, named, kind, part, Q, A, n, c)
  } else if (kind !== 'space') {
    // The candidate that sticks out furthest along the site's normal.
    const lm = landmarksAt(h.chir, vec3(), Q, A)
    const Z = quatAxis(vec3(), Q, 2)
    const r = FINGER_RADIUS * HAND_EMPHASIS * 0.5
    part = leastCandidate(lm, Z, n, r, cand => dot3(cand, n), 1e-6, c)[1]
    if (head) part = headContactPart(lm, Z, site, away, dist, n, r, part, c)
    // Held near or far from a head site, the hand is before it (照相: both hands before the eyes):
    // its palm centre on the site's normal, the nearest part at the distance along it. Placed by that
    // part alone, the hand hung beside or below the site (the pinch's thumb 10 cm before the eye,
    // the hand over the mouth, then slid aside). Not fingers pointing away from the site (看's V
    // forward from the eye is placed by its knuckles), nor two hands at a midline site (they would
    // meet on one line), nor a site on the other side of the head (生日 节日: the pinch passing
    // over the head to head_side.c left from there across the mouth).
    if (head && dist >= DISTANCE_M.near && loc.side !== 'c' && !(two && !SITE_GEO[id].paired) && fingersAlong(h.chir, Q, A, n) < FACE_POINT_AWAY_COS) scale3(c, away, dot3(c, away))
  }
  sub3(P, addScaled3(P, site, away, dist), c)
  if (kind !== 'space') {
    // (Hands in space only.)
  } else if (loc.side === 'm') {
    if (two && (named === 'index_side' || named === 'pinky_side' || named === 'thumb_tip')) keepOwnSide(h, Q, A, P, 0)
  } else if (ctx.mirror === true && named === undefined) {
    // Mirror images meet in the midline plane: a finger across it is inside the other hand
    // (枕头 (二): beak hands 指尖相对 at neutral.i crossed their fingers into an X). The tips stay
    // MIRROR_GAP_M from it, facing each other. Not for a named contact part or a midline site:
    // there the hands meet by design (人's index tips, ∧, a heart: constructs.test.ts).
    keepOwnSide(h, Q, A, P, MIRROR_GAP_M)
  }
  // Face stays readable: beside or below the site rather than over the eyes or mouth (face-clear.ts).
  // A hand written over the eyes at the face's middle (曾 `covers: eyes` @forehead.m) stays there,
  // judged alone, its wrist leaning to its own side (FACE_MID_TILT_RAD): the forearm crosses the
  // cheek, as the book draws it (it was slid 7 cm aside, its forearm judged over the mouth).
  const mid = head && ctx.covers === 'eyes' && loc.side === 'm'
  if (mid) pivot(addScaled3(vec3(), site, away, dist), n, sx * FACE_MID_TILT_RAD, P, Q, P, Q)
  if (kind !== 'hand' && kind !== 'arm' && !(ctx.round === true && head && dist > 0)) clearFace(h, ctx.covers, two, head, dist === 0, Q, A, P, site, n, dist, !mid)
  // Fingertips pointing up at the nose meet it from below, at the nostrils (闻 呼吸): at the nose
  // tip's height (where face clearing keeps them, beside it) their drawn ends reached the eyes.
  if (id === 'nose' && named !== undefined && (named === 'tips' || named.endsWith('_tip')) && quatAxis(vec3(), Q, 1)[1] > FACE_POINT_AWAY_COS) {
    P[1] -= NOSTRIL_BELOW_M
    site[1] -= NOSTRIL_BELOW_M
  }
  // A face site is reached with the elbow low: the hand pivots about its contact point if needed
  // (after the face clearing, which may have slid the hand beside the head, over the shoulder).
  // A hand at a site on the face stays below the top of the head (its contact slides down with it).
  const onTop = id === 'head_top' || id === 'back_head' || id === 'hair'
  if (head && !onTop) keepBelowHeadTop(ctx, h, Q, A, P, site)
  // One hand only: two hands brought down over the head (钟's bell) hid an eye on the way up.
  if ((id === 'head_top' || id === 'hair') && dist > 0 && !two) keepInFrameAboveHead(h, Q, A, P, away, dist)
  // The pivots turn the hand about its contact point C (the site, or the spot at the written distance
  // from it: the contact part is put back there after); one at most, by the kind of site.
  const C = addScaled3(vec3(), site, away, dist)
  let pivoted = false
  if (forceTouch) {
    // Placed as written (a contact forced by the movement).
  } else if (head) {
    // Not for a hand across the face from its own side (its forearm would sweep over the mouth). Two
    // hands too (官 崩溃 疯② mirrored; 官僚 广告 with two written hands, session 6: unpivoted, the
    // forearms lay level across the forehead or stood over the head): two hands rising together
    // before the face are now cleared one by one (face-clear.ts), which is why they were once left
    // out (教 in 手语老师). Not a base hand with the other on it (老虎: the pivoted base carried the
    // other hand over the mouth on the way out).
    if (ctx.onHand !== true && id !== 'head_top' && id !== 'back_head' && P[0] * sx > -PIVOT_ACROSS_M) {
      const along = fingersAlong(h.chir, Q, A, n)
      pivoted = pivotForLowElbow(ctx, h, C, Q, A, P, along >= FACE_POINT_AWAY_COS ? 0 : -FACE_ELBOW_BELOW_M, dot3(quatAxis(vec3(), Q, 1), n) <= -FACE_POINT_AWAY_COS ? FACE_PIVOT_TOWARD_BACK : FACE_PIVOT_TOWARD)
    }
  } else if (kind === 'arm' || (kind === 'body' && site[1] >= ACROSS_SITE_MIN_Y && site[0] * sx < 0)) {
    // Across to the other shoulder or arm (责任 直辖市: 按向左肩): the same low elbow, the hand draped
    // over the spot, rather than the arm stretched across at shoulder height before the face.
    pivoted = pivotForLowElbow(ctx, h, C, Q, A, P, -FACE_ELBOW_BELOW_M)
  } else if (kind === 'hand') {
    pivoted = pivotIntoReach(h, C, Q, P)
  }
  // After a pivot the part's point is found again for the new rotation (a part on a finger's
  // axis is taken at its surface toward the site, which does not turn with the hand).
  if (pivoted) {
    if (contactPoint(h, named, kind, part, Q, A, n, c)) sub3(P, addScaled3(P, site, away, dist), c)
    if (head && !onTop) keepBelowHeadTop(ctx, h, Q, A, P, site)
  }
  if (touch && !forceTouch && BESIDE_HEAD.includes(id)) keepOffHead(h, Q, A, P, n)
  if (olm && !forceTouch && dist === HAND_SITE_NEAR_M) keepApart(h, olm, Q, A, P, n)
  const placed: Placement = { P, head: head ? 1 : 0, part, kind, site, n, touch }
  if (loc !== loc0) placed.loc = loc
  if (shift) placed.shift = shift
  return placed
}

/** m: a part other than the tangent plane's nearest is taken at a head site only if it brings the palm centre this much closer. */
const HEAD_PART_GAIN_M = 0.05
/** m: how deep inside the head ellipsoid (grown by the finger radius) a landmark may come for a part to be taken. */
const HEAD_PART_INSIDE_M = 0.004

/**
 * Candidate contact point j of a hand, relative to its palm centre (world rotation applied): the
 * landmarks from the thumb's second joint on (j < LANDMARKS, set in by the finger radius r along
 * the site normal n; the finger base knuckles 5 9 13 17 are not candidates), then the palm (j =
 * LANDMARKS) and the back (j = LANDMARKS + 1), half the palm's thickness along its normal Z.
 * Returns false for a skipped landmark. Read by leastCandidate (the tangent-plane pick, headContactPart)
 * and contactPoint.
 */
function contactCandidate (j: number, lm: Float64Array, Z: ArrayLike<number>, n: ArrayLike<number>, r: number, out: Float64Array): boolean {
  if (j < LANDMARKS) {
    if (j === 5 || j === 9 || j === 13 || j === 17) return false
    addScaled3(out, getAt(out, lm, j), n, -r)
  } else {
    const sgn = j === LANDMARKS ? 1 : -1
    for (let k = 0; k < 3; k++) out[k] = Z[k] * sgn * PALM_HALF_THICK * HAND_EMPHASIS
  }
  return true
}

/**
 * The candidate (contactCandidate) with the least score, each taken only if more than `slack` below
 * the best before it: its point into out; returns [score, part] (the part a candidate names: a
 * landmark index, −1 the palm, −2 the back; Infinity and −3 for none).
 */
function leastCandidate (lm: Float64Array, Z: ArrayLike<number>, n: ArrayLike<number>, r: number, score: (c: Float64Array) => number, slack: number, out: Float64Array): [number, number] {
  let best = Infinity; let part = -3
  const c = vec3()
  for (let j = 2; j < LANDMARKS + 2; j++) {
    if (!contactCandidate(j, lm, Z, n, r, c)) continue
    const d = score(c)
    if (d < best - slack) { best = d; copy3(out, c); part = j < LANDMARKS ? j : j === LANDMARKS ? -1 : -2 }
  }
  return [best, part]
}

/**
 * Which part of the hand meets a head site. The part that sticks out furthest toward the site's
 * tangent plane (`part`, `bestC`) suits a flat surface; on the round head it can be a thumb or an
 * open hand's fingers pointing back past the cheek or ear, which then hold the whole hand out in
 * front, 15–24 cm from the site (八字 or an open hand, palm toward the cheek: the thumb points back
 * at the face; 胖 样子 电话 as first written). Signers hold such a hand beside the site. So every
 * candidate part (landmarks, palm, back: relative to the palm centre, in `lm` and Z) is tried at
 * the site: among those that keep the hand outside the head (its ellipsoid grown by the finger
 * radius, HEAD_PART_INSIDE_M of slack) and, held at a distance, have no other part nearer the
 * site than the written distance, the one that puts the palm centre nearest the site is
 * taken when it is HEAD_PART_GAIN_M closer than the tangent plane's. A fingertip pointing at the
 * eye or the chin is still the part (every other part would put the finger inside the head).
 * Returns the part (landmark index, −1 palm, −2 back); `bestC` is set to its point.
 */
function headContactPart (lm: Float64Array, Z: ArrayLike<number>, site: Float64Array, away: ArrayLike<number>, dist: number, n: Float64Array, r: number, part: number, bestC: Float64Array): number {
  const T = vec3(); const P = vec3(); const d = vec3()
  addScaled3(T, site, away, dist)
  const { head, headRadii } = BODY
  // The palm centre's distance from the site with the part at point cc placed.
  const fromSite = (cc: ArrayLike<number>): number => hypot(T[0] - cc[0] - site[0], T[1] - cc[1] - site[1], T[2] - cc[2] - site[2])
  const score = (cc: ArrayLike<number>): number => {
    for (let k = 0; k < 3; k++) P[k] = T[k] - cc[k]
    // Inside the head: every landmark against the ellipsoid grown by the finger radius.
    const g = FINGER_RADIUS * HAND_EMPHASIS
    for (let j = 0; j < LANDMARKS; j++) {
      let s = 0
      for (let k = 0; k < 3; k++) {
        const x = P[k] + lm[j * 3 + k]
        const u = (x - head[k]) / (headRadii[k] + g)
        s += u * u
        d[k] = x - site[k]
      }
      if ((1 - sqrt(s)) * headRadii[0] > HEAD_PART_INSIDE_M) return Infinity
      // Held at a distance: no other part nearer the site than the one placed at that distance.
      if (dist > 0 && hypot(d[0], d[1], d[2]) - r < dist - HEAD_PART_INSIDE_M) return Infinity
    }
    return fromSite(cc)
  }
  // The tangent plane's part, wherever it puts the hand (its score, when not Infinity, is the same).
  const base = fromSite(bestC)
  const altC = vec3()
  const [alt, bestPart] = leastCandidate(lm, Z, n, r, score, 0, altC)
  if (alt > base - HEAD_PART_GAIN_M) return part
  copy3(bestC, altC)
  return bestPart
}

/**
 * `~close` / `~near` / `~far` on the other hand (`H.fingertips~near`, `H.index~near`): the hand
 * hovers beside the spot, on its own side, as the illustrations draw it (标准: the fingertips
 * point at the upright index from beside it), at the other hand's scale. Along the site's normal
 * alone it went 10 cm out along the other hand's fingers, or in front of or behind it (overlapping
 * it in the front view), far from the base. The direction away (n, changed in place: it also picks
 * the part of the hand nearest the spot) is the site's normal turned toward the hand's own side
 * (the normal alone if that cancels); returns the distance: the written one ×
 * HAND_SITE_DISTANCE_SCALE, `near` HAND_SITE_NEAR_M. Not on the palm, back or heel: a hand there is over the surface
 * (保健 反面 外婆 距离: the book's hand hovers on the back); turned, the part nearest the spot
 * became the moving hand's edge or fingertips and its palm sat 10–20 cm to the side.
 */
function handSiteAway (h: HandCtx, site: string, n: Float64Array, dist: number, otherQ: Float64Array): number {
  const u = vec3(h.locSideX, 0, 0)
  // On a finger (H.index, H.middle, H.pinky) the turn is across the finger, never along it: a
  // finger lying toward this hand's side (实行's index 横伸) sent the hand past its tip, the arm
  // lifted out to the side. (The other hand's finger axis; an upright finger (标准) is unchanged.)
  if (FINGER_SITES.includes(site)) {
    const y = quatAxis(vec3(), otherQ, 1)
    addScaled3(u, u, y, -y[0] * h.locSideX)
  }
  add3(u, u, n)
  const surface = SURFACE_SITES.includes(site)
  if (!surface && len3(u) > 0.3) normalize3(n, u)
  return dist === DISTANCE_M.near && !surface ? HAND_SITE_NEAR_M : dist * HAND_SITE_DISTANCE_SCALE
}
const SURFACE_SITES = ['H.palm', 'H.back', 'H.heel']
const BESIDE_HEAD = ['ear', 'earlobe', 'head_side']
const BELOW_NOSE = ['nose', 'mouth', 'lips', 'teeth']

/**
 * A hand held `near` a finger, tip or edge of the other hand (2.5 cm) keeps HAND_GAP_MIN_M between
 * the two hands' drawn surfaces (joints at the finger radius): the part nearest the spot along the
 * direction away `n` is placed at the distance, but another part (a crossing finger, a fist's
 * curled fingers: 财政 批评 湾) could reach 1–2 cm into the other hand (`olm`: its landmarks). The
 * hand moves along `n` by what is missing, up to four times. Not for `close`: 中's index goes
 * through the other hand's ring by design. P in place.
 */
function keepApart (h: HandCtx, olm: Float64Array, Q: Float64Array, A: Float32Array, P: Float64Array, n: Float64Array): void {
  for (let it = 0; it < 4; it++) {
    const lm = landmarksAt(h.chir, P, Q, A)
    let best = Infinity
    for (let i = 0; i < LANDMARKS * 3; i += 3) for (let j = 0; j < LANDMARKS * 3; j += 3) best = min(best, hypot(lm[i] - olm[j], lm[i + 1] - olm[j + 1], lm[i + 2] - olm[j + 2]))
    const need = 2 * FINGER_RADIUS * HAND_EMPHASIS + HAND_GAP_MIN_M - best
    if (need <= 0) return
    addScaled3(P, P, n, need)
  }
}
/** m: the least gap between the surfaces of two hands held `near` each other on purpose (keepApart). */
const HAND_GAP_MIN_M = 0.008
const FINGER_SITES = ['H.index', 'H.middle', 'H.pinky']

/**
 * Two hands meeting side by side at the midline (门 天安门 厦门 台北: `@neutral.m:index_side`,
 * `:thumb_tip`, `:pinky_side`) touch there; they do not pass through each other. The named part's
 * point alone at x = 0 left a flat hand's thumb, or a curled finger beyond the palm's edge, across
 * the midline inside the other hand (the mirror image does the same). So the hand moves toward its
 * own side until its innermost surface (bones and their drawn radius) just reaches the midline
 * (or stays `gap` m short of it).
 */
function keepOwnSide (h: HandCtx, Q: Float64Array, A: Float32Array, P: Float64Array, gap: number): void {
  const lm = landmarksAt(h.chir, P, Q, A)
  const r = FINGER_RADIUS * HAND_EMPHASIS
  let across = -Infinity
  for (let j = 0; j < LANDMARKS; j++) {
    // How far past the midline (toward the other hand) this joint's surface reaches.
    const a = -h.locSideX * lm[j * 3] + r + gap
    if (a > across) across = a
  }
  if (across > 0) P[0] += h.locSideX * across
}

/** m: mirrored hands in space keep their innermost surface this far from the midline (unless written at it). */
const MIRROR_GAP_M = 0.012

/** m: how far short of full stretch a wrist placed on the other hand must be (the arm is not locked straight). */
const REACH_SLACK_M = 0.02

/** m: body sites at or above this height (the collar, the shoulders) on the other side are reached with the elbow low (pivot). */
const ACROSS_SITE_MIN_Y = 1.38

/** m: a palm centre this far across the midline from the hand's own side is not pivoted. */
const PIVOT_ACROSS_M = 0.03

/**
 * A spot on the other hand beyond the arm's reach (the base hand forward at neutral.c, the spot
 * its fingertips: 刊物, 钱 with the base further out): the arm stopped at full stretch and the
 * fingertip fell 3–9 cm short. Signers turn the hand to meet the spot instead: the hand pivots
 * about its contact point, by the smallest angle (5° steps, ≤ 90°), so the wrist comes back toward
 * the shoulder within REACH_SLACK_M of full stretch; the contact stays exact. Q and P in place.
 */
function pivotIntoReach (h: HandCtx, C: ArrayLike<number>, Q: Float64Array, P: Float64Array): boolean {
  const sh = shoulderAt(h.locSideX, vec3())
  const limit = UPPER_ARM_M + FOREARM_M - REACH_SLACK_M
  const wr = wristAt(h.chir, P, Q, vec3())
  if (dist3(wr, sh) <= limit) return false
  const w = sub3(vec3(), wr, C)
  const g = sub3(vec3(), sh, C)
  const axis = cross3(vec3(), w, g)
  if (len3(axis) < 1e-9) return false
  normalize3(axis, axis)
  const Qt = f64(4); const Pt = vec3(); const wt = vec3()
  const maxA = PI / 2 + 1e-9
  for (let a = FACE_PIVOT_STEP_RAD; a <= maxA; a += FACE_PIVOT_STEP_RAD) {
    pivot(C, axis, a, P, Q, Pt, Qt)
    if (dist3(wristAt(h.chir, Pt, Qt, wt), sh) <= limit || a + FACE_PIVOT_STEP_RAD > maxA) {
      copy3(P, Pt)
      Q.set(Qt)
      return true
    }
  }
  return false
}

/**
 * The point of the hand's contact part relative to its palm centre, for rotation Q, into c: the
 * written part (`named`), or candidate `part` (landmark index, −1 palm, −2 back). False for none.
 */
function contactPoint (h: HandCtx, named: HandPart | undefined, kind: SiteKind, part: number, Q: Float64Array, A: Float32Array, n: Float64Array, c: Float64Array): boolean {
  const lm = landmarksAt(h.chir, vec3(), Q, A)
  if (named) partPoint(named, lm, Q, h.chir, n, kind === 'space', c)
  else if (part >= 0) for (let k = 0; k < 3; k++) c[k] = lm[part * 3 + k] - n[k] * FINGER_RADIUS * HAND_EMPHASIS * 0.5
  // The palm (−1) or the back (−2): candidates LANDMARKS and LANDMARKS + 1.
  else if (part > -3) contactCandidate(LANDMARKS - 1 - part, lm, quatAxis(vec3(), Q, 2), n, 0, c)
  else return false
  return true
}

/** Elbow height above the shoulder (m) of the hand's arm for palm centre P and rotation Q (torso rest frame). */
function elbowRise (h: HandCtx, P: ArrayLike<number>, Q: Float64Array): number {
  const wrist = wristAt(h.chir, P, Q, vec3())
  const sh = shoulderAt(h.locSideX, vec3())
  // The shoulder lifts for a high wrist as it will when sampled (pose.ts).
  sh[1] += shoulderLift(wrist, f64(1))[0]
  const el = vec3()
  solveArm(sh, wrist, h.locSideX, quatAxis(vec3(), Q, 1), el, vec3(), f64(1), 0)
  return el[1] - sh[1]
}

/**
 * Signers bring the hand to the face with the elbow low, the forearm rising from in front of the
 * chest; the hand tilts at the wrist to meet the site. Written literally, fingers forward (or up,
 * back) at the temple or forehead put the wrist beside or in front of the head at its height, which
 * only an arm raised above horizontal reaches (发明 科学 眼镜: the hand ended up above the head).
 * So the hand pivots about its contact point C, by the smallest angle (≤ FACE_PIVOT_MAX_RAD) that
 * turns the wrist toward below-in-front (FACE_PIVOT_TOWARD) far enough for the elbow to stay below
 * the shoulder, without hiding more of the face; the contact stays exact. Q and P change in place.
 * Compile time only.
 */
function pivotForLowElbow (ctx: Ctx, h: HandCtx, C: ArrayLike<number>, Q: Float64Array, A: Float32Array, P: Float64Array, limit: number, toward: readonly number[] = FACE_PIVOT_TOWARD): boolean {
  const rise0 = elbowRise(h, P, Q)
  if (rise0 <= limit) return false
  const w = sub3(vec3(), wristAt(h.chir, P, Q, vec3()), C) // contact → wrist
  const g = normalize3(vec3(), vec3(h.locSideX * toward[0], toward[1], toward[2]))
  const axis = cross3(vec3(), w, g)
  const wl = len3(w)
  if (len3(axis) < 1e-6 * wl || wl < 1e-6) return false
  normalize3(axis, axis)
  const cosMax = dot3(w, g) / wl
  const maxA = min(FACE_PIVOT_MAX_RAD, acos(clamp(cosMax, -1, 1)))
  const Qt = f64(4); const Pt = vec3()
  let bestRise = rise0; let bestA = 0
  const hidesMore = hidesMoreFace(ctx, h, P, Q, A)
  for (let a = FACE_PIVOT_STEP_RAD; a <= maxA + 1e-9; a += FACE_PIVOT_STEP_RAD) {
    pivot(C, axis, a, P, Q, Pt, Qt)
    // A pivot that swings the hand over the eyes or the mouth is not taken (a readable face first).
    if (hidesMore(Pt, Qt)) continue
    const rise = elbowRise(h, Pt, Qt)
    if (rise < bestRise - 1e-4) { bestRise = rise; bestA = a }
    if (rise <= limit) break
  }
  if (bestA === 0) return false
  pivot(C, axis, bestA, P, Q, P, Q)
  return true
}

/**
 * Whether the hand (angles A) at palm centre Pt, rotation Qt hides more of the face than at P, Q
 * by more than FACE_PIVOT_COVER_SLACK (the room between face-clear's target and the 30 % a drawn
 * frame may hide): a pivot or a slide down that does is not taken.
 */
function hidesMoreFace (ctx: Ctx, h: HandCtx, P: ArrayLike<number>, Q: Float64Array, A: Float32Array): (Pt: ArrayLike<number>, Qt: Float64Array) => boolean {
  const excess = (Pt: ArrayLike<number>, Qt: Float64Array): number => faceExcessAt(h, ctx.covers, ctx.twoHands === true, Pt, Qt, A)
  const face0 = excess(P, Q)
  return (Pt, Qt) => excess(Pt, Qt) > face0 + FACE_PIVOT_COVER_SLACK
}

const _pq = f64(4)
const _pr = vec3()

/** The hand at palm centre P with rotation Q turned by angle a (rad) about `axis` through C: into Pt and Qt (may be P and Q). */
function pivot (C: ArrayLike<number>, axis: ArrayLike<number>, a: number, P: Float64Array, Q: Float64Array, Pt: Float64Array, Qt: Float64Array): void {
  quatAxisAngle(_pq, axis, a)
  quatMul(Qt, _pq, Q)
  quatRotate(_pr, _pq, sub3(_pr, P, C))
  add3(Pt, C, _pr)
}

/**
 * The cosine between the extended fingers' mean direction and n (0 with no finger out). Fingers
 * pointing away from the face (≥ FACE_POINT_AWAY_COS: 看's V forward from the eyes) are pivoted only
 * as far as keeps the elbow below the shoulder (not FACE_ELBOW_BELOW_M under it): the pivot tilted
 * 看's V ~40° up and in, and the front view, which cannot show "forward", showed it upright before
 * the eye (review sample 2); unpivoted its elbow is 2 cm below the shoulder. Fingers pointing at the
 * eye (≤ −FACE_POINT_AWAY_COS, no part written: 忽视) meet it with their tips: the nearest part
 * along the normal was the thumb, and the index stood up beside the eye. Only the eye: at the
 * forehead (印度) the tips raised the elbow over the shoulder; the nearest part there is the tip.
 */
function fingersAlong (chir: number, Q: Float64Array, A: Float32Array, n: ArrayLike<number>): number {
  const lm = handWorldLandmarks(A, chir, vec3(), Q, f64(LANDMARKS * 3))
  const d = vec3()
  for (const f of extendedFingers(lm, true)) for (let k = 0; k < 3; k++) d[k] += lm[(f * 4 + 8) * 3 + k] - lm[(f * 4 + 5) * 3 + k]
  const l = len3(d)
  return l > 0 ? dot3(d, n) / (l * len3(n)) : 0
}
/** Cosine: fingers within ~45° of a face site's outward normal point away from the face. */
const FACE_POINT_AWAY_COS = 0.7

/**
 * The hand's top (landmarks and their drawn radius) is kept below the top of the head by sliding
 * the hand and its site down, at most FACE_TOP_DROP_MAX_M: placed by its contact part alone, a hand
 * at the forehead or temple stood with its fingers over the head (印度 看), and its raised wrist
 * lifted the elbow; not over the eyes or the mouth. Changes P and site (torso space) in place.
 */
function keepBelowHeadTop (ctx: Ctx, h: HandCtx, Q: Float64Array, A: Float32Array, P: Float64Array, site: Float64Array): void {
  const excess = handTop(h, P, Q, A) - (BODY.head[1] + BODY.headRadii[1])
  if (excess <= 0) return
  // Not so far down that the hand comes over the eyes or the mouth (1 cm steps back up).
  const hidesMore = hidesMoreFace(ctx, h, P, Q, A)
  const Pt = vec3()
  for (let d = min(excess, FACE_TOP_DROP_MAX_M); d > 0.001; d -= 0.01) {
    copy3(Pt, P)
    Pt[1] -= d
    if (hidesMore(Pt, Q)) continue
    P[1] -= d
    site[1] -= d
    return
  }
}

/** m: the height of the top of a hand at palm centre P (its highest landmark and the drawn finger radius). */
function handTop (h: HandCtx, P: ArrayLike<number>, Q: Float64Array, A: Float32Array): number {
  const lm = landmarksAt(h.chir, P, Q, A)
  let top = -Infinity
  for (let j = 0; j < LANDMARKS; j++) if (lm[j * 3 + 1] > top) top = lm[j * 3 + 1]
  return top + FINGER_RADIUS * HAND_EMPHASIS
}

/**
 * A hand touching the side of the head (BESIDE_HEAD) rests on it; no other part of it sinks in.
 * Placed by its contact part alone, a fist whose palm faces the head (邓小平's D, its index side at
 * the ear) had its thumb and curled fingers 3 cm inside the head, and the 1.2× hand, drawn over
 * the face, reached across the cheek toward the eye. The hand moves out along the site's normal
 * `n` until every joint's drawn surface is outside the head ellipsoid (HEAD_PART_INSIDE_M of
 * slack): the part that was inside makes the contact. Only beside the head: on the face the
 * ellipsoid is not the face's shape (a palm on the forehead, fingertips at the lips reach 2–5 cm
 * "into" it and are drawn right), and a hand sunk there is drawn over the face it touches anyway.
 * P in place.
 */
function keepOffHead (h: HandCtx, Q: Float64Array, A: Float32Array, P: Float64Array, n: ArrayLike<number>): void {
  const { head, headRadii } = BODY
  const g = FINGER_RADIUS * HAND_EMPHASIS
  for (let it = 0; it < 4; it++) {
    const lm = landmarksAt(h.chir, P, Q, A)
    let need = 0
    for (let j = 0; j < LANDMARKS; j++) {
      let s = 0
      for (let k = 0; k < 3; k++) { const u = (lm[j * 3 + k] - head[k]) / (headRadii[k] + g); s += u * u }
      need = max(need, (1 - sqrt(s)) * headRadii[0] - HEAD_PART_INSIDE_M)
    }
    if (need <= 0) return
    // (The depth is measured across the ellipsoid, not along n: a millimetre more ends the loop in 1–2 steps.)
    addScaled3(P, P, n, need + 0.001)
  }
}

/** m: how far above the top of the head any part of a hand held over it may reach (the full view frames ~13 cm above it; less the perspective of a hand in front). */
const ABOVE_HEAD_ROOM_M = 0.09

/**
 * A hand held over the head (`@head_top~near`, `@hair~near`: 凤凰 蒙古族 淋浴) stood 10 cm above
 * it with its fingers up another 10–20 cm: out of the picture, only a raised arm showing, where the
 * illustrations draw the hand just over the head. The hand comes in along `away` until its top
 * (landmarks and drawn radius) is within ABOVE_HEAD_ROOM_M of the head's top, never closer than
 * touching (at most `dist`). P changes in place.
 */
function keepInFrameAboveHead (h: HandCtx, Q: Float64Array, A: Float32Array, P: Float64Array, away: ArrayLike<number>, dist: number): void {
  const excess = handTop(h, P, Q, A) - (BODY.head[1] + BODY.headRadii[1] + ABOVE_HEAD_ROOM_M)
  if (excess <= 0 || away[1] <= 0.2) return
  const d = min(dist, excess / away[1])
  addScaled3(P, P, away, -d)
}

type Xyz = [number, number, number]

export function addContact (ctx: Ctx, h: HandCtx, t: number, loc: Location, pl: Placement): void {
  if (!pl.touch) return
  // (Plain copies of the 3-vectors: the markers are stored as JSON-like data.)
  const m: ContactMarker = { t, hand: h.idx, part: pl.part, loc: pl.loc || loc, kind: pl.kind, site: [...pl.site] as Xyz, n: [...pl.n] as Xyz }
  if (pl.shift) m.shift = [...pl.shift] as Xyz
  ctx.contacts.push(m)
}

