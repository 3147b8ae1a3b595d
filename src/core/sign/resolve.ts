/**
 * Turns an entry into the sequence of simple signs the avatar plays: a simple sign is one item; a
 * compound (`compound: ni hao`) is flattened, recursively, into its parts. Platform-free.
 */
import type { DictEntry } from './dictionary'
import { describeSign } from './describe'
import { formatIssue } from './errors'
import { parseFace, parseSignNotation } from './parse'
import type { NonManual, SignNotation } from './types'

/** What resolving needs of an entry (a DictEntry, or a header merged with its body). */
export type ResolvableEntry = Pick<DictEntry, 'id' | 'word' | 'notation'>

export interface ResolvedSign {
  sign: SignNotation
  /** The word of the simple sign played (the part's word for a compound). */
  label: string
  /**
   * Description steps this item covers. A simple entry: all its generated steps (describe.ts). A
   * compound: 1 per part (step k is played while part k is signed); when a part is itself a
   * compound, its first leaf carries the 1 and the others 0, so the steps add up to the entry's.
   */
  steps: number
  /** The top-level part of the entry this item belongs to (0 for a simple entry). */
  part: number
  entryId: string
}

export type ResolveResult = { ok: true, items: ResolvedSign[] } | { ok: false, message: string }

/** Deeper nesting than this is a data error (the validator rejects cycles; this guards tools). */
export const MAX_COMPOUND_DEPTH = 8

export function resolveEntrySigns (id: string, lookup: (id: string) => ResolvableEntry | undefined): ResolveResult {
  const root = lookup(id)
  if (!root) return { ok: false, message: `找不到条目“${id}”` }
  const items: ResolvedSign[] = []

  /** A compound's own non-manuals (face:, face.N:) parsed, or the Chinese reason they are wrong. */
  const faceOf = (e: ResolvableEntry, src: string | undefined): NonManual | string => {
    if (src === undefined) return {}
    const r = parseFace(src, { entryId: e.id })
    return r.ok ? r.face : `“${e.word}”的表情转写有误：${r.issues.map(formatIssue).join('；')}`
  }

  // `over`: non-manuals a compound puts on this part; they take precedence over the part's own
  // (a question face over 什么时候 replaces 时候's neutral face).
  const visit = (e: ResolvableEntry, path: string[], steps: number | null, over: NonManual, top: number): string | null => {
    const parts = e.notation.compound
    if (parts && parts.length > 0) {
      if (path.length > MAX_COMPOUND_DEPTH) return `复合词嵌套过深：${path.join(' → ')}`
      const whole = faceOf(e, e.notation.face)
      if (typeof whole === 'string') return whole
      for (let k = 0; k < parts.length; k++) {
        const pid = parts[k]
        if (path.includes(pid)) return `复合词循环引用：${[...path, pid].join(' → ')}`
        const part = lookup(pid)
        if (!part) return `“${e.word}”的组成部分“${pid}”不存在`
        const own = faceOf(e, e.notation.partFaces?.[String(k + 1)])
        if (typeof own === 'string') return own
        // Top level: one step per part. Deeper: the part inherits its parent's share.
        const share = steps === null ? 1 : k === 0 ? steps : 0
        const err = visit(part, [...path, pid], share, { ...whole, ...own, ...over }, steps === null ? k : top)
        if (err) return err
      }
      return null
    }
    const later = e.notation.parts ?? []
    if (later.length === 0) {
      const r = parseSignNotation(e.notation, { entryId: e.id })
      if (!r.ok) return `“${e.word}”的手语转写有误：${r.issues.map(formatIssue).join('；')}`
      const sign = Object.keys(over).length > 0 ? { ...r.sign, face: { ...r.sign.face, ...over } } : r.sign
      items.push({ sign, label: e.word, steps: steps ?? describeSign(sign).length, part: top, entryId: e.id })
      return null
    }
    // A sign in parts: each part is played as its own item under the entry's word. `face:` spans
    // every part, `face.N:` is part N's own (it wins), and a compound's faces win over both.
    const whole = faceOf(e, e.notation.face)
    if (typeof whole === 'string') return whole
    const segs = [{ dom: e.notation.dom, nondom: e.notation.nondom, rel: e.notation.rel, covers: e.notation.covers }, ...later]
    for (let k = 0; k < segs.length; k++) {
      const r = parseSignNotation(segs[k], { entryId: e.id })
      if (!r.ok) return `“${e.word}”的手语转写有误（第 ${k + 1} 段）：${r.issues.map(formatIssue).join('；')}`
      const own = faceOf(e, e.notation.partFaces?.[String(k + 1)])
      if (typeof own === 'string') return own
      const sign = { ...r.sign, face: { ...whole, ...own, ...over } }
      // At the top, each part carries its own steps; inside a compound, the first carries the share.
      items.push({ sign, label: e.word, steps: steps === null ? describeSign(sign).length : k === 0 ? steps : 0, part: steps === null ? k : top, entryId: e.id })
    }
    return null
  }

  const err = visit(root, [root.id], null, {}, 0)
  return err ? { ok: false, message: err } : { ok: true, items }
}

/**
 * The description steps of an entry, generated from its notation (describe.ts): a simple sign's
 * steps, or one step per part of a compound (its signs' steps joined, led by the part's word).
 */
export function describeEntry (id: string, lookup: (id: string) => ResolvableEntry | undefined): { ok: true, steps: string[] } | { ok: false, message: string } {
  const r = resolveEntrySigns(id, lookup)
  if (!r.ok) return r
  const root = lookup(id)!
  // A sign in parts: its parts' steps in order, the first step of each later part led by 然后.
  if (!root.notation.compound) return { ok: true, steps: r.items.flatMap((i, k) => describeSign(i.sign).map((x, j) => (k > 0 && j === 0 ? `然后，${x}` : x))) }
  const steps = root.notation.compound.map((pid, k) => {
    const leaves = r.items.filter(i => i.part === k)
    const body = leaves.map(i => describeSign(i.sign).map(x => x.replace(/。$/, '')).join('；')).join('；然后')
    return `“${lookup(pid)?.word ?? pid}”：${body}。`
  })
  return { ok: true, steps }
}
