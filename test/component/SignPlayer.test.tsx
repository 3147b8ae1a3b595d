/**
 * The player's video-like controls, with a recording canvas: the component only executes the
 * engine's draw list, so the test checks that frames are drawn and that each control changes
 * what a learner sees (label, speed, loop, phase, mirror note).
 */
import TestUtils from '@tarojs/test-utils-react'
import Taro from '@tarojs/taro'
import SignPlayer from '../../src/components/SignPlayer'
import { handshapeSign } from '../../src/core/avatar'
import { parseSignNotation } from '../../src/core/sign/parse'
import { text } from './helpers'
import { PREFS_KEY } from '../../src/components/SignPlayer/prefs'

const mockCalls: string[] = []
let mockRafQueue: Array<() => void> = []

function mockRecordingContext (): any {
  const ctx: any = { fillStyle: '', strokeStyle: '', lineWidth: 1, lineCap: 'butt', lineJoin: 'miter', globalAlpha: 1 }
  for (const m of ['beginPath', 'moveTo', 'lineTo', 'arc', 'ellipse', 'closePath', 'fill', 'stroke', 'fillRect', 'clearRect', 'save', 'restore', 'setTransform']) {
    ctx[m] = () => { mockCalls.push(m) }
  }
  return ctx
}

jest.mock('../../src/components/SignPlayer/canvas', () => ({
  acquireCanvas: (_id: string, width: number, height: number) => Promise.resolve({
    canvas: {}, ctx: mockRecordingContext(), width, height, dpr: 2,
    raf: (cb: () => void) => { mockRafQueue.push(cb); return mockRafQueue.length },
    cancel: () => { mockRafQueue = [] }
  }),
  observeInView: () => () => {}
}))

/** Runs queued animation frames, `ms` apart on the clock the component reads. */
async function frames (n: number, ms = 16): Promise<void> {
  for (let i = 0; i < n; i++) {
    const q = mockRafQueue
    mockRafQueue = []
    clock += ms
    for (const cb of q) cb()
    await Promise.resolve()
  }
}

const sign = (dom: string) => {
  const r = parseSignNotation({ dom }, { entryId: 'test' })
  if (!r.ok) throw new Error('bad fixture')
  return r.sign
}

const items = [
  { sign: sign('A f:u p:c @neutral ; bend(f)*2'), label: '谢谢', steps: 2 },
  { sign: handshapeSign('B'), label: 'B', steps: 1 }
]

async function mount (props: Record<string, unknown> = {}): Promise<TestUtils> {
  const t = new TestUtils()
  await t.mount(SignPlayer, { props: { items, id: 'p1', ...props } })
  await new Promise(resolve => setTimeout(resolve, 0))
  return t
}


// The component reads wall time with Date.now(); the test moves it frame by frame.
let clock = 1_700_000_000_000
beforeEach(() => {
  mockCalls.length = 0
  mockRafQueue = []
  jest.spyOn(Date, 'now').mockImplementation(() => clock)
})
afterEach(() => { jest.restoreAllMocks() })

test('autoplay draws frames and shows the phase in Chinese', async () => {
  const t = await mount()
  await frames(5)
  expect(mockCalls.filter(c => c === 'fill').length).toBeGreaterThan(20)
  expect(text(t, '.player-toggle')).toBe('暂停')
  expect(text(t, '.player-phase-label')).toMatch(/手形|动作|结束/)
})

test('pause stops drawing; play resumes', async () => {
  const t = await mount()
  await frames(2)
  t.fireEvent.click(t.queries.querySelector('.player-toggle')!)
  await frames(1)
  expect(text(t, '.player-toggle')).toBe('播放')
  const drawn = mockCalls.length
  await frames(5)
  expect(mockCalls.length).toBe(drawn)
  t.fireEvent.click(t.queries.querySelector('.player-toggle')!)
  await frames(3)
  expect(mockCalls.length).toBeGreaterThan(drawn)
  expect(text(t, '.player-toggle')).toBe('暂停')
})

test('speed chips select one speed between 0.25× and 1.5×', async () => {
  const t = await mount()
  const chips = Array.from(t.queries.querySelectorAll('.player-speed'))
  expect(chips.map(c => c.textContent)).toEqual(['0.25×', '0.5×', '0.75×', '1×', '1.25×', '1.5×'])
  t.fireEvent.click(chips[0])
  await frames(1)
  const active = Array.from(t.queries.querySelectorAll('.player-speed.chip-active')).map(c => c.textContent)
  expect(active).toEqual(['0.25×'])
})

test('loop toggles, and stepping moves through the phases and pauses', async () => {
  const t = await mount()
  const loop = t.queries.querySelector('.player-loop')!
  expect(loop.getAttribute('aria-pressed')).toBe('false')
  t.fireEvent.click(loop)
  await frames(1)
  expect(t.queries.querySelector('.player-loop')!.getAttribute('aria-pressed')).toBe('true')
  const seen = new Set<string>()
  for (let i = 0; i < 6; i++) {
    t.fireEvent.click(t.queries.querySelector('.player-next')!)
    await frames(1)
    seen.add(text(t, '.player-phase-label') + '|' + text(t, '.player-item-label'))
  }
  expect(seen.size).toBeGreaterThan(2)
  expect(text(t, '.player-toggle')).toBe('播放')
})

test('mirror says the picture is mirrored; the view chips switch angle', async () => {
  const t = await mount()
  expect(t.queries.querySelector('.player-mirror-note')).toBeNull()
  t.fireEvent.click(t.queries.querySelector('.player-mirror')!)
  await frames(1)
  expect(text(t, '.player-mirror-note')).toContain('镜像')
  t.fireEvent.click(Array.from(t.queries.querySelectorAll('.player-view'))[2])
  await frames(1)
  expect(t.queries.querySelector('.player-view.chip-active')?.textContent).toBe('侧面')
})

test('a sign moving toward the viewer opens at 45°, until the viewer chooses a view; 自动 gives it back', async () => {
  // A viewer who never chose a view (earlier tests here chose one).
  Taro.removeStorageSync(PREFS_KEY)
  const forward = [{ sign: sign('flat f:f p:c @neutral.i~near ; line(f,l)'), label: '路', steps: 1 }]
  const t = await mount({ items: forward, id: 'p3' })
  await frames(1)
  expect(t.queries.querySelector('.player-view.chip-active')?.textContent).toBe('45°')
  expect(t.queries.querySelector('.player-view-auto')!.getAttribute('aria-checked')).toBe('true')
  t.fireEvent.click(Array.from(t.queries.querySelectorAll('.player-view'))[0])
  await frames(1)
  expect(t.queries.querySelector('.player-view.chip-active')?.textContent).toBe('正面')
  expect(t.queries.querySelector('.player-view-auto')!.getAttribute('aria-checked')).toBe('false')
  t.fireEvent.click(t.queries.querySelector('.player-view-auto')!)
  await frames(1)
  expect(t.queries.querySelector('.player-view.chip-active')?.textContent).toBe('45°')
})

test('轨迹 switches the movement path on and off, and the drawing changes with it', async () => {
  const t = await mount({ items: [{ sign: sign('index f:u p:f @neutral ; line(c,l) hold(1)'), label: 'x', steps: 1 }], id: 'p4', autoPlay: false })
  const chip = () => t.queries.querySelector('.player-trail')!
  expect(chip().getAttribute('aria-checked')).toBe('true')
  // Paused in the movement, the same frame is drawn without the trail, then with it: the dots are arcs.
  t.fireEvent.click(t.queries.querySelector('.player-next')!)
  await frames(1)
  mockCalls.length = 0
  t.fireEvent.click(chip())
  await frames(1)
  expect(chip().getAttribute('aria-checked')).toBe('false')
  const without = mockCalls.filter(c => c === 'arc').length
  mockCalls.length = 0
  t.fireEvent.click(chip())
  await frames(1)
  expect(chip().getAttribute('aria-checked')).toBe('true')
  const withTrail = mockCalls.filter(c => c === 'arc').length
  expect(without).toBeGreaterThan(0)
  expect(withTrail).toBeGreaterThan(without + 5)
})

test('finger movements offer the hand close-up, for this sign only', async () => {
  const wiggle = [{ sign: sign('open f:u p:f @neutral ; wiggle'), label: '动', steps: 1 }]
  const t = await mount({ items: wiggle, id: 'p5' })
  expect(t.queries.querySelector('.player-closeup')!.getAttribute('aria-checked')).toBe('false')
  t.fireEvent.click(t.queries.querySelector('.player-closeup-offer')!)
  await frames(1)
  expect(t.queries.querySelector('.player-closeup')!.getAttribute('aria-checked')).toBe('true')
  expect(t.queries.querySelector('.player-closeup-offer')).toBeNull()
  // A sign without finger movements: no offer.
  const t2 = await mount({ id: 'p6' })
  expect(t2.queries.querySelector('.player-closeup-offer')).toBeNull()
})

test('nothing to play says so instead of a blank box', async () => {
  const t = new TestUtils()
  await t.mount(SignPlayer, { props: { items: [], id: 'p2' } })
  expect(text(t, '.player-empty')).toContain('无法播放')
})
