/**
 * Cloud function `progress`: the learner's progress, stored per user (openid) and merged with
 * what a device uploads, so every device ends with every review (see docs/learn.md).
 * event: { action: 'get' } | { action: 'sync', state: ProgressState }
 * Success: { ok: true, state, dropped: string[] } — the merged state; `dropped` lists parts of the
 *   upload that were invalid and ignored (Chinese notes).
 * Failure: { ok: false, code, message } (Chinese message).
 */
import { SYNC_MAX_BYTES } from '../../src/core/learn/constants'
import { mergeProgress } from '../../src/core/learn/merge'
import { compactProgress } from '../../src/core/learn/schedule'
import { emptyProgress, parseProgress } from '../../src/core/learn/state'
import { utf8Bytes } from '../../src/core/learn/storage'
import type { ProgressState } from '../../src/core/learn/types'
import { getOpenId, openStore } from '../_shared/env'
import { fail, internalError, type Failure } from '../_shared/respond'
import { isRecord } from '../_shared/validate'

export const PROGRESS_COLLECTION = 'progress'

export interface ProgressSuccess {
  ok: true
  state: ProgressState
  dropped: string[]
}

export const MESSAGES = {
  BAD_REQUEST: '请求格式不对，请更新小程序后再试。',
  NO_USER: '无法识别当前用户，请在微信中打开小程序后再同步。',
  BAD_ACTION: '未知的操作，请更新小程序后再试。',
  BAD_STATE: '上传的学习进度无法识别，未做任何修改。',
  TOO_LARGE: '学习进度数据太大，无法同步。',
  FUTURE: '学习进度由更新版本的小程序保存，请先更新小程序再同步。'
} as const

/** The clock, replaceable in tests. */
export const runtime = { now: (): number => Date.now() }

/** The stored state of a user; a broken stored document is logged and treated as empty. */
async function loadStored (openid: string, now: number): Promise<ProgressState> {
  const raw = await openStore().get(PROGRESS_COLLECTION, openid)
  if (raw === undefined) return emptyProgress()
  const r = parseProgress(isRecord(raw) && 'state' in raw ? raw.state : raw, now)
  if (r.recovered.length > 0) {
    // Keep the broken document for support rather than overwrite it silently.
    console.warn('[progress] stored state for a user needed recovery:', r.recovered)
    await openStore().put(PROGRESS_COLLECTION + '_broken', `${openid}:${now}`, { at: now, raw: r.aside })
  }
  return r.state
}

export async function main (event: unknown, _context?: unknown): Promise<ProgressSuccess | Failure> {
  try {
    if (!isRecord(event)) return fail('BAD_REQUEST', MESSAGES.BAD_REQUEST)
    const openid = getOpenId(event)
    if (!openid) return fail('NO_USER', MESSAGES.NO_USER)
    const now = runtime.now()
    if (event.action === 'get') {
      return { ok: true, state: await loadStored(openid, now), dropped: [] }
    }
    if (event.action !== 'sync') return fail('BAD_ACTION', MESSAGES.BAD_ACTION)

    const upload = event.state
    if (!isRecord(upload)) return fail('BAD_STATE', MESSAGES.BAD_STATE)
    const bytes = utf8Bytes(JSON.stringify(upload))
    if (bytes > SYNC_MAX_BYTES) return fail('TOO_LARGE', MESSAGES.TOO_LARGE)
    // Uploads must be the current format: an old client migrates locally before syncing.
    if (typeof upload.version !== 'number') return fail('BAD_STATE', MESSAGES.BAD_STATE)
    const parsed = parseProgress(upload, now)
    if (parsed.aside && 'all' in parsed.aside) {
      return upload.version > 1 ? fail('FUTURE', MESSAGES.FUTURE) : fail('BAD_STATE', MESSAGES.BAD_STATE)
    }
    const stored = await loadStored(openid, now)
    // Compacted like on a device, so the stored document stays within the same size budget.
    const merged = compactProgress(mergeProgress(stored, parsed.state))
    await openStore().put(PROGRESS_COLLECTION, openid, { version: 1, at: now, state: merged })
    return { ok: true, state: merged, dropped: parsed.recovered }
  } catch (e) {
    return internalError(e, 'progress')
  }
}
