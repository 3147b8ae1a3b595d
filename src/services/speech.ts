/**
 * Speech → text through the `asr` cloud function (GLM-ASR). The reply is parsed from unknown:
 * the page sees the recognised text or a Chinese message (which says typing still works).
 */
import type { AudioFormat } from '../core/translate'
import { callCloud, CloudError } from './cloud'

export type RecogniseOutcome = { ok: true, text: string } | { ok: false, code: string, message: string }

const BAD = '语音识别返回了无法识别的内容，请再说一次，也可以直接输入文字。'

export function parseAsrReply (v: unknown): RecogniseOutcome {
  if (typeof v !== 'object' || v === null) return { ok: false, code: 'BAD_RESPONSE', message: BAD }
  const r = v as Record<string, unknown>
  if (r.ok === false) return { ok: false, code: typeof r.code === 'string' ? r.code : 'ERROR', message: typeof r.message === 'string' ? r.message : BAD }
  if (r.ok !== true || typeof r.text !== 'string' || r.text.trim() === '') return { ok: false, code: 'BAD_RESPONSE', message: BAD }
  return { ok: true, text: r.text.trim() }
}

export async function recognise (audio: string, format: AudioFormat): Promise<RecogniseOutcome> {
  try {
    return parseAsrReply(await callCloud<unknown>('asr', { audio, format }))
  } catch (e) {
    if (e instanceof CloudError) return { ok: false, code: e.code, message: e.message }
    return { ok: false, code: 'ERROR', message: BAD }
  }
}
