/**
 * Movement made visible: the dotted trail with an arrowhead (computed once per timeline, drawn per
 * frame), and the view a sign opens in (45° for movement toward or away from the viewer).
 */
import {
  DATA_STRIDE, OWNER_TRAIL, PRIM_DOTS, PRIM_POLY, TRAIL_MAX_DOTS, TRAIL_SPACING_M, buildDrawList, compileTimeline,
  computeTrail, createCamera, createDrawList, createPose, samplePose, setCamera, viewAdvice, type DrawList
} from './engine'
import { item, sign } from './fixtures'

const tlOf = (dom: string, extra: Record<string, string> = {}) => compileTimeline([{ sign: sign({ dom, ...extra }), label: 'x' }], { ambient: false })

function trailPrims (l: DrawList): { dots: Array<[number, number]>; arrow: number[] | null } {
  const dots: Array<[number, number]> = []
  let arrow: number[] | null = null
  for (let i = 0; i < l.count; i++) {
    if (l.owner[i] !== OWNER_TRAIL) continue
    const o = i * DATA_STRIDE
    if (l.kind[i] === PRIM_DOTS) for (let k = 0; k < l.npts[i]; k++) dots.push([l.data[o + 2 * k], l.data[o + 2 * k + 1]])
    if (l.kind[i] === PRIM_POLY) arrow = Array.from(l.data.slice(o, o + 2 * l.npts[i]))
  }
  return { dots, arrow }
}

describe('trail', () => {
  test('a straight movement: evenly spaced dots along it, in order, ending where the hand ends', () => {
    const tl = tlOf('index f:u p:f @neutral ; line(u,l)')
    const tr = computeTrail(tl)
    expect(tr.count[0]).toBeGreaterThan(5)
    const p = (k: number): number[] => [tr.pts[k * 3], tr.pts[k * 3 + 1], tr.pts[k * 3 + 2]]
    const n = tr.count[0]
    // Upward: the last dot is ~20 cm above the first; neighbours are the same distance apart.
    expect(p(n - 1)[1] - p(0)[1]).toBeGreaterThan(0.15)
    const gaps = Array.from({ length: n - 1 }, (_, k) => Math.hypot(p(k + 1)[0] - p(k)[0], p(k + 1)[1] - p(k)[1], p(k + 1)[2] - p(k)[2]))
    for (const g of gaps) expect(Math.abs(g - gaps[0])).toBeLessThan(0.004)
    expect(gaps[0]).toBeGreaterThanOrEqual(TRAIL_SPACING_M * 0.9)
    // The index tip leads: at the end of the movement the last dot is at the fingertip.
    const pose = samplePose(tl, tl.phases.find(ph => ph.phase === 'move')!.t1, createPose())
    expect(Math.hypot(pose.hands[0][24] - p(n - 1)[0], pose.hands[0][25] - p(n - 1)[1], pose.hands[0][26] - p(n - 1)[2])).toBeLessThan(0.01)
  })

  test('drawn: dots over everything and an arrowhead pointing the way the hand went', () => {
    const tl = tlOf('index f:u p:f @neutral ; line(c,l)')
    const tr = computeTrail(tl)
    const cam = setCamera(createCamera(), { view: 'front', mirror: false, closeUp: false, width: 300, height: 400 })
    const l = buildDrawList(samplePose(tl, tl.phases[1].t0, createPose()), cam, createDrawList(), tr)
    const { dots, arrow } = trailPrims(l)
    expect(dots.length).toBe(tr.count[0])
    // Toward the signer's left: the viewer's right (+x on the screen).
    expect(dots[dots.length - 1][0]).toBeGreaterThan(dots[0][0] + 30)
    expect(arrow).not.toBeNull()
    expect(arrow![0]).toBeGreaterThan(dots[dots.length - 1][0])
    // Painted last (on top of the hands).
    expect(l.owner[l.order[l.count - 1]]).toBe(OWNER_TRAIL)
    // Without a trail, nothing of it.
    expect(trailPrims(buildDrawList(samplePose(tl, tl.phases[1].t0, createPose()), cam, createDrawList())).dots).toEqual([])
  })

  test('a tap shows its first stroke only (toward the contact), not the way back', () => {
    const tl = tlOf('index f:b p:d @chin~near ; tap')
    const tr = computeTrail(tl)
    const n = tr.count[0]
    expect(n).toBeGreaterThanOrEqual(2)
    // Toward the chin: backward (−z), never turning forward again.
    expect(tr.pts[(n - 1) * 3 + 2]).toBeLessThan(tr.pts[2] - 0.02)
    for (let k = 1; k < n; k++) expect(tr.pts[k * 3 + 2]).toBeLessThanOrEqual(tr.pts[(k - 1) * 3 + 2] + 0.002)
  })

  test('movements in place (a wiggle, a twist) and static signs have no trail; long paths are capped', () => {
    expect(computeTrail(tlOf('open f:u p:f @neutral ; wiggle')).count[0]).toBe(0)
    expect(computeTrail(tlOf('A f:u p:c @neutral ; twist(in)')).count[0]).toBe(0)
    expect(computeTrail(tlOf('B f:u p:f @neutral')).count[0]).toBe(0)
    expect(computeTrail(tlOf('flat f:f p:d @neutral ; circle(v,cw,l)*3')).count[0]).toBeLessThanOrEqual(TRAIL_MAX_DOTS)
  })

  test('a sequence has one trail per item, each drawn while its item plays', () => {
    const tl = compileTimeline([item({ dom: 'index f:u p:f @neutral ; line(u)' }, 'a'), item({ dom: 'index f:u p:f @neutral ; line(c)' }, 'b')], { ambient: false })
    const tr = computeTrail(tl)
    expect(Array.from(tr.count).every(c => c > 2)).toBe(true)
    const cam = setCamera(createCamera(), { view: 'front', mirror: false, closeUp: false, width: 300, height: 400 })
    const first = trailPrims(buildDrawList(samplePose(tl, tl.items[0].t0 + 0.5, createPose()), cam, createDrawList(), tr)).dots
    const second = trailPrims(buildDrawList(samplePose(tl, tl.items[1].t0 + 0.5, createPose()), cam, createDrawList(), tr)).dots
    // The first goes up the screen, the second to the right.
    expect(first[0][1] - first[first.length - 1][1]).toBeGreaterThan(20)
    expect(second[second.length - 1][0] - second[0][0]).toBeGreaterThan(20)
  })

  test('mirrored, the trail is the exact x-flip', () => {
    const tl = tlOf('index f:u p:f @neutral ; arc(c,u)')
    const tr = computeTrail(tl)
    const pose = samplePose(tl, tl.phases[1].t0, createPose())
    const a = trailPrims(buildDrawList(pose, setCamera(createCamera(), { view: '45', mirror: false, closeUp: false, width: 300, height: 400 }), createDrawList(), tr))
    const b = trailPrims(buildDrawList(pose, setCamera(createCamera(), { view: '45', mirror: true, closeUp: false, width: 300, height: 400 }), createDrawList(), tr))
    expect(b.dots.length).toBe(a.dots.length)
    a.dots.forEach((d, k) => { expect(b.dots[k][0]).toBeCloseTo(300 - d[0], 3); expect(b.dots[k][1]).toBeCloseTo(d[1], 3) })
    a.arrow!.forEach((v, k) => expect(b.arrow![k]).toBeCloseTo(k % 2 === 0 ? 300 - v : v, 3))
  })
})

describe('view advice', () => {
  const adv = (dom: string, extra: Record<string, string> = {}) => viewAdvice([{ sign: sign({ dom, ...extra }), label: 'x' }])

  test('movement mainly toward or away from the viewer opens at 45°; across or up and down, from the front', () => {
    expect(adv('flat f:f p:c @neutral.i~near ; line(f,l)', { rel: 'mirror' }).view).toBe('45') // 路
    expect(adv('flat f:u p:b @shoulder.i~near ; arc(b,u,m)').view).toBe('45') // 以前
    expect(adv('index f:u p:f @neutral ; to(@far)').view).toBe('45')
    expect(adv('flat f:u p:f @neutral ; line(c,l)').view).toBe('front')
    expect(adv('index f:u p:f @neutral ; [line(u,s) line(d,s)]*2').view).toBe('front')
    expect(adv('B f:u p:f @neutral').view).toBe('front')
    expect(viewAdvice([{ sign: sign({ dom: 'index f:u p:f @neutral ; line(f,l)' }), label: 'x' }]).view).toBe('45')
  })

  test('a hand whose figure is edge-on from the front (palm to the side, two or three digits apart) opens at 45°', () => {
    expect(adv('V f:u p:c @head_top.i~close').view).toBe('45') // 秘鲁: from the front the V is one finger
    expect(adv('thumb_index_pinky f:f p:c @H.back', { rel: 'base', nondom: 'fist f:f p:d @neutral.c' }).view).toBe('45') // 旅
    expect(adv('thumb_index f:f p:c @neutral.i ; bend(d)*2', { rel: 'mirror' }).view).toBe('45') // 木
    expect(adv('2 f:u p:c @H.back', { rel: 'base', nondom: 'flat_o f:f p:d @neutral.c' }).view).toBe('45') // 狗
    // The posture the hand ends in counts too (电池: an index turned into an L pointing forward).
    expect(adv('index f:u p:f @neutral ; line(c,s) line(di,s) shape(thumb_index) orient(f:f p:c)').view).toBe('45')
    // What reads from the front stays there: a fist, one finger, a flat hand edge-on, a V facing the viewer,
    // and a figure the hand only passes through (阿姨: A, then Y turned to face the viewer).
    expect(adv('fist f:f p:c @neutral').view).toBe('front')
    expect(adv('index f:u p:c @neutral').view).toBe('front')
    expect(adv('flat f:u p:c @neutral ; line(d)').view).toBe('front')
    expect(adv('V f:u p:f @neutral').view).toBe('front')
    expect(adv('A f:u p:c @neutral ; shape(Y) orient(f:u p:fc)').view).toBe('front')
    // A sentence: 45° only when most of its signs need it.
    const it = (dom: string) => ({ sign: sign({ dom }), label: 'x' })
    expect(viewAdvice([it('V f:u p:c @neutral'), it('flat f:u p:f @neutral'), it('index f:u p:f @chest')]).view).toBe('front')
    expect(viewAdvice([it('V f:u p:c @neutral'), it('thumb_index f:f p:c @neutral')]).view).toBe('45')
  })

  test('the hand close-up is offered for movements in the fingers', () => {
    expect(adv('open f:u p:f @neutral ; wiggle').closeUp).toBe(true)
    expect(adv('open f:u p:f @neutral ; shape(flat_o)').closeUp).toBe(true)
    expect(adv('open f:u p:f @neutral ; line(f)+wiggle').closeUp).toBe(true)
    expect(adv('open f:u p:f @neutral ; line(f)').closeUp).toBe(false)
  })
})
