/** docs/search.md's ranking table and the code's (TIERS) say the same thing. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { TIERS } from '../../../src/core/search'

test('docs/search.md lists the kinds in ranking order with the sub-tier values of ranking.ts', () => {
  const doc = readFileSync(join(__dirname, '../../../docs/search.md'), 'utf8')
  const rows = doc.split('\n').filter(l => /^\| `[a-z-]+` \|/.test(l)).map(l => l.split('|').map(c => c.trim()))
  const fromDoc = rows.map(r => ({ kind: r[1].replace(/`/g, ''), values: r[4] }))
  const fromCode = TIERS.map(t => ({ kind: t.kind, values: Object.entries(t.sub).map(([k, v]) => `${k} ${v}`).join(' · ') }))
  expect(fromDoc).toEqual(fromCode)
})

test('sub-tiers stay below 100, so a lower kind never outranks a higher one', () => {
  // The largest sum a tier can reach: every named value, fuzzy's per-letter cost at its 3-letter cap.
  for (const t of TIERS) {
    const sum = Object.entries(t.sub).reduce((s, [k, v]) => s + (k === 'perChangedLetter' ? 3 * v : v), 0)
    expect(sum).toBeLessThan(100)
  }
})
