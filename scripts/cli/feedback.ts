/**
 * feedback list [--json] [--limit N]
 * The 纠错 reports sent through the `feedback` cloud function, for reviewers. Reads the local
 * SQLite store (env SHOUYU_SQLITE, default data/local.sqlite) that `npm start` writes to.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { openSqliteStore } from '../../cloudfunctions/_shared/store-sqlite'
import { FEEDBACK_COLLECTION } from '../../cloudfunctions/feedback/index'
import { type CliCommand, UsageError } from './types'

const DEFAULT_DB = join(__dirname, '..', '..', 'data', 'local.sqlite')
const DEFAULT_LIMIT = 200
/** Store.list's ceiling on the cloud database; the same here for one behaviour. */
const MAX_LIMIT = 1000

export interface FeedbackRow {
  id: string
  at: number
  entryId: string
  word: string
  /** National sign id (reports from version 2 on). */
  nat?: string
  text: string
  contact?: string
  user: string
}

/** A stored report as a row, or null when the value is not a report (skipped, counted). */
function toRow (key: string, v: unknown): FeedbackRow | null {
  if (v === null || typeof v !== 'object') return null
  const r = v as Record<string, unknown>
  if (typeof r.entryId !== 'string' || typeof r.text !== 'string' || typeof r.at !== 'number') return null
  const row: FeedbackRow = {
    id: key, at: r.at, entryId: r.entryId, word: typeof r.word === 'string' ? r.word : '', text: r.text,
    user: typeof r.user === 'string' ? r.user : ''
  }
  if (typeof r.contact === 'string') row.contact = r.contact
  if (typeof r.nat === 'string') row.nat = r.nat
  return row
}

/** China time, as reviewers read it. */
function cst (ms: number): string {
  return new Date(ms + 8 * 3600 * 1000).toISOString().slice(0, 16).replace('T', ' ')
}

const feedback: CliCommand = {
  name: 'feedback',
  summary: '查看用户提交的词条纠错反馈',
  usage: 'feedback list [--json] [--limit N]',
  flags: ['limit='],
  async run ({ positional, flags, json, out, err }) {
    if (positional[0] !== 'list' || positional.length > 1) throw new UsageError('用法: feedback list')
    const limit = flags.limit === undefined ? DEFAULT_LIMIT : Number(flags.limit)
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) throw new UsageError(`--limit 应为 1 到 ${MAX_LIMIT} 的整数`)
    const path = process.env.SHOUYU_SQLITE || DEFAULT_DB
    const rows: FeedbackRow[] = []
    let skipped = 0
    if (path === ':memory:' || existsSync(path)) {
      const store = openSqliteStore(path)
      try {
        // Keys start with the zero-padded time: the newest `limit` come first from the end.
        for (const { key, value } of await store.list(FEEDBACK_COLLECTION, '', limit, 'desc')) {
          const row = toRow(key, value)
          if (row) rows.push(row); else skipped++
        }
      } finally {
        store.close()
      }
    }

    if (json) {
      out(JSON.stringify({ db: path, count: rows.length, skipped, feedback: rows }))
      return 0
    }
    if (rows.length === 0) {
      out(`还没有纠错反馈（${path}）。`)
      return 0
    }
    out(`共 ${rows.length} 条纠错反馈（最新在前，${path}）：`)
    for (const r of rows) {
      out('')
      out(`${cst(r.at)}  ${r.word}（${r.entryId}${r.nat ? `，国家编号 ${r.nat}` : ''}）  用户 ${r.user.slice(0, 8)}${r.contact ? `  联系方式：${r.contact}` : ''}`)
      for (const line of r.text.split('\n')) out(`  ${line}`)
    }
    if (skipped > 0) err(`另有 ${skipped} 条记录格式不对，已跳过。`)
    return 0
  }
}
export default feedback
