import {
  buildDrawList, createCamera, createDrawList, createPose, samplePose, setCamera, DATA_STRIDE, PALETTE_DARK, PALETTE_LIGHT, PALETTES,
  PRIM_ELLIPSE, type Timeline
} from './engine'
import { renderFrameCanvas } from '../../../scripts/lib/node-canvas'
import { tl1 } from './fixtures'

const W = 240; const H = 320

/** Screen bounding box of the dominant hand's primitives at time t. */
function handBox (tl: Timeline, t: number): [number, number, number, number] {
  const list = buildDrawList(samplePose(tl, t, createPose()), setCamera(createCamera(), { view: 'front', mirror: false, closeUp: false, width: W, height: H }), createDrawList())
  let x0 = W; let y0 = H; let x1 = 0; let y1 = 0
  for (let i = 0; i < list.count; i++) {
    if (list.owner[i] !== 0 || list.kind[i] === PRIM_ELLIPSE) continue
    for (let k = 0; k < list.npts[i]; k++) {
      const x = list.data[i * DATA_STRIDE + 2 * k]; const y = list.data[i * DATA_STRIDE + 2 * k + 1]
      x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y)
    }
  }
  return [Math.max(0, Math.floor(x0 - 6)), Math.max(0, Math.floor(y0 - 6)), Math.min(W, Math.ceil(x1 + 6)), Math.min(H, Math.ceil(y1 + 6))]
}

function meanDiff (tl: Timeline, ta: number, tb: number): number {
  const a = renderFrameCanvas(tl, ta, { width: W, height: H }).getContext('2d').getImageData(0, 0, W, H).data
  const b = renderFrameCanvas(tl, tb, { width: W, height: H }).getContext('2d').getImageData(0, 0, W, H).data
  const ba = handBox(tl, ta); const bb = handBox(tl, tb)
  const x0 = Math.min(ba[0], bb[0]); const y0 = Math.min(ba[1], bb[1]); const x1 = Math.max(ba[2], bb[2]); const y1 = Math.max(ba[3], bb[3])
  let sum = 0; let n = 0
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) {
    const o = (y * W + x) * 4
    sum += Math.abs(a[o] - b[o]) + Math.abs(a[o + 1] - b[o + 1]) + Math.abs(a[o + 2] - b[o + 2])
    n++
  }
  return n > 0 ? sum / n : 0
}

describe('rendered pixels (@napi-rs/canvas)', () => {
  const tl = tl1({ dom: 'B f:u p:f @neutral ; line(c) hold(0.8)' }, { ambient: false })
  const mv = tl.phases.find(p => p.phase === 'move')!
  const lineEnd = mv.t0 + 0.45

  test('the hand region changes while the hand moves', () => {
    expect(meanDiff(tl, mv.t0 + 0.05, mv.t0 + 0.3)).toBeGreaterThan(20)
  })

  test('the hand region stays the same during a hold', () => {
    expect(meanDiff(tl, lineEnd + 0.1, lineEnd + 0.6)).toBe(0)
  })

  test('a frame is not blank: the avatar covers a good part of the canvas with skin and shirt colours', () => {
    const d = renderFrameCanvas(tl, mv.t0, { width: W, height: H }).getContext('2d').getImageData(0, 0, W, H).data
    let nonBg = 0
    for (let o = 0; o < d.length; o += 4) if (Math.abs(d[o] - 0xF4) + Math.abs(d[o + 1] - 0xF1) + Math.abs(d[o + 2] - 0xEA) > 30) nonBg++
    expect(nonBg / (W * H)).toBeGreaterThan(0.2)
  })

  test('the theme picks the palette: a dark stage in dark mode, the same hands in both', () => {
    const rgb = (hex: string): number[] => [1, 3, 5].map(i => parseInt(hex.slice(i, i + 2), 16))
    const light = renderFrameCanvas(tl, mv.t0, { width: W, height: H }).getContext('2d').getImageData(0, 0, W, H).data
    const dark = renderFrameCanvas(tl, mv.t0, { width: W, height: H, theme: 'dark' }).getContext('2d').getImageData(0, 0, W, H).data
    // The corner is the stage.
    expect([light[0], light[1], light[2]]).toEqual(rgb(PALETTE_LIGHT[0]))
    expect([dark[0], dark[1], dark[2]]).toEqual(rgb(PALETTE_DARK[0]))
    // Inside the hand the pixels are the same: only the stage and the outline of the figure change.
    const [x0, y0, x1, y1] = handBox(tl, mv.t0)
    const cx = Math.round((x0 + x1) / 2); const cy = Math.round((y0 + y1) / 2)
    const o = (cy * W + cx) * 4
    expect([dark[o], dark[o + 1], dark[o + 2]]).toEqual([light[o], light[o + 1], light[o + 2]])
    expect(PALETTES.dark).toHaveLength(PALETTES.light.length)
  })
})
