/**
 * Cloud function `progress`: the learner's progress, stored per user (openid) and merged with
 * what a device uploads, so every device ends with every review (see docs/learn.md).
 * event: { action: 'get' }
 *      | { action: 'sync', state: ProgressState, base?: string }  — state may be partial (only
 *        what changed since the device's last sync at revision `base`)
 *      | { action: 'delete' }  — removes this user's synced progress (隐私 page)
 * Success: { ok: true, state, rev, dropped: string[] } — the merged state and its revision;
 *   `dropped` lists parts of the upload that were refused, each with its reason (Chinese notes).
 *   delete: { ok: true, deleted: number } (documents removed).
 * Failure: { ok: false, code, message } (Chinese message). RESYNC: the stored state does not
 *   descend from `base` (another device's write won, or it was deleted): send the whole state.
 *
 * Heavy work (parsing, merging and compacting thousands of cards, ~15 µs per replayed review) runs
 * in slices with yields between them, one sync at a time per process (cloudfunctions/_shared/
 * slice.ts), so a translation served by the same process never waits long behind a burst of syncs.
 */
import { randomUUID } from 'node:crypto'
import { PROGRESS_VERSION, SYNC_MAX_BYTES } from '../../src/core/learn/constants'
import { mergeCard, mergeProgress } from '../../src/core/learn/merge'
import { compactCard } from '../../src/core/learn/schedule'
import { brokenCardsNote, checkCardEntry, emptyProgress, parseProgress } from '../../src/core/learn/state'
import { utf8Bytes } from '../../src/core/learn/storage'
import type { CardState, ParseResult, ProgressState } from '../../src/core/learn/types'
import { getOpenId, openStore } from '../_shared/env'
import { ENVELOPE_BYTES, type FunctionLimits } from '../_shared/limits'
import { fail, internalError, type Failure } from '../_shared/respond'
import { Lane, Slicer } from '../_shared/slice'
import { isRecord } from '../_shared/validate'

export const PROGRESS_COLLECTION = 'progress'
export const BROKEN_COLLECTION = 'progress_broken'
/** The local server's body limit for this function: the largest state plus the envelope. A sync runs in the background. */
export const limits: FunctionLimits = { bodyMaxBytes: SYNC_MAX_BYTES + ENVELOPE_BYTES, background: true }
/**
 * Revisions remembered per user. A device whose last sync is further back than this many writes
 * (by its other devices) sends its whole state once: safe, only bigger.
 */
export const REVS_KEPT = 32
/** Refused cards named one by one in `dropped`; the rest are counted in one line. */
const DROPPED_NAMED = 10
/** Syncs doing their (sliced) work at once in this process: one, so they never pile up CPU. */
const SYNC_LANE_WIDTH = 1

export interface ProgressSuccess {
  ok: true
  state: ProgressState
  rev: string
  dropped: string[]
}

export interface DeleteSuccess { ok: true, deleted: number }

export const MESSAGES = {
  BAD_REQUEST: '请求格式不对，请更新小程序后再试。',
  NO_USER: '无法识别当前用户，请在微信中打开小程序后再同步。',
  BAD_ACTION: '未知的操作，请更新小程序后再试。',
  BAD_STATE: '上传的学习进度无法识别，未做任何修改。',
  TOO_LARGE: '学习进度数据太大，无法同步。',
  FUTURE: '学习进度由更新版本的小程序保存，请先更新小程序再同步。',
  RESYNC: '云端的学习进度已被其他设备更新或已删除，需要重新上传全部进度。'
} as const

/** The stored document (collection `progress`, key openid). `rev`/`revs` are absent on documents written before them. */
export interface ProgressDoc {
  version: typeof PROGRESS_VERSION
  at: number
  /** This document's revision; `revs` are the last REVS_KEPT revisions it descends from, newest last. */
  rev: string
  revs: string[]
  state: ProgressState
}

/** The clock and the revision ids, replaceable in tests. */
export const runtime = { now: (): number => Date.now(), newRev: (): string => randomUUID() }

const lane = new Lane(SYNC_LANE_WIDTH)

/**
 * parseProgress, with the cards (the only unbounded part) checked one by one between yields. A
 * state that is not the current format takes the plain path: migration is rare and small.
 */
async function parseSliced (raw: unknown, now: number, slicer: Slicer): Promise<ParseResult> {
  if (!isRecord(raw) || raw.version !== PROGRESS_VERSION || !isRecord(raw.cards)) return parseProgress(raw, now)
  const { cards, ...rest } = raw
  const head = parseProgress(rest, now)
  const broken: Record<string, unknown> = {}
  for (const id of Object.keys(cards)) {
    const r = checkCardEntry(id, cards[id])
    if (r.ok) head.state.cards[id] = r.value
    else { broken[id] = cards[id]; head.cardProblems.push({ id, reason: r.reason }) }
    await slicer.tick()
  }
  if (head.cardProblems.length > 0) {
    head.recovered.unshift(brokenCardsNote(head.cardProblems.length))
    head.aside = { cards: broken, ...(head.aside ?? {}) }
  }
  return head
}

/** mergeProgress + compaction, card by card between yields (the same result as compactProgress(mergeProgress(a, b))). */
async function mergeSliced (stored: ProgressState, upload: ProgressState, slicer: Slicer): Promise<ProgressState> {
  const cards: Record<string, CardState> = {}
  for (const id of new Set([...Object.keys(stored.cards), ...Object.keys(upload.cards)])) {
    cards[id] = compactCard(mergeCard(stored.cards[id], upload.cards[id]))
    await slicer.tick()
  }
  const rest = mergeProgress({ ...stored, cards: {} }, { ...upload, cards: {} })
  return { ...rest, cards }
}

interface Stored { state: ProgressState, rev: string, revs: string[] }

/** The stored state of a user; a broken stored document is kept aside, logged, and treated as empty. */
async function loadStored (openid: string, now: number, slicer: Slicer): Promise<Stored> {
  const raw = await openStore().get(PROGRESS_COLLECTION, openid)
  if (raw === undefined) return { state: emptyProgress(), rev: '', revs: [] }
  const doc = isRecord(raw) && 'state' in raw ? raw : { state: raw }
  const r = await parseSliced(doc.state, now, slicer)
  if (r.recovered.length > 0) {
    // Keep the broken document for support rather than overwrite it silently.
    console.warn('[progress] stored state for a user needed recovery:', r.recovered)
    await openStore().put(BROKEN_COLLECTION, `${openid}:${now}`, { at: now, raw: r.aside })
  }
  const rev = typeof doc.rev === 'string' ? doc.rev : ''
  const revs = Array.isArray(doc.revs) ? doc.revs.filter((x): x is string => typeof x === 'string') : []
  return { state: r.state, rev, revs }
}

/** The upload's refused parts as notes: each card with its reason (the first few), then the rest. */
function droppedNotes (r: ParseResult): string[] {
  const notes = r.cardProblems.slice(0, DROPPED_NAMED).map(p => `卡片 ${p.id} 没有同步：${p.reason}。`)
  const more = r.cardProblems.length - DROPPED_NAMED
  if (more > 0) notes.push(`另有 ${more} 张卡片的数据有误，没有同步。`)
  // The other parts' notes (favorites, history, …); the cards' summary line is replaced by the above.
  return [...notes, ...r.recovered.filter(n => r.cardProblems.length === 0 || n !== brokenCardsNote(r.cardProblems.length))]
}

async function sync (openid: string, event: Record<string, unknown>, now: number): Promise<ProgressSuccess | Failure> {
  const upload = event.state
  if (!isRecord(upload)) return fail('BAD_STATE', MESSAGES.BAD_STATE)
  // Uploads must be the current format: an old client migrates locally before syncing.
  const version = upload.version
  if (typeof version !== 'number' || !Number.isInteger(version) || version < PROGRESS_VERSION) return fail('BAD_STATE', MESSAGES.BAD_STATE)
  if (version > PROGRESS_VERSION) return fail('FUTURE', MESSAGES.FUTURE)
  const base = typeof event.base === 'string' && event.base !== '' ? event.base : null
  return await lane.run(async () => {
    const slicer = new Slicer()
    // Measured inside the lane: stringifying 2 MB is itself a few ms.
    if (utf8Bytes(JSON.stringify(upload)) > SYNC_MAX_BYTES) return fail('TOO_LARGE', MESSAGES.TOO_LARGE)
    await slicer.yieldNow()
    const parsed = await parseSliced(upload, now, slicer)
    const stored = await loadStored(openid, now, slicer)
    // A partial upload is only complete together with what the device last saw stored.
    if (base !== null && !stored.revs.includes(base)) return fail('RESYNC', MESSAGES.RESYNC)
    const merged = await mergeSliced(stored.state, parsed.state, slicer)
    const rev = runtime.newRev()
    const doc: ProgressDoc = { version: PROGRESS_VERSION, at: now, rev, revs: [...stored.revs, rev].slice(-REVS_KEPT), state: merged }
    await openStore().put(PROGRESS_COLLECTION, openid, doc)
    return { ok: true as const, state: merged, rev, dropped: droppedNotes(parsed) }
  })
}

export async function main (event: unknown, _context?: unknown): Promise<ProgressSuccess | DeleteSuccess | Failure> {
  try {
    if (!isRecord(event)) return fail('BAD_REQUEST', MESSAGES.BAD_REQUEST)
    const openid = getOpenId(event)
    if (!openid) return fail('NO_USER', MESSAGES.NO_USER)
    const now = runtime.now()
    if (event.action === 'get') {
      return await lane.run(async () => {
        const s = await loadStored(openid, now, new Slicer())
        return { ok: true as const, state: s.state, rev: s.rev, dropped: [] }
      })
    }
    if (event.action === 'sync') return await sync(openid, event, now)
    if (event.action === 'delete') {
      // Everything kept of this user's progress: the document and any copy set aside for support.
      const store = openStore()
      const deleted = await lane.run(async () =>
        await store.remove(PROGRESS_COLLECTION, openid) + await store.removePrefix(BROKEN_COLLECTION, openid + ':'))
      return { ok: true, deleted }
    }
    return fail('BAD_ACTION', MESSAGES.BAD_ACTION)
  } catch (e) {
    return internalError(e, 'progress')
  }
}
