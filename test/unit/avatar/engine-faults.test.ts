/**
 * Engine faults found by comparing rendered strips with the national dictionary's illustrations
 * (issue 11): the notation is right, the picture was wrong. Each test uses the transcribed entries
 * that showed the fault and measures what the learner saw: an arm raised over a face sign, a
 * fingertip short of the spot it taps, two hands passing through each other, a hand hovering far
 * from the hand it is "near".
 */
import {
  type Camera, buildDrawList, createCamera, createDrawList, project, setCamera,
  compileTimeline, contactPartWorld, contactSiteWorld, createPose, samplePose, type Pose, type Timeline,
  CIRCLE_TURN_S, EYE_RY, EYE_Y, MOUTH_Y, FINGER_RADIUS, HAND_EMPHASIS, J_HEAD, J_L_ELBOW, J_L_SHOULDER, J_L_WRIST, J_R_ELBOW, J_R_SHOULDER, J_R_WRIST, viewAdvice
} from './engine'
import { resolveBodySite, resolveHandSite } from '../../../src/core/avatar/site-geometry'
import type { NotationSource } from '../../../src/core/sign/dictionary'
import { item, sign } from './fixtures'
import { entryItems } from '../../../scripts/cli/render'
import { compiledDictionary } from '../../support/compiled'
import { faceCover } from './legibility'

const tl = (src: NotationSource): Timeline => compileTimeline([{ sign: sign(src), label: 'x' }], { ambient: false })
/** The end of the start phase: the hand is in its start posture. */
const held = (t: Timeline): number => t.phases[0].t1 - 0.02
const dist = (a: ArrayLike<number>, i: number, b: ArrayLike<number>, j: number): number =>
  Math.hypot(a[i * 3] - b[j * 3], a[i * 3 + 1] - b[j * 3 + 1], a[i * 3 + 2] - b[j * 3 + 2])
/** m: the head ellipsoid's vertical radius (skeleton.ts BODY.headRadii[1]): its top is J_HEAD + this. */
const HEAD_RY = 0.108
const R = FINGER_RADIUS * HAND_EMPHASIS

/** The largest gap (m) between the named parts of every contact of t, each at its contact moment. */
function worstContactGap (t: Timeline): number {
  const pose = createPose()
  const a = new Float64Array(3); const b = new Float64Array(3)
  let worst = 0
  for (const m of t.contacts) {
    samplePose(t, m.t, pose)
    contactPartWorld(pose, m, a); contactSiteWorld(pose, m, b)
    worst = Math.max(worst, Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]))
  }
  return worst
}

describe('a hand at a face site is reached with the elbow low', () => {
  // Entries of the transcription lanes whose strips showed the upper arm raised above horizontal
  // and the hand above or beside the head; fingers forward, back or across.
  const FACE: Array<[string, NotationSource]> = [
    ['发明 (fist at the temple, fingers forward)', { dom: 'fist f:f p:d @temple~touch:index_side ; line(fi)+shape(open)+orient(f:u p:f)' }],
    ['眼睛 (index points back at the eye)', { dom: '1 f:b p:c @eye ; tap' }],
    ['印度 (index points back at the forehead)', { dom: '1 f:b p:d @forehead ; tap' }],
    ['看 (V forward from the eyes)', { dom: 'V f:f p:d @eye ; line(f,m)' }],
    ['教 (one hand: bunched fingers forward at the forehead)', { dom: 'flat_o f:f p:d @forehead.i~near ; [line(f,s) line(b,s)]*2' }]
  ]
  test.each(FACE)('%s: elbow below the shoulder, hand not above the head, contact kept', (_name, src) => {
    const t = tl(src)
    const pose = createPose()
    samplePose(t, held(t), pose)
    const J = pose.joints
    // The elbow stays below the shoulder (upper arm below horizontal).
    expect(J[J_R_ELBOW * 3 + 1]).toBeLessThan(J[J_R_SHOULDER * 3 + 1])
    // No part of the hand above the top of the head.
    const top = J[J_HEAD * 3 + 1] + HEAD_RY
    for (let j = 0; j < 21; j++) expect(pose.hands[0][j * 3 + 1]).toBeLessThan(top + 0.005)
    // The contacts the sign makes still hold (within 1 cm).
    const a = new Float64Array(3); const b = new Float64Array(3)
    for (const m of t.contacts) {
      samplePose(t, m.t, pose)
      contactPartWorld(pose, m, a); contactSiteWorld(pose, m, b)
      expect(Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2])).toBeLessThan(0.01)
    }
  })
})

/** Deepest interpenetration (m) of the two hands: bones as capsules of the drawn finger radius. */
function handOverlap (pose: Pose): { overlap: number; gap: number } {
  const BONES = [[0, 1], [1, 2], [2, 3], [3, 4], [0, 5], [5, 6], [6, 7], [7, 8], [0, 9], [9, 10], [10, 11], [11, 12], [0, 13],
    [13, 14], [14, 15], [15, 16], [0, 17], [17, 18], [18, 19], [19, 20], [5, 9], [9, 13], [13, 17]]
  const pts = (H: Float32Array): number[][] => {
    const o: number[][] = []
    for (const [a, b] of BONES) for (let s = 0; s <= 4; s++) o.push([0, 1, 2].map(k => H[a * 3 + k] + (H[b * 3 + k] - H[a * 3 + k]) * s / 4))
    return o
  }
  const A = pts(pose.hands[0]); const B = pts(pose.hands[1])
  let d = Infinity
  for (const p of A) for (const q of B) d = Math.min(d, Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]) - 2 * R)
  return { overlap: Math.max(0, -d), gap: Math.max(0, d) }
}

describe('mirrored hands meeting at the midline touch side by side', () => {
  const MIDLINE: Array<[string, NotationSource]> = [
    ['门 / 天安门 (thumb tips)', { rel: 'mirror', dom: 'flat f:u p:f @neutral.m:thumb_tip' }],
    ['厦门 (flat hands, index sides)', { rel: 'mirror', dom: 'flat f:u p:f @neutral.m:index_side' }],
    ['台北 (little-finger sides)', { rel: 'mirror', dom: 'thumb_index f:u p:b @neutral.m:pinky_side' }]
  ]
  test.each(MIDLINE)('%s: no interpenetration beyond 0.5 cm, and still touching', (_name, src) => {
    const t = tl(src)
    const pose = createPose()
    samplePose(t, held(t), pose)
    const { overlap, gap } = handOverlap(pose)
    expect(overlap).toBeLessThanOrEqual(0.005)
    expect(gap).toBeLessThan(0.01)
  })
})

describe('`~near` a spot on the other hand hovers beside it', () => {
  /** Nearest landmark of the dominant hand to the base hand's site, at the start posture. */
  function nearest (src: NotationSource): { d: number; pose: Pose } {
    const t = tl(src)
    const pose = createPose()
    samplePose(t, held(t), pose)
    const s = new Float64Array(3); const n = new Float64Array(3)
    resolveHandSite(sign(src).dom.loc.site, pose.hands[1], Float64Array.from(pose.handQuat.subarray(4, 8)), -1, s, n)
    let d = Infinity
    for (let j = 0; j < 21; j++) d = Math.min(d, dist(pose.hands[0], j, s, 0))
    return { d, pose }
  }
  test.each([
    ['到 (V above the palm)', { rel: 'base', nondom: 'flat f:c p:u @neutral', dom: 'V f:d p:b @H.palm~near ; to(@H.palm)' }],
    ['本质 (flat hand over the palm)', { rel: 'base', nondom: 'flat f:f p:u @neutral.c', dom: 'flat f:f p:d @H.palm~near ; tap' }],
    ['残疾 (near the fingertips)', { rel: 'base', nondom: 'V f:d p:b @neutral', dom: 'flat f:f p:c @H.fingertips~near ; line(d,s)' }],
    ['标准 (pointing at the upright index)', { rel: 'base', nondom: 'index f:u p:f @neutral.c', dom: 'flat f:c p:f @H.index~near' }]
  ] as Array<[string, NotationSource]>)('%s: the nearest part of the hand is 2–7 cm from the spot', (_name, src) => {
    const { d } = nearest(src)
    expect(d).toBeGreaterThan(0.02)
    expect(d).toBeLessThan(0.07)
  })

  test('标准: the fingertips point at the index from beside it, not across it (as the illustration draws it)', () => {
    const { pose } = nearest({ rel: 'base', nondom: 'index f:u p:f @neutral.c', dom: 'flat f:c p:f @H.index~near' })
    // The dominant (right) hand stays on its own side (−x) of the base index, none of it across.
    const indexX = pose.hands[1][7 * 3]
    for (let j = 0; j < 21; j++) expect(pose.hands[0][j * 3] + R).toBeLessThan(indexX)
  })
})

describe('a fingertip reaches the tip it touches on the other hand', () => {
  // Entries whose base hand holds the touched tip forward (at neutral.c or neutral): the spot was
  // beyond the arm's reach, and the arm stopped at full stretch 3–9 cm short of it.
  test.each([
    ['刊物 (little-finger tip, base at neutral.c)', { rel: 'base', nondom: 'flat f:f p:c @neutral.c', dom: 'pinch_open f:u p:f @H.pinky_tip ; to(H.wrist)' }],
    ['little-finger tip, base at neutral', { rel: 'base', nondom: 'flat f:f p:c @neutral', dom: 'pinch_open f:u p:f @H.pinky_tip' }],
    ['救 (thumb tip, base moving up)', { rel: 'base', nondom: 'thumb_pinky f:d p:c @neutral.c ; line(u)', dom: '7 f:d p:b @H.thumb_tip:tips' }],
    ['被迫 (thumb, base at neutral.c)', { rel: 'base', nondom: 'thumb_pinky f:b p:c @neutral.c', dom: 'thumb_index f:b p:c @H.thumb:index_side ; line(db,s)+fast' }],
    ['带 (index tip, base at neutral)', { rel: 'base', nondom: '1 f:f p:d @neutral', dom: 'pinch f:c p:d @H.index_tip ; line(f,m)' }]
  ] as Array<[string, NotationSource]>)('%s: the named parts are within 1 cm at the contact moment', (_name, src) => {
    const t = tl(src)
    expect(t.contacts.length).toBeGreaterThan(0)
    expect(worstContactGap(t)).toBeLessThan(0.01)
  })
})

describe('reaching across to the other shoulder keeps the arm low', () => {
  test('直辖市 (二): the hand on the other shoulder, the upper arm below 80° and the forearm across the chest, not the neck', () => {
    const t = tl({ dom: 'cup f:b p:d @shoulder.c~near ; to(shoulder.c~touch)' })
    const pose = createPose()
    let elev = 0; let cross = -Infinity
    for (let s = 0; s <= t.duration; s += 0.02) {
      samplePose(t, s, pose)
      const J = pose.joints
      const sh = J_R_SHOULDER * 3; const el = J_R_ELBOW * 3; const wr = J_R_WRIST * 3
      const ua = [J[el] - J[sh], J[el + 1] - J[sh + 1], J[el + 2] - J[sh + 2]]
      elev = Math.max(elev, Math.acos(-ua[1] / Math.hypot(ua[0], ua[1], ua[2])) * 180 / Math.PI)
      // Where the forearm crosses the body's midline (x = 0), if it does.
      if (J[el] * J[wr] < 0) { const u = -J[el] / (J[wr] - J[el]); cross = Math.max(cross, J[el + 1] + u * (J[wr + 1] - J[el + 1])) }
    }
    expect(elev).toBeLessThan(80)
    expect(cross).toBeLessThan(1.39) // the collar is at 1.41 m, the chin at 1.52 m
    // And the hand does touch the shoulder.
    expect(t.contacts.length).toBeGreaterThan(0)
    expect(worstContactGap(t)).toBeLessThan(0.015)
  })

  test('held far from the shoulder, the hand is in front of it, not up in a corner of the picture', () => {
    const t = tl({ dom: 'flat f:u p:c @shoulder~far' })
    const pose = createPose()
    samplePose(t, held(t), pose)
    let top = -Infinity
    for (let j = 0; j < 21; j++) top = Math.max(top, pose.hands[0][j * 3 + 1])
    expect(top).toBeLessThan(1.66) // below the eyes (before: 1.71, level with the forehead)
  })
})

describe('a simultaneous shape or orientation change is where the hand arrives', () => {
  // 掌握 / 占领 / 优秀: the hand goes to the other palm while it closes or turns. Written either way
  // round, the named contact lands on the palm (it was placed with the hand as it left: 20 cm off).
  const CASES: Array<[string, NotationSource]> = [
    ['掌握 (to the palm, closing)', { rel: 'base', dom: 'open_lax f:f p:c @H.palm~near ; to(H.palm)+shape(fist)', nondom: 'flat f:c p:u @neutral.c' }],
    ['the same, written shape first', { rel: 'base', dom: 'open_lax f:f p:c @H.palm~near ; shape(fist)+to(H.palm)', nondom: 'flat f:c p:u @neutral.c' }],
    ['优秀 (to the palm, turning)', { rel: 'base', dom: 'thumb_side f:f p:d @H.palm~near ; to(H.palm)+orient(f:f p:c)', nondom: 'flat f:f p:c @neutral.c' }]
  ]
  test.each(CASES)('%s: the contact is within 1 cm', (_name, src) => {
    const t = tl(src)
    expect(t.contacts.length).toBeGreaterThan(0)
    expect(worstContactGap(t)).toBeLessThan(0.01)
  })
})

describe('a hand at a face site is held beside it, not out in front of the face', () => {
  // Placed by the part that sticks out furthest toward the site's tangent plane, a thumb or open
  // fingers pointing back past the round head held the whole hand 15–24 cm out (八字 at the cheek,
  // a flat hand cupped at the ear: 服从, claws at the eyes: 熊猫). The palm centre now stays within
  // NEAR_M of the site (the hand's own size), no part inside the head, contacts exact.
  const NEAR_M = 0.1
  const CASES: Array<[string, NotationSource]> = [
    ['八字 at the cheek, palm forward (胖 as first written)', { dom: 'thumb_index f:u p:f @cheek~close' }],
    ['服从 (national 1684): flat hand cupped at the ear', { dom: 'flat f:ub p:c @ear~touch', face: 'head=down' }],
    ['熊猫 (national 5668): claws round the eyes', { rel: 'mirror', dom: 'claw f:u p:b @eye~close ; hold' }]
  ]
  test.each(CASES)('%s', (_name, src) => {
    const t = tl(src)
    const pose = createPose()
    samplePose(t, held(t), pose)
    const s = sign(src)
    const site = new Float64Array(3); const n = new Float64Array(3)
    resolveBodySite(s.dom.loc, -1, site, n, 1)
    const H = pose.hands[0]
    const palm = [0, 1, 2].map(k => (H[k] + H[27 + k]) / 2)
    expect(Math.hypot(palm[0] - site[0], palm[1] - site[1], palm[2] - site[2])).toBeLessThan(NEAR_M)
    // Beside the head, not in it: every landmark outside the head ellipsoid.
    const C = [J_HEAD * 3, J_HEAD * 3 + 1, J_HEAD * 3 + 2].map(i => pose.joints[i])
    for (let j = 0; j < 21; j++) {
      const u = (H[j * 3] - C[0]) / 0.078; const v = (H[j * 3 + 1] - C[1]) / HEAD_RY; const w = (H[j * 3 + 2] - C[2]) / 0.095
      expect(Math.hypot(u, v, w)).toBeGreaterThan(0.95)
    }
    expect(worstContactGap(t)).toBeLessThan(0.01)
  })
})

describe('a straight stroke between postures goes round the face, not across it', () => {
  // The whole-dictionary test (legibility.test.ts) had these as known faults: the hand hid an eye
  // or the mouth for 1–3 frames on its way in. Each is measured here on the drawn frames (20 a
  // second) in the default view, against the same 30 %.
  const MAX_COVER = 0.3
  const CASES: Array<[string, NotationSource[]]> = [
    // From the other shoulder to the forehead: any point beside the forehead was reached across
    // the face; the stroke now goes down and across below the chin first.
    ['将军 (national 2603): the shoulder star, then the cap brim', [{ dom: 'pinch f:c p:d @shoulder.c~touch' }, { dom: 'flat f:c p:d @forehead~close' }]],
    // 医 at the forehead hides a corner of an eye by itself (within the 30 %), so its stroke in
    // from rest was never checked; it now is, at that share.
    ['救护车 (national 医 then the vehicle): up from rest to the 医 hand at the forehead', [{ dom: 'thumb_index f:c p:b @forehead~close' }, { rel: 'base', dom: 'claw f:u p:f @H.back ; [twist(in) twist(out)]*2', nondom: 'beak f:f p:d @neutral.c ; line(f)' }]]
  ]
  test.each(CASES)('%s: no frame hides more than 30 % of the eyes or the mouth', (_name, parts) => {
    const t = compileTimeline(parts.map(p => ({ sign: sign(p), label: 'x', steps: 1 })), { ambient: false })
    const pose = createPose(); const list = createDrawList()
    const cam = setCamera(createCamera(), { view: 'front', mirror: false, closeUp: false, width: 240, height: 320 })
    let worst = 0
    for (let s = 0; s <= t.duration; s += 0.05) {
      samplePose(t, s, pose)
      const c = faceCover(buildDrawList(pose, cam, list))
      worst = Math.max(worst, c.eyes, c.mouth)
    }
    expect(worst).toBeLessThanOrEqual(MAX_COVER)
  })
})

describe('mirrored hands in space stay on their own side of the midline', () => {
  // 枕头 (二) (national 6291): 双手…指尖相对 — beak hands at neutral.i, fingers toward each other.
  // Each placed on its own side by its palm centre, the long 1.2× fingers reached across the
  // midline and the two hands crossed into an X. Mirror images meet in the midline plane, so the
  // hands now keep their innermost surface off it: tips facing, a gap between, no overlap.
  test.each([
    ['枕头 (二): beak hands, tips facing', { rel: 'mirror', dom: 'beak f:c p:d @neutral.i ; [shape(flat_o) shape(beak)]*2' }],
    ['flat hands, fingers toward each other', { rel: 'mirror', dom: 'flat f:c p:d @neutral' }]
  ] as Array<[string, NotationSource]>)('%s: no overlap, fingertips 1–6 cm apart', (_name, src) => {
    const t = tl(src)
    const pose = createPose()
    samplePose(t, held(t), pose)
    const o = handOverlap(pose)
    expect(o.overlap).toBe(0)
    expect(o.gap).toBeGreaterThan(0.01)
    expect(o.gap).toBeLessThan(0.06)
  })
})

describe('a hand held over the head stays in the picture', () => {
  // `@head_top~near` stood the hand 10 cm over the head with its fingers up another 10–20 cm: the
  // full view (which frames ~13 cm above the head) showed only a raised forearm (凤凰 蒙古族 淋浴).
  // The hand now comes down toward the head (at most to touching it) until its top is within 9 cm
  // of the head's top: the palm, at least, is inside the player's picture (it was 24–31 px above it).
  test.each([
    ['凤凰 (national 1674): 3-hand over the head', { dom: '3 f:u p:f @head_top~near ; bend(f)*2' }],
    ['淋浴 (national 3263): claw over the head', { dom: 'claw f:d p:b @head_top~near ; [line(d,s) line(u,s)]*2' }],
    ['蒙古族 (national 3535): bunched hand over the head', { dom: 'flat_o f:d p:b @head_top~near' }]
  ] as Array<[string, NotationSource]>)('%s: the palm is inside the picture', (_name, src) => {
    const t = tl(src)
    const pose = createPose()
    samplePose(t, held(t), pose)
    const H = pose.hands[0]
    const palm = new Float64Array([0, 1, 2].map(k => (H[k] + H[27 + k]) / 2))
    const cam = setCamera(createCamera(), { view: 'front', mirror: false, closeUp: false, width: 347, height: 364 })
    const out = new Float32Array(2)
    project(cam, palm, 0, out, 0, new Float64Array(1), 0)
    expect(out[1]).toBeGreaterThan(0)
  })
})

/** The start posture of t: dominant palm centre and the other hand's site `id` (position, normal). */
function atHandSite (t: Timeline, id: string): { pose: Pose, palm: Float64Array, s: Float64Array, n: Float64Array } {
  const pose = createPose()
  samplePose(t, held(t), pose)
  const s = new Float64Array(3); const n = new Float64Array(3)
  resolveHandSite(id, pose.hands[1], Float64Array.from(pose.handQuat.subarray(4, 8)), -1, s, n)
  const H = pose.hands[0]
  const palm = new Float64Array([0, 1, 2].map(k => (H[k] + H[27 + k]) / 2))
  return { pose, palm, s, n }
}

describe('a hand held close to or near the other palm or back is over it, not beside it', () => {
  // `@H.back~near` / `@H.palm~close` (issue 12 review sample 2): the distance was taken along the
  // site's normal turned 45° toward the hand's own side, which also picked the moving hand's edge or
  // fingertips as the part nearest the spot; the palm then sat 10–20 cm to the side of the other
  // hand (保健's cup beside the fist, 20 cm; 外婆's index beside the palm). On a surface the hand now
  // hovers over it, along its normal: the palm centre is off that line by less than 4 cm.
  test.each([
    ['外婆 (national 5171): index on the back of the hand', { rel: 'base', nondom: 'flat f:c p:b @neutral.c', dom: 'index f:d p:f @H.back~near ; line(d,s)' }],
    ['距离: flat hand over the back', { rel: 'base', nondom: 'flat f:c p:b @neutral', dom: 'flat f:c p:b @H.back~near' }],
    ['fist close to the upturned palm', { rel: 'base', nondom: 'flat f:c p:u @neutral.c', dom: 'fist f:u p:c @H.palm~close ; tap' }]
  ] as Array<[string, NotationSource]>)('%s', (_name, src) => {
    const site = /@(H\.\w+)/.exec(String(src.dom))![1]
    const { palm, s, n } = atHandSite(tl(src), site)
    const d = [0, 1, 2].map(k => palm[k] - s[k])
    const along = d[0] * n[0] + d[1] * n[1] + d[2] * n[2]
    expect(along).toBeGreaterThan(0)
    expect(Math.sqrt(Math.max(0, d[0] ** 2 + d[1] ** 2 + d[2] ** 2 - along ** 2))).toBeLessThan(0.04)
  })
})

describe('a finger put on a finger of the other hand crosses it at the middle', () => {
  // 希腊 (national 5403: the index fingers cross like the cross on the flag), written
  // `@H.index~near ; tap*2` with no contact part: the nearest part (the moving hand's thumb tip)
  // went to the spot and the index ran on past the other's tip, 9 cm from it (review sample 2:
  // "meets the other's tip, not its middle; no cross"). A hand with one or two fingers extended now
  // meets a finger site with its finger's middle: the two index fingers touch where both are
  // halfway along, an X.
  test('希腊: the index fingers touch, each at its middle', () => {
    const t = tl({ rel: 'base', nondom: 'index f:fc p:d @neutral.c', dom: 'index f:fc p:d @H.index~near ; tap*2' })
    expect(t.contacts.length).toBeGreaterThan(0)
    const pose = createPose()
    samplePose(t, t.contacts[0].t, pose)
    const A = pose.hands[0]; const B = pose.hands[1]
    let best = Infinity; let sa = 0; let sb = 0
    const p = new Float64Array(3); const q = new Float64Array(3)
    for (let i = 0; i <= 40; i++) {
      for (let j = 0; j <= 40; j++) {
        for (let k = 0; k < 3; k++) { p[k] = A[15 + k] + (A[24 + k] - A[15 + k]) * i / 40; q[k] = B[15 + k] + (B[24 + k] - B[15 + k]) * j / 40 }
        const d = Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2])
        if (d < best) { best = d; sa = i / 40; sb = j / 40 }
      }
    }
    expect(best).toBeLessThan(2 * R + 0.005)
    for (const s of [sa, sb]) { expect(s).toBeGreaterThan(0.3); expect(s).toBeLessThan(0.8) }
  })
})

describe('a hand going into the ring or 匚 of the other hand puts its fingers in', () => {
  // 号码 (national 2141): the open right hand's fingers go inside the left's 匚 and move along in
  // it. With no part written the nearest part along the ring's axis, the thumb tip, went to the
  // spot, and the fingers stood beside and under the 匚 (review sample 2). The fingertips go in now.
  test('号码: the fingertips are at the centre of the 匚', () => {
    const t = tl({ rel: 'base', dom: 'open f:u p:b @H.inside ; line(i)+wiggle', nondom: 'pinch_open f:c p:b @neutral.c' })
    const { pose, s } = atHandSite(t, 'H.inside')
    const H = pose.hands[0]
    const tips = [0, 1, 2].map(k => (H[8 * 3 + k] + H[12 * 3 + k] + H[16 * 3 + k] + H[20 * 3 + k]) / 4)
    expect(Math.hypot(tips[0] - s[0], tips[1] - s[1], tips[2] - s[2])).toBeLessThan(0.03)
  })
})

describe('a finger at the eye reads as drawn', () => {
  // 看 (national 2940①: the V points forward from the eyes): the low-elbow pivot turned the V ~40°
  // up and in, which the front view showed standing upright before the eye. Fingers pointing away
  // from the face are pivoted only to keep the elbow below the shoulder: the V stays forward.
  test('看: the V points forward, the elbow below the shoulder', () => {
    const t = tl({ dom: '2 f:f p:d @eye ; line(f,s)', covers: 'eyes' })
    const pose = createPose()
    samplePose(t, held(t), pose)
    const H = pose.hands[0]
    for (const [m, tip] of [[5, 8], [9, 12]]) {
      const d = [0, 1, 2].map(k => H[tip * 3 + k] - H[m * 3 + k])
      expect(d[2] / Math.hypot(d[0], d[1], d[2])).toBeGreaterThan(0.85)
    }
    expect(pose.joints[J_R_ELBOW * 3 + 1]).toBeLessThan(pose.joints[J_R_SHOULDER * 3 + 1])
  })
  // 忽视 (national 2233): the index points back at the eye from in front. With no part written the
  // nearest part along the normal was the thumb, and the index stood up beside the eye, its tip 8 cm
  // above it. A finger pointing at the face meets the site with its tip.
  test('忽视: the index tip is at eye height, pointing at it', () => {
    const t = tl({ dom: 'index f:ub p:c @eye~near ; tap', covers: 'eyes' })
    const pose = createPose()
    samplePose(t, held(t), pose)
    const eye = new Float64Array(3)
    resolveBodySite({ site: 'eye' }, -1, eye, new Float64Array(3))
    expect(Math.abs(pose.hands[0][8 * 3 + 1] - eye[1])).toBeLessThan(0.03)
  })
})

describe('句子 (national 2866): the open pinch points forward', () => {
  // 拇、食指张开，指尖朝前 (in our words: thumb and index apart, tips forward, the gap the height of a
  // line). Written `pinch_open f:f p:c`, the hand's axis pointed forward and its curved index
  // sideways across the body (`f:` is the hand's axis; pinch_open curls its fingers toward the
  // palm): the review saw the pinch sideways. `f:u p:f` puts the tips forward, index over thumb.
  test('the entry as transcribed: index and thumb tips forward, the index above the thumb', () => {
    const dict = compiledDictionary()
    const e = dict.entries.find(x => x.id === 'juzi')!
    const r = entryItems(dict, e)
    if ('error' in r) throw new Error(r.error)
    const t = compileTimeline(r.items, { ambient: false })
    const pose = createPose()
    samplePose(t, held(t), pose)
    const H = pose.hands[0]
    const d = [0, 1, 2].map(k => H[8 * 3 + k] - H[5 * 3 + k])
    expect(d[2] / Math.hypot(d[0], d[1], d[2])).toBeGreaterThan(0.8)
    expect(H[8 * 3 + 1] - H[4 * 3 + 1]).toBeGreaterThan(0.03)
  })
})


describe('hands pass beside the face, not in front of it (the whole-dictionary face test without exemptions)', () => {
  /** The most of the eyes or the mouth the hands hide in any frame (20 a second), as legibility.test.ts measures it. */
  function worstCover (parts: NotationSource[]): number {
    const signs = parts.map(p => sign(p))
    const t = compileTimeline(signs.map(s => ({ sign: s, label: 'x' })), { ambient: false })
    const pose = createPose(); const list = createDrawList()
    const cam = setCamera(createCamera(), { view: 'front', mirror: false, closeUp: false, width: 240, height: 320 })
    let worst = 0
    for (let s = 0; s <= t.duration; s += 0.05) {
      samplePose(t, s, pose)
      const k = Math.max(0, t.items.findIndex(it => s >= it.t0 && s < it.t1))
      const covers = signs[k].covers
      if (covers === 'face') continue
      const c = faceCover(buildDrawList(pose, cam, list))
      worst = Math.max(worst, covers === 'eyes' ? 0 : c.eyes, covers === 'mouth' ? 0 : c.mouth)
    }
    return worst
  }
  test.each([
    // Two hands rising together each past one eye hid both: judged together neither could clear
    // alone; now each is cleared by itself (both eyes free, half the mouth).
    ['疯② (national 1666): index fingers up to the forehead', [{ rel: 'mirror', dom: 'index f:c p:d @forehead~close ; line(i)+orient(f:fi p:d)' }]],
    ['布依族 (national 542): flat hands up to the forehead', [{ rel: 'mirror', dom: 'flat f:uc p:b @forehead~touch:palm ; line(i) orient(f:u p:c)+line(b,s)' }, { rel: 'one', dom: 'open f:u p:f @neutral ; shape(flat_o)' }]],
    // A hand leaving the other hand after that hand moved (or while it goes back to rest) was
    // drawn from where the other hand had been: straight across the face.
    ['神圣 (national 4457): the thumb leaves the raised base hand', [{ rel: 'base', nondom: 'flat f:c p:u @neutral.c ; to(forehead~near)', dom: 'thumb_side f:c p:b @H.palm' }]],
    ['提高 (national 4922): from the grip to the forehead', [{ rel: 'base', dom: '7 f:d p:b @H.index_tip:grip ; line(u,s)+fast', nondom: 'index f:u p:c @neutral.c' }, { rel: 'one', dom: 'flat f:c p:d @forehead~near ; line(u)' }]],
    ['民兵 (national 3582): from 民 to the cap peak', [{ rel: 'base', nondom: 'index f:u p:c @neutral.c', dom: 'pinch_open f:c p:b @H.index_tip' }, { rel: 'one', dom: 'flat f:c p:d @forehead~close' }]],
    ['道士 (national 1159): the pin leaves the topknot', [{ rel: 'base', dom: 'index f:c p:d @H.gaps~near ; to(H.gaps)', nondom: 'claw f:d p:b @head_top~touch:tips' }]],
    // Shut eyes cannot be hidden (the stroke check reads the eyelids): the hand comes down from
    // the forehead to the nose as the eyes close, round the side.
    ['烦闷 (national 1531): forehead, then the nose with the eyes shut', [{ dom: 'cup f:b p:d @forehead~touch:tips ; tap*2', face: 'brows=furrow expr=不满' }, { dom: 'pinch f:u p:b @nose~touch', face: 'head=down eyes=closed', covers: 'mouth' }]],
    // A fast rise from rest passed the mouth between the stroke check's samples.
    ['盘旋 (national 3853): up from rest to circle over the head', [{ dom: 'thumb_index_pinky f:f p:d @head_top~near ; circle(h,cw,l)*2' }]],
    // A circle round the face (written from the chin) was drawn at the chest, over the mouth.
    ['谁 (national 4706): round the face', [{ dom: 'index f:b p:d @chin~near:index_tip ; circle(v,cw,l) orient(f:u p:f)+to(cheek~near) [line(c,s) line(i,s)]*2', face: 'expr=疑问' }]]
  ] as Array<[string, NotationSource[]]>)('%s: at most 30 %% of the eyes or the mouth hidden in any frame', (_name, parts) => {
    expect(worstCover(parts)).toBeLessThanOrEqual(0.3)
  })

  test('a hand leaving a part that covers the eyes (想家: the palm of 想念 on the brow, then 家 at the chest) goes down beside the mouth, not over it', () => {
    // The stroke starts over the covered eyes; it used to be skipped as an end that hides the face,
    // so it went straight down over the mouth (100 % at 3.00 s in the whole-dictionary test).
    const signs = [sign({ dom: 'flat f:uc p:b @forehead~close ; tap(forehead:palm)', covers: 'eyes' }), sign({ rel: 'mirror', dom: 'flat f:uc p:dc @neutral.m:tips' })]
    const t = compileTimeline(signs.map(s => ({ sign: s, label: 'x' })), { ambient: false })
    const pose = createPose(); const list = createDrawList()
    const cam = setCamera(createCamera(), { view: 'front', mirror: false, closeUp: false, width: 240, height: 320 })
    let mouth = 0
    for (let s = t.items[1].t0; s <= t.items[1].t1; s += 0.02) {
      samplePose(t, s, pose)
      mouth = Math.max(mouth, faceCover(buildDrawList(pose, cam, list)).mouth)
    }
    expect(mouth).toBeLessThanOrEqual(0.3)
  })

  test('谁: the circle goes round the face (its centre on the face, not at the chest)', () => {
    const t = tl({ dom: 'index f:b p:d @chin~near:index_tip ; circle(v,cw,l) orient(f:u p:f)+to(cheek~near) [line(c,s) line(i,s)]*2' })
    const move = t.phases.find(p => p.phase === 'move')!
    const pose = createPose()
    let top = -Infinity; let bottom = Infinity
    for (let s = move.t0; s < move.t0 + 0.55; s += 0.02) {
      samplePose(t, s, pose)
      for (let j = 0; j < 21; j++) { top = Math.max(top, pose.hands[0][j * 3 + 1]); bottom = Math.min(bottom, pose.hands[0][j * 3 + 1]) }
    }
    samplePose(t, 0, pose)
    const head = pose.joints[J_HEAD * 3 + 1]
    // The hand passes over the forehead and below the chin: the circle's middle is on the face.
    expect(top).toBeGreaterThan(head + 0.06)
    expect(bottom).toBeLessThan(head - HEAD_RY)
    expect(Math.abs((top + bottom) / 2 - head)).toBeLessThan(0.1)
  })
})

describe('neutral_high is above the head, where the illustrations draw 宇宙 and 云', () => {
  test.each([
    ['宇宙 (national 6071)', { rel: 'alternate', dom: 'thumb_index_cross f:u p:c @neutral_high.i ; circle(h,cw)*2' }],
    ['云 (national 6157)', { dom: 'c_large f:f p:c @neutral_high ; circle(h,ccw)*2' }]
  ] as Array<[string, NotationSource]>)('%s: the hand is above the eyebrows, its top above the head, inside the picture', (_name, src) => {
    const t = tl(src)
    const pose = createPose()
    samplePose(t, held(t), pose)
    const H = pose.hands[0]
    let top = -Infinity
    for (let j = 0; j < 21; j++) top = Math.max(top, H[j * 3 + 1])
    const palmY = (H[1] + H[28]) / 2
    const head = pose.joints[J_HEAD * 3 + 1]
    // Was at eye height (palm 1.58 m, the eyes at 1.63 m).
    expect(palmY).toBeGreaterThan(head + 0.04)
    expect(top).toBeGreaterThan(head + HEAD_RY)
    const cam = setCamera(createCamera(), { view: 'front', mirror: false, closeUp: false, width: 347, height: 364 })
    const out = new Float32Array(2)
    project(cam, H, 9, out, 0, new Float64Array(1), 0)
    expect(out[1]).toBeGreaterThan(0)
  })
})

describe('飞机 opens at 45°, where its hand reads as the book draws it (side-on)', () => {
  const view = (src: NotationSource): string => viewAdvice([{ sign: sign(src), label: 'x' }]).view
  test('飞机 (national 1597): the plane hand points at the viewer and flies up and forward', () => {
    expect(view({ dom: 'thumb_index_pinky f:f p:d @neutral ; line(uf)' })).toBe('45')
  })
  test('the same movement with the fingers up, or a forward hand moving mostly up, stays in front', () => {
    expect(view({ dom: 'thumb_index_pinky f:u p:f @neutral ; line(uf)' })).toBe('front')
    expect(view({ dom: 'thumb_index_pinky f:f p:d @neutral ; line(u) line(f,s)' })).toBe('front')
  })
})

describe('a hand whose fingers point back at the forehead is before it, the elbow low (session 5 review)', () => {
  // Turned toward below-in-front the hand swung over both eyes, the pivot was refused, and the wrist
  // stayed high before the forehead with the elbow over the shoulder: the front view drew the hand
  // on top of the head. It now turns toward the own side (FACE_PIVOT_TOWARD_BACK).
  test.each([
    ['习 (national 5416)', { dom: 'flat_o f:b p:d @forehead~near ; to(forehead~touch)' }],
    ['会 (national 2364)', { dom: 'flat f:b p:d @forehead~touch:tips ; line(f)+orient(f:f p:d)' }],
    ['昏迷 (national 2374)', { dom: 'cup f:b p:d @forehead~near ; circle(v,cw)*2' }],
    ['聪明 (national 975)', { dom: 'flat_o f:bc p:d @forehead~near:tips ; line(b,s)+shape(open)' }]
  ] as Array<[string, NotationSource]>)('%s: elbow 3 cm under the shoulder, wrist below the hand top', (_name, src) => {
    const t = tl(src)
    const pose = createPose()
    samplePose(t, held(t), pose)
    const J = pose.joints
    expect(J[J_R_ELBOW * 3 + 1]).toBeLessThan(J[J_R_SHOULDER * 3 + 1] - 0.03)
    let top = -Infinity
    for (let j = 0; j < 21; j++) top = Math.max(top, pose.hands[0][j * 3 + 1])
    expect(J[J_R_WRIST * 3 + 1]).toBeLessThan(top - 0.01)
  })
})

describe('a hand written at the mouth or the nose stays there (session 5 review)', () => {
  const palm = (H: Float32Array | Float64Array, k: number): number => (H[k] + H[9 * 3 + k]) / 2
  test('问 (national 5313, covers: mouth): the cupped hand is before the mouth, not beside the head', () => {
    // Face clearing slid it 10 cm aside, off the eyes its fingers rose to: a hand written to cover
    // the mouth now only slides down.
    const t = tl({ dom: 'cup f:u p:f @mouth ; line(f,s)*2', covers: 'mouth' })
    const pose = createPose()
    samplePose(t, held(t), pose)
    const H = pose.hands[0]
    expect(Math.abs(palm(H, 0))).toBeLessThan(0.04)
    expect(palm(H, 1)).toBeLessThan(pose.joints[J_HEAD * 3 + 1] + MOUTH_Y + 0.02)
  })
  test.each([
    ['闻 (national 5305)', { dom: 'index_mid f:u p:b @nose~close:tips ; tap' }],
    ['an index up at the nose', { dom: 'index f:u p:b @nose~touch:index_tip' }]
  ] as Array<[string, NotationSource]>)('%s: the fingertips are at the nostrils, below the eyes', (_name, src) => {
    // The nose site is the nose tip, 2.5 cm under the eyes: tips placed at its height drew their
    // ends up to the eyes. Tips pointing up meet it from below (NOSTRIL_BELOW_M).
    const t = tl(src)
    const pose = createPose()
    samplePose(t, held(t), pose)
    let top = -Infinity
    for (const j of [8, 12]) top = Math.max(top, pose.hands[0][j * 3 + 1] + R)
    expect(top).toBeLessThan(pose.joints[J_HEAD * 3 + 1] + EYE_Y - EYE_RY - 0.005)
  })
})

test.each([
  ['官 (national 1991): fingertips at the temples', 'flat f:c p:b @temple~touch:tips ; [line(u,s) line(d,s)]*2'],
  ['崩溃 (national 303): claws before the forehead', 'claw f:c p:d @forehead~near ; to(chest_side~near)+orient(f:d p:b)']
])('%s (mirror), the elbows below the shoulders (session 5 review)', (_name, dom) => {
  // Two hands were never pivoted for a low elbow: the forearms lay level across the forehead (官)
  // or stood over the head (崩溃), elbows at or over shoulder height.
  const t = tl({ rel: 'mirror', dom } as NotationSource)
  const pose = createPose()
  samplePose(t, held(t), pose)
  const J = pose.joints
  expect(J[J_R_ELBOW * 3 + 1]).toBeLessThan(J[J_R_SHOULDER * 3 + 1] - 0.03)
  expect(J[J_L_ELBOW * 3 + 1]).toBeLessThan(J[J_L_SHOULDER * 3 + 1] - 0.03)
  expect(worstContactGap(t)).toBeLessThan(0.005)
})

describe('engine lane E6: data-review faults (near on a finger; thumb-out hands forward)', () => {
  const wristX = (t: Timeline): number => {
    const pose = createPose()
    samplePose(t, held(t), pose)
    return pose.hands[0][0]
  }
  test('实行 (national 4552): near a finger lying across, the hand hovers over it where it would touch, not out past its tip', () => {
    const nondom = 'index f:c p:d @neutral.c'
    const near = tl({ rel: 'base', dom: '10 f:dc p:b @H.index~near', nondom })
    const touch = tl({ rel: 'base', dom: '10 f:dc p:b @H.index', nondom })
    // Was 4.2 cm further out along the other index (toward its tip), the arm lifted to the side.
    expect(Math.abs(wristX(near) - wristX(touch))).toBeLessThan(0.01)
  })
  test('标准 (national 396): near an upright index, the hand is still beside it on its own side', () => {
    const t = tl({ rel: 'base', dom: 'flat f:c p:f @H.index~near', nondom: 'index f:u p:f @neutral.c' })
    const pose = createPose()
    samplePose(t, held(t), pose)
    const [R, L] = pose.hands
    // The dominant hand (x < 0 side) has its fingertips beside the index (centres 1–3.5 cm apart
    // across: lane E8 brought `near` on a finger in from 5 to 2.5 cm), at its height.
    const gap = L[8 * 3] - Math.max(R[8 * 3], R[12 * 3])
    expect(gap).toBeGreaterThan(0.01); expect(gap).toBeLessThan(0.035)
    expect(R[12 * 3 + 1]).toBeGreaterThan(L[5 * 3 + 1]); expect(R[12 * 3 + 1]).toBeLessThan(L[8 * 3 + 1])
  })
  test('派遣 处罚② 旅 (thumb-out hands f:f): the extended fingers point forward; only the thumb stands up', () => {
    // The lanes saw these drawn "pointing up" on the front-view sheet: the upright thumb (p:c) is all
    // that is not foreshortened. The fingers are forward, and the player opens 派遣 and 处罚② at 45°.
    const dirZ = (H: Float32Array, a: number, b: number): number => (H[b * 3 + 2] - H[a * 3 + 2]) / dist(H, a, H, b)
    for (const [dom, fingers] of [['three f:f p:c @neutral', [5, 9]], ['thumb_index_pinky f:f p:c @neutral', [5, 17]], ['thumb_pinky f:f p:c @neutral', [17]]] as Array<[string, number[]]>) {
      const t = tl({ dom })
      const pose = createPose()
      samplePose(t, held(t), pose)
      for (const f of fingers) expect(dirZ(pose.hands[0], f, f + 3)).toBeGreaterThan(0.9)
    }
    const dict = compiledDictionary()
    for (const id of ['paiqian', 'chufa_3']) {
      const r = entryItems(dict, dict.entries.find(x => x.id === id) ?? dict.entries[0])
      expect('items' in r && viewAdvice(r.items).view).toBe('45')
    }
  })
})

describe('engine lane E7 (session 6): head and face sites drawn where the notation puts them', () => {
  test.each([
    ['官僚 (national 1992): two written hands, fingertips at the temples', { rel: 'two', dom: 'flat f:c p:b @temple~touch:tips ; to(back_head~touch:tips)', nondom: 'flat f:c p:b @temple~touch:tips ; to(forehead~touch:tips)' }],
    ['广告 (national 2014): a flat hand before the forehead, the other at the chin', { rel: 'two', dom: 'flat f:c p:d @forehead~near ; [line(f,s) line(b,s)]*2', nondom: 'flat f:c p:d @chin~near ; [line(f,s) line(b,s)]*2' }]
  ] as Array<[string, NotationSource]>)('%s: the hand at the head is reached with the elbow low', (_name, src) => {
    // Only one-handed and mirrored signs were pivoted for a low elbow: with two written hands the
    // forearms lay level across the forehead (官僚) or the hand stood over the head, the arm upright (广告).
    const t = tl(src)
    const pose = createPose()
    samplePose(t, held(t), pose)
    const J = pose.joints
    expect(J[J_R_ELBOW * 3 + 1]).toBeLessThan(J[J_R_SHOULDER * 3 + 1] - 0.03)
    expect(J[J_L_ELBOW * 3 + 1]).toBeLessThan(J[J_L_SHOULDER * 3 + 1] - 0.03)
    expect(worstContactGap(t)).toBeLessThan(0.01)
  })
  test.each([
    ['甜 (national 4873)', { dom: 'index f:uc p:b @cheek~touch:index_tip' }],
    ['冯 (national 1669)', { dom: 'thumb_index f:c p:b @cheek~touch:index_tip ; brush(c)' }],
    ['坚持 (national 2544)', { dom: 'index f:uc p:b @cheek~touch:tips' }]
  ] as Array<[string, NotationSource]>)('%s: the index tip on the cheek is beside the nose\'s bottom, not up at the eye', (_name, src) => {
    // The book touches the cheek between the nose's bottom and the mouth; the site was 1.9 cm under
    // the nose tip, and a finger there read as pointing at the eye (甜) or lay across below it (冯).
    const t = tl(src)
    const pose = createPose()
    samplePose(t, held(t), pose)
    const y = pose.hands[0][8 * 3 + 1] - pose.joints[J_HEAD * 3 + 1]
    expect(y).toBeLessThan(-0.04)
    // (冯's index lies across toward the mouth: face clearing keeps it below it, at the lower cheek.)
    expect(y).toBeGreaterThan(MOUTH_Y - 0.035)
  })
  test.each([
    ['兴趣 (national 5647)', { dom: 'pinch f:u p:c @nose~close ; rub', covers: 'mouth' }],
    ['香 (national 5498)', { dom: 'pinch f:u p:b @nose~close ; rub' }],
    ['济南 (national 2458)', { dom: '7 f:u p:c @nose~close ; [line(d,s) line(u,s)]*2' }],
    ['感冒 (national 1761)', { dom: 'pinch_open f:u p:b @nose~close ; [line(d,s)+fast line(u,s)]*2' }]
  ] as Array<[string, NotationSource]>)('%s: fingers up at the nose or mouth meet it with their tips, the hand below', (_name, src) => {
    // With no part written, the part nearest along the site's normal was a knuckle or the back of
    // the hand: it stood before the face at the site's height, its fingers over the eyes.
    const t = tl(src)
    const pose = createPose()
    samplePose(t, held(t), pose)
    const H = pose.hands[0]
    const head = pose.joints[J_HEAD * 3 + 1]
    // The palm below the mouth line (it was at the nose's height), the fingertips below the eyes.
    expect((H[1] + H[9 * 3 + 1]) / 2).toBeLessThan(head + MOUTH_Y)
    for (const j of [4, 8, 12]) expect(H[j * 3 + 1] + R).toBeLessThan(head + EYE_Y - EYE_RY)
  })
  test('博士 (national 480): the left hand flat on the head\'s top is reached with the forearm beside the head, not across the face', () => {
    const t = tl({ rel: 'base', dom: 'mid_ring_pinky f:u p:f @H.fingertips ; line(d)', nondom: 'flat f:c p:d @head_top~touch' } as NotationSource)
    const pose = createPose()
    samplePose(t, held(t), pose)
    const J = pose.joints
    // Elbow and mid-forearm beyond the face's outline (head half width 7.8 cm) on the left.
    expect(J[J_L_ELBOW * 3]).toBeGreaterThan(0.078)
    expect((J[J_L_ELBOW * 3] + J[J_L_WRIST * 3]) / 2).toBeGreaterThan(0.078)
  })
  test('照相 (national 6265, covers: eyes): both hands held near the eyes are before them, not beside the head', () => {
    // Placed by the part nearest the eye (the thumb tip, 10 cm before it), each hand hung below the
    // eye over the mouth and was then slid aside: the camera was held beside the ears.
    const t = tl({ rel: 'two', dom: 'pinch_open f:c p:b @eye~near ; shape(pinch)+fast shape(pinch_open)', nondom: 'pinch_open f:c p:b @eye~near', covers: 'eyes' } as NotationSource)
    const pose = createPose()
    samplePose(t, held(t), pose)
    const eyeY = pose.joints[J_HEAD * 3 + 1] + EYE_Y
    for (const H of pose.hands) {
      const x = (H[0] + H[9 * 3]) / 2; const y = (H[1] + H[9 * 3 + 1]) / 2
      // Palm centres over the face's sides (they were 15.6 cm out, beyond the ears), below the brows.
      expect(Math.abs(x)).toBeLessThan(0.11)
      expect(y).toBeLessThan(eyeY + 0.02)
    }
  })
})

describe('engine lane E8: contacts between the two hands (session 6 review)', () => {
  /** Smallest gap (m) between the two hands' drawn surfaces (landmarks as spheres of the finger radius) at time t. */
  const surfaceGap = (t: Timeline, at: number): number => {
    const pose = createPose()
    samplePose(t, at, pose)
    let d = Infinity
    for (let i = 0; i < 21; i++) for (let j = 0; j < 21; j++) d = Math.min(d, dist(pose.hands[0], i, pose.hands[1], j))
    return d - 2 * R
  }
  test.each([
    ['标准 (national 396)', { rel: 'base', dom: 'flat f:c p:f @H.index~near', nondom: 'index f:u p:f @neutral.c' }],
    ['标志 (national 395)', { rel: 'base', dom: 'ZH f:c p:b @H.index~near', nondom: 'index f:u p:f @neutral.c' }],
    ['身份 (national 4444)', { rel: 'base', dom: 'thumb_index f:dc p:b @H.thumb~near ; line(d,s)*2', nondom: 'thumb_pinky f:d p:b @neutral' }],
    ['指示 (national 6402)', { rel: 'base', dom: 'index f:f p:d @H.thumb~near ; [line(c,s) line(i,s)]*2', nondom: 'thumb_side f:f p:c @neutral.c' }]
  ] as Array<[string, NotationSource]>)('%s: `near` a finger of the other hand is right beside it (the illustrations: a finger\'s width apart)', (_name, src) => {
    // Was 3.6–4.5 cm (5 cm from the spot): two hands apart in the review sheets.
    const t = tl(src)
    const g = surfaceGap(t, held(t))
    expect(g).toBeGreaterThan(0.003)
    expect(g).toBeLessThan(0.025)
  })
  test.each([
    ['山峰 (national 4372): claw over 山 (thumb, index, little finger up)', { rel: 'base', dom: 'claw f:d p:b @H.fingertips~close ; line(u)+shape(flat_o)', nondom: 'thumb_index_pinky f:u p:b @neutral.c' }, 8],
    ['墓葬 (national 3675): cup on the little fingertip', { rel: 'base', dom: 'cup f:c p:d @H.fingertips:palm', nondom: 'thumb_pinky f:u p:c @neutral.c' }, 20]
  ] as Array<[string, NotationSource, number]>)('%s: the fingertips of a hand with the middle finger curled are those of its extended finger', (_name, src, tip) => {
    // H.fingertips was the middle fingertip always: curled, in the palm, and the other hand went
    // onto the knuckles or in front of the palm (山峰's claw hid the base hand).
    const t = tl(src)
    const pose = createPose()
    samplePose(t, held(t), pose)
    const site = new Float64Array(3); const n = new Float64Array(3)
    resolveHandSite('H.fingertips', pose.hands[1], Float64Array.from(pose.handQuat.subarray(4, 8)), -1, site, n)
    expect(dist(site, 0, pose.hands[1], tip)).toBeLessThan(R + 0.002)
    let d = Infinity
    for (let j = 0; j < 21; j++) d = Math.min(d, dist(pose.hands[0], j, pose.hands[1], tip))
    expect(d).toBeLessThan(0.045)
  })
  test.each([
    ['属性 (national 4671): into the C from beside it', { rel: 'base', dom: 'open f:u p:b @H.inside~near ; to(H.inside)+shape(flat_o)', nondom: 'c_large f:c p:b @neutral.c' }],
    ['茶叶 (national 640): into the cup from above', { rel: 'base', dom: '7 f:d p:b @H.inside~near ; to(H.inside)+shape(claw_three)', nondom: 'c_large f:f p:c @neutral.c' }]
  ] as Array<[string, NotationSource]>)('%s: `near` the inside of the left hand\'s ring is on its thumb side, not below it', (_name, src) => {
    // The ring's axis was the left hand's x axis unmirrored: toward its little finger, so the hand
    // started 8–16 cm below the C (at the belly, off the picture's edge) and came up into it.
    const t = tl(src)
    const pose = createPose()
    samplePose(t, held(t), pose)
    const L = pose.hands[1]
    const site = new Float64Array(3); const n = new Float64Array(3)
    resolveHandSite('H.inside', L, Float64Array.from(pose.handQuat.subarray(4, 8)), -1, site, n)
    // The normal points to the thumb's side of the hand.
    expect(n[0] * (L[4 * 3] - L[0]) + n[1] * (L[4 * 3 + 1] - L[1]) + n[2] * (L[4 * 3 + 2] - L[2])).toBeGreaterThan(0)
    expect(pose.hands[0][9 * 3 + 1] - site[1]).toBeGreaterThan(-0.03)
  })
  test('真空 (national 6284): a hand left on the other hand by one part holds still while the other moves to the next part', () => {
    // Held anchored, the open hand rising out of the C was carried round by the base turning to
    // part 2's posture and swung 15 cm across the mouth.
    const t = compileTimeline([
      item({ rel: 'base', dom: 'open f:d p:b @H.inside ; line(u)+shape(flat_o)', nondom: 'c_large f:f p:c @neutral.c' }),
      item({ rel: 'base', dom: 'flat f:f p:u @H.thumb_side:pinky_side ; brush(c)', nondom: 'flat f:uf p:b @neutral.c' })
    ], { ambient: false })
    const end0 = t.phases.find(p => p.phase === 'end' && p.item === 0)
    const start1 = t.phases.find(p => p.phase === 'start' && p.item === 1)
    if (!end0 || !start1) throw new Error('phases')
    const pose = createPose()
    samplePose(t, end0.t0, pose)
    const w0 = Array.from(pose.hands[0].subarray(0, 3))
    samplePose(t, start1.t0 + 0.09, pose)
    expect(dist(pose.hands[0], 0, w0, 0)).toBeLessThan(0.01)
  })
})


describe('engine lane F3 (session 7): hands at the side of the face', () => {
  /** m (≈): how far landmark j of hand H lies outside the head ellipsoid grown by the drawn finger radius (negative: inside). */
  const headGap = (pose: Pose, H: Float32Array, j: number): number => {
    const C = [0, 1, 2].map(k => pose.joints[J_HEAD * 3 + k])
    const u = (H[j * 3] - C[0]) / (0.078 + R); const v = (H[j * 3 + 1] - C[1]) / (HEAD_RY + R); const w = (H[j * 3 + 2] - C[2]) / (0.095 + R)
    return (Math.hypot(u, v, w) - 1) * 0.078
  }
  const entryTl = (id: string): Timeline => {
    const dict = compiledDictionary()
    const e = dict.entries.find(x => x.id === id)
    if (!e) throw new Error(id)
    const r = entryItems(dict, e)
    if (!('items' in r)) throw new Error(id)
    return compileTimeline(r.items, { ambient: false })
  }
  const start = (t: Timeline): Pose => { const pose = createPose(); samplePose(t, held(t), pose); return pose }

  test('邓小平 (national 1176, part 一 as written: a D fist, palm to the head, index side at the ear): no joint sinks into the head, and the hand still rests on it', () => {
    // Placed by its index side alone, the thumb and curled fingers were 2–3 cm inside the head and
    // the 1.2× fist, drawn over the face, reached across the cheek toward the eye.
    const pose = start(tl({ dom: 'D f:df p:c @ear~touch:index_side' }))
    const H = pose.hands[0]
    let least = Infinity
    for (let j = 0; j < 21; j++) least = Math.min(least, headGap(pose, H, j))
    expect(least).toBeGreaterThan(-0.006)
    expect(least).toBeLessThan(0.006)
  })
  test('邓 (national 1175): the upright D fist is beside the ear, its index side on it, not over the face', () => {
    // The book holds the fist up beside the ear, 虎口 on it (f:u p:f); written f:df p:c, the fist
    // lay across the cheek.
    const t = entryTl('deng_4')
    const pose = start(t)
    const H = pose.hands[0]
    const hx = pose.joints[J_HEAD * 3]
    // Every joint outside the face's width (the eyes are 3.2 cm from the midline, the ears 8 cm).
    for (let j = 0; j < 21; j++) expect(Math.abs(H[j * 3] - hx)).toBeGreaterThan(0.06)
    expect(worstContactGap(t)).toBeLessThan(0.01)
  })
  test('陈 (national 756): the C of thumb and index opens toward the ear, the index on top, the hand below it', () => {
    // Written fingers forward, the C stood edge-on beside the head and the index pointed along it
    // toward the eye; the book's C spans the ear from its top to its bottom.
    const t = entryTl('chen')
    const pose = start(t)
    const H = pose.hands[0]
    expect(H[4 * 3 + 1]).toBeLessThan(H[8 * 3 + 1] - 0.04)
    expect(H[1]).toBeLessThan(H[8 * 3 + 1] - 0.06)
    expect(worstContactGap(t)).toBeLessThan(0.01)
  })
  test.each(['liangkuai', 'laoban'])('%s (凉, 老板 (一)): the backs of the bent fingers are on the cheek, the thumb up', id => {
    // Written `back` (the back of the palm) with the fingers up and the palm out, the claw stood on
    // the cheek with its fingers over the eye and its thumb out sideways; the book's fingers are
    // bent toward the cheek, the index's back on it and the others down the jaw, the thumb up.
    const t = entryTl(id)
    const pose = start(t)
    const H = pose.hands[0]
    // The bent fingers' middle joints (the claw's row: index on top), and their middle bones' ends.
    const joints = [6, 10, 14, 18]
    expect(Math.min(...[...joints, 7, 11, 15, 19].map(j => headGap(pose, H, j)))).toBeLessThan(0.01)
    // The thumb in the upper half of the hand (it stuck out sideways below the upright fingers).
    expect(H[4 * 3 + 1]).toBeGreaterThan(joints.reduce((a, j) => a + H[j * 3 + 1], 0) / joints.length)
  })
  test('乌 (national 5328): the W\'s fingertips are on the side of the head while they brush down', () => {
    // Written with no part and the fingers straight up, the folded thumb met the head and the
    // fingers stood 5 cm off the hair.
    const t = entryTl('wu_3')
    const pose = createPose()
    for (const m of t.contacts) {
      samplePose(t, m.t, pose)
      // The middle fingertip on the hair, the index and ring fingertips beside it (the head curves away).
      const gaps = [8, 12, 16].map(j => headGap(pose, pose.hands[0], j))
      expect(Math.min(...gaps)).toBeLessThan(0.005)
      expect(Math.max(...gaps)).toBeLessThan(0.025)
    }
    expect(t.contacts.length).toBeGreaterThan(0)
  })
})

describe('engine lane F4 (session 7): thumbs, three-finger strokes', () => {
  /** The hand's palm polygon as drawn (px): the first polygon the hand owns. */
  const palmOf = (pose: Pose, cam: Camera): Array<[number, number]> => {
    const list = buildDrawList(pose, cam, createDrawList())
    for (let i = 0; i < list.count; i++) {
      if (list.owner[i] !== 0 || list.kind[i] !== 2) continue
      return Array.from({ length: list.npts[i] }, (_, k) => [list.data[i * 24 + 2 * k], list.data[i * 24 + 2 * k + 1]] as [number, number])
    }
    return []
  }
  const inside = (poly: Array<[number, number]>, x: number, y: number): boolean => {
    let c = false
    for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
      const [xi, yi] = poly[i]; const [xj, yj] = poly[j]
      if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c
    }
    return c
  }
  test.each(['flat_thumb_out', '8', 'thumb_index', 'L'])('%s (美洲: a thumb held out): the web joins the thumb\'s metacarpal to the palm', (hs) => {
    const t = tl({ dom: `${hs} f:u p:f @neutral` })
    const pose = samplePose(t, held(t), createPose())
    const cam = setCamera(createCamera(), { view: 'front', mirror: false, closeUp: true, width: 400, height: 400 })
    const palm = palmOf(pose, cam) // (aims the close-up at the hand)
    const xy = new Float32Array(2); const d = new Float64Array(1)
    // 40 % of the way from the thumb's MCP to the index's, a third of the way back toward the CMC:
    // skin between the thumb and the palm in a real hand; before, the thumb's metacarpal stood free.
    const L = pose.hands[0]
    const p = new Float64Array(3)
    for (let k = 0; k < 3; k++) p[k] = L[6 + k] + (L[15 + k] - L[6 + k]) * 0.4 + (L[3 + k] - L[6 + k]) * 0.15
    project(cam, p, 0, xy, 0, d, 0)
    expect(inside(palm, xy[0], xy[1])).toBe(true)
  })

  test('王 (national 5208): mid_ring_pinky\'s three fingers lie near parallel, as the book draws the strokes', () => {
    const t = tl({ dom: 'mid_ring_pinky f:u p:f @neutral' })
    const L = samplePose(t, held(t), createPose()).hands[0]
    const dir = (f: number): number[] => { const b = (5 + 4 * f) * 3; const n = Math.hypot(L[b + 9] - L[b], L[b + 10] - L[b + 1], L[b + 11] - L[b + 2]); return [0, 1, 2].map(k => (L[b + 9 + k] - L[b + k]) / n) }
    const deg = (a: number[], b: number[]): number => Math.acos(Math.min(1, a[0] * b[0] + a[1] * b[1] + a[2] * b[2])) * 180 / Math.PI
    // Middle to little finger: they fanned 25°; the book draws them parallel, a little apart.
    expect(deg(dir(1), dir(3))).toBeLessThan(10)
    // Apart: the tips further apart than the knuckles (the fingers do not converge).
    expect(dist(L, 12, L, 20)).toBeGreaterThan(dist(L, 9, L, 17))
  })
})

describe('a circle round the other hand goes round it (`circle(…,H)`, session 7 lane F1)', () => {
  // 绕左手转动 (社会 卫星 整体 周期 …): the circle started at the written site and its centre lay beside
  // it, so the hand circled next to the other hand; centred on the site with the written size, the
  // hands passed 1–1.5 cm through each other. Each entry as transcribed, its first turn.
  const ROUND = ['shehui', 'weixing', 'zhengti', 'zhouqi', 'zhounian', 'chan', 'kun', 'zongjiao', 'hunan', 'xingxing_2']
  const PLANE_AXES = { h: [0, 2], v: [0, 1], s: [1, 2] } as const
  test.each(ROUND)('%s: the hand\'s path encloses the other hand\'s site in the circle\'s plane, the hands never more than 0.5 cm into each other', id => {
    const dict = compiledDictionary()
    const r = entryItems(dict, dict.entries.find(x => x.id === id)!)
    if ('error' in r) throw new Error(r.error)
    const s0 = r.items[0].sign
    const m0 = s0.dom.moves[0]
    const circle = m0.kind === 'circle' ? m0 : m0.kind === 'repeat' || m0.kind === 'par' ? m0.items[0] : m0
    expect(circle).toMatchObject({ kind: 'circle', round: true })
    if (circle.kind !== 'circle') return
    const [a, b] = PLANE_AXES[circle.plane]
    const t = compileTimeline(r.items, { ambient: false })
    const move = t.phases.find(p => p.phase === 'move')!
    const pose = createPose()
    const site = new Float64Array(3); const n = new Float64Array(3)
    const N = 32
    // Winding of the palm centre (mean of the wrist and the middle knuckle) and of every fingertip
    // round the site, which is resolved at every sampled time.
    const joints = [0, 4, 8, 12, 16, 20]
    const wind = joints.map(() => 0); const prev = joints.map(() => NaN)
    let worst = 0
    for (let i = 0; i <= N; i++) {
      samplePose(t, move.t0 + CIRCLE_TURN_S * i / N, pose)
      worst = Math.max(worst, handOverlap(pose).overlap)
      resolveHandSite(s0.dom.loc.site, pose.hands[1], Float64Array.from(pose.handQuat.subarray(4, 8)), -1, site, n)
      const H = pose.hands[0]
      joints.forEach((j, k) => {
        const x = j === 0 ? (H[a] + H[27 + a]) / 2 : H[j * 3 + a]; const y = j === 0 ? (H[b] + H[27 + b]) / 2 : H[j * 3 + b]
        const ang = Math.atan2(y - site[b], x - site[a])
        if (i > 0) wind[k] += Math.atan2(Math.sin(ang - prev[k]), Math.cos(ang - prev[k]))
        prev[k] = ang
      })
    }
    // The hand (its palm centre, and most of its fingertips) goes once round.
    const turns = wind.map(w => Math.abs(w) / (2 * Math.PI))
    expect(turns[0]).toBeGreaterThan(0.9)
    expect(turns.slice(1).filter(w => w > 0.9).length).toBeGreaterThanOrEqual(3)
    expect(worst).toBeLessThanOrEqual(0.005)
  })

  test('without `H` the same circle starts at the site and goes beside the other hand (the fault)', () => {
    const src = { rel: 'base', dom: 'index f:d p:b @H.fingertips~close:index_tip ; circle(h,cw)', nondom: 'flat_o f:u p:c @neutral' }
    const t = tl(src)
    const move = t.phases.find(p => p.phase === 'move')!
    const pose = createPose()
    const site = new Float64Array(3); const n = new Float64Array(3)
    let w = 0; let prev = NaN
    for (let i = 0; i <= 32; i++) {
      samplePose(t, move.t0 + CIRCLE_TURN_S * i / 32, pose)
      resolveHandSite('H.fingertips', pose.hands[1], Float64Array.from(pose.handQuat.subarray(4, 8)), -1, site, n)
      const ang = Math.atan2(pose.hands[0][8 * 3 + 2] - site[2], pose.hands[0][8 * 3] - site[0])
      if (i > 0) w += Math.atan2(Math.sin(ang - prev), Math.cos(ang - prev))
      prev = ang
    }
    expect(Math.abs(w) / (2 * Math.PI)).toBeLessThan(0.5)
  })
})

describe('engine lane F2 (session 7): the face kept readable as the book draws it', () => {
  const front = (t: Timeline, at: number): { pose: Pose; eyes: number; mouth: number } => {
    const pose = createPose(); const list = createDrawList()
    const cam = setCamera(createCamera(), { view: 'front', mirror: false, closeUp: false, width: 240, height: 320 })
    samplePose(t, at, pose)
    return { pose, ...faceCover(buildDrawList(pose, cam, list), true) }
  }
  test('曾 (national 6202, covers: eyes @forehead.m): the hand is at the forehead\'s middle, the forearm across the cheek', () => {
    // Its forearm, rising straight to the middle, was judged over the mouth and the hand slid 7 cm
    // aside; judged alone it stood on a forearm upright over the nose and mouth. It now leans.
    const t = tl({ dom: 'index_pinky f:u p:f @forehead.m~close', covers: 'eyes' })
    const { pose, mouth } = front(t, held(t))
    const H = pose.hands[0]
    expect(Math.abs((H[0] + H[27]) / 2 - pose.joints[J_HEAD * 3])).toBeLessThan(0.025)
    expect(mouth).toBeLessThan(0.7) // (upright: all of it)
  })
  test.each([['差点儿 (national 651)', 'chadianer', 0], ['及时② (national 2434 (二))', 'jishi_2', 1]] as Array<[string, string, number]>)('%s: the pinch at the forehead is reached with the elbow under the shoulder', (_name, id, part) => {
    // Written at the forehead's middle, every low-elbow pivot step hid both eyes and the elbow stayed
    // 2.7 cm over the shoulder, the upper arm raised beside the head. At the own side (forehead.i,
    // the book's 前额 seen in profile) the hand is over one eye at most.
    const e = compiledDictionary().entries.find(x => x.id === id)
    if (!e) throw new Error(id)
    const r = entryItems(compiledDictionary(), e)
    if ('error' in r) throw new Error(r.error)
    const t = compileTimeline(r.items, { ambient: false })
    const start = t.phases.find(p => p.item === part)
    if (!start) throw new Error('no phase')
    const { pose } = front(t, start.t1 - 0.02)
    expect(pose.joints[J_R_ELBOW * 3 + 1]).toBeLessThan(pose.joints[J_R_SHOULDER * 3 + 1])
  })
  test.each([
    ['生日② (national 4480 (二))', 'shengri', 1], ['节日 (national 2702)', 'jieri', 0], ['日记 (national 4274 (一))', 'riji', 0]
  ] as Array<[string, string, number]>)('%s: the ring passes over the head (越过头顶), not round below the chin, the face readable', (_name, id, part) => {
    // The movement over the head crossed the face straight (the forearm judged with the hand over the
    // hairline): the whole posture was slid 13 cm down and the stroke went below the chin. Then the
    // forearm, from a low elbow, stood up over the face as the hand passed (ik.ts: over the head).
    const e = compiledDictionary().entries.find(x => x.id === id)
    if (!e) throw new Error(id)
    const r = entryItems(compiledDictionary(), e)
    if ('error' in r) throw new Error(r.error)
    const t = compileTimeline(r.items, { ambient: false })
    // The part's movement: (to the start beside the head,) to the head top, over to the other side.
    const moves = t.phases.filter(p => p.item === part && p.phase === 'move')
    const headY = front(t, 0).pose.joints[J_HEAD * 3 + 1]
    let low = Infinity; let hidden = 0; let n = 0
    for (let s = moves[0].t0; s <= moves[moves.length - 1].t1; s += 0.02, n++) {
      const f = front(t, s)
      low = Math.min(low, (f.pose.hands[0][1] + f.pose.hands[0][28]) / 2)
      if (Math.max(f.eyes, f.mouth) > 0.3) hidden++
    }
    // It ends beside the other side of the head (日记 was written arc(c,u,l): 20 cm, to the forehead).
    const end = front(t, moves[moves.length - 1].t1).pose.hands[0]
    expect((end[0] + end[27]) / 2).toBeGreaterThan(0.1)
    // (Before: the palm 13 cm under the head's centre, below the chin.)
    expect(low).toBeGreaterThan(headY - 0.03)
    // The face reads all the way but for the moment the elbow drops from over the head (a frame).
    expect(hidden).toBeLessThanOrEqual(Math.max(1, n * 0.04))
  })
})
