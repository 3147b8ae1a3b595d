/**
 * The learner's progress on this device (Taro storage) and its sync with the `progress` cloud
 * function. Thin on purpose: the format, recovery and merging live in src/core/learn.
 *
 * - loadProgress(): reads storage; a broken part is backed up under STORAGE_BACKUP_KEY, reset,
 *   and described in `notes` (Chinese) for the page to show once.
 * - saveProgress(state): writes only the keys that changed; a full disk or an over-size key is
 *   reported (the state stays in memory, nothing throws). Debouncing is the caller's business.
 * - syncProgress(state): uploads what changed since the last sync (a delta against the record of
 *   what the cloud held then, STORAGE_SYNC_KEY), gets the merged state back, saves it. Offline →
 *   the dirty flag stays set and needsSync() tells the app to try again later (next app show).
 */
import Taro from '@tarojs/taro'
import {
  STORAGE_BACKUP_KEY, STORAGE_DIRTY_KEY, STORAGE_KEY_LIMIT_BYTES, STORAGE_SYNC_KEY, compactProgress, decodeProgress, encodeProgress,
  fitsStorage, mergeProgress, parseProgress, parseSyncRecord, syncDelta, syncRecord, utf8Bytes, type ProgressState, type SyncRecord
} from '../core/learn'
import { callCloud, CloudError } from './cloud'

export interface LoadedProgress {
  state: ProgressState
  /** What had to be reset, in Chinese, for a one-time notice; empty when all was well. */
  notes: string[]
}

export type SaveResult = { ok: true } | { ok: false, code: 'QUOTA' | 'TOO_LARGE', message: string }

export type SyncResult =
  | { ok: true, state: ProgressState, notes: string[] }
  | { ok: false, code: string, message: string }

export const SAVE_MESSAGES = {
  QUOTA: '手机里微信的存储空间不足，学习进度暂时没能保存。请清理微信存储空间后再试，未保存的进度在关闭小程序前仍然有效。',
  TOO_LARGE: '学习进度数据太大，暂时没能保存到本机。请先同步到云端。',
  BACKUP_TOO_LARGE: '损坏的原数据太大，未能备份。'
} as const

// What each key holds on disk now, so a save writes only the keys that changed.
const written = new Map<string, string>()
// The newest state handed to saveProgress, and how many saves there were: a sync that overlaps
// a save merges that newer state in and leaves the dirty flag set (it is not in the cloud yet).
let latest: ProgressState | null = null
let saveSeq = 0

function read (key: string): unknown {
  try {
    return Taro.getStorageSync(key)
  } catch {
    return undefined
  }
}

/** Reads the progress; never throws. */
export function loadProgress (now: number = Date.now()): LoadedProgress {
  written.clear()
  const res = decodeProgress(read, now)
  const notes = [...res.recovered]
  if (res.aside) {
    const backup = JSON.stringify({ at: now, notes: res.recovered, aside: res.aside })
    try {
      if (utf8Bytes(backup) >= STORAGE_KEY_LIMIT_BYTES) throw new Error('too large')
      Taro.setStorageSync(STORAGE_BACKUP_KEY, backup)
    } catch {
      notes.push(SAVE_MESSAGES.BACKUP_TOO_LARGE)
    }
    // Replace the broken keys now, so the same notice does not come back on every start.
    saveProgress(res.state)
  } else {
    for (const k of encodeProgress(res.state)) written.set(k.key, k.value)
  }
  return { state: res.state, notes }
}

/** Saves the progress and marks it as not yet synced. */
export function saveProgress (state: ProgressState): SaveResult {
  latest = state
  saveSeq++
  return write(state)
}

function write (state: ProgressState): SaveResult {
  const keys = encodeProgress(compactProgress(state))
  if (!fitsStorage(keys)) return { ok: false, code: 'TOO_LARGE', message: SAVE_MESSAGES.TOO_LARGE }
  try {
    for (const k of keys) {
      if (written.get(k.key) === k.value) continue
      Taro.setStorageSync(k.key, k.value)
      written.set(k.key, k.value)
    }
    Taro.setStorageSync(STORAGE_DIRTY_KEY, '1')
    return { ok: true }
  } catch {
    // Quota or platform failure: the caller keeps the state in memory and may retry.
    return { ok: false, code: 'QUOTA', message: SAVE_MESSAGES.QUOTA }
  }
}

/** True when local changes have not reached the cloud yet. */
export function needsSync (): boolean {
  return read(STORAGE_DIRTY_KEY) === '1'
}

interface CloudProgressReply { ok: boolean, state?: unknown, rev?: unknown, dropped?: unknown, code?: unknown, message?: unknown }

function readSyncRecord (): SyncRecord | null {
  return parseSyncRecord(read(STORAGE_SYNC_KEY))
}

/** Keeps the record of what the cloud holds; without one (too big, storage full) the next sync sends everything. */
function writeSyncRecord (record: SyncRecord | null): void {
  try {
    const text = record ? JSON.stringify(record) : ''
    if (utf8Bytes(text) >= STORAGE_KEY_LIMIT_BYTES) throw new Error('too large')
    Taro.setStorageSync(STORAGE_SYNC_KEY, text)
  } catch {
    try { Taro.setStorageSync(STORAGE_SYNC_KEY, '') } catch { /* an unreadable record is ignored on reading */ }
  }
}

/** Forgets what the cloud held (after its copy was deleted): the next sync sends everything. */
export function forgetSyncRecord (): void {
  writeSyncRecord(null)
}

/** Deletes this user's progress in the cloud; forgets what the cloud held. */
export async function deleteCloudProgress (): Promise<{ ok: boolean, deleted?: unknown, code?: unknown, message?: unknown }> {
  const r = await callCloud<{ ok: boolean, deleted?: unknown, code?: unknown, message?: unknown }>('progress', { action: 'delete' })
  if (r?.ok === true) forgetSyncRecord()
  return r
}

async function upload (data: object): Promise<CloudProgressReply> {
  return await callCloud<CloudProgressReply>('progress', data)
}

/**
 * Uploads the progress and saves the merged result. Changes saved while the call was under way
 * are merged into the result (and stay marked for the next sync), so the returned state can
 * replace the page's copy; mergeProgress(current, result.state) is equally safe.
 */
export async function syncProgress (state: ProgressState, now: number = Date.now()): Promise<SyncResult> {
  const seqAtStart = saveSeq
  const record = readSyncRecord()
  let reply: CloudProgressReply
  try {
    // Only what the cloud lacks, measured against what it held after the last sync.
    reply = record
      ? await upload({ action: 'sync', state: syncDelta(state, record), base: record.rev })
      : await upload({ action: 'sync', state })
    // The cloud no longer holds what the record says (another device's write won, or it was
    // deleted): send everything once.
    if (record && reply?.ok === false && reply.code === 'RESYNC') reply = await upload({ action: 'sync', state })
  } catch (e) {
    if (e instanceof CloudError) return { ok: false, code: e.code, message: e.message }
    return { ok: false, code: 'NETWORK', message: '网络连接失败，学习进度会在联网后自动同步。' }
  }
  if (!reply || reply.ok !== true) {
    const code = typeof reply?.code === 'string' ? reply.code : 'BAD_RESPONSE'
    const message = typeof reply?.message === 'string' ? reply.message : '同步失败，请稍后再试。'
    return { ok: false, code, message }
  }
  // The reply is untrusted too: parse it the same way as storage.
  const parsed = parseProgress(reply.state, now)
  const changedMeanwhile = saveSeq !== seqAtStart && latest !== null
  const local = changedMeanwhile ? mergeProgress(state, latest as ProgressState) : state
  const merged = mergeProgress(local, parsed.state)
  latest = merged
  const saved = write(merged)
  const notes = Array.isArray(reply.dropped) ? reply.dropped.filter((x): x is string => typeof x === 'string') : []
  // What the cloud holds now: the next sync sends only what differs from it.
  writeSyncRecord(typeof reply.rev === 'string' && reply.rev !== '' && parsed.recovered.length === 0 ? syncRecord(parsed.state, reply.rev) : null)
  if (!saved.ok) return { ok: true, state: merged, notes: [...notes, saved.message] }
  if (!changedMeanwhile) {
    try { Taro.setStorageSync(STORAGE_DIRTY_KEY, '') } catch { /* stays dirty: syncs again later */ }
  }
  return { ok: true, state: merged, notes }
}

/** Test hook: forget what was written (as after an app restart). */
export function resetProgressCacheForTests (): void {
  written.clear()
  latest = null
  saveSeq = 0
}
