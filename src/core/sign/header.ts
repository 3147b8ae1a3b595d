import type { DictEntry, ReviewStatus, SignType } from './dictionary'

/**
 * The part of an entry the first screen needs (search, lists): shipped in the main package
 * as src/data/compiled/index.ts. Everything else stays in the `pkg` subpackage.
 */
export interface EntryHeader {
  id: string
  word: string
  shares: string[]
  pinyin: string
  pinyinPlain: string
  initials: string
  category: string
  type: SignType
  freq: number
  handshape: string
  site: string
  status: ReviewStatus
  /** A sign the project made (origin: project; shown as 自拟), absent for a national sign. */
  project?: true
  /** n of a variant (①②), absent for a word's only sign. */
  variant?: number
}

export function toHeader (e: DictEntry): EntryHeader {
  const h: EntryHeader = {
    id: e.id,
    word: e.word,
    shares: e.shares,
    pinyin: e.pinyin,
    pinyinPlain: e.pinyinPlain,
    initials: e.initials,
    category: e.category,
    type: e.type,
    freq: e.freq,
    handshape: e.handshape,
    site: e.site,
    status: e.status
  }
  if (e.origin?.kind === 'project') h.project = true
  if (e.variant) h.variant = e.variant.n
  return h
}
