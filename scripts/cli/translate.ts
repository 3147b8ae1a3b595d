/**
 * cli translate "句子" [--mode concise] [--offline] [--json]
 * Runs the translate cloud function's own code in local mode (SQLite store in data/, as npm start),
 * with the dictionary compiled from the sources. --offline ignores GLM_API_KEY.
 */
import { join } from 'node:path'
import { compileDictionary, loadSources, ROOT } from '../data/compile'
import { overrideDictionary } from '../../cloudfunctions/_shared/dictionary'
import { type CliCommand, UsageError } from './types'

const translate: CliCommand = {
  name: 'translate',
  summary: '把一句中文翻译成手语词序列（模型或离线规则）',
  usage: 'translate "句子" [--mode standard|concise] [--offline] [--json]',
  flags: ['mode=', 'offline'],
  async run ({ positional, flags, json, out, err }) {
    const text = positional.join(' ')
    if (text.trim() === '') throw new UsageError('缺少要翻译的句子')
    const mode = flags.mode === undefined ? 'standard' : flags.mode
    if (mode !== 'standard' && mode !== 'concise') throw new UsageError('--mode 只能是 standard 或 concise')
    process.env.SHOUYU_SQLITE ??= join(ROOT, 'data', 'local.sqlite')
    if (flags.offline === true) delete process.env.GLM_API_KEY
    const { dict, issues } = compileDictionary(loadSources())
    if (issues.length > 0 && dict.entries.length === 0) { err(`词典有 ${issues.length} 个错误，无法翻译`); return 1 }
    overrideDictionary(dict)
    const { main } = await import('../../cloudfunctions/translate/index')
    const r = await main({ text, mode }, {})
    if (!r.ok) {
      if (json) out(JSON.stringify(r)); else err(`${r.message}（${r.code}）`)
      return 1
    }
    type Row = { text: string, id?: string, fingerspell?: string, question?: boolean }
    const glosses: Row[] = r.glosses.map(g => g.id !== undefined
      ? { text: g.text, id: g.id, ...(g.question ? { question: true } : {}) }
      : { text: g.text, fingerspell: g.fingerspell, ...(g.question ? { question: true } : {}) })
    if (json) {
      out(JSON.stringify({ engine: r.engine, reason: r.reason, aiGenerated: r.aiGenerated, cached: r.cached, mode: r.mode, glosses, dropped: r.dropped, notes: r.notes }))
    } else {
      out(glosses.map(g => (g.id !== undefined ? g.text : `[指拼 ${g.fingerspell}]`) + (g.question ? '？' : '')).join(' '))
      out(`（${r.reason}${r.cached ? '，来自缓存' : ''}${r.aiGenerated ? '，AI 生成' : ''}）`)
      if (r.dropped.length > 0) out(`未打出：${r.dropped.join(' ')}`)
      for (const n of r.notes) out(`· ${n}`)
    }
    return 0
  }
}
export default translate
