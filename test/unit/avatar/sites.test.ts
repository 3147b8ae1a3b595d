import { SITES } from '../../../src/core/sign/sites'
import { SITE_GEO, HAND_SITE_IDS, resolveBodySite, siteKind } from '../../../src/core/avatar/site-geometry'
import { contactPartWorld, contactSiteWorld, createPose, samplePose } from './engine'
import { SIGNS, tl1 } from './fixtures'

describe('site geometry', () => {
  test('every site id of the site table has a 3-D position and normal', () => {
    for (const s of SITES) {
      if (s.id.startsWith('H.')) expect(HAND_SITE_IDS).toContain(s.id)
      else {
        expect(SITE_GEO[s.id]).toBeDefined()
        expect(SITE_GEO[s.id].paired || !s.paired).toBe(true)
      }
    }
  })

  test('every body site can be touched by the dominant hand (the IK reaches it: contact within 1.5 cm)', () => {
    const pose = createPose()
    const a = new Float64Array(3); const b = new Float64Array(3)
    const bad: string[] = []
    for (const id of Object.keys(SITE_GEO)) {
      const k = siteKind(id)
      if (k === 'arm' || k === 'space') continue
      // Contralateral waist / hip / back / thigh / buttock are beyond the arm's reach without leaning: not required.
      const sides = SITE_GEO[id].paired ? (['waist', 'hip', 'back', 'thigh', 'buttock'].includes(id) ? ['i'] : ['i', 'c']) : ['m']
      for (const side of sides) {
        // A natural orientation: palm into the site, fingers up (down for sites below the chest).
        const n = new Float64Array(3)
        resolveBodySite({ site: id, side: side as 'i' }, -1, new Float64Array(3), n)
        const ax = [Math.abs(n[0]), Math.abs(n[1]), Math.abs(n[2])]
        const k = ax.indexOf(Math.max(...ax))
        const palm = k === 0 ? (n[0] < 0 ? 'c' : 'i') : k === 1 ? (n[1] > 0 ? 'd' : 'u') : (n[2] > 0 ? 'b' : 'f')
        const finger = k === 1 ? 'f' : SITE_GEO[id].p[1] < 1.2 ? 'd' : 'u'
        const tl = tl1({ dom: `flat f:${finger} p:${palm} @${id}.${side}~touch` })
        const m = tl.contacts[0]
        samplePose(tl, m.t, pose)
        // (The part as placed: fingers up at the nose or mouth are placed by their tips, a named part.)
        const e = Math.hypot(...Array.from(contactPartWorld(pose, m, a)).map((v, i) => v - contactSiteWorld(pose, m, b)[i]))
        if (!(e < 0.015)) bad.push(`${id}.${side} ${e.toFixed(3)}`)
      }
    }
    expect(bad).toEqual([])
  })

  test('space sites get a lateral offset toward the hand\'s own side unless .m is written', () => {
    const p = new Float64Array(3); const n = new Float64Array(3)
    resolveBodySite({ site: 'neutral' }, -1, p, n)
    expect(p[0]).toBeLessThan(0)
    resolveBodySite({ site: 'neutral', side: 'm' }, -1, p, n)
    expect(p[0]).toBe(-0)
  })

  test('paired sites: .i is on the hand\'s own side, .c mirrors it; the left hand mirrors the right', () => {
    const p = new Float64Array(3); const n = new Float64Array(3); const q = new Float64Array(3)
    resolveBodySite({ site: 'cheek', side: 'i' }, -1, p, n)
    expect(p[0]).toBeLessThan(0) // right hand, own (right) cheek: −x
    resolveBodySite({ site: 'cheek', side: 'c' }, -1, q, n)
    expect(q[0]).toBeCloseTo(-p[0], 9)
    resolveBodySite({ site: 'cheek', side: 'i' }, 1, q, n)
    expect(q[0]).toBeCloseTo(-p[0], 9)
  })

  test('an unknown site is refused (false), not placed at the origin', () => {
    expect(resolveBodySite({ site: 'elbowpit' }, -1, new Float64Array(3), new Float64Array(3))).toBe(false)
    expect(siteKind('H.nose')).toBeUndefined()
  })

  test('two-handed mirror signs put the hands on opposite sides, symmetric about the midline', () => {
    const tl = tl1(SIGNS.twoCircle)
    const r = tl.hands[0].seg; const l = tl.hands[1].seg
    // Start posture of both hands (segment 1 = transition end).
    const SEG = tl.hands[0].seg.length / tl.hands[0].count
    const rx = r[SEG + 7]; const lx = l[SEG + 7]
    expect(rx).toBeLessThan(0)
    expect(lx).toBeCloseTo(-rx, 6)
  })
})
