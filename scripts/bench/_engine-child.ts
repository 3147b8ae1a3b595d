/**
 * Child process of scripts/bench/engine.ts (bundled by esbuild, run with plain node, --jitless or
 * --expose-gc). Prints one JSON line. Mode: 'frame' (median ms per frame) or 'alloc' (bytes per frame).
 */
import { parseSignNotation } from '../../src/core/sign/parse'
import { buildDrawList, compileTimeline, createCamera, createDrawList, createPose, samplePose, setCamera } from '../../src/core/avatar'

/** Two-handed moving sign: mirrored circles, a line and a repeated up-down, with a face. */
export const BENCH_SIGN = { dom: 'open f:u p:f @neutral ; circle(v,cw,l) line(f) [line(u,s) line(d,s)]*2', rel: 'mirror', face: 'expr=高兴 head=nod' }

export function setup (): { step: (i: number) => void } {
  const r = parseSignNotation(BENCH_SIGN, { entryId: 'bench' })
  if (!r.ok) throw new Error('bench sign does not parse')
  const tl = compileTimeline([{ sign: r.sign, label: 'bench' }])
  const pose = createPose()
  const cam = setCamera(createCamera(), { view: '45', mirror: false, closeUp: false, width: 360, height: 480 })
  const list = createDrawList()
  const dt = tl.duration / 997
  return { step: (i: number) => { buildDrawList(samplePose(tl, (i % 997) * dt, pose), cam, list) } }
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

export function measureAlloc (frames: number): number {
  const { step } = setup()
  const gc = (globalThis as { gc?: () => void }).gc
  if (!gc) throw new Error('run with --expose-gc')
  // Long warm-up: optimising compilers allocate code and feedback on the heap for a while; that is
  // a one-off cost, not per-frame garbage. Then two equal windows: steady-state growth per frame.
  for (let i = 0; i < 200000; i++) step(i)
  gc(); gc()
  let best = Infinity
  let h0 = process.memoryUsage().heapUsed
  for (let w = 0; w < 6; w++) {
    for (let i = 0; i < frames; i++) step(i)
    const h1 = process.memoryUsage().heapUsed
    best = Math.min(best, h1 - h0)
    h0 = h1
  }
  return Math.max(0, best / frames)
}

if (process.argv[2] === 'frame') {
  process.stdout.write(JSON.stringify({ frame_ms: measureFrame(Number(process.argv[3] ?? 21), Number(process.argv[4] ?? 200)) }) + '\n')
} else if (process.argv[2] === 'alloc') {
  process.stdout.write(JSON.stringify({ alloc: measureAlloc(Number(process.argv[3] ?? 50000)) }) + '\n')
}
