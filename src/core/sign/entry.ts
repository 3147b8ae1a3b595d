/**
 * Dictionary sources, step 1: split the text of one `.signs` file (docs/data.md) into raw entries
 * with the line of every field, and read categories.txt. Nothing is interpreted here (that is
 * validate.ts); this only finds structure, so every later message can name `file:line`.
 * Also holds the detail-page part of a compiled entry (EntryBody) and the compact encodings of
 * the two app chunks (src/data/compiled/index.ts and signs.ts). Platform-free.
 */
import type { Category, DictEntry, NationalRef, NotationSource, ReviewStatus, SignPart, SignType } from './dictionary'
import { NOTATION_VERSION } from './types'
import type { EntryHeader } from './header'

/** One problem in the sources. `message` is Chinese, for dictionary editors. */
export interface DataIssue {
  file: string
  /** 1-based line of the offending field (the `[id]` line for a missing key). */
  line: number
  /** '' when the problem is outside any entry. */
  entryId: string
  /** Source key ('dom', 'desc', …); 'id' / 'word' for the `[id] word` line; 'line' for an unreadable line. */
  field: string
  message: string
  /** Nearest valid name for a typo, when known. */
  suggestion?: string
}

/** `file:line entry field: message` — one problem per line, clickable in editors. */
export function formatDataIssue (i: DataIssue): string {
  const hint = i.suggestion ? `（是否想写 “${i.suggestion}”？）` : ''
  return `${i.file}:${i.line} ${i.entryId || '-'} ${i.field}: ${i.message}${hint}`
}

export interface RawField {
  key: string
  value: string
  line: number
}

/** An entry as written: the `[id] word` line and its `key: value` lines in order. */
export interface RawEntry {
  id: string
  word: string
  file: string
  /** Line of `[id] word`. */
  line: number
  /** Category id = the file's base name (docs/CONTENT-BRIEF.md: no category key). */
  category: string
  fields: RawField[]
}

/** `src/data/signs/food.signs` → `food`. */
export function categoryOfFile (file: string): string {
  const base = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1)
  return base.endsWith('.signs') ? base.slice(0, -'.signs'.length) : base
}

const HEADER_RE = /^\[([^\]]*)\]\s*(.*)$/
/** The first line of a source file that is not a comment: the notation version of the file. */
const VERSION_RE = /^notation\s*:\s*(\S+)$/
const FIELD_RE = /^([A-Za-z_]+(?:\.\d+)?)\s*([:：])\s*(.*)$/

function splitLines (text: string): string[] {
  // A BOM from a Windows editor would otherwise become part of the first id.
  return (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r\n|\r|\n/)
}

/**
 * Parses one `.signs` file. `text` is untrusted (hand-edited): structure errors become issues,
 * never exceptions; the entries found are still returned so that later checks can run.
 */
export function parseSignsFile (text: string, file: string): { entries: RawEntry[], issues: DataIssue[] } {
  const entries: RawEntry[] = []
  const issues: DataIssue[] = []
  if (typeof text !== 'string') {
    issues.push({ file, line: 1, entryId: '', field: 'line', message: '文件内容不是文本' })
    return { entries, issues }
  }
  const category = categoryOfFile(file)
  const lines = splitLines(text)
  let cur: RawEntry | null = null
  let versionSeen = false
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1
    const line = lines[i].trim()
    if (line === '' || line.startsWith('#')) continue
    if (!versionSeen) {
      versionSeen = true
      const v = VERSION_RE.exec(line)
      if (!v || v[1] !== String(NOTATION_VERSION)) {
        issues.push({ file, line: lineNo, entryId: '', field: 'notation',
          message: `文件第一行（注释之外）应为“notation: ${NOTATION_VERSION}”${v ? `，现在是第 ${v[1]} 版` : ''}：旧版文件请先运行 npx tsx scripts/data/migrate-notation.ts 转换` })
        // The rest is still read, so the other problems show too.
      }
      if (v) continue
    }
    if (line.startsWith('[')) {
      const m = HEADER_RE.exec(line)
      if (!m) {
        issues.push({ file, line: lineNo, entryId: '', field: 'id', message: `条目首行应为“[id] 词”，缺少“]”：${line}` })
        cur = null
        continue
      }
      cur = { id: m[1].trim(), word: m[2].trim(), file, line: lineNo, category, fields: [] }
      entries.push(cur)
      continue
    }
    const m = FIELD_RE.exec(line)
    if (!cur) {
      issues.push({ file, line: lineNo, entryId: '', field: m ? m[1] : 'line', message: `在第一个“[id] 词”之前出现了内容：${line}` })
      continue
    }
    if (!m) {
      issues.push({ file, line: lineNo, entryId: cur.id, field: 'line', message: `无法识别的行，应为“键: 值”：${line}` })
      continue
    }
    if (m[2] === '：') {
      issues.push({ file, line: lineNo, entryId: cur.id, field: m[1], message: '键后应使用英文冒号“:”，不是中文冒号“：”' })
    }
    cur.fields.push({ key: m[1], value: m[3].trim(), line: lineNo })
  }
  return { entries, issues }
}

const CATEGORY_ID_RE = /^[a-z][a-z0-9_]*$/

/** Reads categories.txt: `<id> <中文名>` per line, in display order. */
export function parseCategories (text: string, file: string): { categories: Category[], issues: DataIssue[] } {
  const categories: Category[] = []
  const issues: DataIssue[] = []
  if (typeof text !== 'string') {
    issues.push({ file, line: 1, entryId: '', field: 'category', message: '文件内容不是文本' })
    return { categories, issues }
  }
  const seen = new Set<string>()
  splitLines(text).forEach((raw, i) => {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) return
    const m = /^(\S+)\s+(.+)$/.exec(line)
    if (!m) {
      issues.push({ file, line: i + 1, entryId: '', field: 'category', message: `分类行应为“id 中文名”：${line}` })
      return
    }
    const [, id, name] = m
    if (!CATEGORY_ID_RE.test(id)) {
      issues.push({ file, line: i + 1, entryId: '', field: 'category', message: `分类 id 只能用小写字母、数字和下划线：${id}` })
      return
    }
    if (seen.has(id)) {
      issues.push({ file, line: i + 1, entryId: '', field: 'category', message: `分类 id 重复：${id}` })
      return
    }
    seen.add(id)
    categories.push({ id, name: name.trim(), order: categories.length })
  })
  return { categories, issues }
}

// ---------------------------------------------------------------------------------------------
// Compiled entry: header (main package, header.ts) + body (detail pages, `pkg` subpackage).

/** What the detail page needs that the header lacks. The description steps are generated (describe.ts). */
export interface EntryBody {
  notation: NotationSource
  related: string[]
  example: string
  source: string
  pos: string
  /** When to use this variant (the header has its n). */
  variantNote?: string
  reviewer?: string
  reviewedAt?: string
  nat?: NationalRef
  origin?: { kind: 'project' | 'scheme'; why: string }
  note?: string
  needs?: string[]
}

export function toBody (e: DictEntry): EntryBody {
  const b: EntryBody = {
    notation: e.notation,
    related: e.related,
    example: e.example,
    source: e.source,
    pos: e.pos
  }
  if (e.variant) b.variantNote = e.variant.note
  if (e.reviewer) b.reviewer = e.reviewer
  if (e.reviewedAt) b.reviewedAt = e.reviewedAt
  if (e.nat) b.nat = e.nat
  if (e.origin) b.origin = e.origin
  if (e.note) b.note = e.note
  if (e.needs && e.needs.length > 0) b.needs = e.needs
  return b
}

/** An entry as the app sees it (header + body); `file`/`line` are not shipped. */
export type AppEntry = Omit<DictEntry, 'file' | 'line'>

export function mergeEntry (h: EntryHeader, b: EntryBody): AppEntry {
  const e: AppEntry = {
    id: h.id,
    word: h.word,
    shares: h.shares,
    pos: b.pos,
    category: h.category,
    type: h.type,
    pinyin: h.pinyin,
    pinyinPlain: h.pinyinPlain,
    initials: h.initials,
    freq: h.freq,
    notation: b.notation,
    handshape: h.handshape,
    site: h.site,
    related: b.related,
    example: b.example,
    source: b.source,
    status: h.status
  }
  if (h.variant !== undefined) e.variant = { n: h.variant, note: b.variantNote ?? '' }
  if (b.reviewer) e.reviewer = b.reviewer
  if (b.reviewedAt) e.reviewedAt = b.reviewedAt
  if (b.nat) e.nat = b.nat
  if (b.origin) e.origin = b.origin
  if (b.note) e.note = b.note
  if (b.needs) e.needs = b.needs
  return e
}

const TONE_MARKS: Readonly<Record<string, string>> = {
  ā: 'a', á: 'a', ǎ: 'a', à: 'a', ē: 'e', é: 'e', ě: 'e', è: 'e', ê: 'e', ī: 'i', í: 'i', ǐ: 'i', ì: 'i',
  ō: 'o', ó: 'o', ǒ: 'o', ò: 'o', ū: 'u', ú: 'u', ǔ: 'u', ù: 'u', ü: 'v', ǖ: 'v', ǘ: 'v', ǚ: 'v', ǜ: 'v',
  ń: 'n', ň: 'n', ǹ: 'n', ḿ: 'm'
}

/** 'lǜ sè' → 'lv se'. Lower-cased, so fingerspelled letters (A, ZH) search like pinyin. */
export function plainPinyin (pinyin: string): string {
  let out = ''
  for (const ch of pinyin.toLowerCase()) out += TONE_MARKS[ch] ?? ch
  return out
}

/** 'xué xí' → 'xx'. */
export function pinyinInitials (pinyin: string): string {
  return plainPinyin(pinyin).split(' ').filter(s => s !== '').map(s => s.charAt(0)).join('')
}

// ---------------------------------------------------------------------------------------------
// App chunk encodings (format version 2). Repeated keys cost bytes in the shipped JS, so headers
// and bodies are positional arrays; derivable fields (pinyinPlain, initials) are recomputed on
// load; category/type/source strings are indices into small tables.

export const SIGN_TYPES: readonly SignType[] = ['lexical', 'fingerspelled', 'character', 'air', 'foreign', 'number']

const STATUSES: readonly ReviewStatus[] = ['transcribed', 'draft', 'reviewed']

/**
 * [id, word, shares ('' or space-separated), pinyin, category index, type index, freq, handshape,
 * site, status (index in STATUSES, + 3 for a sign the project made), variant n (0 = none)]
 */
export type PackedHeader = [string, string, string, string, number, number, number, string, string, number, number]

export function packHeader (h: EntryHeader, categoryIds: readonly string[]): PackedHeader {
  return [h.id, h.word, h.shares.join(' '), h.pinyin, categoryIds.indexOf(h.category), SIGN_TYPES.indexOf(h.type),
    h.freq, h.handshape, h.site, STATUSES.indexOf(h.status) + (h.project ? 3 : 0), h.variant ?? 0]
}

export function unpackHeader (p: PackedHeader, categoryIds: readonly string[]): EntryHeader {
  const h: EntryHeader = {
    id: p[0],
    word: p[1],
    shares: p[2] === '' ? [] : p[2].split(' '),
    pinyin: p[3],
    pinyinPlain: plainPinyin(p[3]),
    initials: pinyinInitials(p[3]),
    category: categoryIds[p[4]],
    type: SIGN_TYPES[p[5]],
    freq: p[6],
    handshape: p[7],
    site: p[8],
    status: STATUSES[p[9] % 3] ?? 'transcribed'
  }
  if (p[9] >= 3) h.project = true
  if (p[10] > 0) h.variant = p[10]
  return h
}

/** The provenance line of a national sign, rebuilt from volume and headword (docs/data.md). */
export function nationalSource (volume: number, headword: string): string {
  return `《国家通用手语词典》第${volume}册「${headword}」`
}
const NATIONAL_SOURCE_RE = /^《国家通用手语词典》第(\d)册「(.+)」$/

/**
 * [id, dom, nondom, rel, face, compound ids space-separated, related space-separated, example,
 * source (a national provenance as 'volume|headword', else an index into the sources table), pos,
 * variant note, reviewer, reviewed date, covers, part faces ('N=face' joined by '|'), national id
 * ('1767' or '4021 ②'), origin ('project <why>' or 'scheme <which>'), note, needs (space-separated),
 * later parts of a sign in parts (one per line: dom, nondom, rel, covers tab-separated)];
 * '' = absent, trailing '' dropped.
 */
export type PackedBody = Array<string | number>

export function packBody (id: string, b: EntryBody, sources: string[]): PackedBody {
  const national = NATIONAL_SOURCE_RE.exec(b.source)
  let src: string | number
  if (national) src = `${national[1]}|${national[2]}`
  else {
    src = sources.indexOf(b.source)
    if (src < 0) { src = sources.length; sources.push(b.source) }
  }
  const n = b.notation
  const partFaces = Object.entries(n.partFaces ?? {}).map(([k, v]) => `${k}=${v}`).join('|')
  const p: PackedBody = [id, n.dom ?? '', n.nondom ?? '', n.rel ?? '', n.face ?? '', (n.compound ?? []).join(' '),
    b.related.join(' '), b.example, src, b.pos, b.variantNote ?? '', b.reviewer ?? '', b.reviewedAt ?? '', n.covers ?? '',
    partFaces, b.nat ? `${b.nat.id}${b.nat.variant ? ' ' + b.nat.variant : ''}` : '', b.origin ? `${b.origin.kind} ${b.origin.why}` : '', b.note ?? '',
    (b.needs ?? []).join(' '), (n.parts ?? []).map(pt => [pt.dom, pt.nondom ?? '', pt.rel ?? '', pt.covers ?? ''].join('\t')).join('\n')]
  while (p.length > 0 && p[p.length - 1] === '') p.pop()
  return p
}

export function unpackBody (p: PackedBody, sources: readonly string[]): { id: string, body: EntryBody } {
  const s = (i: number): string => (typeof p[i] === 'string' ? p[i] as string : '')
  const notation: NotationSource = {}
  if (s(1)) notation.dom = s(1)
  if (s(2)) notation.nondom = s(2)
  if (s(3)) notation.rel = s(3)
  if (s(4)) notation.face = s(4)
  if (s(5)) notation.compound = s(5).split(' ')
  if (s(13)) notation.covers = s(13)
  if (s(19)) {
    // Notation values are single lines without tabs (entry.ts reads one value per line, trimmed).
    notation.parts = s(19).split('\n').map(line => {
      const [dom, nondom, rel, covers] = line.split('\t')
      const pt: SignPart = { dom }
      if (nondom) pt.nondom = nondom
      if (rel) pt.rel = rel
      if (covers) pt.covers = covers
      return pt
    })
  }
  if (s(14)) {
    notation.partFaces = {}
    for (const pf of s(14).split('|')) {
      const eq = pf.indexOf('=')
      if (eq > 0) notation.partFaces[pf.slice(0, eq)] = pf.slice(eq + 1)
    }
  }
  const src = p[8]
  let source = ''
  if (typeof src === 'number') source = sources[src] ?? ''
  else if (typeof src === 'string') {
    const bar = src.indexOf('|')
    source = bar > 0 ? nationalSource(Number(src.slice(0, bar)), src.slice(bar + 1)) : src
  }
  const body: EntryBody = {
    notation,
    related: s(6) === '' ? [] : s(6).split(' '),
    example: s(7),
    source,
    pos: s(9)
  }
  if (s(10)) body.variantNote = s(10)
  if (s(11)) body.reviewer = s(11)
  if (s(12)) body.reviewedAt = s(12)
  if (s(15)) {
    const [id, variant] = s(15).split(' ')
    body.nat = variant ? { id: Number(id), variant } : { id: Number(id) }
  }
  if (s(16)) {
    const sp = s(16).indexOf(' ')
    const kind = s(16).slice(0, sp)
    body.origin = { kind: kind === 'scheme' ? 'scheme' : 'project', why: s(16).slice(sp + 1) }
  }
  if (s(17)) body.note = s(17)
  if (s(18)) body.needs = s(18).split(' ')
  return { id: s(0), body }
}

export function unpackBodies (packed: readonly PackedBody[], sources: readonly string[]): Record<string, EntryBody> {
  const out: Record<string, EntryBody> = {}
  for (const p of packed) {
    const { id, body } = unpackBody(p, sources)
    out[id] = body
  }
  return out
}
