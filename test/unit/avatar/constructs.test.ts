/**
 * Notation version 2's constructs (docs/notation.md), kinematically: at the contact moment the
 * named parts meet (within 1 cm), palms never pass through each other by more than 0.5 cm, bones
 * keep their lengths; absolute sides stay on the body's own side in the mirrored view; a moving
 * base carries the hand that touches it; the new non-manuals move their channels.
 */
import {
  compileTimeline, contactPartWorld, contactSiteWorld, createPose, partPoint, samplePose, type Pose, type Timeline,
  F_EYE_OPEN, F_HEAD_YAW, F_SHOULDER_RAISE, F_TORSO_PITCH, F_TORSO_ROLL, F_BROW_RAISE, J_R_SHOULDER,
  FOREARM_M, UPPER_ARM_M, J_R_ELBOW, J_R_WRIST, J_L_SHOULDER, J_L_ELBOW, J_L_WRIST, PALM_HALF_THICK, HAND_EMPHASIS
} from './engine'
import type { NotationSource } from '../../../src/core/sign/dictionary'
import { sign } from './fixtures'
import { parseSignNotation } from '../../../src/core/sign/parse'

/** The national examples of docs/notation.md's table of two-hand set shapes. */
const CONSTRUCTS: Record<string, NotationSource> = {
  '∧ (家)': { rel: 'mirror', dom: 'flat f:uc p:dc @neutral.m:tips' },
  '人': { rel: 'mirror', dom: 'index f:uc p:f @neutral.m:index_tip' },
  '十': { rel: 'base', nondom: 'index f:u p:b @neutral.c', dom: 'index f:c p:f @H.index:finger' },
  'heart (心)': { rel: 'mirror', dom: 'c_index_large f:u p:c @neutral.m:index_tip' },
  'crossed wrists (禁止)': { rel: 'base', nondom: 'fist f:uc p:b @neutral', dom: 'fist f:uc p:b @H.wrist:wrist' },
  'stacked fists (做)': { rel: 'base', nondom: 'fist f:c p:d @neutral.c', dom: 'fist f:c p:d @H.thumb_side:pinky_side' },
  'holds the index (抓住)': { rel: 'base', nondom: 'index f:uc p:b @neutral.c', dom: 'fist f:c p:b @H.index:grip' },
  'holds the wrist (逮捕)': { rel: 'base', nondom: 'index f:u p:c @neutral.c', dom: 'fist f:c p:b @H.wrist:grip' },
  'hooked index fingers (勾)': { rel: 'base', nondom: 'hook f:c p:b @neutral.c', dom: 'hook f:c p:f @H.index:hook' },
  'interlaced fingers (团结)': { rel: 'base', nondom: 'open f:cf p:c @neutral.c', dom: 'open f:cf p:c @H.gaps:interlock' },
  'elbow on the other hand (树②)': { rel: 'two', dom: 'open f:u p:f @neutral', nondom: 'flat f:c p:d @elbow~touch:back' },
  'in the ring (插入)': { rel: 'base', nondom: 'pinch f:f p:c @neutral.c', dom: 'index f:d p:b @H.inside:index_tip' }
}

const tl = (src: NotationSource, opts = {}): Timeline => compileTimeline([{ sign: sign(src), label: 'x' }], { ambient: false, ...opts })
const endOf = (t: Timeline): number => t.phases.find(p => p.phase === 'end')!.t0
const dist = (a: ArrayLike<number>, b: ArrayLike<number>): number => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2])

/** Distance between the named parts at the end of the start (for mirror shapes, both hands' parts). */
function partGap (src: NotationSource, pose: Pose): number {
  const t = tl(src)
  samplePose(t, endOf(t), pose)
  const a = new Float64Array(3); const b = new Float64Array(3)
  if (t.contacts.length > 0) return dist(contactPartWorld(pose, t.contacts[0], a), contactSiteWorld(pose, t.contacts[0], b))
  const part = sign(src).dom.loc.part!
  const q = (h: number): Float64Array => Float64Array.from(pose.handQuat.subarray(h * 4, h * 4 + 4))
  return dist(partPoint(part, pose.hands[0], q(0), 1, [0, 0, 1], true, a), partPoint(part, pose.hands[1], q(1), -1, [0, 0, 1], true, b))
}

/** The bones of a hand as landmark pairs (MediaPipe order), and the palm's own edges. */
const BONES: ReadonlyArray<[number, number]> = [
  [0, 1], [1, 2], [2, 3], [3, 4], [0, 5], [5, 6], [6, 7], [7, 8], [0, 9], [9, 10], [10, 11], [11, 12],
  [0, 13], [13, 14], [14, 15], [15, 16], [0, 17], [17, 18], [18, 19], [19, 20], [5, 9], [9, 13], [13, 17]
]

/**
 * Deepest penetration (m) of one hand into the other hand's palm (a slab PALM_HALF_THICK thick on
 * each side of its mid-plane, over the palm: the fan from the wrist to the four knuckles). The
 * hand is sampled as its landmarks, the middle of each bone and a 5 × 5 grid over its own palm; a
 * bone that crosses the mid-plane inside the palm passes through it (the whole thickness).
 */
function palmPenetration (pose: Pose): number {
  let worst = 0
  const half = PALM_HALF_THICK * HAND_EMPHASIS
  const pt = (H: Float32Array, j: number): number[] => [H[j * 3], H[j * 3 + 1], H[j * 3 + 2]]
  const palmGrid = (H: Float32Array): number[][] => {
    const out: number[][] = []
    const w = pt(H, 0); const a = pt(H, 5); const b = pt(H, 17)
    for (let u = 0; u <= 4; u++) for (let v = 0; v <= 4; v++) if (u + v <= 6) out.push([0, 1, 2].map(k => w[k] + (a[k] - w[k]) * u / 4 + (b[k] - w[k]) * v / 4))
    return out
  }
  for (const [p, o] of [[0, 1], [1, 0]]) {
    const P = pose.hands[p]; const O = pose.hands[o]
    const [x, y, z, w] = pose.handQuat.subarray(o * 4, o * 4 + 4)
    const nz = [2 * (x * z + w * y), 2 * (y * z - w * x), 1 - 2 * (x * x + y * y)] // palm normal
    const c = [0, 1, 2].map(k => O[k] * 0.45 + O[27 + k] * 0.55) // palm centre
    const depth = (q: number[]): number => (q[0] - c[0]) * nz[0] + (q[1] - c[1]) * nz[1] + (q[2] - c[2]) * nz[2]
    // Inside the palm: the projection onto the palm plane falls in the fan wrist–knuckle–knuckle.
    const inTriangle = (q: number[], a: number[], b: number[], d: number[]): boolean => {
      const side = (u: number[], v: number[]): number => {
        const e = [v[0] - u[0], v[1] - u[1], v[2] - u[2]]; const f = [q[0] - u[0], q[1] - u[1], q[2] - u[2]]
        return (e[1] * f[2] - e[2] * f[1]) * nz[0] + (e[2] * f[0] - e[0] * f[2]) * nz[1] + (e[0] * f[1] - e[1] * f[0]) * nz[2]
      }
      const s1 = side(a, b); const s2 = side(b, d); const s3 = side(d, a)
      return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0)
    }
    const inPalm = (q: number[]): boolean =>
      inTriangle(q, pt(O, 0), pt(O, 5), pt(O, 9)) || inTriangle(q, pt(O, 0), pt(O, 9), pt(O, 13)) || inTriangle(q, pt(O, 0), pt(O, 13), pt(O, 17))
    const samples: number[][] = [...Array.from({ length: 21 }, (_, j) => pt(P, j)), ...palmGrid(P)]
    for (const [a, b] of BONES) samples.push([0, 1, 2].map(k => (P[a * 3 + k] + P[b * 3 + k]) / 2))
    for (const q of samples) if (inPalm(q)) worst = Math.max(worst, half - Math.abs(depth(q)))
    for (const [a, b] of BONES) {
      const da = depth(pt(P, a)); const db = depth(pt(P, b))
      if (da * db >= 0) continue
      const s = da / (da - db)
      if (inPalm([0, 1, 2].map(k => P[a * 3 + k] + (P[b * 3 + k] - P[a * 3 + k]) * s))) worst = Math.max(worst, 2 * half)
    }
  }
  return worst
}

describe('two-hand set shapes, contact parts, grip, hook and interlock', () => {
  const pose = createPose()
  for (const [name, src] of Object.entries(CONSTRUCTS)) {
    test(`${name}: the named parts meet within 1 cm`, () => {
      expect(partGap(src, pose)).toBeLessThan(0.01)
    })
  }

  test('palms never pass through each other by more than 0.5 cm, at any frame of any construct', () => {
    const worst: string[] = []
    for (const [name, src] of Object.entries(CONSTRUCTS)) {
      const t = tl(src)
      for (let i = 0; i <= 60; i++) {
        samplePose(t, (t.duration * i) / 60, pose)
        const pen = palmPenetration(pose)
        if (pen > 0.005) worst.push(`${name} ${(pen * 100).toFixed(1)} cm`)
      }
    }
    expect(worst).toEqual([])
  })

  test('the penetration check catches hands that do pass through each other', () => {
    // Both palm centres put on one point, the hands crossed: a wrong notation, on purpose.
    const t = tl({ rel: 'two', nondom: 'flat f:c p:u @neutral.m', dom: 'flat f:f p:c @neutral.m' })
    expect(palmPenetration(samplePose(t, endOf(t), pose))).toBeGreaterThan(0.005)
  })

  test('bones keep their lengths while the hands meet, part and move', () => {
    const src: NotationSource = { rel: 'base', nondom: 'flat f:c p:u @neutral.c ; line(u) line(d)', dom: 'index f:f p:d @H.palm:index_tip ; brush(f)' }
    const t = tl(src)
    const J = (j: number): number[] => [pose.joints[j * 3], pose.joints[j * 3 + 1], pose.joints[j * 3 + 2]]
    for (let i = 0; i <= 80; i++) {
      samplePose(t, (t.duration * i) / 80, pose)
      expect(dist(J(J_R_SHOULDER), J(J_R_ELBOW))).toBeCloseTo(UPPER_ARM_M, 3)
      expect(dist(J(J_R_ELBOW), J(J_R_WRIST))).toBeCloseTo(FOREARM_M, 3)
      expect(dist(J(J_L_SHOULDER), J(J_L_ELBOW))).toBeCloseTo(UPPER_ARM_M, 3)
      expect(dist(J(J_L_ELBOW), J(J_L_WRIST))).toBeCloseTo(FOREARM_M, 3)
    }
  })
})

describe('one-hand 十 and single-finger bends (the last `needs:` constructs)', () => {
  const pose = createPose()
  /** Front-view (x, y) of landmark j of hand 0. */
  const xy = (j: number): [number, number] => [pose.hands[0][j * 3], pose.hands[0][j * 3 + 1]]
  /** Whether the open segments ab and cd cross in the front view. */
  const crosses = (a: number[], b: number[], c: number[], d: number[]): boolean => {
    const o = (p: number[], q: number[], r: number[]): number => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]))
    return o(a, b, c) * o(a, b, d) < 0 && o(c, d, a) * o(c, d, b) < 0
  }
  const at = (dom: string): void => { const t = tl({ dom }); samplePose(t, endOf(t), pose) }

  test('拇食十字 (医生): the index lies across the upright thumb, the thumb tip standing above it', () => {
    at('thumb_index_cross f:u p:c @neutral')
    // Thumb (CMC → tip) and index (knuckle → tip) cross, the thumb tip at least 2 cm above the index.
    expect(crosses(xy(1), xy(4), xy(5), xy(8))).toBe(true)
    expect(xy(4)[1] - Math.max(xy(5)[1], xy(8)[1])).toBeGreaterThan(0.02)
    // The 八字 hand of the same orientation makes an L: no crossing (the check can fail).
    at('thumb_index f:u p:c @neutral')
    expect(crosses(xy(1), xy(4), xy(5), xy(8))).toBe(false)
  })

  /** Largest travel (m) of each of the five fingertips relative to the wrist over the sign, and at its end. */
  function tipTravel (dom: string): { moved: number[], atEnd: number[] } {
    const t = tl({ dom })
    const rel = (j: number): number[] => [0, 1, 2].map(m => pose.hands[0][j * 3 + m] - pose.hands[0][m])
    const from = t.phases.find(p => p.phase === 'start')!.t1
    samplePose(t, from, pose)
    const before = [4, 8, 12, 16, 20].map(rel)
    const moved = [0, 0, 0, 0, 0]; const atEnd = [0, 0, 0, 0, 0]
    for (let i = 0; i <= 40; i++) {
      samplePose(t, from + (endOf(t) - from) * i / 40, pose)
      ;[4, 8, 12, 16, 20].forEach((j, k) => {
        const d = dist(rel(j), before[k])
        moved[k] = Math.max(moved[k], d)
        if (i === 40) atEnd[k] = d
      })
    }
    return { moved, atEnd }
  }

  test('flex bends only the named fingers, visibly, and straightens them again', () => {
    const { moved, atEnd } = tipTravel('3 f:u p:f @neutral ; flex(middle,ring,pinky)')
    // Middle, ring and little fingertips travel ≥ 3 cm; the ring of thumb and index stays.
    expect(Math.min(moved[2], moved[3], moved[4])).toBeGreaterThan(0.03)
    expect(Math.max(moved[0], moved[1])).toBeLessThan(0.005)
    expect(Math.max(...atEnd)).toBeLessThan(0.005)
    // The thumb alone (雁, 评价): only the thumb tip travels.
    const thumb = tipTravel('thumb_pinky f:u p:f @neutral ; flex(thumb)')
    expect(thumb.moved[0]).toBeGreaterThan(0.02)
    expect(Math.max(...thumb.moved.slice(1))).toBeLessThan(0.005)
  })

  test('flex refuses an unknown or repeated finger, in Chinese, naming it', () => {
    const bad = parseSignNotation({ dom: '3 f:u p:f @neutral ; flex(toe)' }, { entryId: 'x' })
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.issues[0]).toMatchObject({ entryId: 'x', field: 'dom', value: 'toe' })
    if (!bad.ok) expect(bad.issues[0].message).toMatch(/弯动的手指只能是/)
    const twice = parseSignNotation({ dom: '3 f:u p:f @neutral ; flex(ring,ring)' }, { entryId: 'x' })
    expect(twice.ok).toBe(false)
  })
})

describe('a moving base hand carries the hand that touches it', () => {
  test('the index stays on the palm while the palm rises and falls', () => {
    const t = tl({ rel: 'base', nondom: 'flat f:c p:u @neutral.c ; line(u,l) line(d,l)', dom: 'index f:f p:d @H.palm:index_tip' })
    const pose = createPose(); const a = new Float64Array(3); const b = new Float64Array(3)
    const m = t.contacts[0]
    const move = t.phases.find(p => p.phase === 'move')!
    let worst = 0; let travel = 0; let y0 = NaN
    for (let i = 0; i <= 40; i++) {
      samplePose(t, move.t0 + ((move.t1 - move.t0) * i) / 40, pose)
      worst = Math.max(worst, dist(contactPartWorld(pose, m, a), contactSiteWorld(pose, m, b)))
      if (Number.isNaN(y0)) y0 = a[1]
      travel = Math.max(travel, Math.abs(a[1] - y0))
    }
    expect(travel).toBeGreaterThan(0.1) // the base did move, and the hand with it
    expect(worst).toBeLessThan(0.01)
  })
})

describe('absolute sides (L, R) keep to the body’s own side in the left-handed view', () => {
  test('@chest.L is on the signer’s left, and is put on the other side before the mirrored picture’s flip', () => {
    const src = { dom: 'flat f:u p:b @heart.L~touch', rel: 'one' }
    const palmX = (t: Timeline): number => { const p = samplePose(t, endOf(t), createPose()); return p.hands[0][27] }
    // +x is the signer's left; the mirrored view flips the picture, so L must be at −x before it.
    expect(palmX(tl({ ...src, dom: 'flat f:u p:b @chest.L~touch' }))).toBeGreaterThan(0.02)
    expect(palmX(tl({ ...src, dom: 'flat f:u p:b @chest.L~touch' }, { mirrored: true }))).toBeLessThan(-0.02)
    // i/c follow the dominant hand in both views.
    expect(palmX(tl({ ...src, dom: 'flat f:u p:b @chest.i~touch' }))).toBeLessThan(0)
    expect(palmX(tl({ ...src, dom: 'flat f:u p:b @chest.i~touch' }, { mirrored: true }))).toBeLessThan(0)
  })

  test('a movement toward R goes to the signer’s right, and the mirrored compile reverses it', () => {
    const dx = (mirrored: boolean): number => {
      const t = tl({ dom: 'index f:u p:f @neutral ; line(R,l)' }, { mirrored })
      const mv = t.phases.find(p => p.phase === 'move')!
      const a = samplePose(t, mv.t0, createPose()).hands[0][24]
      const b = samplePose(t, mv.t1, createPose()).hands[0][24]
      return b - a
    }
    expect(dx(false)).toBeLessThan(-0.1)
    expect(dx(true)).toBeGreaterThan(0.1)
  })
})

describe('non-manuals of version 2', () => {
  const mid = (src: NotationSource, ch: number): number => {
    const t = tl(src)
    const move = t.phases.find(p => p.phase === 'move') ?? t.phases[0]
    return samplePose(t, (move.t0 + move.t1) / 2, createPose()).face[ch]
  }
  const base = { dom: 'index f:u p:f @neutral ; hold(1)' }
  test('eyes closed, head turned to the dominant side, body leaning forward, shoulders raised', () => {
    expect(mid({ ...base, face: 'eyes=closed' }, F_EYE_OPEN)).toBeLessThan(0.1)
    expect(mid({ ...base, face: 'head=turn.i' }, F_HEAD_YAW)).toBeLessThan(-0.3)
    expect(mid({ ...base, face: 'head=turn.c' }, F_HEAD_YAW)).toBeGreaterThan(0.3)
    expect(mid({ ...base, face: 'body=forward' }, F_TORSO_PITCH)).toBeGreaterThan(0.15)
    expect(Math.abs(mid({ ...base, face: 'body=lean.L' }, F_TORSO_ROLL))).toBeGreaterThan(0.1)
    expect(mid({ ...base, face: 'shoulders=raise' }, F_SHOULDER_RAISE)).toBeGreaterThan(0.9)
  })

  test('raised shoulders lift the shoulder joints', () => {
    const y = (face?: string): number => {
      const t = tl(face ? { ...base, face } : base)
      const move = t.phases.find(p => p.phase === 'move')!
      return samplePose(t, (move.t0 + move.t1) / 2, createPose()).joints[J_R_SHOULDER * 3 + 1]
    }
    expect(y('shoulders=raise') - y()).toBeGreaterThan(0.025)
  })

  test('one face over two consecutive signs (a compound’s face) does not dip between them', () => {
    const s = sign({ dom: 'index f:u p:f @neutral ; line(f,s)', face: 'brows=raise' })
    const t = compileTimeline([{ sign: s, label: 'a' }, { sign: s, label: 'b' }], { ambient: false })
    const between = t.items[0].t1
    expect(samplePose(t, between, createPose()).face[F_BROW_RAISE]).toBeGreaterThan(0.95)
  })
})

describe('hand-swap (洲) and role-swap (约会): the left hand on the right, and each hand in turn the base', () => {
  const pose = createPose()
  const a = new Float64Array(3); const b = new Float64Array(3)
  /** 洲: the right hand is the base (rel: two), the left index lies across its fingers. */
  const ZHOU: NotationSource = { rel: 'two', dom: '4 f:d p:b @chest.i~far', nondom: 'index f:c p:b @H.middle:finger' }
  /** 约会 (一): 双手掌心交替互拍. */
  const YUEHUI: NotationSource = { rel: 'alternate', dom: 'flat f:uf p:c @neutral.i ; tap(H.palm:palm)*2' }

  test('洲: the left index lies on the right middle finger, and never passes through the right palm on its way', () => {
    const t = tl(ZHOU)
    const m = t.contacts.find(c => c.hand === 1)!
    expect(m.loc.site).toBe('H.middle')
    samplePose(t, endOf(t), pose)
    expect(dist(contactPartWorld(pose, m, a), contactSiteWorld(pose, m, b))).toBeLessThan(0.01)
    for (let i = 0; i <= 120; i++) expect(palmPenetration(samplePose(t, (t.duration * i) / 120, pose))).toBeLessThan(0.005)
  })

  test('约会: the palms clap in turn — right on left, left on right, twice — each meeting a palm that stands still', () => {
    const t = tl(YUEHUI)
    expect(t.contacts.map(c => c.hand)).toEqual([0, 1, 0, 1])
    for (const c of t.contacts) {
      samplePose(t, c.t, pose)
      expect(dist(contactPartWorld(pose, c, a), contactSiteWorld(pose, c, b))).toBeLessThan(0.01)
      // The struck hand stands where it started (the base of this turn).
      const other = 1 - c.hand
      const x = pose.hands[other][27]
      samplePose(t, t.phases.find(p => p.phase === 'move')!.t0, pose)
      expect(Math.abs(x - pose.hands[other][27])).toBeLessThan(0.01)
    }
    const J = (j: number): number[] => [pose.joints[j * 3], pose.joints[j * 3 + 1], pose.joints[j * 3 + 2]]
    for (let i = 0; i <= 160; i++) {
      samplePose(t, (t.duration * i) / 160, pose)
      expect(palmPenetration(pose)).toBeLessThan(0.005)
      expect(dist(J(J_L_SHOULDER), J(J_L_ELBOW))).toBeCloseTo(UPPER_ARM_M, 3)
      expect(dist(J(J_R_ELBOW), J(J_R_WRIST))).toBeCloseTo(FOREARM_M, 3)
    }
  })

  test('mirrored hands both tapping the other hand would pass through each other: what the parser refuses', () => {
    const t = tl({ rel: 'two', dom: 'flat f:uf p:c @neutral.i ; tap(H.palm:palm)', nondom: 'flat f:uf p:c @neutral.i ; tap(H.palm:palm)' })
    let worst = 0
    for (let i = 0; i <= 120; i++) worst = Math.max(worst, palmPenetration(samplePose(t, (t.duration * i) / 120, pose)))
    expect(worst).toBeGreaterThan(0.005)
  })
})

describe('arm-movement (仇): the left arm squeezes the right hand in the armpit', () => {
  const pose = createPose()
  /** 仇: 右手置于左腋下，左腋夹一下右手. */
  const CHOU: NotationSource = { rel: 'two', dom: 'flat f:c p:b @armpit.c~touch:tips', nondom: 'flat f:d p:c @hip~close:palm ; squeeze' }
  /** m: half the drawn width of the upper arm (drawlist.ts, buildArm: 0.095 m): the sleeve's surface. */
  const SLEEVE_R = 0.0475
  const J = (j: number): number[] => [pose.joints[j * 3], pose.joints[j * 3 + 1], pose.joints[j * 3 + 2]]
  /** Gap (m) between the left sleeve's surface and the nearest point of the right hand (< 0: inside the sleeve). */
  function sleeveGap (): number {
    const s = J(J_L_SHOULDER); const e = J(J_L_ELBOW)
    const d = [e[0] - s[0], e[1] - s[1], e[2] - s[2]]
    const dd = d[0] * d[0] + d[1] * d[1] + d[2] * d[2]
    let best = Infinity
    for (let j = 0; j < 21; j++) {
      const p = [0, 1, 2].map(k => pose.hands[0][j * 3 + k] - s[k])
      const u = Math.max(0, Math.min(1, (p[0] * d[0] + p[1] * d[1] + p[2] * d[2]) / dd))
      best = Math.min(best, Math.hypot(p[0] - u * d[0], p[1] - u * d[1], p[2] - u * d[2]))
    }
    return best - SLEEVE_R
  }

  test('the upper arm closes onto the hand (contact within 1 cm, never more than 0.5 cm into it), the elbow comes in and goes back', () => {
    const t = tl(CHOU)
    const mv = t.phases.find(p => p.phase === 'move')!
    samplePose(t, mv.t0, pose)
    const gap0 = sleeveGap(); const elbow0 = J(J_L_ELBOW)[0]; const tips0 = pose.hands[0][12 * 3]
    let gmin = Infinity; let elbowIn = 0; let tipsMoved = 0
    for (let i = 0; i <= 40; i++) {
      samplePose(t, mv.t0 + ((mv.t1 - mv.t0) * i) / 40, pose)
      gmin = Math.min(gmin, sleeveGap())
      elbowIn = Math.max(elbowIn, elbow0 - J(J_L_ELBOW)[0])
      tipsMoved = Math.max(tipsMoved, Math.abs(pose.hands[0][12 * 3] - tips0))
    }
    expect(gmin).toBeLessThan(gap0 - 0.004)
    expect(Math.abs(gmin)).toBeLessThan(0.01)
    expect(gmin).toBeGreaterThan(-0.005)
    expect(elbowIn).toBeGreaterThan(0.03)
    expect(tipsMoved).toBeLessThan(0.002) // the right hand holds still in the armpit
    samplePose(t, mv.t1, pose)
    expect(Math.abs(J(J_L_ELBOW)[0] - elbow0)).toBeLessThan(0.005)
    for (let i = 0; i <= 80; i++) {
      samplePose(t, (t.duration * i) / 80, pose)
      expect(dist(J(J_L_SHOULDER), J(J_L_ELBOW))).toBeCloseTo(UPPER_ARM_M, 3)
      expect(dist(J(J_L_ELBOW), J(J_L_WRIST))).toBeCloseTo(FOREARM_M, 3)
    }
  })

  test('without the squeeze the arm does not close (what the test above would miss)', () => {
    const t = tl({ ...CHOU, nondom: 'flat f:d p:c @hip~close:palm ; hold(0.5)' })
    const mv = t.phases.find(p => p.phase === 'move')!
    samplePose(t, mv.t0, pose); const e0 = J(J_L_ELBOW)[0]
    samplePose(t, (mv.t0 + mv.t1) / 2, pose)
    expect(Math.abs(J(J_L_ELBOW)[0] - e0)).toBeLessThan(0.002)
  })

  test('squeeze takes no argument: the parser says so in Chinese, naming the field', () => {
    const r = parseSignNotation({ ...CHOU, nondom: 'flat f:d p:c @hip~close:palm ; squeeze(2)' }, { entryId: 'chou_2' })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.issues[0]).toMatchObject({ entryId: 'chou_2', field: 'nondom', value: 'squeeze(2)' })
    if (!r.ok) expect(r.issues[0].message).toMatch(/参数个数不对，应写作 squeeze/)
  })
})

describe('chase (交流): two hands going round one circle, half a turn apart', () => {
  const pose = createPose()
  /** 交流: 双手五指撮合，指尖左右相对，掌心向上，左右平行交替转动. */
  const JIAOLIU: NotationSource = { rel: 'chase', dom: 'flat_o f:c p:u @neutral.i ; circle(h,cw,l)*2' }

  test('the palm centres stay opposite each other on one circle (their midpoint still), turning the same way; palms never meet', () => {
    const t = tl(JIAOLIU)
    const mv = t.phases.find(p => p.phase === 'move')!
    const mid = (): number[] => [0, 1, 2].map(k => (pose.hands[0][27 + k] + pose.hands[1][27 + k]) / 2)
    const ang = (h: number, c: number[]): number => Math.atan2(pose.hands[h][27 + 2] - c[2], pose.hands[h][27] - c[0])
    samplePose(t, mv.t0, pose)
    const c0 = mid()
    const r0 = dist(pose.hands[0].subarray(27, 30), pose.hands[1].subarray(27, 30)) / 2
    expect(r0).toBeGreaterThan(0.04) // middle-finger knuckles: the fingers point at each other, 8 cm inside the palm centres
    let worstMid = 0; let turned0 = 0; let turned1 = 0
    let a0 = ang(0, c0); let a1 = ang(1, c0)
    const wrap = (d: number): number => Math.atan2(Math.sin(d), Math.cos(d))
    for (let i = 1; i <= 60; i++) {
      samplePose(t, mv.t0 + ((mv.t1 - mv.t0) * i) / 60, pose)
      worstMid = Math.max(worstMid, dist(mid(), c0))
      const b0 = ang(0, c0); const b1 = ang(1, c0)
      turned0 += wrap(b0 - a0); turned1 += wrap(b1 - a1); a0 = b0; a1 = b1
      expect(palmPenetration(pose)).toBeLessThan(0.005)
    }
    // One centre (within 1.5 cm), both hands round it twice, the same way.
    expect(worstMid).toBeLessThan(0.015)
    expect(Math.abs(turned0)).toBeGreaterThan(3 * Math.PI)
    expect(Math.sign(turned0)).toBe(Math.sign(turned1))
    expect(Math.abs(turned1 - turned0)).toBeLessThan(0.5)
  })

  test('rel: alternate, which 交流 was written with, gives each hand its own circle (the check can fail)', () => {
    const t = tl({ rel: 'alternate', dom: 'flat_o f:c p:u @neutral.i ; circle(h,cw,l)*2' })
    const mv = t.phases.find(p => p.phase === 'move')!
    const mid = (): number[] => [0, 1, 2].map(k => (pose.hands[0][27 + k] + pose.hands[1][27 + k]) / 2)
    samplePose(t, mv.t0, pose); const c0 = mid()
    let worst = 0
    for (let i = 1; i <= 60; i++) { samplePose(t, mv.t0 + ((mv.t1 - mv.t0) * i) / 60, pose); worst = Math.max(worst, dist(mid(), c0)) }
    expect(worst).toBeGreaterThan(0.03)
  })

  test('chase needs a circle and derives the left hand: the parser says so, naming the field', () => {
    const none = parseSignNotation({ rel: 'chase', dom: 'flat_o f:c p:u @neutral ; line(f)' }, { entryId: 'jiaoliu' })
    expect(none.ok).toBe(false)
    if (!none.ok) expect(none.issues[0]).toMatchObject({ field: 'rel', value: 'chase' })
    if (!none.ok) expect(none.issues[0].message).toMatch(/要有 circle/)
    const withNondom = parseSignNotation({ ...JIAOLIU, nondom: 'flat_o f:c p:u @neutral' }, { entryId: 'jiaoliu' })
    expect(withNondom.ok).toBe(false)
    if (!withNondom.ok) expect(withNondom.issues[0]).toMatchObject({ field: 'nondom' })
    const typo = parseSignNotation({ ...JIAOLIU, rel: 'chace' }, { entryId: 'jiaoliu' })
    if (!typo.ok) expect(typo.issues[0]).toMatchObject({ field: 'rel', suggestion: 'chase' })
    expect(typo.ok).toBe(false)
  })
})
