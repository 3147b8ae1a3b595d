import {
  buildDrawList, createCamera, createDrawList, createPose, samplePose, setCamera, project, DATA_STRIDE, PRIM_RECT,
  PRIM_ELLIPSE, type CameraView
} from './engine'
import { SIGNS, tl1 } from './fixtures'

describe('mirror', () => {
  test.each(['front', '45', 'side'] as CameraView[])('%s: the mirrored draw list is the exact x-flip of the unmirrored one', view => {
    const tl = tl1(SIGNS.palmTap)
    const pose = samplePose(tl, tl.duration * 0.45, createPose())
    const W = 300; const H = 400
    const a = buildDrawList(pose, setCamera(createCamera(), { view, mirror: false, closeUp: false, width: W, height: H }), createDrawList())
    const b = buildDrawList(pose, setCamera(createCamera(), { view, mirror: true, closeUp: false, width: W, height: H }), createDrawList())
    expect(b.count).toBe(a.count)
    expect(Array.from(b.order.slice(0, b.count))).toEqual(Array.from(a.order.slice(0, a.count)))
    for (let i = 0; i < a.count; i++) {
      expect(b.kind[i]).toBe(a.kind[i])
      expect(b.fill[i]).toBe(a.fill[i])
      const o = i * DATA_STRIDE
      if (a.kind[i] === PRIM_RECT) continue
      if (a.kind[i] === PRIM_ELLIPSE) {
        expect(b.data[o]).toBeCloseTo(W - a.data[o], 3)
        expect(b.data[o + 1]).toBeCloseTo(a.data[o + 1], 3)
        expect(b.data[o + 4]).toBeCloseTo(-a.data[o + 4], 5)
        continue
      }
      for (let k = 0; k < a.npts[i]; k++) {
        expect(b.data[o + 2 * k]).toBeCloseTo(W - a.data[o + 2 * k], 3)
        expect(b.data[o + 2 * k + 1]).toBeCloseTo(a.data[o + 2 * k + 1], 3)
      }
    }
  })

  test('the dominant (right) hand appears on the viewer\'s left; mirrored, on the viewer\'s right', () => {
    const tl = tl1({ dom: 'index f:u p:f @neutral' })
    const pose = samplePose(tl, tl.phases[0].t1, createPose())
    const out = new Float32Array(2); const depth = new Float64Array(1)
    const cam = setCamera(createCamera(), { view: 'front', mirror: false, closeUp: false, width: 300, height: 400 })
    project(cam, pose.hands[0], 8 * 3, out, 0, depth, 0)
    expect(out[0]).toBeLessThan(150)
    setCamera(cam, { view: 'front', mirror: true, closeUp: false, width: 300, height: 400 })
    project(cam, pose.hands[0], 8 * 3, out, 0, depth, 0)
    expect(out[0]).toBeGreaterThan(150)
  })

  test('an unknown view falls back to front instead of producing NaN', () => {
    const cam = setCamera(createCamera(), { view: 'top' as CameraView, mirror: false, closeUp: false, width: 0, height: 400 })
    expect(cam.view).toBe('front')
    const out = new Float32Array(2); const depth = new Float64Array(1)
    project(cam, [0, 1.3, 0], 0, out, 0, depth, 0)
    expect(Number.isFinite(out[0]) && Number.isFinite(out[1]) && depth[0] > 0).toBe(true)
  })
})
