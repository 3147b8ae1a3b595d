import { HANDSHAPES } from '../../src/core/sign/handshapes'
import { SITES } from '../../src/core/sign/sites'
import { SIGN_TYPE_ZH } from '../../src/core/sign/dictionary'
import { NATIONAL_SIGN_COUNT, NEEDS_TRANSCRIPTION } from '../../src/core/sign/validate'
import { bytesPerSignGzip, compileDictionary, loadSources, renderChunks, searchExtrasFor } from '../data/compile'
import type { CliCommand } from './types'

/** Categories that are not words: counted separately from `entries`. */
const LETTERS = 'letters'
const NUMBERS = 'numbers'

function tableSize (t: unknown): number {
  if (Array.isArray(t)) return t.length
  if (t instanceof Map || t instanceof Set) return t.size
  return t && typeof t === 'object' ? Object.keys(t).length : 0
}

export interface DataStats {
  entries: number
  letters: number
  numbers: number
  handshapes: number
  sites: number
  by_category: Record<string, number>
  by_type: Record<string, number>
  by_status: Record<string, number>
  /** national: a sign of 《国家通用手语词典》 (nat:); project: 自拟; scheme: the finger alphabet; legacy: a version-1 draft still to transcribe. */
  by_origin: Record<string, number>
  /** Distinct national sign ids the entries transcribe. */
  national_signs: number
  /** national_signs of the book's 6,699, as a fraction (0–1). */
  national_coverage: number
  validation_errors: number
  bytes_per_sign_gzip: number
}

/** Figures over the sources as they are now (best effort even when validation fails). */
export async function dataStats (): Promise<DataStats> {
  const { dict, issues } = compileDictionary(loadSources())
  const count = (key: (e: typeof dict.entries[number]) => string, init: string[]): Record<string, number> => {
    const r: Record<string, number> = Object.fromEntries(init.map(k => [k, 0]))
    for (const e of dict.entries) r[key(e)] = (r[key(e)] ?? 0) + 1
    return r
  }
  const chunks = renderChunks(dict, await searchExtrasFor(dict))
  const nationalIds = new Set(dict.entries.flatMap(e => (e.nat ? [e.nat.id] : [])))
  return {
    entries: dict.entries.filter(e => e.category !== LETTERS && e.category !== NUMBERS).length,
    letters: dict.entries.filter(e => e.category === LETTERS).length,
    numbers: dict.entries.filter(e => e.category === NUMBERS).length,
    handshapes: tableSize(HANDSHAPES),
    sites: tableSize(SITES),
    by_category: count(e => e.category, dict.categories.map(c => c.id)),
    by_type: count(e => e.type, Object.keys(SIGN_TYPE_ZH)),
    by_status: count(e => e.status, ['transcribed', 'draft', 'reviewed']),
    by_origin: count(e => e.nat ? 'national' : e.needs?.includes(NEEDS_TRANSCRIPTION) ? 'legacy' : e.origin?.kind ?? 'none', ['national', 'project', 'scheme', 'legacy']),
    national_signs: nationalIds.size,
    national_coverage: Math.round(nationalIds.size / NATIONAL_SIGN_COUNT * 10000) / 10000,
    validation_errors: issues.length,
    bytes_per_sign_gzip: bytesPerSignGzip(chunks, dict.entries.length)
  }
}

const stats: CliCommand = {
  name: 'stats',
  summary: '词典统计：条目数、分类、类型、审校状态、来源与国家词典覆盖、校验问题数、每条数据体积',
  usage: 'stats [--json]',
  flags: [],
  async run ({ json, out }) {
    const s = await dataStats()
    if (json) { out(JSON.stringify(s)); return 0 }
    const list = (r: Record<string, number>): string => Object.entries(r).map(([k, v]) => `${k} ${v}`).join('，')
    out(`词条 ${s.entries}，手指字母 ${s.letters}，数字手势 ${s.numbers}`)
    out(`手形表 ${s.handshapes}，位置表 ${s.sites}`)
    out(`按分类：${list(s.by_category)}`)
    out(`按类型：${list(s.by_type)}`)
    out(`按状态：${list(s.by_status)}`)
    out(`按来源：${list(s.by_origin)}；国家通用手语词典手势 ${s.national_signs} 个（覆盖 ${(s.national_coverage * 100).toFixed(1)}%，共 ${NATIONAL_SIGN_COUNT} 个）`)
    out(`校验问题 ${s.validation_errors}，应用数据 gzip 每条 ${s.bytes_per_sign_gzip} 字节`)
    return 0
  }
}
export default stats
