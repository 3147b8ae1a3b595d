/**
 * Avatar engine benchmark: per-frame cost (samplePose + buildDrawList, two-handed moving sign),
 * the same under --jitless (a proxy for iOS JavaScriptCore without JIT), heap growth per frame,
 * and the minified bundle size of src/core/avatar. Goals: ≤ 0.3 ms, ≤ 3 ms, 0 B, ≤ 60 KB.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import type { Bench } from './types'
import { measureFrame } from '../lib/engine-probe'

async function bundle (entry: string, outfile: string, minify: boolean): Promise<Uint8Array> {
  // UTF-8 output, as the weapp build ships it (config/index.ts: terser ascii_only off).
  const r = await build({ entryPoints: [entry], bundle: true, platform: 'node', format: minify ? 'esm' : 'cjs', target: 'es2017', minify, charset: 'utf8', write: minify ? false : true, outfile, logLevel: 'silent' })
  return r.outputFiles ? r.outputFiles[0].contents : new Uint8Array()
}

const bench: Bench = {
  name: 'engine',
  async run (log) {
    const dir = mkdtempSync(join(tmpdir(), 'engine-bench-'))
    try {
      const frame = measureFrame(31, 500)
      log(`frame (JIT, in process): ${frame.toFixed(4)} ms`)
      const child = join(dir, 'child.js')
      await bundle(join(__dirname, '..', 'lib', 'engine-probe.ts'), child, false)
      const jl = JSON.parse(execFileSync(process.execPath, ['--jitless', child, 'frame', '11', '50'], { encoding: 'utf8' })).frame_ms as number
      log(`frame (--jitless): ${jl.toFixed(4)} ms`)
      // A large young generation so no scavenge hides allocations during the measured frames.
      const alloc = JSON.parse(execFileSync(process.execPath, ['--expose-gc', '--max-semi-space-size=128', child, 'alloc', '100000'], { encoding: 'utf8' })).alloc as number
      log(`heap growth: ${alloc.toFixed(2)} B/frame in steady state (least of 6 windows of 100 000 frames after a 200 000-frame warm-up)`)
      const min = await bundle(join(__dirname, '..', '..', 'src', 'core', 'avatar', 'index.ts'), join(dir, 'min.js'), true)
      const kb = min.length / 1024
      // The shared handshape / site tables (with their Chinese descriptions and sources) are part of it.
      const tables = await bundle(join(__dirname, '_engine-tables.ts'), join(dir, 'tables.js'), true)
      const tablesKb = tables.length / 1024
      log(`of which handshape + site tables: ${tablesKb.toFixed(1)} KB; engine code: ${(kb - tablesKb).toFixed(1)} KB`)
      log(`bundle: ${kb.toFixed(1)} KB minified, ${(gzipSync(min).length / 1024).toFixed(1)} KB gzip (includes the handshape and site tables with their Chinese texts)`)
      return {
        'engine.frame_ms': frame,
        'engine.frame_ms_jitless': jl,
        'engine.alloc_bytes_per_frame': alloc,
        'engine.bundle_kb': kb,
        'engine.bundle_tables_kb': tablesKb,
        'engine.bundle_gzip_kb': gzipSync(min).length / 1024
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
export default bench
