import { HANDSHAPES, getHandshape } from '../../../src/core/sign/handshapes'
import { LETTER_IDS } from '../../../src/core/sign/handshape-forms'
import { FLEX_DEG, bakeHandshape, bakeSpec, handLocalLandmarks, handshapeDistanceDeg, SHAPE_LEN } from '../../../src/core/avatar/hand-model'
import { compileTimeline, createCamera, createPose, dirVec, project, samplePose, setCamera } from './engine'
import { sign } from './fixtures'

/**
 * Threshold (degrees, summed over all joints): 45° is one finger going half-way from extended to
 * bent at the base (the `hb` code) — the smallest change we rely on being visible on a phone with
 * the 1.2× hand. Two letters closer than that would be confused by a learner.
 */
const MIN_LETTER_DISTANCE_DEG = 45

function orientDiffDeg (a: string, b: string): number {
  const da = getHandshape(a)!.defaultOrient!; const db = getHandshape(b)!.defaultOrient!
  const ang = (x: string, y: string): number => {
    const u = dirVec(x, -1, new Float64Array(3)); const v = dirVec(y, -1, new Float64Array(3))
    return (Math.acos(Math.max(-1, Math.min(1, u[0] * v[0] + u[1] * v[1] + u[2] * v[2]))) * 180) / Math.PI
  }
  return Math.max(ang(da.finger, db.finger), ang(da.palm, db.palm))
}

describe('finger alphabet is not confusable', () => {
  test(`every two letters differ by at least ${MIN_LETTER_DISTANCE_DEG}° of handshape, or of orientation, or by a movement`, () => {
    // A pair's separation is the larger of its handshape distance and its orientation difference;
    // letters sharing a hand and an orientation are told apart only by their movement (ZH = Z + a stop).
    let closest = { a: '', b: '', deg: Infinity }
    for (let i = 0; i < LETTER_IDS.length; i++) {
      for (let j = i + 1; j < LETTER_IDS.length; j++) {
        const a = LETTER_IDS[i]; const b = LETTER_IDS[j]
        if (JSON.stringify(getHandshape(a)!.letterMoves ?? []) !== JSON.stringify(getHandshape(b)!.letterMoves ?? [])) continue
        const deg = Math.max(handshapeDistanceDeg(bakeHandshape(a), bakeHandshape(b)), orientDiffDeg(a, b))
        if (deg < closest.deg) closest = { a, b, deg }
      }
    }
    if (closest.deg < MIN_LETTER_DISTANCE_DEG) throw new Error(`closest pair ${closest.a}–${closest.b}: ${closest.deg.toFixed(1)}° < ${MIN_LETTER_DISTANCE_DEG}°`)
    expect(closest.deg).toBeGreaterThanOrEqual(MIN_LETTER_DISTANCE_DEG)
  })

  test('the distance measure itself separates a fist from a flat hand and is zero for identical shapes', () => {
    expect(handshapeDistanceDeg(bakeHandshape('A'), bakeHandshape('A'))).toBe(0)
    expect(handshapeDistanceDeg(bakeHandshape('fist'), bakeHandshape('flat'))).toBeGreaterThan(500)
  })
})

describe('baking', () => {
  test.each(HANDSHAPES.map(h => [h.id]))('%s bakes to finite angles within joint ranges', id => {
    const a = bakeHandshape(id)
    expect(a.length).toBe(SHAPE_LEN)
    for (const v of a) expect(Number.isFinite(v)).toBe(true)
    for (let f = 0; f < 4; f++) {
      expect(a[4 * f + 1]).toBeGreaterThanOrEqual(0)
      expect(a[4 * f + 1]).toBeLessThanOrEqual(Math.PI / 2 + 1e-6)
      expect(a[4 * f + 2]).toBeLessThanOrEqual((110 * Math.PI) / 180)
    }
  })

  test.each(HANDSHAPES.filter(h => h.thumb.startsWith('touch_')).map(h => [h.id, h.thumb]))('%s: the thumb tip reaches its target (%s)', (id, thumb) => {
    const def = getHandshape(id)!
    const lm = handLocalLandmarks(bakeHandshape(id), new Float64Array(63))
    const f = ['touch_index', 'touch_middle', 'touch_ring', 'touch_pinky'].indexOf(thumb)
    const base = 5 + 4 * f
    const curled = FLEX_DEG[def.fingers[f]][1] >= 90
    const tx = curled ? (lm[(base + 1) * 3] + lm[(base + 2) * 3]) / 2 : lm[(base + 3) * 3]
    const ty = curled ? (lm[(base + 1) * 3 + 1] + lm[(base + 2) * 3 + 1]) / 2 : lm[(base + 3) * 3 + 1]
    const tz = curled ? (lm[(base + 1) * 3 + 2] + lm[(base + 2) * 3 + 2]) / 2 : lm[(base + 3) * 3 + 2]
    // Bone axes within 2.2 cm: the finger surfaces (radius ~0.85 cm each) touch or nearly touch.
    expect(Math.hypot(lm[12] - tx, lm[13] - ty, lm[14] - tz)).toBeLessThan(0.022)
  })

  test('O closes the thumb onto the index while C leaves a gap (the C/O contrast)', () => {
    const o = handLocalLandmarks(bakeHandshape('O'), new Float64Array(63))
    const c = handLocalLandmarks(bakeHandshape('C'), new Float64Array(63))
    const gap = (lm: ArrayLike<number>): number => Math.hypot(lm[12] - lm[24], lm[13] - lm[25], lm[14] - lm[26])
    expect(gap(o)).toBeLessThan(0.022)
    expect(gap(c)).toBeGreaterThan(gap(o) + 0.02)
  })

  test('unknown handshape ids are refused; a spec with an unknown thumb code falls back to "out"', () => {
    expect(() => bakeHandshape('no_such_shape')).toThrow('未知手形')
    const a = bakeSpec({ fingers: ['E', 'E', 'E', 'E'], spread: '=', thumb: 'bogus' as never })
    expect(a.every(Number.isFinite)).toBe(true)
  })
})

describe('number hands read from the front, as the national dictionary draws them', () => {
  const W = 400
  const cam = setCamera(createCamera(), { view: 'front', mirror: false, closeUp: false, width: W, height: W })
  /** The hand of number `id` in its own orientation (or in `orient`), held still; screen points of landmarks. */
  const posed = (id: string, orient?: string) => {
    const def = getHandshape(id)!.defaultOrient!
    const tl = compileTimeline([{ sign: sign({ dom: `${id} ${orient ?? `f:${def.finger} p:${def.palm}`} @neutral` }), label: id }], { ambient: false })
    const pose = samplePose(tl, tl.phases[0].t1, createPose())
    const at = (j: number): [number, number] => { const o = new Float32Array(2); project(cam, pose.hands[0], j * 3, o, 0, new Float64Array(1), 0); return [o[0], o[1]] }
    const len3 = (a: number, b: number): number => Math.hypot(pose.hands[0][a * 3] - pose.hands[0][b * 3], pose.hands[0][a * 3 + 1] - pose.hands[0][b * 3 + 1], pose.hands[0][a * 3 + 2] - pose.hands[0][b * 3 + 2]) * cam.pxPerM
    return { at, len3 }
  }
  const dist = (p: [number, number], q: [number, number]): number => Math.hypot(p[0] - q[0], p[1] - q[1])

  test('三 is the national hand: middle, ring and little finger up, thumb and index closed in a ring', () => {
    const def = getHandshape('3')!
    expect([def.fingers, def.spread, def.thumb]).toEqual([['r', 'E', 'E', 'E'], '{', 'touch_index'])
    const lm = handLocalLandmarks(bakeHandshape('3'), new Float64Array(63))
    // Thumb tip on the index tip; the other three fingertips well above the index knuckle.
    expect(Math.hypot(lm[12] - lm[24], lm[13] - lm[25], lm[14] - lm[26])).toBeLessThan(0.022)
    for (const tip of [12, 16, 20]) expect(lm[tip * 3 + 1]).toBeGreaterThan(lm[5 * 3 + 1] + 0.05)
  })

  test('0: the ring faces the viewer (its hole is seen, not its edge)', () => {
    const area = (h: ReturnType<typeof posed>): number => {
      const pts = [5, 6, 7, 8, 4, 3, 2].map(h.at)
      let a = 0
      for (let i = 0; i < pts.length; i++) { const p = pts[i]; const q = pts[(i + 1) % pts.length]; a += p[0] * q[1] - q[0] * p[1] }
      return Math.abs(a) / 2 / (h.len3(0, 9) ** 2)
    }
    expect(area(posed('0'))).toBeGreaterThan(0.15)
    // The measure sees an edge-on ring: palm to the viewer.
    expect(area(posed('0', 'f:u p:f'))).toBeLessThan(0.05)
  })

  test('9: the hook is seen side-on (its bent middle segment is not pointing at the viewer)', () => {
    const side = (h: ReturnType<typeof posed>): number => dist(h.at(6), h.at(7)) / h.len3(6, 7)
    expect(side(posed('9'))).toBeGreaterThan(0.6)
    expect(side(posed('9', 'f:u p:f'))).toBeLessThan(0.4)
  })

  test('9: a crooked index, its tip ending to the side at the middle joint’s height, as the book draws 九 (not curled back into a loop)', () => {
    const h = posed('9')
    const seg = h.len3(6, 7) + h.len3(7, 8)
    // The tip lies well to the side of the middle joint and not below the knuckle: a "?" in profile.
    expect(Math.abs(h.at(8)[0] - h.at(6)[0])).toBeGreaterThan(0.6 * seg)
    expect(h.at(8)[1]).toBeLessThan(h.at(5)[1])
  })

  test('7: the pinched fingers stand out from the fist (not foreshortened into it)', () => {
    const out = (h: ReturnType<typeof posed>): number => dist(h.at(8), h.at(13)) / dist(h.at(0), h.at(9))
    expect(out(posed('7'))).toBeGreaterThan(0.9)
    expect(out(posed('7', 'f:u p:f'))).toBeLessThan(0.6)
  })
})
