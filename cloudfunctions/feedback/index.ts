/**
 * Cloud function `feedback`: a 纠错 report on a dictionary entry, kept for reviewers
 * (`npm run -s cli -- feedback list`).
 * event: { entryId: string, text: string, contact?: string } — send a report
 *      | { action: 'delete' } — remove every report this user sent (隐私 page)
 * Success: { ok: true, id } · { ok: true, deleted } · Failure: { ok: false, code, message } (Chinese).
 * Stored in collection 'feedback' under a key that sorts by time; the user is kept only as a
 * salted hash of the openid (enough to spot one person's repeated reports, not to identify them).
 * Rate-limit counters are keyed hour first (`h<hour>:<user hash>`), so every earlier hour's
 * counters, of all users, go in one sweep.
 */
import { createHash } from 'node:crypto'
import { describeUnprintable, findUnprintable } from '../../src/core/base/text'
import { loadDictionary } from '../_shared/dictionary'
import { nationalId } from '../../src/core/sign/provenance'
import { getOpenId, openStore } from '../_shared/env'
import { fail, internalError, type Failure } from '../_shared/respond'
import { isRecord } from '../_shared/validate'
import type { FunctionLimits } from '../_shared/limits'
import { windowCounter } from '../_shared/rate'

export const FEEDBACK_COLLECTION = 'feedback'
export const FEEDBACK_RATE_COLLECTION = 'feedback_rate'
/** Version of the stored report. 2: carries the national sign id (nat) the entry transcribes. */
export const FEEDBACK_VERSION = 2
/** Longest report, in characters (code points). */
export const MAX_TEXT_CHARS = 500
/** Longest contact (phone, WeChat id or e-mail), in characters. */
export const MAX_CONTACT_CHARS = 100
/** The local server's body limit: 500 + 100 characters, even as \u escapes, plus the envelope. */
export const limits: FunctionLimits = { bodyMaxBytes: 16 * 1024 }
/** Reports per user per clock hour: enough for a reviewer's afternoon, a wall against floods. */
export const RATE_LIMIT_PER_HOUR = 10
const HOUR_MS = 3600 * 1000
const USER_HASH_SALT = 'shouyu-feedback-v1:'

export const MESSAGES = {
  BAD_REQUEST: '请求格式不对，请更新小程序后再试。',
  NO_USER: '无法识别当前用户，请在微信中打开小程序后再提交。',
  NO_ENTRY: '找不到这个词条，无法提交纠错。',
  TEXT_MISSING: '请写下需要纠正的地方。',
  TEXT_TOO_LONG: `纠错内容最多 ${MAX_TEXT_CHARS} 个字。`,
  CONTROL: '内容里有无法显示的字符，请删除后再试。',
  CONTACT: `联系方式最多 ${MAX_CONTACT_CHARS} 个字，且只能是文字。`,
  RATE_LIMITED: '提交太频繁了，请一小时后再试。谢谢你的纠错！',
  BAD_ACTION: '未知的操作，请更新小程序后再试。'
} as const

/** The clock, replaceable in tests. */
export const runtime = { now: (): number => Date.now() }

/** 纠错 reports per user and hour (swept once an hour). */
const rate = windowCounter(FEEDBACK_RATE_COLLECTION, HOUR_MS, 'h', 8)

export interface FeedbackRecord {
  version: number
  entryId: string
  word: string
  /** The national sign the entry transcribes (`1767`, `4021②`), so a reviewer checks the book's sign. */
  nat?: string
  text: string
  contact?: string
  at: number
  user: string
  dataVersion: string
}

export interface FeedbackSuccess { ok: true, id: string }

export function hashUser (openid: string): string {
  return createHash('sha256').update(USER_HASH_SALT + openid).digest('hex').slice(0, 16)
}

type Parsed = { ok: true, entryId: string, word: string, nat?: string, text: string, contact?: string, dataVersion: string } | Failure

export function parseFeedback (event: unknown): Parsed {
  if (!isRecord(event)) return fail('BAD_REQUEST', MESSAGES.BAD_REQUEST)
  const { entryId, contact } = event
  if (typeof entryId !== 'string') return fail('NO_ENTRY', MESSAGES.NO_ENTRY)
  const dict = loadDictionary()
  const entry = dict.entries.find(e => e.id === entryId)
  if (!entry) return fail('NO_ENTRY', MESSAGES.NO_ENTRY)
  if (typeof event.text !== 'string') return fail('TEXT_MISSING', MESSAGES.TEXT_MISSING)
  const raw = event.text.replace(/\r\n?/g, '\n')
  // Any printable text passes (tabs, emoji sequences); a refused character is named.
  const bad = findUnprintable(raw, { allowNewlines: true })
  if (bad) return fail('CONTROL', `内容里有无法显示的字符：${describeUnprintable(bad)}。请删除后再试。`)
  const text = raw.trim()
  if (text === '') return fail('TEXT_MISSING', MESSAGES.TEXT_MISSING)
  if ([...text].length > MAX_TEXT_CHARS) return fail('TEXT_TOO_LONG', MESSAGES.TEXT_TOO_LONG)
  let c: string | undefined
  if (contact !== undefined && contact !== null && contact !== '') {
    if (typeof contact !== 'string' || findUnprintable(contact, { allowNewlines: false }) || [...contact.trim()].length > MAX_CONTACT_CHARS) {
      return fail('CONTACT', MESSAGES.CONTACT)
    }
    c = contact.trim() || undefined
  }
  return { ok: true, entryId, word: entry.word, ...(entry.nat ? { nat: nationalId(entry.nat) } : {}), text, ...(c ? { contact: c } : {}), dataVersion: dict.dataVersion }
}

export interface DeleteSuccess { ok: true, deleted: number }

export async function main (event: unknown, _context?: unknown): Promise<FeedbackSuccess | DeleteSuccess | Failure> {
  try {
    if (isRecord(event) && event.action !== undefined) {
      if (event.action !== 'delete') return fail('BAD_ACTION', MESSAGES.BAD_ACTION)
      const openid = getOpenId(event)
      if (!openid) return fail('NO_USER', MESSAGES.NO_USER)
      // Reports carry only the salted hash: that is what finds them.
      return { ok: true, deleted: await openStore().removeWhere(FEEDBACK_COLLECTION, 'user', hashUser(openid)) }
    }
    const p = parseFeedback(event)
    if (!p.ok) return p
    const openid = getOpenId(event)
    if (!openid) return fail('NO_USER', MESSAGES.NO_USER)
    const user = hashUser(openid)
    const now = runtime.now()
    const store = openStore()
    // Only valid reports count towards the limit, so a typo does not lock anyone out.
    const n = await rate.count(store, user, now)
    if (n > RATE_LIMIT_PER_HOUR) return fail('RATE_LIMITED', MESSAGES.RATE_LIMITED)
    // Zero-padded time first: the reviewers' list (Store.list) comes out in time order.
    const id = `${String(now).padStart(15, '0')}-${user.slice(0, 8)}-${n}`
    const record: FeedbackRecord = {
      version: FEEDBACK_VERSION,
      entryId: p.entryId,
      word: p.word,
      ...(p.nat ? { nat: p.nat } : {}),
      text: p.text,
      ...(p.contact ? { contact: p.contact } : {}),
      at: now,
      user,
      dataVersion: p.dataVersion
    }
    await store.put(FEEDBACK_COLLECTION, id, record)
    return { ok: true, id }
  } catch (e) {
    return internalError(e, 'feedback')
  }
}
