/**
 * npm run -s bench [-- --json] [-- --only name,name]
 * Runs every module in scripts/bench/ and prints one flat object of named figures
 * (--json) or a readable table.
 */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Bench } from './types'

async function main (): Promise<void> {
  const argv = process.argv.slice(2)
  const json = argv.includes('--json')
  const onlyIdx = argv.indexOf('--only')
  const only = onlyIdx >= 0 ? new Set(argv[onlyIdx + 1]?.split(',')) : null
  const files = readdirSync(__dirname).filter(f => f.endsWith('.ts') && f !== 'index.ts' && f !== 'types.ts' && !f.startsWith('_')).sort()
  const figures: Record<string, number> = {}
  for (const f of files) {
    const mod = await import(join(__dirname, f))
    const bench: Bench = mod.default?.default ?? mod.default
    if (!bench || (only && !only.has(bench.name))) continue
    const t0 = performance.now()
    Object.assign(figures, await bench.run(s => process.stderr.write(`[${bench.name}] ${s}\n`)))
    process.stderr.write(`[${bench.name}] done in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`)
  }
  if (json) {
    process.stdout.write(JSON.stringify(figures) + '\n')
  } else {
    const w = Math.max(...Object.keys(figures).map(k => k.length), 6)
    process.stdout.write(`${'figure'.padEnd(w)}  value\n${'-'.repeat(w)}  -----\n`)
    for (const [k, v] of Object.entries(figures)) process.stdout.write(`${k.padEnd(w)}  ${Number.isInteger(v) ? v : v.toPrecision(4)}\n`)
  }
}

main().catch(e => { process.stderr.write(`${(e as Error)?.stack ?? e}\n`); process.exitCode = 1 })
