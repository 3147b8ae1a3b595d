/**
 * The import rules of docs/architecture.md, checked on the real source tree: imports run one way
 * (core ← services ← components/pages), core modules in their order, UI and services reach a core
 * module only through its index.ts, the main package never reaches the subpackage, cloud functions
 * never reach the UI, and no file points at notes outside the repository.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'

const ROOT = join(__dirname, '../..')
const rel = (p: string): string => relative(ROOT, p).split('\\').join('/')

/** Files under dir with one of the extensions; generated and installed folders are skipped. */
function walk (dir: string, ext = /\.(ts|tsx|mjs|js)$/, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name)
    if (['node_modules', 'compiled', 'dist', 'coverage'].includes(name) || name.startsWith('.')) continue
    if (statSync(p).isDirectory()) walk(p, ext, out)
    else if (ext.test(name) && !name.endsWith('.d.ts') && !/cloudfunctions\/[^/]+\/index\.js$/.test(rel(p))) out.push(p)
  }
  return out
}

/** Every import of a file: { spec, target } where target is the repo path of a relative import. */
function importsOf (file: string): Array<{ spec: string; target?: string }> {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true)
  return info.importedFiles.map(f => {
    const spec = f.fileName
    if (!spec.startsWith('.')) return { spec }
    const base = resolve(dirname(file), spec)
    for (const cand of [base, base + '.ts', base + '.tsx', base + '.js', base + '.mjs', join(base, 'index.ts'), join(base, 'index.tsx')]) {
      try { if (statSync(cand).isFile()) return { spec, target: rel(cand) } } catch { /* next candidate */ }
    }
    return { spec, target: rel(base) }
  })
}

const SRC = walk(join(ROOT, 'src')).concat(walk(join(ROOT, 'cloudfunctions')))
const GRAPH = new Map(SRC.map(f => [rel(f), importsOf(f)]))
const coreModule = (p: string): string | null => /^src\/core\/([^/]+)\//.exec(p)?.[1] ?? null

/** Which core modules each may import (besides itself). */
const CORE_ORDER: Record<string, string[]> = {
  base: [],
  sign: ['base'],
  avatar: ['base', 'sign'],
  search: ['base', 'sign'],
  learn: ['base', 'sign'],
  translate: ['base', 'sign']
}
/** npm packages core may use: pure JavaScript that runs anywhere. */
const CORE_PACKAGES = ['ts-fsrs']

function violations (pred: (file: string, imp: { spec: string; target?: string }) => string | null): string[] {
  const out: string[] = []
  for (const [file, imps] of GRAPH) for (const imp of imps) { const v = pred(file, imp); if (v) out.push(`${file}: ${v}`) }
  return out
}

describe('architecture (docs/architecture.md)', () => {
  test('the tree has the expected layers', () => {
    expect(Object.keys(CORE_ORDER).sort()).toEqual(readdirSync(join(ROOT, 'src/core')).filter(n => statSync(join(ROOT, 'src/core', n)).isDirectory()).sort())
    expect(GRAPH.size).toBeGreaterThan(100)
  })

  test('core imports nothing of the platform (Taro, React, Node, services, UI) and only its allowed packages', () => {
    expect(violations((file, imp) => {
      if (!file.startsWith('src/core/')) return null
      if (imp.target) return imp.target.startsWith('src/core/') ? null : `imports ${imp.target}`
      return CORE_PACKAGES.includes(imp.spec) ? null : `imports package ${imp.spec}`
    })).toEqual([])
  })

  test('core modules import each other in one direction: base ← sign ← avatar, search, learn, translate', () => {
    expect(violations((file, imp) => {
      const from = coreModule(file); const to = imp.target ? coreModule(imp.target) : null
      if (!from || !to || from === to) return null
      return CORE_ORDER[from]?.includes(to) ? null : `core/${from} imports core/${to} (${imp.target})`
    })).toEqual([])
  })

  test('the avatar engine takes parsed signs and the handshapes\' geometry: of core/sign it imports only types.ts and handshape-forms.ts', () => {
    // No parser and no Chinese texts (names, descriptions, sources) in the engine's bundle
    // (docs/avatar.md, "Bundle"; scripts/bench/engine.ts engine.bundle_kb): services parse the
    // dictionary, the engine plays what they hand it.
    const allowed = ['src/core/sign/types.ts', 'src/core/sign/handshape-forms.ts']
    expect(violations((file, imp) => {
      if (coreModule(file) !== 'avatar' || !imp.target || coreModule(imp.target) !== 'sign') return null
      return allowed.includes(imp.target) ? null : `imports ${imp.target}`
    })).toEqual([])
    // handshape-forms.ts itself stays free of texts and the parser: of core/sign it imports only
    // types.ts (and core/base, which imports nothing: base/object.ts's `freeze`).
    const formsImports = (GRAPH.get('src/core/sign/handshape-forms.ts') ?? []).map(i => i.target)
    expect(formsImports.filter(t => !t?.startsWith('src/core/base/'))).toEqual(['src/core/sign/types.ts'])
  })

  test('services, components and pages reach a core module only through its index.ts', () => {
    expect(violations((file, imp) => {
      if (!/^src\/(services|components|pages|pkg)\//.test(file) || !imp.target?.startsWith('src/core/')) return null
      return /^src\/core\/[^/]+\/index\.ts$/.test(imp.target) ? null : `reaches into ${imp.target}`
    })).toEqual([])
  })

  test('imports run core ← services ← components ← pages: never upward', () => {
    const layer = (p: string): number => p.startsWith('src/core/') ? 0 : p.startsWith('src/services/') ? 1 : p.startsWith('src/components/') ? 2 : /^src\/(pages|pkg)\//.test(p) ? 3 : -1
    expect(violations((file, imp) => {
      if (!imp.target || layer(file) < 0 || layer(imp.target) < 0) return null
      if (layer(imp.target) > layer(file)) return `layer ${layer(file)} imports the higher layer ${imp.target}`
      // A page imports its own files only, never another page's.
      if (layer(file) === 3 && layer(imp.target) === 3 && imp.target.split('/').slice(0, 3).join('/') !== file.split('/').slice(0, 3).join('/')) return `imports another page's ${imp.target}`
      return null
    })).toEqual([])
  })

  test('the main package never reaches the subpackage (src/pkg) or its data (src/data/compiled/signs.ts)', () => {
    const appConfig = readFileSync(join(ROOT, 'src/app.config.ts'), 'utf8')
    const mainPages = [...appConfig.matchAll(/'(pages\/[^']+\/index)'/g)].map(m => `src/${m[1]}.tsx`)
    expect(mainPages.length).toBeGreaterThanOrEqual(4)
    const seen = new Set<string>()
    const stack = ['src/app.ts', ...mainPages]
    const bad: string[] = []
    while (stack.length) {
      const f = stack.pop()!
      if (seen.has(f)) continue
      seen.add(f)
      if (f.startsWith('src/pkg/') || f === 'src/data/compiled/signs.ts') { bad.push(f); continue }
      for (const imp of GRAPH.get(f) ?? []) if (imp.target) stack.push(imp.target)
    }
    expect(bad).toEqual([])
    expect(seen.has('src/core/search/index.ts')).toBe(true)
  })

  test('cloud functions bundle core and their own shared code, never the app (Taro, services, UI)', () => {
    expect(violations((file, imp) => {
      if (!file.startsWith('cloudfunctions/')) return null
      if (imp.spec.startsWith('@tarojs/') || imp.spec === 'react') return `imports ${imp.spec}`
      return imp.target && /^src\/(services|components|pages|pkg)\//.test(imp.target) ? `imports ${imp.target}` : null
    })).toEqual([])
  })

  test('no file points at notes outside the repository (what is needed lives in docs/)', () => {
    // The names are spelled in pieces so this file does not match itself.
    const notes = new RegExp(['shared/' + 'research', ...['signing-avatar', 'taro-toolchain', 'glm-and-wechat-cloud', 'competitors-and-data', 'style-anchors'].map(n => n + '\\.md')].join('|'))
    const hits = walk(ROOT, /\.(ts|tsx|mjs|js|cjs|json|md|sh)$/).concat(join(ROOT, '.ci/run'))
      .filter(f => !f.endsWith('package-lock.json') && notes.test(readFileSync(f, 'utf8'))).map(rel)
    expect(hits).toEqual([])
  })
})
