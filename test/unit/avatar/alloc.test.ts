/**
 * The per-frame path (samplePose + buildDrawList) allocates nothing, measured on the heap of a
 * child process (scripts/lib/engine-probe.ts, the same probe the benchmark runs): after a warm-up,
 * windows of frames run with no collection possible in between (a 64 MB young generation) and the
 * heap must not grow. One 16-byte object per frame would grow each window by 320 KB.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildSync } from 'esbuild'
import { buildDrawList, createCamera, createDrawList, createPose, samplePose, setCamera, renderDrawList, PALETTES, type Canvas2DLike } from './engine'
import { SIGNS, tl1 } from './fixtures'

const FRAMES = 20000
const WINDOWS = 5
/** Bytes per frame still counted as none: JIT bookkeeping can leave a few hundred bytes in a window. */
const NOISE_BYTES_PER_FRAME = 1

describe('zero allocation on the per-frame path', () => {
  test(`${WINDOWS} windows of ${FRAMES} frames leave the heap where it was`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'shouyu-alloc-'))
    try {
      const probe = join(dir, 'probe.js')
      buildSync({ entryPoints: [join(__dirname, '../../../scripts/lib/engine-probe.ts')], bundle: true, platform: 'node', outfile: probe, logLevel: 'silent' })
      const out = execFileSync(process.execPath, ['--expose-gc', '--min-semi-space-size=64', '--max-semi-space-size=64', probe, 'alloc', String(FRAMES), String(WINDOWS), '150000'], { encoding: 'utf8' })
      const r = JSON.parse(out) as { alloc: number; windows: number[] }
      // A window that shrank had a collection inside it: the frames made enough garbage to fill 64 MB.
      expect(r.windows.filter(w => w < 0)).toEqual([])
      expect(r.alloc).toBeLessThan(NOISE_BYTES_PER_FRAME)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 60000)

  test('the same pose, camera and draw list objects are reused frame after frame', () => {
    const tl = tl1(SIGNS.twoCircle)
    const pose = createPose()
    const cam = setCamera(createCamera(), { view: '45', mirror: false, closeUp: false, width: 360, height: 480 })
    const list = createDrawList()
    for (let i = 0; i < 600; i++) {
      expect(samplePose(tl, (i % 600) / 100, pose)).toBe(pose)
      expect(buildDrawList(pose, cam, list)).toBe(list)
    }
    for (const v of pose.joints) expect(Number.isFinite(v)).toBe(true)
  })

  test.each(['light', 'dark'] as const)('the renderer issues only the %s palette\'s strings (no string building) and balanced save/restore', theme => {
    const tl = tl1(SIGNS.xiexie)
    const pose = samplePose(tl, 1, createPose())
    const list = buildDrawList(pose, setCamera(createCamera(), { view: 'front', mirror: false, closeUp: false, width: 200, height: 260 }), createDrawList())
    const styles = new Set<unknown>(); let saves = 0; let restores = 0
    const ctx: Canvas2DLike = {
      beginPath () {}, moveTo () {}, lineTo () {}, arc () {}, ellipse () {}, closePath () {}, fill () {}, stroke () {},
      fillRect () {}, clearRect () {}, save () { saves++ }, restore () { restores++ }, setTransform () {},
      set fillStyle (v: unknown) { styles.add(v) }, get fillStyle () { return '' },
      set strokeStyle (v: unknown) { styles.add(v) }, get strokeStyle () { return '' },
      lineWidth: 1, lineCap: 'butt', lineJoin: 'miter', globalAlpha: 1
    }
    renderDrawList(ctx, list, PALETTES[theme])
    expect(saves).toBe(1); expect(restores).toBe(1)
    for (const s of styles) expect(PALETTES[theme]).toContain(s)
    // The background is painted, in this theme's colour.
    expect(styles).toContain(PALETTES[theme][0])
  })
})
