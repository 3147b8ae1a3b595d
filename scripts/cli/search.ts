/**
 * cli search <query> [--json] [--limit N]: ranked search results over the compiled dictionary,
 * with the same code the app runs (src/core/search).
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DICTIONARY_FORMAT_VERSION, type Dictionary } from '../../src/core/sign/dictionary'
import { toHeader } from '../../src/core/sign/header'
import { createSearchIndex, search, MAX_LIMIT, SEARCH_EXTRAS_VERSION, type MatchKind, type SearchExtras } from '../../src/core/search'
import { buildSearchExtras } from '../data/search-extras'
import { type CliCommand, UsageError } from './types'

export const DICTIONARY_JSON = join(__dirname, '../../src/data/compiled/dictionary.json')

const KIND_ZH: Readonly<Record<MatchKind, string>> = {
  exact: '词语',
  shared: '同一手势',
  prefix: '开头',
  contains: '包含',
  pinyin: '拼音',
  'pinyin-prefix': '拼音开头',
  initials: '首字母',
  fuzzy: '模糊音',
  typo: '容错'
}

/** Display width: CJK characters take two columns in a terminal. */
function width (s: string): number {
  let w = 0
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1
  return w
}
function pad (s: string, w: number): string { return s + ' '.repeat(Math.max(0, w - width(s))) }

export function loadDictionary (path = DICTIONARY_JSON): Dictionary | string {
  if (!existsSync(path)) return '找不到编译好的词典（src/data/compiled/dictionary.json），请先运行 npm run data'
  let d: Partial<Dictionary>
  try {
    d = JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    return '词典文件无法解析，请重新运行 npm run data'
  }
  if (d?.version !== DICTIONARY_FORMAT_VERSION || !Array.isArray(d.entries)) return `词典格式版本不符（需要 ${DICTIONARY_FORMAT_VERSION}），请先运行 npm run data`
  return d as Dictionary
}

/**
 * SEARCH_EXTRAS as shipped (src/data/compiled/index.ts) when it belongs to the same compile as
 * the dictionary; otherwise computed again (slower: opencc-js start-up).
 */
export async function extrasFor (dict: Dictionary): Promise<SearchExtras> {
  try {
    const mod = await import('../../src/data/compiled/index') as { DATA_VERSION?: string; SEARCH_EXTRAS?: unknown }
    const x = mod.SEARCH_EXTRAS as SearchExtras | undefined
    if (mod.DATA_VERSION === dict.dataVersion && x?.version === SEARCH_EXTRAS_VERSION) return x
  } catch { /* not compiled yet or stale: compute below */ }
  return buildSearchExtras(dict)
}

const cmd: CliCommand = {
  name: 'search',
  summary: '搜索词典：汉字、拼音（可带声调/数字）、首字母、模糊音、繁体',
  usage: 'search <query> [--json] [--limit N]',
  flags: ['limit='],
  async run ({ positional, flags, json, out, err }) {
    const query = positional.join(' ')
    if (!query.trim()) throw new UsageError('缺少要搜索的词')
    let limit = 20
    if (flags.limit !== undefined) {
      const n = Number(flags.limit)
      if (!Number.isInteger(n) || n < 1 || n > MAX_LIMIT) throw new UsageError(`--limit 需要 1 到 ${MAX_LIMIT} 之间的整数`)
      limit = n
    }
    const dict = loadDictionary()
    if (typeof dict === 'string') { err(dict); return 1 }
    const index = createSearchIndex(dict.entries.map(toHeader), await extrasFor(dict))
    const r = search(index, query, { limit })
    if (json) {
      out(JSON.stringify({
        query: r.query,
        results: r.hits.map(h => ({ id: h.id, word: h.word, pinyin: h.pinyin, kind: h.kind, ...(h.matchedShare ? { matchedShare: h.matchedShare } : {}) })),
        ...(r.nearest ? { nearest: r.nearest.map(h => ({ id: h.id, word: h.word, pinyin: h.pinyin })) } : {})
      }))
      return 0
    }
    if (!r.query) { out('查询为空（只含空格或符号）'); return 0 }
    if (r.hits.length === 0) {
      out(`没有找到“${r.query}”。`)
      if (r.nearest && r.nearest.length > 0) out(`相近的词：${r.nearest.map(h => `${h.word}（${h.pinyin}）`).join('、')}`)
      return 0
    }
    const rows = r.hits.map((h, i) => [String(i + 1), h.word + (h.matchedShare ? `（${h.matchedShare}）` : ''), h.pinyin, KIND_ZH[h.kind], h.id])
    const head = ['#', '词语', '拼音', '匹配', 'id']
    const ws = head.map((t, c) => Math.max(width(t), ...rows.map(row => width(row[c]))))
    out(`搜索“${r.query}”：${r.hits.length} 条`)
    out(head.map((t, c) => pad(t, ws[c])).join('  ').trimEnd())
    for (const row of rows) out(row.map((t, c) => pad(t, ws[c])).join('  ').trimEnd())
    return 0
  }
}
export default cmd
