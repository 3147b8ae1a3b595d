/**
 * 纠错 reports from the sign page, sent to the `feedback` cloud function. When the network is
 * down the report is kept on the phone and sent with the next report or the next app start,
 * so nothing the user wrote is lost.
 */
import { callCloud, CloudError } from './cloud'
import { loadList, saveList } from './local-list'

interface Pending { entryId: string, text: string, at: number }

const KEY = 'shouyu.pendingFeedback'
const VERSION = 1
const MAX_PENDING = 20 // bounded: a phone offline for weeks cannot fill its storage

const isPending = (x: unknown): x is Pending => typeof x === 'object' && x !== null &&
  typeof (x as Pending).entryId === 'string' && typeof (x as Pending).text === 'string' && typeof (x as Pending).at === 'number'

interface FeedbackReply { ok: boolean, code?: string, message?: string }

export interface SendResult { ok: boolean, queued: boolean, message: string }

async function post (p: Pending): Promise<FeedbackReply> {
  return await callCloud<FeedbackReply>('feedback', { entryId: p.entryId, text: p.text })
}

/** Sends reports kept while offline; stops at the first network failure. */
export async function flushPendingFeedback (): Promise<number> {
  const { items } = loadList(KEY, VERSION, MAX_PENDING, isPending)
  // Runs on every app show: with nothing waiting, touch neither the network nor storage.
  if (items.length === 0) return 0
  let sent = 0
  const left: Pending[] = []
  for (const p of items) {
    if (left.length > 0) { left.push(p); continue }
    try {
      const r = await post(p)
      // A report the server refuses (e.g. invalid) will never pass: drop it rather than retry forever.
      sent += r.ok ? 1 : 0
    } catch {
      left.push(p)
    }
  }
  saveList(KEY, VERSION, left)
  return sent
}

export async function sendFeedback (entryId: string, text: string, now = Date.now()): Promise<SendResult> {
  const p: Pending = { entryId, text, at: now }
  try {
    await flushPendingFeedback()
    const r = await post(p)
    if (r.ok) return { ok: true, queued: false, message: '谢谢！你的纠错已提交，审校人员会核对这个手语。' }
    return { ok: false, queued: false, message: r.message ?? '提交失败，请稍后重试。' }
  } catch (e) {
    if (e instanceof CloudError) {
      const { items } = loadList(KEY, VERSION, MAX_PENDING, isPending)
      saveList(KEY, VERSION, [...items, p].slice(-MAX_PENDING))
      return { ok: true, queued: true, message: '网络不通，纠错已保存在本机，联网后会自动提交。' }
    }
    return { ok: false, queued: false, message: '提交失败，请稍后重试。' }
  }
}

/** Forgets reports still waiting for the network (the user deleted their reports). */
export function clearPendingFeedback (): void {
  saveList(KEY, VERSION, [])
}

export interface DeleteReply { ok: boolean, deleted?: unknown, code?: unknown, message?: unknown }

/** Asks the cloud to delete every report this user sent. */
export async function deleteMyFeedback (): Promise<DeleteReply> {
  return await callCloud<DeleteReply>('feedback', { action: 'delete' })
}
