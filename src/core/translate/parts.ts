/**
 * Glosses → what the client plays: each gloss with the notation of its parts (a compound
 * flattened through its part ids; a fingerspelling as its letter signs), so the 翻译 page needs
 * no dictionary. Pure.
 */
import type { NotationSource } from '../sign/dictionary'
import { fingerspell } from './fingerspell'
import type { Gloss, ResponseGloss, TranslateVocabulary } from './types'

/** Deepest compound nesting followed (guards against a cycle in bad data). */
const MAX_COMPOUND_DEPTH = 4
/** Face of a sign carrying a yes/no question (docs/notation.md `face:`). */
const QUESTION_FACE = { expr: '疑问', brows: 'raise' }

function flatten (id: string, vocab: TranslateVocabulary, depth: number, out: ResponseGloss['parts']): boolean {
  const e = vocab.byId.get(id)
  if (!e || depth > MAX_COMPOUND_DEPTH) return false
  const parts = e.notation.compound
  if (!parts || parts.length === 0) { out.push({ label: e.word, notation: e.notation }); return true }
  return parts.every(p => flatten(p, vocab, depth + 1, out))
}

/** Adds the question expression to a face line, replacing its expr and brows. */
export function withQuestionFace (face: string | undefined): string {
  const kept = (face ?? '').split(/\s+/).filter(f => f !== '' && !f.startsWith('expr=') && !f.startsWith('brows='))
  return [...kept, `expr=${QUESTION_FACE.expr}`, `brows=${QUESTION_FACE.brows}`].join(' ')
}

function letterId (letter: string, vocab: TranslateVocabulary): string | undefined {
  // Ü and Ê (UU, EE) fall back to the U and E hands when the dictionary has no separate entry.
  const id = vocab.letters.get(letter)
  return id !== undefined || (letter !== 'UU' && letter !== 'EE') ? id : vocab.letters.get(letter[0])
}

export function toResponseGlosses (glosses: Gloss[], vocab: TranslateVocabulary): { glosses: ResponseGloss[], dropped: string[] } {
  const out: ResponseGloss[] = []
  const dropped: string[] = []
  for (const g of glosses) {
    const parts: ResponseGloss['parts'] = []
    if (g.id !== undefined) {
      if (!flatten(g.id, vocab, 0, parts)) { dropped.push(g.text); continue }
      out.push({ ...g, parts })
    } else if (g.fingerspell !== undefined) {
      const f = fingerspell(g.fingerspell)
      const ids = f.ok ? f.letters.map(l => letterId(l, vocab)) : []
      if (!f.ok || ids.some(id => id === undefined)) { dropped.push(g.text); continue }
      ids.forEach((id, k) => parts.push({ label: f.letters[k], notation: (vocab.byId.get(id as string) as { notation: NotationSource }).notation }))
      out.push({ ...g, letters: f.letters, parts })
    } else {
      dropped.push(g.text)
    }
  }
  for (const g of out) {
    if (g.question && g.parts.length > 0) {
      const p = g.parts[g.parts.length - 1]
      g.parts[g.parts.length - 1] = { ...p, notation: { ...p.notation, face: withQuestionFace(p.notation.face) } }
    }
  }
  return { glosses: out, dropped }
}
