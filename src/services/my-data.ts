/**
 * 删除我的数据 (the 隐私 page): deletes this user's synced progress and 纠错 reports in the cloud
 * (the `delete` actions of the progress and feedback functions), forgets reports still waiting on
 * the phone, and stops progress from being uploaded again by itself — the learner's progress stays
 * on this phone, and goes back to the cloud only when they press 同步进度.
 */
import { CloudError } from './cloud'
import { clearPendingFeedback, deleteMyFeedback, type DeleteReply } from './feedback'
import { deleteCloudProgress } from './progress'
import { setAutoSync } from './privacy'

export type DeleteOutcome =
  | { ok: true, progress: number, feedback: number }
  | { ok: false, message: string }

const count = (r: DeleteReply): number | null => (r?.ok === true && typeof r.deleted === 'number' ? r.deleted : null)

function why (e: unknown): string {
  return e instanceof CloudError ? e.message : '网络连接失败，请检查网络后重试。'
}

export async function deleteMyCloudData (): Promise<DeleteOutcome> {
  // First stop the automatic upload, so nothing is re-sent while (or after) we delete.
  setAutoSync(false)
  let progress: number | null = null
  let feedback: number | null = null
  let failure = ''
  try {
    const r = await deleteCloudProgress()
    progress = count(r)
    if (progress === null) failure = typeof r?.message === 'string' ? r.message : '服务器没有完成删除。'
  } catch (e) { failure = why(e) }
  try {
    const r = await deleteMyFeedback()
    feedback = count(r)
    if (feedback === null && !failure) failure = typeof r?.message === 'string' ? r.message : '服务器没有完成删除。'
  } catch (e) { if (!failure) failure = why(e) }
  if (feedback !== null) clearPendingFeedback()
  if (progress !== null && feedback !== null) return { ok: true, progress, feedback }
  const done = [progress !== null ? '云端学习进度已删除' : '', feedback !== null ? '纠错反馈已删除' : ''].filter(Boolean).join('，')
  const left = [progress === null ? '学习进度' : '', feedback === null ? '纠错反馈' : ''].filter(Boolean).join('和')
  return { ok: false, message: `${done ? done + '；' : ''}${left}没有删除：${failure}请稍后再试。` }
}
