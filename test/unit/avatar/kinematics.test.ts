import {
  compileTimeline, contactSiteWorld, createPose, handPartWorld, samplePose, FOREARM_M, UPPER_ARM_M,
  J_R_SHOULDER, J_R_ELBOW, J_R_WRIST, J_L_SHOULDER, J_L_ELBOW, J_L_WRIST, ELBOW_MIN_RAD, type Timeline
} from './engine'
import { SIGNS, item, tl1 } from './fixtures'

const d3 = (a: ArrayLike<number>, i: number, b: ArrayLike<number>, j: number): number =>
  Math.hypot(a[i * 3] - b[j * 3], a[i * 3 + 1] - b[j * 3 + 1], a[i * 3 + 2] - b[j * 3 + 2])

function contactErrors (tl: Timeline): number[] {
  const pose = createPose()
  const a = new Float64Array(3); const b = new Float64Array(3)
  return tl.contacts.map(m => {
    samplePose(tl, m.t, pose)
    handPartWorld(pose, m.hand, m.part, a)
    contactSiteWorld(pose, m, b)
    return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2])
  })
}

describe('contact', () => {
  test.each([
    ['fingertip taps the chin (moving head: nod)', { ...SIGNS.chinTap, face: 'head=nod' }],
    ['palm on the chest', SIGNS.chestPalm],
    ['index taps the other hand\'s palm', SIGNS.palmTap]
  ])('%s: the contacting part lies within 1.5 cm of the site at the contact moment', (_name, src) => {
    const tl = tl1(src)
    expect(tl.contacts.length).toBeGreaterThan(0)
    for (const e of contactErrors(tl)) expect(e).toBeLessThan(0.015)
  })

  test('a chin tap contacts twice, with the index fingertip, and is away from the chin between taps', () => {
    const tl = tl1(SIGNS.chinTap)
    const taps = tl.contacts.filter(c => c.loc.site === 'chin')
    expect(taps.length).toBe(2)
    expect(taps[0].part).toBe(8)
    // Halfway between the two contacts the fingertip is clearly off the chin.
    const pose = createPose()
    const mid = (taps[0].t + taps[1].t) / 2
    samplePose(tl, mid, pose)
    const a = handPartWorld(pose, 0, 8, new Float64Array(3))
    const b = contactSiteWorld(pose, taps[0], new Float64Array(3))
    expect(Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2])).toBeGreaterThan(0.03)
  })

  test('a palm placed on the chest contacts with the palm surface', () => {
    const tl = tl1(SIGNS.chestPalm)
    expect(tl.contacts[0].part).toBe(-1)
  })
})

describe('bones', () => {
  test('bone lengths stay constant over 200 frames of a moving two-handed sign', () => {
    const tl = tl1(SIGNS.twoCircle)
    const pose = createPose()
    const ref: number[] = []
    const pairs: Array<[number, number]> = [[0, 1], [1, 2], [2, 3], [3, 4]]
    for (let f = 0; f < 4; f++) { const b = 5 + 4 * f; pairs.push([b, b + 1], [b + 1, b + 2], [b + 2, b + 3]) }
    let maxDev = 0
    let moved = 0
    let prevWrist = -1
    for (let i = 0; i < 200; i++) {
      samplePose(tl, (tl.duration * i) / 199, pose)
      const J = pose.joints
      const lens = [
        d3(J, J_R_SHOULDER, J, J_R_ELBOW), d3(J, J_R_ELBOW, J, J_R_WRIST),
        d3(J, J_L_SHOULDER, J, J_L_ELBOW), d3(J, J_L_ELBOW, J, J_L_WRIST)
      ]
      for (const h of pose.hands) for (const [a, b] of pairs) lens.push(d3(h, a, h, b))
      if (i === 0) ref.push(...lens)
      lens.forEach((l, k) => { maxDev = Math.max(maxDev, Math.abs(l - ref[k])) })
      if (prevWrist >= 0) moved = Math.max(moved, Math.abs(J[J_R_WRIST * 3 + 1] - prevWrist))
      prevWrist = J[J_R_WRIST * 3 + 1]
    }
    expect(ref[0]).toBeCloseTo(UPPER_ARM_M, 4)
    expect(ref[1]).toBeCloseTo(FOREARM_M, 4)
    expect(maxDev).toBeLessThan(1e-4)
    expect(moved).toBeGreaterThan(0.002) // the sign does move
  })

  test('the elbow never bends backwards, for high, contralateral and far reaches', () => {
    for (const src of [SIGNS.reach, SIGNS.twoCircle, SIGNS.palmTap, SIGNS.chinTap]) {
      const tl = tl1(src)
      const pose = createPose()
      for (let i = 0; i <= 150; i++) {
        samplePose(tl, (tl.duration * i) / 150, pose)
        for (let h = 0; h < 2; h++) {
          expect(pose.elbowAngle[h]).toBeGreaterThanOrEqual(ELBOW_MIN_RAD - 1e-6)
          const J = pose.joints
          const [s, e, w] = h === 0 ? [J_R_SHOULDER, J_R_ELBOW, J_R_WRIST] : [J_L_SHOULDER, J_L_ELBOW, J_L_WRIST]
          // A backwards-bent (flipped) elbow ends up above the arm or inside the torso.
          const ey = J[e * 3 + 1]
          expect(ey).toBeLessThanOrEqual(Math.max(J[s * 3 + 1], J[w * 3 + 1]) + 0.05)
          if (Math.abs(J[e * 3]) < 0.14) expect(J[e * 3 + 2]).toBeGreaterThan(0.06)
        }
      }
    }
  })

  test('the elbow lifts for a high contralateral target compared with neutral space', () => {
    const pose = createPose()
    const low = tl1({ dom: 'flat f:u p:f @neutral' })
    samplePose(low, low.phases[0].t1, pose)
    const lowElbowY = pose.joints[J_R_ELBOW * 3 + 1]
    const high = tl1({ dom: 'flat f:u p:c @ear.c~close' })
    samplePose(high, high.phases[0].t1, pose)
    const highElbowY = pose.joints[J_R_ELBOW * 3 + 1]
    expect(highElbowY).toBeGreaterThan(lowElbowY + 0.05)
  })
})

describe('errors', () => {
  test('an unknown handshape id fails with a Chinese message naming it', () => {
    const bad = item({ dom: 'A f:u p:c @neutral' })
    bad.sign.dom.handshape = 'NOPE'
    expect(() => compileTimeline([bad])).toThrow('未知手形: NOPE')
  })

  test('an empty sequence gives a short still timeline, not a crash', () => {
    const tl = compileTimeline([])
    expect(tl.duration).toBeGreaterThan(0)
    const pose = samplePose(tl, 0.1, createPose())
    expect(Number.isFinite(pose.hands[0][0])).toBe(true)
  })
})
