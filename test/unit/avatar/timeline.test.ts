import {
  compileTimeline, contactPartWorld, contactSiteWorld, createPose, samplePose, PHASE_LABEL, REPEAT_DECAY, REST_PALM_R, transitionSeconds,
  TRANSITION_MAX_S, TRANSITION_MIN_S
} from './engine'
import {
  F_BROW_RAISE, F_EYE_OPEN, F_HEAD_FORWARD, F_HEAD_YAW, F_MOUTH_SMILE, F_BROW_FURROW, EV, EV_ATTACK, EV_CHANNEL, EV_HZ, EV_PHASE,
  EV_RELEASE, EV_T0, EV_T1, EV_VALUE, NM_ATTACK_S, NM_RELEASE_S
} from './engine'
import { SIGNS, item, tl1 } from './fixtures'
import { entryItems } from '../../../scripts/cli/render'
import { compiledDictionary } from '../../support/compiled'

const palm = (h: Float32Array): [number, number, number] => [(h[0] + h[27]) / 2, (h[1] + h[28]) / 2, (h[2] + h[29]) / 2]

describe('phases and markers', () => {
  test('phases are contiguous, cover [0, duration], and carry Chinese labels', () => {
    const tl = compileTimeline([item(SIGNS.xiexie, '谢谢', 2), item(SIGNS.chinTap, '我', 1)])
    expect(tl.phases[0].t0).toBe(0)
    expect(tl.phases[tl.phases.length - 1].t1).toBeCloseTo(tl.duration, 9)
    for (let i = 1; i < tl.phases.length; i++) expect(tl.phases[i].t0).toBeCloseTo(tl.phases[i - 1].t1, 9)
    expect(tl.phases.map(p => p.label)).toEqual([PHASE_LABEL.start, PHASE_LABEL.move, PHASE_LABEL.end, PHASE_LABEL.start, PHASE_LABEL.move, PHASE_LABEL.end])
    expect(tl.items.map(i => i.label)).toEqual(['谢谢', '我'])
    expect(tl.items[1].t0).toBeCloseTo(tl.items[0].t1, 9)
  })

  test('steps: step 0 is the start posture, steps 1..n−1 share the movement (docs/data.md)', () => {
    const tl = compileTimeline([item(SIGNS.twoCircle, 'x', 3)])
    expect(tl.phases.map(p => [p.phase, p.step])).toEqual([['start', 0], ['move', 1], ['move', 2], ['end', 2]])
  })

  test('compound parts (one item each, steps = 1): the step is the item index', () => {
    const tl = compileTimeline([item(SIGNS.chinTap, '你', 1), item(SIGNS.xiexie, '好', 1)])
    for (const p of tl.phases) expect(p.step).toBe(p.item)
  })
})

describe('motion', () => {
  test('coarticulation: between two signs the hand does not return to rest', () => {
    const tl = compileTimeline([item(SIGNS.chinTap, 'a'), item(SIGNS.question, 'b')])
    const pose = createPose()
    samplePose(tl, tl.items[1].t0 + 0.05, pose)
    const p = palm(pose.hands[0])
    expect(p[1]).toBeGreaterThan(REST_PALM_R[1] + 0.15)
  })

  test('the sequence starts and ends at the relaxed rest pose', () => {
    const tl = tl1(SIGNS.question)
    const pose = createPose()
    for (const t of [0, tl.duration]) {
      samplePose(tl, t, pose)
      expect(palm(pose.hands[0])[1]).toBeLessThan(REST_PALM_R[1] + 0.06)
    }
  })

  test('transition time grows with distance and is clamped to 0.25–0.6 s', () => {
    expect(transitionSeconds(0)).toBe(TRANSITION_MIN_S)
    expect(transitionSeconds(0.5)).toBeGreaterThan(transitionSeconds(0.2))
    expect(transitionSeconds(5)).toBe(TRANSITION_MAX_S)
  })

  test('minimum-jerk strokes: the hand is nearly still at a stroke\'s ends and fastest in the middle', () => {
    const tl = tl1({ dom: 'flat f:u p:f @neutral ; line(f,l)' })
    const mv = tl.phases.find(p => p.phase === 'move')!
    const pose = createPose()
    const at = (t: number): number => { samplePose(tl, t, pose); return palm(pose.hands[0])[2] }
    const dt = 0.01
    const vStart = Math.abs(at(mv.t0 + dt) - at(mv.t0)) / dt
    const vMid = Math.abs(at((mv.t0 + mv.t1) / 2 + dt / 2) - at((mv.t0 + mv.t1) / 2 - dt / 2)) / dt
    expect(vMid).toBeGreaterThan(0.3)
    expect(vStart).toBeLessThan(vMid * 0.1)
  })

  test('repetitions shrink: the second forward stroke is 0.85× the first', () => {
    const tl = tl1({ dom: 'flat f:u p:f @neutral ; line(f)*2' })
    const seg = tl.hands[0].seg; const SEG = seg.length / tl.hands[0].count
    const strokes: number[] = []
    const mv = tl.phases.find(p => p.phase === 'move')!
    for (let i = 0; i < tl.hands[0].count; i++) {
      if (seg[i * SEG] < mv.t0 - 1e-9) continue
      const dz = seg[i * SEG + 9] - seg[i * SEG + 6]
      if (dz > 0.01) strokes.push(dz)
    }
    expect(strokes.length).toBe(2)
    expect(strokes[1] / strokes[0]).toBeCloseTo(REPEAT_DECAY, 5)
  })

  test('rel one: the non-dominant hand stays at rest', () => {
    const tl = tl1(SIGNS.question)
    const pose = createPose()
    for (let i = 0; i <= 20; i++) {
      samplePose(tl, (tl.duration * i) / 20, pose)
      expect(palm(pose.hands[1])[1]).toBeLessThan(REST_PALM_R[1] + 0.06)
    }
  })

  test('rel base: the non-dominant hand holds still while the dominant hand moves', () => {
    const tl = tl1(SIGNS.palmTap)
    const mv = tl.phases.find(p => p.phase === 'move')!
    const pose = createPose()
    samplePose(tl, mv.t0, pose); const a = palm(pose.hands[1]); const da = palm(pose.hands[0])
    samplePose(tl, (mv.t0 + mv.t1) / 2, pose); const b = palm(pose.hands[1]); const db = palm(pose.hands[0])
    expect(Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2])).toBeLessThan(0.005) // only the ambient sway
    expect(Math.hypot(da[0] - db[0], da[1] - db[1], da[2] - db[2])).toBeGreaterThan(0.02)
  })

  test('rel alternate: the non-dominant hand is half a cycle late (hands at opposite heights mid-stroke)', () => {
    const tl = tl1(SIGNS.alternate, { ambient: false })
    const mv = tl.phases.find(p => p.phase === 'move')!
    const pose = createPose()
    let opposite = 0
    for (let i = 1; i < 20; i++) {
      samplePose(tl, mv.t0 + ((mv.t1 - mv.t0) * i) / 20, pose)
      const r = palm(pose.hands[0])[1]; const l = palm(pose.hands[1])[1]
      if (Math.abs(r - l) > 0.03) opposite++
    }
    expect(opposite).toBeGreaterThan(5)
    // Mirror image: the hands are on opposite sides.
    expect(palm(pose.hands[0])[0]).toBeLessThan(0)
    expect(palm(pose.hands[1])[0]).toBeGreaterThan(0)
  })

  test('rel mirror: the hands move symmetrically', () => {
    const tl = tl1(SIGNS.twoCircle, { ambient: false })
    const pose = createPose()
    for (let i = 0; i <= 30; i++) {
      samplePose(tl, (tl.duration * i) / 30, pose)
      const r = palm(pose.hands[0]); const l = palm(pose.hands[1])
      expect(l[0]).toBeCloseTo(-r[0], 3)
      expect(l[1]).toBeCloseTo(r[1], 3)
      expect(l[2]).toBeCloseTo(r[2], 3)
    }
  })
})

describe('non-manuals and ambient layer', () => {
  const mid = (tl: ReturnType<typeof tl1>): number => { const m = tl.phases.find(p => p.phase === 'move')!; return (m.t0 + m.t1) / 2 }

  test('疑问 raises the brows and brings the head forward; released at the end', () => {
    const tl = tl1(SIGNS.question)
    const pose = samplePose(tl, mid(tl), createPose())
    expect(pose.face[F_BROW_RAISE]).toBeGreaterThan(0.9)
    expect(pose.face[F_HEAD_FORWARD]).toBeGreaterThan(0.9)
    samplePose(tl, tl.duration, pose)
    expect(pose.face[F_BROW_RAISE]).toBeLessThan(0.05)
  })

  test('否定 shakes the head (yaw changes sign) and frowns', () => {
    const tl = tl1(SIGNS.negate, { ambient: false })
    const pose = createPose()
    let pos = 0; let neg = 0
    const m = tl.phases.find(p => p.phase === 'move')!
    for (let i = 0; i <= 40; i++) {
      samplePose(tl, m.t0 + ((m.t1 - m.t0) * i) / 40, pose)
      if (pose.face[F_HEAD_YAW] > 0.05) pos++
      if (pose.face[F_HEAD_YAW] < -0.05) neg++
      expect(pose.face[F_MOUTH_SMILE]).toBeLessThan(0)
      expect(pose.face[F_BROW_FURROW]).toBeGreaterThan(0)
    }
    expect(pos).toBeGreaterThan(2)
    expect(neg).toBeGreaterThan(2)
  })

  test('a face event carries each field under its name (nonmanual.ts writes them in EV order)', () => {
    const tl = tl1(SIGNS.negate, { ambient: false })
    const events = Array.from({ length: tl.faceCount }, (_, i) => tl.face.subarray(i * EV, (i + 1) * EV))
    const shake = events.find(e => e[EV_CHANNEL] === F_HEAD_YAW)!
    expect(shake[EV_VALUE]).toBeCloseTo(0.17)
    expect(shake[EV_HZ]).toBeCloseTo(2.4)
    expect(shake[EV_T0]).toBeLessThan(shake[EV_T1])
    expect(shake[EV_T1]).toBeLessThan(tl.duration)
    expect([shake[EV_ATTACK], shake[EV_RELEASE], shake[EV_PHASE]]).toEqual([NM_ATTACK_S, NM_RELEASE_S, 0])
  })

  test('高兴 smiles', () => {
    const tl = tl1(SIGNS.xiexie)
    expect(samplePose(tl, mid(tl), createPose()).face[F_MOUTH_SMILE]).toBeGreaterThan(0.9)
  })

  test('blinks happen automatically and deterministically (same seed → same timeline)', () => {
    const items = [item(SIGNS.xiexie), item(SIGNS.question), item(SIGNS.negate)]
    const a = compileTimeline(items); const b = compileTimeline(items)
    expect(Array.from(a.blinks)).toEqual(Array.from(b.blinks))
    expect(a.blinks.length).toBeGreaterThan(0)
    const pose = samplePose(a, a.blinks[0] + 0.06, createPose())
    expect(pose.face[F_EYE_OPEN]).toBeLessThan(0.3)
    const c = compileTimeline(items, { seed: 7 })
    expect(Array.from(c.blinks)).not.toEqual(Array.from(a.blinks))
  })

  test('the ambient sway keeps a held pose subtly alive, and can be switched off', () => {
    const tl = tl1(SIGNS.chestPalm)
    const pose = createPose()
    samplePose(tl, 0.05, pose); const h0 = pose.joints[3 * 3]
    samplePose(tl, 0.2, pose); const h1 = pose.joints[3 * 3]
    expect(h0).not.toBe(h1)
    const still = tl1(SIGNS.chestPalm, { ambient: false })
    samplePose(still, 0.05, pose); const s0 = pose.joints[3 * 3]
    samplePose(still, 0.2, pose); const s1 = pose.joints[3 * 3]
    expect(s0).toBe(s1)
  })
})

describe('the whole dictionary', () => {
  test('every entry compiles and plays without NaN; ≥ 99 % of contacts are within 1.5 cm', () => {
    const dict = compiledDictionary()
    const pose = createPose()
    const a = new Float64Array(3); const b = new Float64Array(3)
    let contacts = 0; let good = 0
    for (const e of dict.entries) {
      const r = entryItems(dict, e)
      if ('error' in r) throw new Error(`${e.id}: ${r.error}`)
      const tl = compileTimeline(r.items)
      for (let i = 0; i <= 4; i++) {
        samplePose(tl, (tl.duration * i) / 4, pose)
        if (!pose.hands[0].every(Number.isFinite) || !pose.joints.every(Number.isFinite)) throw new Error(`NaN in ${e.id}`)
      }
      for (const m of tl.contacts) {
        samplePose(tl, m.t, pose)
        // The part the notation names (`:tips`, `:thumb_tip` …), else the one the engine chose.
        contactPartWorld(pose, m, a); contactSiteWorld(pose, m, b)
        contacts++
        if (Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]) < 0.015) good++
      }
    }
    expect(contacts).toBeGreaterThan(100)
    expect(good / contacts).toBeGreaterThan(0.99)
  })
})
