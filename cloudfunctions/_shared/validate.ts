/** Input checks shared by the cloud functions: untrusted `event` → typed values or a Failure. */
import { describeUnprintable, findUnprintable } from '../../src/core/base/text'
import { MAX_TEXT_CHARS } from '../../src/core/translate/constants'
import { TRANSLATE_MODES, type TranslateMode } from '../../src/core/translate/types'
import { fail, type Failure } from './respond'

export function isRecord (v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** A sentence for translation: a non-empty string of at most MAX_TEXT_CHARS characters. */
export function parseSentence (v: unknown): { ok: true, text: string } | Failure {
  if (v === undefined || v === null) return fail('TEXT_MISSING', '请输入要翻译的句子。')
  if (typeof v !== 'string') return fail('TEXT_NOT_STRING', '要翻译的内容必须是文字。')
  // Any printable text passes (emoji sequences, flags, tabs; pasted text keeps its line breaks).
  const bad = findUnprintable(v, { allowNewlines: true })
  if (bad) return fail('TEXT_CONTROL_CHARS', `句子里有无法显示的字符：${describeUnprintable(bad)}。请删除后再试。`)
  const text = v.trim()
  if (text === '') return fail('TEXT_EMPTY', '请输入要翻译的句子。')
  const n = [...text].length
  if (n > MAX_TEXT_CHARS) {
    return fail('TEXT_TOO_LONG', `句子太长了：最多 ${MAX_TEXT_CHARS} 个字，现在是 ${n} 个字。请分成几句再翻译。`)
  }
  return { ok: true, text }
}

export function parseMode (v: unknown): { ok: true, mode: TranslateMode } | Failure {
  if (v === undefined || v === null || v === '') return { ok: true, mode: 'standard' }
  if (typeof v === 'string' && (TRANSLATE_MODES as readonly string[]).includes(v)) return { ok: true, mode: v as TranslateMode }
  return fail('BAD_MODE', '翻译模式只能是“标准”(standard) 或“精简”(concise)。')
}

export function parseTranslateInput (event: unknown): { ok: true, text: string, mode: TranslateMode, useModel: boolean } | Failure {
  if (!isRecord(event)) return fail('BAD_REQUEST', '请求格式不对，请更新小程序后再试。')
  const text = parseSentence(event.text)
  if (!text.ok) return text
  const mode = parseMode(event.mode)
  if (!mode.ok) return mode
  // `model: false`: the user has not agreed to their sentence going to the model (隐私).
  if (event.model !== undefined && typeof event.model !== 'boolean') return fail('BAD_MODEL_FLAG', '请求格式不对，请更新小程序后再试。')
  return { ok: true, text: text.text, mode: mode.mode, useModel: event.model !== false }
}
