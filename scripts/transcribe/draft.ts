/**
 * draft — a draft entry (data format version 2) for every national sign of a batch.
 *
 *   npx tsx scripts/transcribe/draft.ts --batch verbs-01                 print the drafts
 *   npx tsx scripts/transcribe/draft.ts --batch verbs-01 --write         write them into the batch's .signs file(s)
 *   npx tsx scripts/transcribe/draft.ts --batch verbs-01 --out DIR       write DIR/verbs-01.signs (a file of its own)
 *   npx tsx scripts/transcribe/draft.ts --nat 1767,6179 --out DIR        drafts of some national ids (any batch)
 *   npx tsx scripts/transcribe/draft.ts --top 60 --out DIR               the 60 most frequent selected signs
 *   … --force                                                            also redraft signs that already have an entry with their nat:
 *
 * The notation is drafted from the description by scripts/transcribe/notate.ts; the words, ids,
 * shares and variants come from the manifest (select.ts). A draft never carries description
 * wording (checked here before anything is written: no line shares 10 characters with the
 * sign's description); `note:` is left for the transcriber. What the grammar could not decide is
 * in `needs:` and in `# 待定` comment lines (docs/transcription.md says how to resolve them).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadNational, MissingReferenceError, ROOT, sourceLine, type NatSign, type NationalDictionary } from '../reference/db'
import { NEW_CATEGORIES } from './categories'
import { sharedRun } from './copycheck'
import { addCategories } from './select'
import { type ManifestSign, type SourceEntry, loadCategories, loadEntries, readManifest } from './lib'
import { type HandDraft, type PartDraft, handLine, needsNondomLine, notateDescription, siteText } from './notate'

/** jieba POS tag → our part of speech (docs/data.md `pos:`). */
const POS: Record<string, string> = {
  n: '名', nr: '名', ns: '名', nt: '名', nz: '名', nrt: '名', nrfg: '名', ng: '名', t: '名', tg: '名', s: '名', f: '名', j: '名', g: '名',
  v: '动', vd: '动', vg: '动', vi: '动', vq: '动', zg: '动', vn: '动 名',
  a: '形', ad: '形', ag: '形', an: '形 名', b: '形', z: '形',
  r: '代', rr: '代', rz: '代', m: '数', mq: '数', q: '量', d: '副', p: '介', c: '连', u: '助', ul: '助', uj: '助', uz: '助', e: '叹', y: '叹', o: '叹',
  i: '短语', l: '短语'
}
export function posFor (word: string, jiebaPos: string, category: string): string {
  if (category === 'numbers') return '数'
  const p = POS[jiebaPos]
  if (p) return p
  if (/……/.test(word)) return '连'
  if (word.length >= 4) return '短语'
  return '名'
}

/** `type:` of a draft: 数字 for the numbers file, 书空/仿字 when the sign writes a character, else 词汇. */
export function typeFor (sign: NatSign, parts: PartDraft[], category: string): string {
  if (category === 'numbers') return '数字'
  if (/书空/.test(sign.description) && parts.length === 1) return '书空'
  if (/(?:仿|搭成)“[\u4e00-\u9fff]”字/.test(sign.description) && parts.length === 1) return '仿字'
  return '词汇'
}

const REL_RANK: Record<string, number> = { one: 0, mirror: 1, parallel: 1, alternate: 1, base: 2, two: 3 }

/** Appends part `b` to hand `a` as movements: handshape, orientation and place changes, then b's movements. */
function chain (a: HandDraft, b: HandDraft): void {
  if (b.shape && b.shape !== a.shape) a.moves.push(`shape(${b.shape})`)
  if (b.f && b.p && (b.f !== a.f || b.p !== a.p)) a.moves.push(`orient(f:${b.f} p:${b.p})`)
  if (b.site && (b.site !== a.site || b.side !== a.side)) a.moves.push(`to(${siteText(b.site, b.side, b.dist, b.part)})`)
  a.moves.push(...b.moves)
}

/**
 * One entry from several parts that are not all national signs: the first part's posture, then
 * each later part as changes and movements of the same hands. A change of two-hand relation
 * between parts cannot be written as one hand line: draftEntry then writes a sign in parts
 * (`dom.N:` …) instead; `needs: part-sequence` marks that case here.
 */
export function sequence (parts: PartDraft[]): PartDraft {
  const first = parts[0]
  const out: PartDraft = {
    rel: first.rel,
    dom: { ...first.dom, moves: [...first.dom.moves] },
    nondom: first.nondom ? { ...first.nondom, moves: [...first.nondom.moves] } : null,
    face: new Map(first.face),
    needs: new Set(first.needs),
    hints: [...first.hints]
  }
  for (const p of parts.slice(1)) {
    if (REL_RANK[p.rel] > REL_RANK[out.rel]) {
      out.needs.add('part-sequence')
      out.hints.push(`第 ${parts.indexOf(p) + 1} 部分换成 ${p.rel} 的两手关系：一个词条写不出，看插图决定`)
      out.rel = p.rel
      out.nondom = p.nondom && (p.rel === 'base' || p.rel === 'two') ? { ...p.nondom, moves: [...p.nondom.moves] } : null
    } else if (REL_RANK[p.rel] < REL_RANK[out.rel] && p.rel === 'one' && out.rel !== 'base') {
      out.needs.add('part-sequence')
      out.hints.push(`第 ${parts.indexOf(p) + 1} 部分是单手：两手关系中途改变，看插图决定`)
    } else if (p.nondom && out.nondom && p.rel === out.rel) {
      chain(out.nondom, p.nondom)
    }
    chain(out.dom, p.dom)
    for (const [k, v] of p.face) if (!out.face.has(k)) out.face.set(k, v)
    for (const n of p.needs) out.needs.add(n)
    for (const h of p.hints) if (!out.hints.includes(h)) out.hints.push(h)
  }
  return out
}

export interface DraftInput {
  sign: NatSign
  ms: ManifestSign
  existing?: SourceEntry
  /** Entry ids a compound may use now (in the sources or drafted in the same run). */
  available?: ReadonlySet<string>
  /** Entry id → batch, to say which batch a missing compound part waits for. */
  batchOf?: ReadonlyMap<string, string>
}

/** The text of one draft entry (no trailing blank line). */
export function draftEntry ({ sign, ms, existing, available, batchOf }: DraftInput): string {
  const lines: string[] = []
  const parts = notateDescription(sign.id, sign.description)
  lines.push(`[${ms.id}] ${ms.word}`)
  lines.push(`nat: ${sign.id}${ms.mark ? ' ' + ms.mark : ''}`)
  lines.push(`source: ${sourceLine(sign)}`)
  if (ms.shares.length) lines.push(`shares: ${ms.shares.join(' ')}`)
  if (ms.variant) lines.push(`variant: ${ms.variant} ${ms.variantNote ?? ''}`.trim())
  lines.push(`pos: ${posFor(ms.word, ms.pos, ms.category)}`)
  lines.push(`type: ${typeFor(sign, parts, ms.category)}`)
  const hints: string[] = []
  const missing = (ms.compound ?? []).filter(id => available && !available.has(id))
  if (ms.compound && missing.length > 0) {
    // the parts' entries are not in the sources yet (another batch): one entry now, a compound later
    hints.push(`复合：部分 ${missing.map(id => `${id}${batchOf?.get(id) ? `（批次 ${batchOf.get(id)}）` : ''}`).join('、')}还没入库；入库后把本条改为 compound: ${ms.compound.join(' ')}`)
  }
  if (ms.compound && ms.compound.length === parts.length && missing.length === 0) {
    // each part is a national sign whose own entry carries its face (the part matched that sign's
    // wording, face phrases included: parts.ts), so the compound needs no face.N lines
    lines.push(`compound: ${ms.compound.join(' ')}`)
  } else if (parts.length > 1 && sequence(parts).needs.has('part-sequence')) {
    // The hands' relation changes between parts: a sign in parts (dom.N: …, docs/notation.md).
    hints.push(`${parts.length} 段写成分段手势（两手关系在段间改变）`)
    const needs = new Set<string>()
    parts.forEach((p, k) => {
      const suffix = k === 0 ? '' : `.${k + 1}`
      if (p.rel !== 'one') lines.push(`rel${suffix}: ${p.rel}`)
      lines.push(`dom${suffix}: ${handLine(p.dom)}`)
      if (needsNondomLine(p)) lines.push(`nondom${suffix}: ${handLine(p.nondom!)}`)
      if (p.face.size) lines.push(`face.${k + 1}: ${faceText(p.face)}`)
      for (const n of p.needs) needs.add(n)
      for (const h of p.hints) if (!hints.includes(h)) hints.push(h)
    })
    if (needs.size) lines.push(`needs: ${[...needs].join(' ')}`)
  } else {
    const d = parts.length === 1 ? parts[0] : sequence(parts)
    if (parts.length > 1) hints.push(`${parts.length} 个部分写成一个词条（不是每部分都是国家手势）`)
    if (d.rel !== 'one') lines.push(`rel: ${d.rel}`)
    lines.push(`dom: ${handLine(d.dom)}`)
    if (needsNondomLine(d)) lines.push(`nondom: ${handLine(d.nondom!)}`)
    if (d.face.size) lines.push(`face: ${faceText(d.face)}`)
    if (d.needs.size) lines.push(`needs: ${[...d.needs].join(' ')}`)
    hints.push(...d.hints)
  }
  if (existing) {
    for (const key of ['related', 'example', 'pinyin']) for (const v of existing.fields.get(key) ?? []) lines.push(`${key}: ${v}`)
  }
  lines.push('status: transcribed')
  for (const m of ms.merges ?? []) hints.push(`旧词条 ${m} 也对应这个国家手势：删去它，把它的词并入本条 shares，别处 related 里的 ${m} 改成 ${ms.id}`)
  for (const d of ms.sharesDropped ?? []) if (!(ms.merges ?? []).includes(d.to)) hints.push(`“${d.word}”不列入 shares：已归 ${d.to}`)
  for (const h of [...new Set(hints)]) lines.push(`# 待定 ${h}`)
  return lines.join('\n')
}

function faceText (face: Map<string, string>): string {
  return [...face].map(([k, v]) => `${k}=${v}`).join(' ')
}

/** Refuses a draft that shares ≥ 10 characters with its sign's description (punctuation ignored). */
export function checkNoCopy (text: string, sign: NatSign): string | null {
  for (const line of text.split('\n')) {
    const run = sharedRun(line, sign.description, 10)
    if (run) return `草稿第 ${sign.id} 号与国家词典描述有 10 个以上相同的字（“${run}”）：不能写入`
  }
  return null
}

interface Target { file: string, category: string }

/** Drafts for the given manifest signs; each with the file it goes to. */
export function draftAll (nd: NationalDictionary, list: ManifestSign[], entries: SourceEntry[], batchOf?: ReadonlyMap<string, string>): Array<{ ms: ManifestSign, text: string, target: Target }> {
  const byId = new Map(entries.map(e => [e.id, e]))
  const available = new Set([...entries.map(e => e.id), ...list.map(s => s.id)])
  return list.map(ms => {
    const sign = nd.byId.get(ms.nat)
    if (!sign) throw new Error(`国家词典中没有 ${ms.nat} 号手势`)
    const existing = ms.existing ? byId.get(ms.existing.id) : undefined
    const text = draftEntry({ sign, ms, existing, available, batchOf })
    const bad = checkNoCopy(text, sign)
    if (bad) throw new Error(bad)
    return { ms, text, target: { file: existing?.file ?? `src/data/signs/${ms.category}.signs`, category: ms.category } }
  })
}

/** Writes drafts into the sources: replaces the block of an entry it supersedes, appends the others. */
export function writeIntoSources (drafts: Array<{ ms: ManifestSign, text: string, target: Target }>, entries: SourceEntry[], root = ROOT): string[] {
  const done: string[] = []
  const cats = new Map(loadCategories(join(root, 'src', 'data', 'categories.txt')).map(c => [c.id, c.zh]))
  const byFile = new Map<string, typeof drafts>()
  for (const d of drafts) byFile.set(d.target.file, [...(byFile.get(d.target.file) ?? []), d])
  for (const [file, ds] of byFile) {
    const path = join(root, file)
    const cat = ds[0].target.category
    if (!existsSync(path) && !cats.has(cat)) {
      // a new category appears in categories.txt with its first entries (select.ts decides the names)
      const def = NEW_CATEGORIES.find(c => c.id === cat)
      if (!def) throw new Error(`分类 ${cat} 不在 categories.txt，也不在 scripts/transcribe/categories.ts 的新分类里`)
      const cfile = join(root, 'src', 'data', 'categories.txt')
      writeFileSync(cfile, addCategories(readFileSync(cfile, 'utf8'), [def]))
      cats.set(cat, def.zh)
      done.push(`src/data/categories.txt + ${cat} ${def.zh}`)
    }
    let text = existsSync(path) ? readFileSync(path, 'utf8') : `# ${cats.get(ds[0].target.category) ?? ds[0].target.category}\n# 据《国家通用手语词典》转写（docs/transcription.md）。\nnotation: 2\n`
    const firstLine = text.split(/\r?\n/).find(l => l.trim() && !l.trim().startsWith('#'))
    if (firstLine?.trim() !== 'notation: 2') throw new Error(`${file} 还不是记法第 2 版（第一行应为 notation: 2）：先运行 npx tsx scripts/data/migrate-notation.ts`)
    for (const d of ds) {
      const old = d.ms.existing ? entries.find(e => e.id === d.ms.existing!.id && e.file === file) : undefined
      if (old) {
        const lines = text.split('\n')
        const start = lines.findIndex(l => l.trim().startsWith(`[${old.id}]`))
        let end = start + 1
        while (end < lines.length && !lines[end].trim().startsWith('[')) end++
        // keep blank lines and comments that introduce the next entry
        while (end > start + 1 && (lines[end - 1].trim() === '' || lines[end - 1].trim().startsWith('#'))) end--
        lines.splice(start, end - start, ...d.text.split('\n'))
        text = lines.join('\n')
      } else {
        text = text.replace(/\n*$/, '\n\n') + d.text + '\n'
      }
      done.push(`${file} ${d.ms.id} ← ${d.ms.nat}`)
    }
    writeFileSync(path, text)
  }
  return done
}

function main (argv: string[]): number {
  const val = (f: string): string | undefined => { const i = argv.indexOf(f); return i >= 0 ? argv[i + 1] : undefined }
  let nd: NationalDictionary
  try { nd = loadNational() } catch (e) {
    if (e instanceof MissingReferenceError) { console.error(e.message); return 1 }
    throw e
  }
  const manifest = readManifest()
  const all = manifest.batches.flatMap(b => b.signs)
  let list: ManifestSign[]
  let name: string
  if (val('--batch')) {
    const b = manifest.batches.find(x => x.id === val('--batch'))
    if (!b) { console.error(`清单中没有批次 ${val('--batch')}（可用：${manifest.batches.slice(0, 5).map(x => x.id).join('、')}…）`); return 2 }
    list = b.signs; name = b.id
  } else if (val('--nat')) {
    const ids = val('--nat')!.split(',').map(Number)
    list = ids.map(n => all.find(s => s.nat === n)).filter((s): s is ManifestSign => s !== undefined)
    const missing = ids.filter(n => !all.some(s => s.nat === n))
    if (missing.length) { console.error(`不在选定范围内的国家编号：${missing.join('、')}`); return 2 }
    name = `nat-${ids.length}`
  } else if (val('--top')) {
    const n = Number(val('--top'))
    list = [...all].sort((a, b) => b.freq - a.freq || a.nat - b.nat).slice(0, n)
    name = `top-${n}`
  } else {
    console.error('用法：draft.ts --batch 批次 | --nat 编号,编号 | --top N   [--write | --out 目录] [--force]')
    return 2
  }
  const entries = loadEntries()
  if (!argv.includes('--force')) {
    const have = new Set(entries.filter(e => e.nat !== null).map(e => e.nat))
    const skipped = list.filter(s => have.has(s.nat))
    if (skipped.length) console.error(`跳过已有 nat: 的 ${skipped.length} 个手势（--force 重写）：${skipped.map(s => s.nat).join(' ')}`)
    list = list.filter(s => !have.has(s.nat))
  }
  const batchOf = new Map(manifest.batches.flatMap(b => b.signs.map(s => [s.id, b.id] as const)))
  const drafts = draftAll(nd, list, entries, batchOf)
  if (argv.includes('--write')) {
    for (const l of writeIntoSources(drafts, entries)) console.log(l)
    console.log(`已写入 ${drafts.length} 个草稿。下一步：npm run -s cli -- validate，然后 npx tsx scripts/transcribe/sheet.ts --batch ${name}`)
  } else if (val('--out')) {
    const dir = val('--out')!
    mkdirSync(dir, { recursive: true })
    const file = join(dir, `${name}.signs`)
    writeFileSync(file, `# 草稿 ${name}（scripts/transcribe/draft.ts）\nnotation: 2\n\n${drafts.map(d => d.text).join('\n\n')}\n`)
    console.log(`已写入 ${file}（${drafts.length} 个草稿）`)
  } else {
    console.log(drafts.map(d => `# → ${d.target.file}\n${d.text}`).join('\n\n'))
  }
  return 0
}

if (require.main === module) process.exitCode = main(process.argv.slice(2))
