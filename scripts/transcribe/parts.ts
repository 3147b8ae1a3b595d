/**
 * Multi-part national signs （一）（二）…: which parts are themselves national signs.
 *
 * The book does not say which sign a part is; a part is taken to be sign T when its wording,
 * without explanations (表示…, 如…状, 也用于…, bracketed notes) and punctuation, is exactly the
 * description of a one-part sign T. When several one-part signs read the same (variants, signs
 * that share a form), the one whose words share the most characters with the compound's words
 * wins; a tie is no match. A multi-part sign whose every part matches becomes a `compound:` of
 * those signs' entries (docs/transcription.md); otherwise it is one entry with its parts in sequence.
 */
import type { NatSign } from '../reference/db'
import { EXPLAIN_RE, normLines } from '../reference/grammar'

/** A part's wording reduced to what makes the sign (for comparison only; never written anywhere). */
export function partCore (line: string): string {
  const kept: string[] = []
  for (const sent of line.split(/[。；]/)) {
    for (const cl of sent.split(/[，：,]/)) {
      const t = cl.trim()
      if (!t) continue
      if (EXPLAIN_RE.test(t) || /^(?:也用于|也可|此手势|可根据)/.test(t)) break // the rest of the sentence explains
      kept.push(t.replace(/表示.*$/, ''))
    }
  }
  return kept.join('').replace(/[\s\p{P}\p{S}]/gu, '')
}

export interface PartIndex {
  /** core wording → one-part signs with it. */
  single: Map<string, NatSign[]>
  lines: Map<number, string[]>
}

export function buildPartIndex (signs: readonly NatSign[]): PartIndex {
  const single = new Map<string, NatSign[]>()
  const lines = new Map<number, string[]>()
  for (const s of signs) {
    const ls = normLines(s.description)
    lines.set(s.id, ls)
    if (ls.length !== 1) continue
    const k = partCore(ls[0])
    if (k.length < 4) continue
    single.set(k, [...(single.get(k) ?? []), s])
  }
  return { single, lines }
}

const chars = (ws: readonly string[]): Set<string> => new Set(ws.join(''))

/**
 * The national sign of each part of `s` (null where a part is not a one-part sign), or null when
 * `s` has one part.
 */
export function partSigns (s: NatSign, idx: PartIndex): Array<NatSign | null> | null {
  const ls = idx.lines.get(s.id) ?? normLines(s.description)
  if (ls.length < 2) return null
  const own = chars(s.meanings.map(m => m.word))
  return ls.map(line => {
    const cands = (idx.single.get(partCore(line)) ?? []).filter(c => c.id !== s.id)
    if (cands.length === 0) return null
    if (cands.length === 1) return cands[0]
    const score = (c: NatSign): number => [...chars(c.meanings.map(m => m.word))].filter(ch => own.has(ch)).length
    const ranked = cands.map(c => ({ c, n: score(c) })).sort((a, b) => b.n - a.n || a.c.id - b.c.id)
    return ranked[0].n > ranked[1].n ? ranked[0].c : null
  })
}
