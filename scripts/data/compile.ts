/**
 * The dictionary compile step (`npm run data`): src/data sources → src/data/compiled/.
 * Validates everything first and writes nothing when there is any problem (docs/data.md).
 * The pure pieces (compileDictionary, renderChunks) are exported for tests, the CLI and benches.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { pinyin } from 'pinyin-pro'
import { DICTIONARY_FORMAT_VERSION, type DictEntry, type Dictionary } from '../../src/core/sign/dictionary'
import { type DataIssue, formatDataIssue, packBody, packHeader, pinyinInitials, plainPinyin, toBody } from '../../src/core/sign/entry'
import { toHeader } from '../../src/core/sign/header'
import { type CheckedEntry, checkSources, type SourceText } from '../../src/core/sign/validate'

export const ROOT = join(__dirname, '..', '..')
export const CATEGORIES_FILE = 'src/data/categories.txt'
export const SIGNS_DIR = 'src/data/signs'
export const COMPILED_DIR = 'src/data/compiled'
const JIEBA_DICT = join(ROOT, 'node_modules', '@node-rs', 'jieba', 'dict.txt')

export interface Sources {
  categories: SourceText
  files: SourceText[]
}

/** Reads categories.txt and every *.signs file (sorted by name); paths are repo-relative, '/'-separated. */
export function loadSources (root = ROOT): Sources {
  const dir = join(root, SIGNS_DIR)
  const names = existsSync(dir) ? readdirSync(dir).filter(f => f.endsWith('.signs')).sort() : []
  return {
    categories: { file: CATEGORIES_FILE, text: readFileSync(join(root, CATEGORIES_FILE), 'utf8') },
    files: names.map(n => ({ file: `${SIGNS_DIR}/${n}`, text: readFileSync(join(dir, n), 'utf8') }))
  }
}

/** First 12 hex of sha256 over the sources, in path order: the same sources give the same version. */
export function dataVersionOf (src: Sources): string {
  const h = createHash('sha256')
  const all = [src.categories, ...src.files].slice().sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
  for (const f of all) h.update(`${f.file}\n${f.text}\n\0`)
  return h.digest('hex').slice(0, 12)
}

let jiebaText: string | null = null
/** Looked-up words (0 = absent), so repeated compiles in one process (bench, CLI) scan once. */
const freqMemo = new Map<string, number>()
/**
 * Frequencies of `words` in jieba's dictionary ("word freq pos" per line); 0 when absent.
 * Only the wanted words are kept: a Map of all 349k lines costs ~0.4 s.
 */
export function jiebaFrequencies (wordList: Iterable<string>): Map<string, number> {
  const words = [...wordList]
  const wanted = new Set<string>()
  for (const w of words) if (!freqMemo.has(w)) wanted.add(w)
  if (wanted.size > 0) {
    if (jiebaText === null) jiebaText = readFileSync(JIEBA_DICT, 'utf8')
    const text = jiebaText
    // Most lines start with a character no wanted word starts with: skip them without slicing.
    const firstChars = new Set([...wanted].map(w => w.charCodeAt(0)))
    let found = 0
    let start = 0
    while (start < text.length && found < wanted.size) {
      let end = text.indexOf('\n', start)
      if (end < 0) end = text.length
      if (firstChars.has(text.charCodeAt(start))) {
        const sp = text.indexOf(' ', start)
        if (sp > start && sp < end) {
          const w = text.slice(start, sp)
          if (wanted.has(w) && !freqMemo.has(w)) {
            freqMemo.set(w, Math.max(0, parseInt(text.slice(sp + 1, end), 10) || 0))
            found++
          }
        }
      }
      start = end + 1
    }
    for (const w of wanted) if (!freqMemo.has(w)) freqMemo.set(w, 0)
  }
  const out = new Map<string, number>()
  for (const w of words) out.set(w, freqMemo.get(w) ?? 0)
  return out
}

const HAN_RE = /\p{Script=Han}/u

/**
 * Tone-marked pinyin of a word, syllables space-separated. pinyin-pro segments the word, so
 * polyphonic characters follow the word (银行 yín háng, 行走 xíng zǒu). Runs of non-Chinese
 * characters (AA制, T恤) stay as written. `override` gives the syllables of the Chinese characters.
 */
export function wordPinyin (word: string, override?: readonly string[]): string {
  if (override) {
    const out: string[] = []
    let k = 0
    let run = ''
    for (const ch of word) {
      if (HAN_RE.test(ch)) {
        if (run) { out.push(run); run = '' }
        out.push(override[k++] ?? '')
      } else if (!/\s/.test(ch)) {
        run += ch
      }
    }
    if (run) out.push(run)
    return out.join(' ')
  }
  return pinyin(word, { type: 'array', toneType: 'symbol', nonZh: 'consecutive' })
    .map(s => s.trim()).filter(s => s !== '').join(' ')
}

export interface CompileOptions {
  /** Word frequencies (default: jieba's dict.txt). */
  freq?: ReadonlyMap<string, number>
}

/** Start handshape and site of the dominant hand, following the first part of compounds. */
function startOf (e: CheckedEntry, byId: ReadonlyMap<string, CheckedEntry>): { handshape: string, site: string } {
  let cur: CheckedEntry | undefined = e
  for (let depth = 0; cur && !cur.sign && depth < 16; depth++) {
    const first: string | undefined = cur.notation.compound?.[0]
    cur = first === undefined ? undefined : byId.get(first)
  }
  const dom = cur?.sign?.dom
  return { handshape: dom?.handshape ?? '', site: dom?.loc.site ?? '' }
}

/**
 * Validates the sources and builds the Dictionary. The dictionary is built best-effort even when
 * there are issues (stats and validate count it); callers must not ship it unless issues is empty.
 */
export function compileDictionary (src: Sources, opts: CompileOptions = {}): { dict: Dictionary, issues: DataIssue[] } {
  const { categories, entries, issues } = checkSources(src.categories, src.files)
  const freq = opts.freq ?? jiebaFrequencies(entries.map(e => e.word))
  const byId = new Map<string, CheckedEntry>()
  for (const e of entries) if (!byId.has(e.id)) byId.set(e.id, e)
  const catOrder = new Map(categories.map(c => [c.id, c.order]))

  const out: DictEntry[] = []
  for (const e of entries) {
    if (byId.get(e.id) !== e) continue // duplicate id: reported, not compiled twice
    const { pinyinOverride, sign, ...rest } = e
    void sign
    const py = wordPinyin(e.word, pinyinOverride)
    out.push({
      ...rest,
      pinyin: py,
      pinyinPlain: plainPinyin(py),
      initials: pinyinInitials(py),
      freq: freq.get(e.word) ?? 0,
      ...startOf(e, byId)
    })
  }
  // related: ids retired by a merge point at the entry they were merged into (once, no duplicates).
  const current = new Map(out.flatMap(e => (e.aliases ?? []).map(a => [a, e.id] as const)))
  for (const e of out) {
    if (e.related.some(r => current.has(r))) e.related = [...new Set(e.related.map(r => current.get(r) ?? r))].filter(r => r !== e.id)
  }
  // Display order: categories in categories.txt order, entries in source order within one.
  const idx = new Map(out.map((e, i) => [e, i]))
  out.sort((a, b) => (catOrder.get(a.category) ?? 1e9) - (catOrder.get(b.category) ?? 1e9) || (idx.get(a) as number) - (idx.get(b) as number))
  return {
    dict: { version: DICTIONARY_FORMAT_VERSION, dataVersion: dataVersionOf(src), categories, entries: out },
    issues
  }
}

const BANNER = '// Generated by scripts/data/compile.ts from src/data (docs/data.md). Do not edit.\n'

/** Headers by frequency (most frequent first); ties in display order. */
export function headersByFreq (dict: Dictionary): DictEntry[] {
  return dict.entries.map((e, i) => ({ e, i })).sort((a, b) => b.e.freq - a.e.freq || a.i - b.i).map(x => x.e)
}

/** The two app chunks as TypeScript source text. */
export function renderChunks (dict: Dictionary, searchExtras: Record<string, unknown>): { indexTs: string, signsTs: string } {
  const catIds = dict.categories.map(c => c.id)
  const headers = headersByFreq(dict).map(e => JSON.stringify(packHeader(toHeader(e), catIds)))
  const indexTs = BANNER +
    "import type { Category } from '../../core/sign/dictionary'\n" +
    "import type { EntryHeader } from '../../core/sign/header'\n" +
    "import { type PackedHeader, unpackHeader } from '../../core/sign/entry'\n\n" +
    `export const FORMAT_VERSION = ${dict.version}\n` +
    `export const DATA_VERSION = ${JSON.stringify(dict.dataVersion)}\n` +
    `export const CATEGORIES: Category[] = ${JSON.stringify(dict.categories)}\n` +
    'const C = CATEGORIES.map(c => c.id)\n' +
    '// [id, word, shares, pinyin, category, type, freq, handshape, site, status (+3 自拟), variant] — see src/core/sign/entry.ts\n' +
    `const H: PackedHeader[] = [\n${headers.join(',\n')}\n]\n` +
    '/** Entry headers, most frequent word first. */\n' +
    'export const HEADERS: EntryHeader[] = H.map(p => unpackHeader(p, C))\n' +
    `export const SEARCH_EXTRAS: Record<string, unknown> = ${JSON.stringify(searchExtras)}\n` +
    '/** Retired entry id → the entry it was merged into (old links and saved progress follow it). */\n' +
    `export const ALIASES: Record<string, string> = ${JSON.stringify(Object.fromEntries(dict.entries.flatMap(e => (e.aliases ?? []).map(a => [a, e.id]))))}\n`
  const sources: string[] = []
  const bodies = dict.entries.map(e => JSON.stringify(packBody(e.id, toBody(e), sources)))
  const signsTs = BANNER +
    "import { type EntryBody, type PackedBody, unpackBodies } from '../../core/sign/entry'\n\n" +
    `export const FORMAT_VERSION = ${dict.version}\n` +
    `export const DATA_VERSION = ${JSON.stringify(dict.dataVersion)}\n` +
    `const S: string[] = ${JSON.stringify(sources)}\n` +
    '// [id, dom, nondom, rel, face, compound, related, example, source ("volume|headword" or index in S), pos, variant note, reviewer, reviewed at, covers, part faces, nat, origin, note, needs, later parts] — see src/core/sign/entry.ts\n' +
    `const B: PackedBody[] = [\n${bodies.join(',\n')}\n]\n` +
    'export const SIGNS: Record<string, EntryBody> = unpackBodies(B, S)\n'
  return { indexTs, signsTs }
}

/** Gzip size of the two app chunks divided by the number of entries (the size budget figure). */
export function bytesPerSignGzip (chunks: { indexTs: string, signsTs: string }, entries: number): number {
  if (entries === 0) return 0
  const gz = gzipSync(Buffer.from(chunks.indexTs)).length + gzipSync(Buffer.from(chunks.signsTs)).length
  return Math.round(gz / entries * 10) / 10
}

/** SEARCH's build-time extras (scripts/data/search-extras.ts), or {} while that module is absent. */
export async function searchExtrasFor (dict: Dictionary): Promise<Record<string, unknown>> {
  if (!existsSync(join(__dirname, 'search-extras.ts'))) return {}
  const mod = await import('./search-extras')
  const build = (mod as { buildSearchExtras?: (d: Dictionary) => unknown }).buildSearchExtras
  return typeof build === 'function' ? await build(dict) as Record<string, unknown> : {}
}

export interface CompileReport {
  ok: boolean
  issues: DataIssue[]
  dict: Dictionary
  /** Files (repo-relative) rewritten because their content changed. */
  written: string[]
  bytesPerSign: number
}

/** Compiles src/data and, only when there is no issue at all, writes src/data/compiled/. */
export async function compileAndWrite (root = ROOT): Promise<CompileReport> {
  const { dict, issues } = compileDictionary(loadSources(root))
  if (issues.length > 0) return { ok: false, issues, dict, written: [], bytesPerSign: 0 }
  const chunks = renderChunks(dict, await searchExtrasFor(dict))
  const files: Record<string, string> = {
    '.gitignore': '# Generated by npm run data; never committed.\n*\n',
    'dictionary.json': JSON.stringify(dict) + '\n',
    'index.ts': chunks.indexTs,
    'signs.ts': chunks.signsTs
  }
  const dir = join(root, COMPILED_DIR)
  mkdirSync(dir, { recursive: true })
  const written: string[] = []
  for (const [name, text] of Object.entries(files)) {
    const p = join(dir, name)
    // Unchanged files are left alone so watchers (npm start) do not rebuild for nothing.
    if (existsSync(p) && readFileSync(p, 'utf8') === text) continue
    writeFileSync(p, text)
    written.push(`${COMPILED_DIR}/${name}`)
  }
  return { ok: true, issues, dict, written, bytesPerSign: bytesPerSignGzip(chunks, dict.entries.length) }
}

async function main (): Promise<number> {
  const t0 = performance.now()
  const r = await compileAndWrite()
  if (!r.ok) {
    for (const i of r.issues) process.stderr.write(formatDataIssue(i) + '\n')
    process.stderr.write(`词典数据有 ${r.issues.length} 个问题，未写入 ${COMPILED_DIR}/。\n`)
    return 1
  }
  process.stdout.write(`已编译 ${r.dict.entries.length} 个条目（${r.dict.categories.length} 个分类）→ ${COMPILED_DIR}/，` +
    `dataVersion ${r.dict.dataVersion}，应用数据 gzip 每条 ${r.bytesPerSign} 字节，` +
    `${r.written.length > 0 ? `更新 ${r.written.length} 个文件` : '无变化'}，用时 ${Math.round(performance.now() - t0)} ms\n`)
  return 0
}

if (require.main === module) {
  main().then(code => { process.exitCode = code }, e => {
    process.stderr.write(`出错了: ${(e as Error)?.stack ?? e}\n`)
    process.exitCode = 1
  })
}
