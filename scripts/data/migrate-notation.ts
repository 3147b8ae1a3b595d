/**
 * Rewrites a sign source file from notation version 1 to version 2 (docs/notation.md, docs/data.md):
 *
 * - `notation: 2` becomes the first line after the file's leading comments;
 * - `desc:` lines go (the description steps are generated from the notation now);
 * - an entry without provenance gets one: the letters of the finger alphabet are the 1963 scheme
 *   (`origin: scheme`, status transcribed); every other version-1 entry was drafted by the project
 *   without the national dictionary at hand, so it says so (`origin: project …`, `needs:
 *   transcription`, status draft) until it is transcribed from its national sign;
 * - the version-1 hand `3` (index, middle, ring up) is written `W`, its name in version 2, where `3`
 *   is the national 三: the picture of a migrated entry does not change;
 * - under `rel: base` the non-dominant hand is the still base (version 1 ignored a movement there;
 *   version 2 would play it), so a movement written on it is dropped, keeping the old picture.
 *
 * A file already at version 2 is returned unchanged. Usage:
 *   npx tsx scripts/data/migrate-notation.ts [file.signs …]   (default: every file in src/data/signs)
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export const PROJECT_ORIGIN = 'project 第1版自拟草稿，尚未按《国家通用手语词典》转写'
export const SCHEME_ORIGIN = 'scheme 汉语手指字母方案（1963）'

const FIELD_RE = /^([A-Za-z_]+(?:\.\d+)?)\s*[:：]\s*(.*)$/
/** `3` as a handshape: the first token of a hand line, or the argument of shape(…). */
const HAND3_RE = /^(\s*(?:dom|nondom)\s*[:：]\s*)3(?=\s|$)/
const SHAPE3_RE = /shape\(\s*3\s*\)/g

export interface MigrateResult {
  text: string
  changed: boolean
  /** What was done, in Chinese, for the editor (one line per kind of change, with counts). */
  report: string[]
}

interface Block { header: number, end: number }

export function migrateSignsText (text: string, file: string): MigrateResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  const firstContent = lines.findIndex(l => l.trim() !== '' && !l.trim().startsWith('#'))
  if (firstContent >= 0 && /^notation\s*:/.test(lines[firstContent].trim())) return { text, changed: false, report: [] }

  const isLetters = /(^|\/)letters\.signs$/.test(file)
  const counts = { desc: 0, origin: 0, hand3: 0, baseMove: 0 }
  // Entry blocks: from a `[id]` line to the line before the next one.
  const blocks: Block[] = []
  lines.forEach((l, i) => {
    if (l.trim().startsWith('[')) {
      if (blocks.length > 0) blocks[blocks.length - 1].end = i
      blocks.push({ header: i, end: lines.length })
    }
  })

  const out: string[] = []
  let pos = 0
  const copyUpTo = (n: number) => { while (pos < n) out.push(lines[pos++]) }
  if (firstContent >= 0) {
    copyUpTo(firstContent)
    out.push('notation: 2', '')
  }
  for (const b of blocks) {
    copyUpTo(b.header)
    const body = lines.slice(b.header, b.end)
    pos = b.end
    const keys = new Map<string, string>()
    for (const l of body) { const m = FIELD_RE.exec(l.trim()); if (m) keys.set(m[1], m[2].trim()) }
    const base = keys.get('rel') === 'base'
    const kept: string[] = []
    for (const l of body) {
      const m = FIELD_RE.exec(l.trim())
      if (m?.[1] === 'desc') { counts.desc++; continue }
      let line = l
      if (m && (m[1] === 'dom' || m[1] === 'nondom')) {
        const before = line
        line = line.replace(HAND3_RE, '$1W').replace(SHAPE3_RE, 'shape(W)')
        if (line !== before) counts.hand3++
        if (m[1] === 'nondom' && base && line.includes(';')) {
          line = line.slice(0, line.indexOf(';')).trimEnd()
          counts.baseMove++
        }
      }
      if (m?.[1] === 'status' && isLetters && !keys.has('origin') && !keys.has('nat') && m[2].trim() === 'draft') line = 'status: transcribed'
      kept.push(line)
    }
    if (!keys.has('nat') && !keys.has('origin')) {
      // Provenance goes just above source:, where an editor looks for it.
      const at = kept.findIndex(l => /^source\s*[:：]/.test(l.trim()))
      const add = isLetters ? [`origin: ${SCHEME_ORIGIN}`] : [`origin: ${PROJECT_ORIGIN}`, 'needs: transcription']
      kept.splice(at >= 0 ? at : kept.length, 0, ...add)
      counts.origin++
    }
    out.push(...kept)
  }
  copyUpTo(lines.length)

  const report: string[] = []
  if (counts.desc > 0) report.push(`删除 desc: ${counts.desc} 行（说明改为由转写生成）`)
  if (counts.origin > 0) report.push(`补出处 ${counts.origin} 条（${isLetters ? '汉语手指字母方案' : '自拟草稿，待按国家词典转写'}）`)
  if (counts.hand3 > 0) report.push(`手形 3 改写为 W：${counts.hand3} 处（画面不变）`)
  if (counts.baseMove > 0) report.push(`rel: base 下被动手的动作删除 ${counts.baseMove} 处（第 1 版本就不播放）`)
  return { text: out.join('\n'), changed: true, report }
}

function main (args: string[]): number {
  const dir = join(__dirname, '../../src/data/signs')
  const files = args.length > 0 ? args : readdirSync(dir).filter(f => f.endsWith('.signs')).sort().map(f => join(dir, f))
  for (const f of files) {
    const r = migrateSignsText(readFileSync(f, 'utf8'), f)
    if (!r.changed) { console.log(`${f}: 已是第 2 版，未改动`); continue }
    writeFileSync(f, r.text)
    console.log(`${f}: ${r.report.join('；') || '只加了 notation: 2'}`)
  }
  return 0
}

if (require.main === module) process.exit(main(process.argv.slice(2)))
