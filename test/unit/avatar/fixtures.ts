import { parseSignNotation } from '../../../src/core/sign/parse'
import type { NotationSource } from '../../../src/core/sign/dictionary'
import type { SignNotation } from '../../../src/core/sign/types'
import { type TimelineItem, compileTimeline, type CompileOptions } from './engine'

/** Parses a notation source (as written in .signs files) or fails the test with the issues. */
export function sign (src: NotationSource, id = 'fixture'): SignNotation {
  const r = parseSignNotation(src, { entryId: id })
  if (!r.ok) throw new Error(r.issues.map(i => `${i.field} ${i.value}: ${i.message}`).join('\n'))
  return r.sign
}

export function item (src: NotationSource, label = 'x', steps?: number): TimelineItem {
  return steps === undefined ? { sign: sign(src), label } : { sign: sign(src), label, steps }
}

export function tl1 (src: NotationSource, opts?: CompileOptions) {
  return compileTimeline([item(src)], opts)
}

/** Signs used across the tests. */
export const SIGNS = {
  /** 谢谢-like: thumb bends forward twice at neutral. */
  xiexie: { dom: 'A f:u p:c @neutral ; bend(f)*2', face: 'expr=高兴 head=nod' },
  /** Taps the chin twice (contact). */
  chinTap: { dom: 'index f:b p:d @chin ; tap*2' },
  /** Palm placed flat on the chest (contact at the start posture). */
  chestPalm: { dom: 'flat f:c p:b @chest~touch ; hold(0.4)' },
  /** Index taps the other hand's palm (base hand). */
  palmTap: { dom: 'index f:d p:b @H.palm~near ; tap', nondom: 'flat f:c p:u @neutral_low', rel: 'base' },
  /** Two hands circling, mirrored, with a forward line: a moving two-handed sign. */
  twoCircle: { dom: 'open f:u p:f @neutral ; circle(v,cw,l) line(f) [line(u,s) line(d,s)]*2', rel: 'mirror' },
  /** Alternating hands. */
  alternate: { dom: 'fist f:f p:d @neutral ; [line(u,s) line(d,s)]*2', rel: 'alternate' },
  /** High and contralateral reaches. */
  reach: { dom: 'flat f:u p:c @head_top~close ; to(@shoulder.c) to(@far) to(@ear.c~close) to(@hip)' },
  question: { dom: 'index f:u p:f @neutral ; wiggle', face: 'expr=疑问' },
  negate: { dom: 'flat f:u p:f @neutral ; zigzag(c)', face: 'expr=否定' }
} satisfies Record<string, NotationSource>
