/**
 * covers-at-face — one-off data migration (session 4, issue 12 review): a hand placed AT the mouth,
 * lips, teeth or nose, or at an eye, covers that part of the face by design, as the national
 * illustrations draw it (告诉, 感冒, 说, 盲人). Without `covers:` the avatar's face clearing slid
 * such hands 3–20 cm off their site (beside the head, under the chin), the most common fault of
 * the review samples (docs/review-sample.md). This adds `covers: mouth` / `covers: eyes` (or
 * `covers.N:` for part N) to each part whose dominant hand starts at such a site, unless the part
 * says `far` or already has a `covers`. Idempotent; prints what it changed.
 *
 *   npx tsx scripts/data/covers-at-face.ts [--dry]
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const DIR = join(__dirname, '../../src/data/signs')
/** Sites whose hand hides the mouth by design, and those that hide an eye. */
const MOUTH_SITES = new Set(['mouth', 'lips', 'teeth', 'nose'])
const EYE_SITES = new Set(['eye'])

export function coverOf (domLine: string): 'mouth' | 'eyes' | null {
  const m = /@([a-z_]+)(?:\.[icmLR])?(?:~([a-z]+))?/.exec(domLine.split(';')[0])
  if (!m || m[2] === 'far') return null
  if (MOUTH_SITES.has(m[1])) return 'mouth'
  if (EYE_SITES.has(m[1])) return 'eyes'
  return null
}

/** The entry text with `covers` lines added after each part's last notation line. */
export function addCovers (block: string[]): { lines: string[], added: string[] } {
  const parts = new Map<number, { cover: 'mouth' | 'eyes', last: number }>()
  const has = new Set<number>()
  block.forEach((ln, i) => {
    const d = /^dom(?:\.(\d+))?:(.*)$/.exec(ln)
    if (d) {
      const n = d[1] ? Number(d[1]) : 1
      const c = coverOf(d[2])
      if (c) parts.set(n, { cover: c, last: i })
    }
    const c = /^covers(?:\.(\d+))?:/.exec(ln)
    if (c) has.add(c[1] ? Number(c[1]) : 1)
  })
  // After the part's own notation lines (nondom.N / face.N / rel.N directly after it).
  for (const [n, p] of parts) {
    let j = p.last
    const own = n === 1 ? /^(nondom|face|rel):/ : new RegExp(`^(nondom|face|rel)\\.${n}:`)
    while (j + 1 < block.length && own.test(block[j + 1])) j++
    p.last = j
  }
  const out = [...block]
  const added: string[] = []
  for (const [n, p] of [...parts].sort((a, b) => b[1].last - a[1].last)) {
    if (has.has(n)) continue
    const line = n === 1 ? `covers: ${p.cover}` : `covers.${n}: ${p.cover}`
    out.splice(p.last + 1, 0, line)
    added.push(line)
  }
  return { lines: out, added }
}

function main (): void {
  const dry = process.argv.includes('--dry')
  let total = 0
  for (const f of readdirSync(DIR).filter(n => n.endsWith('.signs')).sort()) {
    const lines = readFileSync(join(DIR, f), 'utf8').split('\n')
    const out: string[] = []
    let block: string[] = []
    let id = ''
    const flush = (): void => {
      if (block.length === 0) return
      const r = addCovers(block)
      if (r.added.length > 0) { total++; console.log(`${f} [${id}] ${r.added.join(' ')}`) }
      out.push(...r.lines)
      block = []
    }
    for (const ln of lines) {
      const m = /^\[([^\]]+)\]/.exec(ln)
      if (m) { flush(); id = m[1] }
      if (id) block.push(ln); else out.push(ln)
    }
    flush()
    if (!dry) writeFileSync(join(DIR, f), out.join('\n'))
  }
  console.log(`${total} 个条目加了 covers${dry ? '（试运行，未写入）' : ''}`)
}

if (require.main === module) main()
