/**
 * 3-D position and outward normal of every location site (docs/notation.md; ids as in sites.ts),
 * in the torso's rest frame of avatar space (metres; +x signer's left, +y up, +z forward).
 * Positions are written with `xi` = offset toward the hand's OWN side (ipsilateral), so one row
 * serves both hands: for the right (dominant) hand world x = −xi, for the left hand x = +xi.
 * Sites on the other hand (H.*) and on the other arm are resolved against that hand's pose.
 */
import { DISTANCE_M, SPACE_DEFAULT_SIDE_M, SPACE_SIDE_M } from './constants'
import { FINGER_RADIUS, PALM_HALF_THICK } from './hand-model'
import { HAND_EMPHASIS } from './constants'
import { type NumArray, copy3, normalize3, quatAxis, type Quat, f64, hypot } from './math'
import type { Distance, Location, Side } from '../sign/types'
import { freeze } from '../base/object'

/** head: moves with the head; body: torso; space: in front of the body; arm: on the other arm; hand: on the other hand. */
export type SiteKind = 'head' | 'body' | 'space' | 'arm' | 'hand'

export interface SiteGeo {
  /** [xi, y, z]: xi toward the hand's own side. */
  p: readonly [number, number, number]
  /** Outward normal [nxi, ny, nz] (normalised at use). */
  n: readonly [number, number, number]
  kind: SiteKind
  /** Paired sites have an i and a c instance; others get a lateral offset only when a side is written. */
  paired: boolean
  /**
   * Where a hand held at a distance (`~close` … `~far`) lies from the site, [xi, y, z], when not
   * along the outward normal (which decides the contact): see `shoulder`.
   */
  away?: readonly [number, number, number]
}

/** Row: position [xi, y, z], outward normal [nxi, ny, nz], P if paired, then `away` [xi, y, z] if any. */
type Row = readonly [xi: number, y: number, z: number, nxi: number, ny: number, nz: number, paired?: 1, axi?: number, ay?: number, az?: number]
/** Marks a paired site in a row. */
const P = 1

/**
 * The rows of one kind as SiteGeo objects (built once, at load). Rows of numbers rather than
 * objects or calls: this table is in every bundle of the engine (docs/avatar.md "Bundle").
 */
function sites (kind: SiteKind, rows: Readonly<Record<string, Row>>): Record<string, SiteGeo> {
  const out: Record<string, SiteGeo> = {}
  for (const id in rows) {
    const r = rows[id]
    const geo: SiteGeo = { p: [r[0], r[1], r[2]], n: [r[3], r[4], r[5]], kind, paired: r[6] === P }
    if (r.length > 7) geo.away = [r[7] as number, r[8] as number, r[9] as number]
    out[id] = geo
  }
  return out
}

/**
 * Body, face and space sites. Face sites sit on the head ellipsoid (BODY.head, radii 0.078/0.108/0.095).
 * The normals of the sites at the side of the head (temple, ear, earlobe, head_side) point out and
 * forward, and the forehead's only a little up: a hand held near them sits beside the face and in
 * front of the shoulder, where the elbow can stay low (docs/avatar.md, "Arm model"), not out at
 * shoulder height or above the head. The cheek is touched between the nose's bottom and the
 * mouth, 1 cm above the mouth line, where the book touches it (甜 坚持 冯 奶奶; it was 1.9 cm under the
 * nose tip, and fingertips there read as at the eye).
 */
export const SITE_GEO: Readonly<Record<string, SiteGeo>> = freeze(Object.assign(
  sites('head', {
    head_top: [0, 1.73, 0.01, 0, 1, 0.15],
    hair: [0, 1.725, 0.06, 0, 0.6, 1],
    back_head: [0, 1.64, -0.1, 0, 0.1, -1],
    forehead: [0, 1.685, 0.088, 0, 0.15, 1],
    temple: [0.07, 1.66, 0.05, 0.8, 0.05, 0.6, P],
    brow: [0.03, 1.655, 0.093, 0.2, 0.2, 1, P],
    eye: [0.032, 1.632, 0.09, 0.15, 0, 1, P],
    nose: [0, 1.607, 0.112, 0, -0.1, 1],
    ear: [0.082, 1.618, -0.005, 0.8, 0, 0.55, P],
    earlobe: [0.08, 1.585, 0.0, 0.8, -0.2, 0.5, P],
    cheek: [0.058, 1.575, 0.068, 0.75, -0.05, 0.65, P],
    mouth: [0, 1.56, 0.095, 0, -0.05, 1],
    lips: [0, 1.56, 0.099, 0, -0.05, 1],
    teeth: [0, 1.563, 0.096, 0, 0, 1],
    chin: [0, 1.522, 0.078, 0, -0.45, 1],
    under_chin: [0, 1.51, 0.04, 0, -1, 0.25],
    head_side: [0.085, 1.64, 0.02, 0.7, -0.1, 0.7, P]
  }),
  sites('body', {
    neck: [0, 1.46, 0.045, 0, 0, 1],
    throat: [0, 1.475, 0.05, 0, -0.1, 1],
    // A hand touches the shoulder on top (拍肩: 责任 直辖市), so its normal points up; held at a
    // distance the hand is in front of it. With one forward-and-up normal for both, fingers pointing
    // back touched the front of the shoulder with their tips and the hand stuck out forward to the
    // arm's full length (the forearm across the face, for the other shoulder), and `~far` put the
    // hand up in a top corner of the picture.
    shoulder: [0.175, 1.43, 0.04, 0.15, 1, 0.45, P, 0.1, 0.25, 1],
    collar: [0, 1.41, 0.09, 0, 0.2, 1],
    armpit: [0.155, 1.33, 0.0, 1, -0.3, 0, P],
    ribs: [0.13, 1.2, 0.07, 1, 0, 0.6, P],
    chest: [0, 1.3, 0.125, 0, 0, 1],
    chest_side: [0.11, 1.3, 0.11, 0.35, 0, 1, P],
    heart: [-0.07, 1.29, 0.12, 0, 0, 1],
    stomach: [0, 1.13, 0.125, 0, 0, 1],
    waist: [0.145, 1.04, 0.07, 1, 0, 0.5, P],
    hip: [0.16, 0.96, 0.06, 1, 0, 0.4, P],
    back: [0.17, 1.15, -0.08, 0.6, 0, -1, P],
    // Below the waist, within the reach of a standing signer's arm: the upper thigh (短裤, 立正) and
    // the buttock. The avatar does not bend at the hip, so there is no knee site (no national
    // description in the survey touches the knee or below: those signs use the other hand as the leg).
    buttock: [0.12, 0.9, -0.1, 0.3, 0, -1, P],
    thigh: [0.09, 0.87, 0.1, 0.3, 0, 1, P]
  }),
  sites('arm', {
    upper_arm: [0.22, 1.3, 0.0, 0, 0, 1, P],
    elbow: [0.24, 1.15, -0.02, 0, -0.5, 1, P],
    forearm: [0.2, 1.08, 0.08, 0, 1, 0.3, P],
    wrist: [0.17, 1.02, 0.15, 0, 1, 0.3, P]
  }),
  sites('space', {
    face: [0, 1.6, 0.33, 0, 0, 1],
    neutral: [0, 1.2, 0.32, 0, 0, 1],
    neutral_high: [0, 1.69, 0.26, 0, 0, 1],
    neutral_low: [0, 1.04, 0.27, 0, 0, 1],
    side: [0.3, 1.22, 0.14, 1, 0, 0, P],
    far: [0, 1.3, 0.47, 0, 0, 1]
  })
))

export function siteKind (id: string): SiteKind | undefined {
  if (id.startsWith('H.')) return HAND_SITE_IDS.includes(id) ? 'hand' : undefined
  const g = SITE_GEO[id]
  return g && g.kind
}

/** Default distance of a location without `~distance` (docs/notation.md). */
export function defaultDistance (id: string): Distance | 0 {
  const k = siteKind(id)
  if (k === 'hand') return 'touch'
  if (k === 'space') return 0
  if (k === 'head') return 'near'
  return 'close'
}

/** Metres along the outward normal for a location. */
export function distanceM (loc: Location): number {
  // (A written distance is a non-empty name.)
  const d = loc.distance || defaultDistance(loc.site)
  return d === 0 ? 0 : DISTANCE_M[d]
}

/**
 * The side as i / c / m for a hand whose own side is at x sign `sideX`: an absolute side (L, R)
 * becomes whichever of i and c lies there. `leftX` is the x sign of the signer's left as drawn:
 * +1, or −1 in the left-handed (mirrored) view, so that after the picture's flip L is still left.
 */
export function relativeSide (side: Side | undefined, sideX: number, leftX: number): 'i' | 'c' | 'm' | undefined {
  if (side === 'L' || side === 'R') return (side === 'L' ? leftX : -leftX) === sideX ? 'i' : 'c'
  return side
}

/** x toward the own side of a paired site's point or normal for a side: mirrored for c, 0 at the midline (m). */
const pairedX = (x: number, side: string | undefined): number => side === 'c' ? -x : side === 'm' ? 0 : x

/**
 * Torso-space position and outward normal of a body/face/space site for one hand.
 * sideX = −1 for the right (dominant) hand, +1 for the left; leftX as in relativeSide. Returns
 * false for unknown / non-body ids.
 */
export function resolveBodySite (loc: Location, sideX: number, outPos: NumArray, outNormal: NumArray, leftX = 1): boolean {
  const s = SITE_GEO[loc.site]
  if (!s) return false
  const side = relativeSide(loc.side, sideX, leftX)
  const space = s.kind === 'space'
  let xi = s.p[0]
  let nxi = s.n[0]
  if (s.paired) {
    xi = pairedX(xi, side)
    // At the midline a space site's normal still points sideways (a body site's straight out).
    if (!space || side !== 'm') nxi = pairedX(nxi, side)
  } else {
    // A space site written with a side, or without (in front of the hand's own shoulder); a midline
    // body site with an explicit side: a small lateral offset (e.g. chest.i).
    xi += space ? (side ? SPACE_SIDE_M[side] : SPACE_DEFAULT_SIDE_M) : side === 'i' ? 0.05 : side === 'c' ? -0.05 : 0
  }
  outPos[0] = sideX * xi; outPos[1] = s.p[1]; outPos[2] = s.p[2]
  outNormal[0] = sideX * nxi; outNormal[1] = s.n[1]; outNormal[2] = s.n[2]
  normalize3(outNormal, outNormal)
  return true
}

/**
 * Unit direction in which a hand held at a distance from a body site lies (SiteGeo.away, mirrored
 * by side as the normal is), or the normal n itself. Returns out.
 */
export function awayDirection (loc: Location, sideX: number, n: ArrayLike<number>, out: NumArray, leftX = 1): NumArray {
  const s = SITE_GEO[loc.site]
  if (!s || !s.away) return copy3(out, n)
  const side = relativeSide(loc.side, sideX, leftX)
  const axi = s.paired ? pairedX(s.away[0], side) : s.away[0]
  out[0] = sideX * axi; out[1] = s.away[1]; out[2] = s.away[2]
  return normalize3(out, out)
}

const _ax = f64(3)

/**
 * The sites on the other hand that lie on its surface between two landmarks: [landmark i, landmark j,
 * fraction from i to j, axis of the hand's rotation the normal lies along (2: the palm normal; 0: across
 * the palm, toward the thumb for a right hand, so mirrored by chirality), sign of the normal along it,
 * the surface's distance from the landmarks (m, before HAND_EMPHASIS), a factor on that distance].
 * A table rather than a case each: this code is in every bundle of the engine (docs/avatar.md "Bundle").
 */
const HAND_SURFACE: Readonly<Record<string, readonly number[]>> = {
  'H.heel': [0, 9, 0.12, 2, 1, PALM_HALF_THICK],
  'H.palm': [0, 9, 0.55, 2, 1, PALM_HALF_THICK],
  'H.back': [0, 9, 0.55, 2, -1, PALM_HALF_THICK],
  'H.wrist': [0, 9, 0.05, 2, -1, PALM_HALF_THICK],
  'H.thumb': [3, 4, 0.5, 2, -1, FINGER_RADIUS],
  // The middle of the finger (just past its middle joint), where a crossing finger lies.
  'H.index': [6, 7, 0.3, 2, -1, FINGER_RADIUS],
  'H.middle': [10, 11, 0.3, 2, -1, FINGER_RADIUS],
  'H.pinky': [18, 19, 0.3, 2, -1, FINGER_RADIUS],
  'H.knuckles': [9, 13, 0.3, 2, -1, FINGER_RADIUS, 1.3],
  'H.thumb_side': [2, 5, 0.5, 0, 1, FINGER_RADIUS],
  'H.pinky_side': [0, 17, 0.7, 0, -1, FINGER_RADIUS]
}

/** The tip landmark of the fingertip sites. */
const TIP: Readonly<Record<string, number>> = { 'H.fingertips': 12, 'H.thumb_tip': 4, 'H.index_tip': 8, 'H.middle_tip': 12, 'H.pinky_tip': 20 }

/** Sites on the other hand: those of the two tables above, and two more (resolveHandSite). */
export const HAND_SITE_IDS: readonly string[] = freeze([...Object.keys(HAND_SURFACE), ...Object.keys(TIP), 'H.gaps', 'H.inside'])

/** m: how far landmark j lies from the wrist (landmark 0). */
const fromWrist = (lm: ArrayLike<number>, j: number): number => hypot(lm[j * 3] - lm[0], lm[j * 3 + 1] - lm[1], lm[j * 3 + 2] - lm[2])

/**
 * A site on the other hand, from that hand's world landmarks (63 floats), rotation and chirality.
 * Returns false for an unknown id.
 */
export function resolveHandSite (id: string, lm: ArrayLike<number>, q: Quat, chir: number, outPos: NumArray, outNormal: NumArray): boolean {
  const e = HAND_EMPHASIS
  const row = HAND_SURFACE[id]
  let tip = TIP[id]
  // The fingertips: of the finger reaching furthest from the wrist (the middle finger's unless it is
  // curled: 仪表 公 on a pinch_open's index tip, 山峰 墓葬; its tip in the palm put the other hand on
  // the knuckles or the palm).
  if (id === 'H.fingertips') for (let j = 8; j < 21; j += 4) if (fromWrist(lm, j) > fromWrist(lm, tip)) tip = j
  if (row) {
    // Indexed reads, not destructuring (an iterator per call: pose.ts calls this every frame).
    const w = row[2]; const r = row[5]; const f = row[6] || 1
    quatAxis(_ax, q, row[3])
    const sgn = row[3] ? row[4] : row[4] * chir
    for (let k = 0; k < 3; k++) {
      outPos[k] = lm[row[0] * 3 + k] * (1 - w) + lm[row[1] * 3 + k] * w
      outNormal[k] = _ax[k] * sgn
      outPos[k] += outNormal[k] * r * f * e
    }
    return true
  }
  if (tip) {
    for (let k = 0; k < 3; k++) outNormal[k] = lm[tip * 3 + k] - lm[(tip - 1) * 3 + k]
    normalize3(outNormal, outNormal)
    for (let k = 0; k < 3; k++) outPos[k] = lm[tip * 3 + k] + outNormal[k] * FINGER_RADIUS * e
    return true
  }
  if (id === 'H.gaps') {
    // Between the fingers, at their middle joints: where interlaced fingers pass.
    quatAxis(outNormal, q, 2)
    for (let k = 0; k < 3; k++) outPos[k] = (lm[6 * 3 + k] + lm[10 * 3 + k] + lm[14 * 3 + k] + lm[18 * 3 + k]) / 4
    return true
  }
  if (id === 'H.inside') {
    // Inside the ring of thumb and index, or the hole of a closed hand; the normal along its axis
    // toward the thumb side (mirrored by chirality as the table's: the left hand's pointed to its
    // little finger, and 属性 塞 茶叶 came into the C or cup from below, off the picture's edge).
    // The spot is a finger's radius in from the centre: a fingertip put there (its surface at the
    // spot, hand-parts.ts) has its centre in the middle of the ring.
    quatAxis(outNormal, q, 0)
    for (let k = 0; k < 3; k++) {
      outPos[k] = (lm[2 * 3 + k] + lm[3 * 3 + k] + lm[4 * 3 + k] + lm[5 * 3 + k] + lm[6 * 3 + k] + lm[7 * 3 + k] + lm[8 * 3 + k]) / 7
      outNormal[k] *= chir
      outPos[k] -= outNormal[k] * FINGER_RADIUS * HAND_EMPHASIS
    }
    return true
  }
  return false
}

/**
 * The sites on the other arm: [point a, point b (0 shoulder, 1 elbow, 2 wrist), fraction from a to
 * b, the surface's distance from the bone axis (m)].
 */
const ARM_SITES: Readonly<Record<string, readonly number[]>> = {
  upper_arm: [0, 1, 0.5, 0.05],
  elbow: [1, 1, 0, 0.04],
  forearm: [1, 2, 0.5, 0.04],
  wrist: [2, 1, 0.12, 0.04]
}

/**
 * A site on the other arm from its shoulder, elbow and wrist (world), and its hand's palm normal.
 * The side of an arm site is the arm's own outer side.
 */
export function resolveArmSite (id: string, shoulder: ArrayLike<number>, elbow: ArrayLike<number>, wrist: ArrayLike<number>, armSideX: number, outPos: NumArray, outNormal: NumArray): boolean {
  const row = ARM_SITES[id]
  if (!row) return false
  const pts = [shoulder, elbow, wrist]; const a = pts[row[0]]; const b = pts[row[1]]; const w = row[2]
  for (let k = 0; k < 3; k++) outPos[k] = a[k] * (1 - w) + b[k] * w
  // Outward: away from the body axis and forward; the surface is ~4 cm off the bone axis.
  outNormal[0] = armSideX * 0.5; outNormal[1] = 0.35; outNormal[2] = 1
  normalize3(outNormal, outNormal)
  for (let k = 0; k < 3; k++) outPos[k] += outNormal[k] * row[3]
  return true
}
