import type { Dictionary } from '../../src/core/sign/dictionary'
import { type AppEntry, mergeEntry, packBody, packHeader, toBody, unpackBody, unpackHeader } from '../../src/core/sign/entry'
import { toHeader } from '../../src/core/sign/header'
import { SIGN_TYPE_ZH } from '../../src/core/sign/dictionary'
import { provenanceText, statusLabel } from '../../src/core/sign/provenance'
import { describeEntry } from '../../src/core/sign/resolve'
import { compileDictionary, loadSources } from '../data/compile'
import { type CliCommand, UsageError } from './types'

/**
 * The entries a query names, as the app sees them: each goes through the shipped encodings
 * (index.ts header + signs.ts body) and back, so what is shown is what the app gets.
 * Matches an id, else a word (all its variants), else a word signed the same way (shares).
 */
export function findAppEntries (dict: Dictionary, query: string): AppEntry[] {
  const q = query.trim()
  let hits = dict.entries.filter(e => e.id === q)
  if (hits.length === 0) hits = dict.entries.filter(e => e.word === q)
  if (hits.length === 0) hits = dict.entries.filter(e => e.shares.includes(q))
  const catIds = dict.categories.map(c => c.id)
  return hits
    .slice().sort((a, b) => (a.variant?.n ?? 0) - (b.variant?.n ?? 0))
    .map(e => {
      const sources: string[] = []
      const header = unpackHeader(packHeader(toHeader(e), catIds), catIds)
      const { body } = unpackBody(packBody(e.id, toBody(e), sources), sources)
      return mergeEntry(header, body)
    })
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩'
const STEP_NO = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']

function describe (e: AppEntry, dict: Dictionary): string[] {
  const cat = dict.categories.find(c => c.id === e.category)?.name ?? e.category
  const v = e.variant ? ` ${CIRCLED[e.variant.n - 1] ?? `(${e.variant.n})`} ${e.variant.note}` : ''
  const lines = [`${e.word}  ${e.pinyin}  [${e.id}]${v}`,
    `  ${e.pos} · ${SIGN_TYPE_ZH[e.type] ?? e.type} · ${cat} · 词频 ${e.freq} · ${statusLabel({ ...e, project: e.origin?.kind === 'project' }, true)}`]
  if (e.shares.length > 0) lines.push(`  同形词：${e.shares.join(' ')}`)
  const n = e.notation
  if (n.compound) lines.push(`  compound: ${n.compound.join(' ')}`)
  for (const k of ['dom', 'nondom', 'rel', 'face', 'covers'] as const) if (n[k]) lines.push(`  ${k}: ${n[k]}`)
  for (const [k, v] of Object.entries(n.partFaces ?? {})) lines.push(`  face.${k}: ${v}`)
  const steps = describeEntry(e.id, id => dict.entries.find(x => x.id === id))
  if (steps.ok) steps.steps.forEach((s, i) => lines.push(`  （${STEP_NO[i] ?? i + 1}）${s}`))
  else lines.push(`  无法生成说明：${steps.message}`)
  if (e.note) lines.push(`  注：${e.note}`)
  if (e.needs) lines.push(`  needs: ${e.needs.join(' ')}`)
  if (e.example) lines.push(`  例句：${e.example}`)
  if (e.related.length > 0) lines.push(`  相关：${e.related.join(' ')}`)
  lines.push(`  来源：${provenanceText(e)}`)
  return lines
}

const show: CliCommand = {
  name: 'show',
  summary: '显示一个词条（按词或 id；同词多个打法全部列出）',
  usage: 'show <词|id> [--json]',
  flags: [],
  run ({ positional, json, out, err }) {
    const query = positional.join(' ').trim()
    if (!query) throw new UsageError('缺少要显示的词或 id')
    const { dict, issues } = compileDictionary(loadSources())
    if (issues.length > 0) err(`注意：词典数据有 ${issues.length} 个问题（npm run -s cli -- validate 查看）`)
    const found = findAppEntries(dict, query)
    if (found.length === 0) {
      err(`词典中没有“${query}”`)
      return 1
    }
    if (json) out(JSON.stringify({ query, entries: found }))
    else out(found.map(e => describe(e, dict).join('\n')).join('\n\n'))
    return 0
  }
}
export default show
