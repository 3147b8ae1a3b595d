/**
 * The avatar's per-frame path (tick + aimFull + samplePlayerPose + buildDrawList with the movement trail, on a two-handed moving sign), measured
 * for the benchmark (scripts/bench/engine.ts) and for the zero-allocation test
 * (test/unit/avatar/alloc.test.ts). Run as a child process, bundled by esbuild, with plain node,
 * --jitless or --expose-gc; prints one JSON line.
 *   frame [batches] [perBatch]           median ms per frame
 *   alloc [frames] [windows] [warmup]    heap growth per frame in steady state
 *   sites [frames]                       where the per-frame path allocates (V8's sampling heap
 *                                        profiler), for finding what the alloc figure counts
 */
import { Session } from 'node:inspector'
import { parseSignNotation } from '../../src/core/sign/parse'
import {
  aimFull, buildDrawList, compileTimeline, computeTrail, createCamera, createDrawList, createPlayer, createPose, play, samplePlayerPose,
  setCamera, setLoop, tick
} from '../../src/core/avatar'

/** Two-handed moving sign: mirrored circles, a line and a repeated up-down, with a face. */
export const BENCH_SIGN = { dom: 'open f:u p:f @neutral ; circle(v,cw,l) line(f) [line(u,s) line(d,s)]*2', rel: 'mirror', face: 'expr=高兴 head=nod' }

/** ms per frame at 60 Hz, as the player's tick receives it (whole milliseconds from Date.now()). */
const FRAME_MS = 16

/** The app's per-frame path (components/SignPlayer): tick the player, sample its pose, build the draw list. */
export function setup (): { step: (i: number) => void } {
  const r = parseSignNotation(BENCH_SIGN, { entryId: 'bench' })
  if (!r.ok) throw new Error('bench sign does not parse')
  const tl = compileTimeline([{ sign: r.sign, label: 'bench' }])
  const player = setLoop(play(createPlayer(tl)), true)
  // The movement trail is drawn too, as the player draws it by default.
  const trail = computeTrail(tl)
  const pose = createPose()
  const cam = setCamera(createCamera(), { view: '45', mirror: false, closeUp: false, width: 360, height: 480 })
  const list = createDrawList()
  // The full view follows the sign's framing (camera.ts aimFull), as the player does before each draw.
  return { step: () => { tick(player, FRAME_MS); aimFull(cam, trail, player); buildDrawList(samplePlayerPose(player, pose), cam, list, trail) } }
}

function median (xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

export function measureFrame (batches: number, perBatch: number): number {
  const { step } = setup()
  for (let i = 0; i < perBatch * 2; i++) step(i)
  const times: number[] = []
  let k = 0
  for (let b = 0; b < batches; b++) {
    const t0 = performance.now()
    for (let i = 0; i < perBatch; i++) step(k++)
    times.push((performance.now() - t0) / perBatch)
  }
  return median(times)
}

export interface AllocResult {
  /** Least heap growth per frame over the windows (bytes). */
  bytesPerFrame: number
  /** Heap growth of each window (bytes). */
  windows: number[]
  /** Heap growth of a window of no frames (bytes): the cost of reading the heap, subtracted. */
  readCost: number
}

/**
 * Heap growth per frame. A long warm-up first: optimising compilers allocate code and feedback on
 * the heap for a while, a one-off cost that is not per-frame garbage. Then equal windows of frames
 * with the heap read before and after; the least window is the steady state. Run the process with
 * --expose-gc and a young generation large enough (--max-semi-space-size) that no scavenge inside a
 * window hides garbage: 16 B per frame over 50 000 frames is 0.8 MB.
 */
export function measureAlloc (frames: number, windows = 6, warmup = 200000): AllocResult {
  const { step } = setup()
  const gc = (globalThis as { gc?: () => void }).gc
  if (!gc) throw new Error('run with --expose-gc')
  for (let i = 0; i < warmup; i++) step(i)
  gc(); gc()
  // Reading the heap allocates its own result (process.memoryUsage()'s object, ≈ 0.2 KB a read):
  // measured over windows of no frames, read and recorded the same way, and not charged to the frames.
  const window = (n: number, out: number[]): void => {
    let h0 = process.memoryUsage().heapUsed
    for (let w = 0; w < windows; w++) {
      for (let i = 0; i < n; i++) step(i)
      const h1 = process.memoryUsage().heapUsed
      out.push(h1 - h0)
      h0 = h1
    }
  }
  const empty: number[] = []
  window(0, empty)
  const growth: number[] = []
  window(frames, growth)
  const readCost = Math.min(...empty)
  return { bytesPerFrame: Math.max(0, (Math.min(...growth) - readCost) / frames), windows: growth, readCost }
}

/** Bytes per frame allocated in each function of the frame path, largest first. */
export async function allocationSites (frames: number): Promise<Array<{ fn: string; bytesPerFrame: number }>> {
  const { step } = setup()
  for (let i = 0; i < 200000; i++) step(i)
  const session = new Session()
  session.connect()
  const post = (method: string, params?: object): Promise<any> =>
    new Promise((resolve, reject) => session.post(method, params as never, (e, r) => (e ? reject(e) : resolve(r))))
  await post('HeapProfiler.enable')
  await post('HeapProfiler.startSampling', { samplingInterval: 64, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true })
  for (let i = 0; i < frames; i++) step(i)
  const { profile } = await post('HeapProfiler.stopSampling')
  session.disconnect()
  const bytes = new Map<string, number>()
  const walk = (n: { callFrame: { functionName: string; lineNumber: number; url: string }; selfSize?: number; children?: unknown[] }): void => {
    const f = n.callFrame
    const key = `${f.functionName || '(anonymous)'} (${f.url.split('/').pop()}:${f.lineNumber + 1})`
    bytes.set(key, (bytes.get(key) ?? 0) + (n.selfSize ?? 0))
    for (const c of n.children ?? []) walk(c as typeof n)
  }
  walk(profile.head)
  return [...bytes].filter(([, b]) => b > 0).sort((a, b) => b[1] - a[1]).map(([fn, b]) => ({ fn, bytesPerFrame: b / frames }))
}

if (process.argv[2] === 'frame') {
  process.stdout.write(JSON.stringify({ frame_ms: measureFrame(Number(process.argv[3] ?? 21), Number(process.argv[4] ?? 200)) }) + '\n')
} else if (process.argv[2] === 'alloc') {
  const r = measureAlloc(Number(process.argv[3] ?? 50000), Number(process.argv[4] ?? 6), Number(process.argv[5] ?? 200000))
  process.stdout.write(JSON.stringify({ alloc: r.bytesPerFrame, windows: r.windows, readCost: r.readCost }) + '\n')
} else if (process.argv[2] === 'sites') {
  allocationSites(Number(process.argv[3] ?? 20000)).then(r => process.stdout.write(JSON.stringify(r) + '\n'))
}
