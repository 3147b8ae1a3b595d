/**
 * Avatar engine benchmark: per-frame cost (samplePose + buildDrawList, two-handed moving sign),
 * the same under --jitless (a proxy for iOS JavaScriptCore without JIT), heap growth per frame,
 * and the minified bundle size of src/core/avatar. Goals (issue 11): ≤ 0.3 ms, ≤ 3 ms, 0 B, ≤ 70 KB.
 *
 * What the size figures cover:
 * - engine.bundle_kb: src/core/avatar/index.ts bundled and minified, with everything it pulls in —
 *   what the app (the player, the 指语/browse/quiz pages, the share card), the CLI and the scripts
 *   import from the engine, and the handshapes' geometry (src/core/sign/handshape-forms.ts). It
 *   includes esbuild's `export{…}` list of those ~35 names; the tests read the rest of the engine
 *   from its module files (test/unit/avatar/engine.ts). The engine takes parsed signs (services
 *   parse the dictionary) and imports neither the parser nor the vocabulary's Chinese texts
 *   (test/unit/architecture.test.ts), so neither is in it.
 * - engine.bundle_app_kb: the same engine cut to what the app imports from it — every value name
 *   that src/ (services, components, pages) imports from core/avatar, found by reading those files,
 *   so it follows the app. Closer to what webpack ships (tree-shaken, no export list of unused names).
 * - engine.bundle_tables_kb: of bundle_kb, the handshape geometry table alone.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import ts from 'typescript'
import type { Bench } from './types'
import { measureFrame } from '../lib/engine-probe'

async function bundle (entry: string, outfile: string, minify: boolean): Promise<Uint8Array> {
  // UTF-8 output, as the weapp build ships it (config/index.ts: terser ascii_only off).
  const r = await build({ entryPoints: [entry], bundle: true, platform: 'node', format: minify ? 'esm' : 'cjs', target: 'es2017', minify, charset: 'utf8', write: minify ? false : true, outfile, logLevel: 'silent' })
  return r.outputFiles ? r.outputFiles[0].contents : new Uint8Array()
}

const ROOT = join(__dirname, '..', '..')
const AVATAR_INDEX = join(ROOT, 'src', 'core', 'avatar', 'index.ts')

/** Value names (not types) that the app's files outside src/core import from core/avatar. */
export function appEngineImports (): string[] {
  const names = new Set<string>()
  const walk = (dir: string): void => {
    for (const n of readdirSync(dir)) {
      const p = join(dir, n)
      if (statSync(p).isDirectory()) { if (n !== 'core' || dir !== join(ROOT, 'src')) walk(p); continue }
      if (!/\.tsx?$/.test(n) || n.endsWith('.d.ts')) continue
      const sf = ts.createSourceFile(p, readFileSync(p, 'utf8'), ts.ScriptTarget.Latest, false, n.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS)
      for (const st of sf.statements) {
        if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier) || !/\/core\/avatar$/.test(st.moduleSpecifier.text)) continue
        const clause = st.importClause
        if (!clause || clause.isTypeOnly || !clause.namedBindings || !ts.isNamedImports(clause.namedBindings)) continue
        for (const el of clause.namedBindings.elements) if (!el.isTypeOnly) names.add((el.propertyName ?? el.name).text)
      }
    }
  }
  walk(join(ROOT, 'src'))
  return [...names].sort()
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
      const ar = JSON.parse(execFileSync(process.execPath, ['--expose-gc', '--max-semi-space-size=128', child, 'alloc', '100000'], { encoding: 'utf8' })) as { alloc: number; readCost: number }
      const alloc = ar.alloc
      log(`heap growth: ${alloc.toFixed(2)} B/frame in steady state (least of 6 windows of 100 000 frames after a 200 000-frame warm-up, less the ${ar.readCost} B the heap read itself allocates)`)
      const min = await bundle(AVATAR_INDEX, join(dir, 'min.js'), true)
      const kb = min.length / 1024
      // The handshape geometry (no texts) is part of it.
      const tables = await bundle(join(__dirname, '_engine-tables.ts'), join(dir, 'tables.js'), true)
      const tablesKb = tables.length / 1024
      log(`of which the handshape geometry table: ${tablesKb.toFixed(1)} KB; engine code: ${(kb - tablesKb).toFixed(1)} KB`)
      log(`bundle: ${kb.toFixed(1)} KB minified, ${(gzipSync(min).length / 1024).toFixed(1)} KB gzip (what the app, the CLI and the scripts import; no parser, no Chinese texts)`)
      const names = appEngineImports()
      const appEntry = join(dir, 'app-entry.ts')
      writeFileSync(appEntry, `export { ${names.join(', ')} } from ${JSON.stringify(AVATAR_INDEX)}\n`)
      const app = await bundle(appEntry, join(dir, 'app.js'), true)
      const appKb = app.length / 1024
      log(`as the app imports it (${names.length} names from src/): ${appKb.toFixed(1)} KB minified`)
      return {
        'engine.frame_ms': frame,
        'engine.frame_ms_jitless': jl,
        'engine.alloc_bytes_per_frame': alloc,
        'engine.bundle_kb': kb,
        'engine.bundle_app_kb': appKb,
        'engine.bundle_tables_kb': tablesKb,
        'engine.bundle_gzip_kb': gzipSync(min).length / 1024
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
export default bench
