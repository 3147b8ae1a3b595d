/**
 * sample — the seeded review sample of issue 12: `n` national signs of the dictionary (entries with
 * `nat:`), drawn with the project's seeded RNG over the national ids, so anyone can redraw the same
 * sample from the same sources and seed (docs/review-sample.md records both).
 *
 *   npx tsx scripts/transcribe/sample.ts [--seed 20261207] [--n 50]     prints "id word nat file"
 *   npx tsx scripts/transcribe/sample.ts --ids                            prints the ids, comma-separated
 *
 * Then `sheet.ts --ids <those ids> --out /tmp/review` and compare each sheet by eye with its
 * illustration; the verdicts go into docs/review-sample.md.
 */
import { seededRng, shuffled } from '../../src/core/base/rng'
import { loadEntries, type SourceEntry } from './lib'

/** The seed docs/review-sample.md uses (the day the sample was first drawn). */
export const DEFAULT_SEED = 20261207
export const DEFAULT_N = 50

/**
 * `n` national signs, each as its entry, the same for the same sources and seed. Drawn over the
 * distinct national ids (in numeric order), not over entry ids, so merging two entries of one sign
 * or renaming an id does not change the sample; a sign with several entries is shown by the first id.
 */
export function reviewSample (entries: readonly SourceEntry[], seed: number, n: number): SourceEntry[] {
  const bySign = new Map<number, SourceEntry>()
  for (const e of entries) {
    if (e.nat === null) continue
    const had = bySign.get(e.nat)
    if (!had || e.id < had.id) bySign.set(e.nat, e)
  }
  const ids = [...bySign.keys()].sort((a, b) => a - b)
  return shuffled(ids, seededRng(seed)).slice(0, n).map(id => bySign.get(id)!)
}

function main (argv: string[]): void {
  const opt = (name: string, dflt: number): number => {
    const i = argv.indexOf(name)
    const v = i >= 0 ? Number(argv[i + 1]) : dflt
    if (!Number.isInteger(v) || v <= 0) throw new Error(`${name} 需要一个正整数`)
    return v
  }
  const picked = reviewSample(loadEntries(), opt('--seed', DEFAULT_SEED), opt('--n', DEFAULT_N))
  if (argv.includes('--ids')) process.stdout.write(picked.map(e => e.id).join(',') + '\n')
  else for (const e of picked) process.stdout.write(`${e.id}\t${e.word}\t${e.nat}${e.natMark}\t${e.file}:${e.line}\n`)
}

if (require.main === module) main(process.argv.slice(2))
