/**
 * Shared pieces of the transcription tools (select → draft → sheet, docs/transcription.md):
 * jieba's word list with frequency and part of speech, the current entries as written in
 * src/data/signs, entry ids from pinyin, and the manifest format.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { pinyin } from 'pinyin-pro'
import { parseSignsFile } from '../../src/core/sign/entry'
import { ROOT } from '../reference/db'

export const SIGNS_DIR = join(ROOT, 'src', 'data', 'signs')
export const CATEGORIES_FILE = join(ROOT, 'src', 'data', 'categories.txt')
export const JIEBA_DICT = join(ROOT, 'node_modules', '@node-rs', 'jieba', 'dict.txt')
export const MANIFEST_FILE = join(ROOT, 'scripts', 'transcribe', 'manifest.json')
export const OVERRIDES_FILE = join(ROOT, 'scripts', 'transcribe', 'category-overrides.txt')

/** The issue's rule: a national sign is selected when one of its words has at least this count in dict.txt. */
export const FREQ_THRESHOLD = 500

export interface JiebaWord { freq: number, pos: string }
let jieba: Map<string, JiebaWord> | null = null
/** jieba's dict.txt (`word freq pos`, 349k lines): the first line of a word wins. */
export function jiebaDict (): Map<string, JiebaWord> {
  if (jieba) return jieba
  const m = new Map<string, JiebaWord>()
  for (const line of readFileSync(JIEBA_DICT, 'utf8').split('\n')) {
    const sp1 = line.indexOf(' ')
    if (sp1 <= 0) continue
    const w = line.slice(0, sp1)
    if (m.has(w)) continue
    const sp2 = line.indexOf(' ', sp1 + 1)
    const freq = Number(line.slice(sp1 + 1, sp2 < 0 ? undefined : sp2))
    m.set(w, { freq: Number.isFinite(freq) ? freq : 0, pos: sp2 < 0 ? '' : line.slice(sp2 + 1).trim() })
  }
  jieba = m
  return m
}
export const freqOf = (w: string): number => jiebaDict().get(w)?.freq ?? 0
export const posOf = (w: string): string => jiebaDict().get(w)?.pos ?? ''

/** An entry of the current sources, as much as the tools need. */
export interface SourceEntry {
  id: string
  word: string
  category: string
  file: string
  line: number
  shares: string[]
  variant: number
  nat: number | null
  natMark: string
  fields: Map<string, string[]>
}

/** Every entry of src/data/signs/*.signs (structure only; the validator is `cli validate`). */
export function loadEntries (dir = SIGNS_DIR): SourceEntry[] {
  const out: SourceEntry[] = []
  for (const name of readdirSync(dir).filter(f => f.endsWith('.signs')).sort()) {
    const file = `src/data/signs/${name}`
    const { entries } = parseSignsFile(readFileSync(join(dir, name), 'utf8'), file)
    for (const e of entries) {
      const fields = new Map<string, string[]>()
      for (const f of e.fields) fields.set(f.key, [...(fields.get(f.key) ?? []), f.value])
      const nat = /^(\d+)\s*(\S*)/.exec(fields.get('nat')?.[0] ?? '')
      out.push({
        id: e.id,
        word: e.word,
        category: e.category,
        file,
        line: e.line,
        shares: (fields.get('shares')?.[0] ?? '').split(/\s+/).filter(Boolean),
        variant: Number(/^(\d+)/.exec(fields.get('variant')?.[0] ?? '')?.[1] ?? 0),
        nat: nat ? Number(nat[1]) : null,
        natMark: nat ? nat[2] : '',
        fields
      })
    }
  }
  return out
}

/** Category ids and names in display order (categories.txt). */
export function loadCategories (file = CATEGORIES_FILE): Array<{ id: string, zh: string }> {
  return readFileSync(file, 'utf8').split(/\r?\n/).map(l => l.trim()).filter(l => l && !l.startsWith('#'))
    .map(l => { const [id, ...zh] = l.split(/\s+/); return { id, zh: zh.join(' ') } })
}

/**
 * The id of a new entry: toneless pinyin of the word (pinyin-pro picks the reading of polyphonic
 * characters from its word list), lower-case ascii; ü → v; other characters dropped. `taken`
 * holds every id already used: a collision gets `_2`, `_3`… as the current sources do.
 */
export function entryIdFor (word: string, taken: Set<string>): string {
  const syl = pinyin(word, { toneType: 'none', type: 'array', v: true, nonZh: 'consecutive' })
  let base = syl.join('').toLowerCase().replace(/ü/g, 'v').replace(/[^a-z0-9]/g, '')
  if (!base) base = 'sign'
  if (/^[0-9]/.test(base)) base = `num_${base}`
  let id = base
  for (let n = 2; taken.has(id); n++) id = `${base}_${n}`
  taken.add(id)
  return id
}

/** One national sign in a batch of the manifest. */
export interface ManifestSign {
  nat: number
  /** Variant mark of the headword as printed (① or ❶ …), '' when none. */
  mark: string
  /** The entry id to write (an existing entry's id when the sign replaces it). */
  id: string
  word: string
  /** The sign's other words that go into `shares:` (conflicts removed, see select.ts). */
  shares: string[]
  /** Words of the sign left out of shares because another entry has them (word → entry id). */
  sharesDropped?: Array<{ word: string, to: string }>
  /** `variant:` number when the word has several entries in the selection. */
  variant?: number
  variantNote?: string
  volume: number
  headword: string
  category: string
  freq: number
  /** Why it is in the selection: frequency rule, an existing entry, or a part of a compound. */
  why: Array<'freq' | 'existing' | 'part'>
  /** Other current entries that map to this same sign (to merge into this entry: ids). */
  merges?: string[]
  /** The current entry this sign replaces (kept id, file). */
  existing?: { id: string, word: string, file: string }
  /** Multi-part sign whose every part is itself a national sign: the parts' entry ids, in order. */
  compound?: string[]
  /** jieba POS of the word ('' when absent). */
  pos: string
  placement: string
}

export interface ManifestBatch {
  id: string
  lane: number
  files: string[]
  signs: ManifestSign[]
  /** Batches whose entries this one's compounds use (draft after them). */
  after?: string[]
}

export interface Manifest {
  version: 1
  note: string
  counts: Record<string, number>
  lanes: Array<{ lane: number, categories: string[], signs: number, existingUnmatched: number }>
  batches: ManifestBatch[]
  mapping: {
    ambiguous: Array<{ id: string, word: string, file: string, candidates: Array<{ nat: number, headword: string }> }>
    unmatched: Array<{ id: string, word: string, file: string }>
    duplicates: Array<{ nat: number, headword: string, kept: string, others: string[] }>
    byShare: Array<{ id: string, word: string, nat: number, headword: string }>
  }
  newCategories: Array<{ id: string, zh: string }>
}

export function readManifest (file = MANIFEST_FILE): Manifest {
  const m = JSON.parse(readFileSync(file, 'utf8')) as Manifest
  if (m.version !== 1 || !Array.isArray(m.batches)) throw new Error(`${file} 不是第 1 版的转写清单（用 scripts/transcribe/select.ts 重新生成）`)
  return m
}
