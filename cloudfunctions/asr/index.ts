/**
 * Cloud function `asr`: a recorded utterance (WAV or MP3, ≤ 30 s, base64) → the Chinese text
 * Zhipu's GLM-ASR hears. The page then translates it (精简) like typed text.
 * event: { audio: string (base64), format: 'wav' | 'mp3' }
 * Success: { ok: true, version: 1, text, model, durationMs }
 * Failure: { ok: false, code, message } — Chinese, and every message says typing still works.
 * docs/translate.md "Speech in"; the protocol in docs/glm-protocol.md.
 */
import {
  ASR_MAX_BASE64_CHARS, ASR_MAX_HOTWORDS, ASR_MAX_SECONDS, ASR_MIN_MS, AUDIO_FORMATS, audioInfo, type AudioFormat
} from '../../src/core/translate/audio'
import type { Dictionary } from '../../src/core/sign/dictionary'
import { loadDictionary } from '../_shared/dictionary'
import { getOpenId, openStore } from '../_shared/env'
import { asrConfigFromEnv, realSleep, transcribe, type GlmFailureKind } from '../_shared/glm'
import { fail, internalError, type Failure } from '../_shared/respond'
import { isRecord } from '../_shared/validate'
import type { FunctionLimits } from '../_shared/limits'
import { windowCounter } from '../_shared/rate'

/**
 * The local server's body limit: 30 s of 16 kHz WAV as base64 (ASR_MAX_BASE64_CHARS, ~1.3 MB)
 * plus room for the JSON around it and the hot words.
 */
export const limits: FunctionLimits = { bodyMaxBytes: ASR_MAX_BASE64_CHARS + 16 * 1024 }

export const ASR_FORMAT_VERSION = 1
/** Recognitions per user per minute: a conversation needs a few; each costs money (¥0.06/min). */
export const ASR_RATE_LIMIT_PER_MINUTE = 20
export const ASR_RATE_COLLECTION = 'asr_rate'

const TYPE_INSTEAD = '也可以直接输入文字翻译。'
export const ASR_MESSAGES = {
  BAD_REQUEST: '请求格式不对，请更新小程序后再试。',
  AUDIO_MISSING: '没有收到录音，请按住说话后再松开。',
  BAD_FORMAT: `只支持 wav 或 mp3 格式的录音。${TYPE_INSTEAD}`,
  BAD_AUDIO: `录音文件已损坏，请再说一次。${TYPE_INSTEAD}`,
  UNSUPPORTED: `这段录音的格式无法识别（只支持 wav 或 mp3）。${TYPE_INSTEAD}`,
  TOO_LARGE: `录音太大了，请说短一点（最多 ${ASR_MAX_SECONDS} 秒）。`,
  TOO_LONG: (s: number) => `录音太长了：最多 ${ASR_MAX_SECONDS} 秒，这段有 ${s} 秒。请分几句说。`,
  TOO_SHORT: '录音太短了，请按住按钮说完一句话再松开。',
  NO_KEY: `语音识别没有开通（未配置模型密钥）。${TYPE_INSTEAD}`,
  RATE_LIMITED: '说得太频繁了，请一分钟后再试。',
  UNSAFE: '这段话含有不适合翻译的内容，请换一种说法。',
  EMPTY: '没有听清，请靠近话筒再说一次。'
} as const

/** Per model failure: what the user is told (typing always still works). */
export const ASR_FAILURES: Readonly<Record<Exclude<GlmFailureKind, 'unsafe'>, { code: string, message: string }>> = {
  timeout: { code: 'ASR_TIMEOUT', message: `语音识别超时，请再说一次。${TYPE_INSTEAD}` },
  auth: { code: 'ASR_AUTH', message: `语音识别的密钥无效，请联系管理员。${TYPE_INSTEAD}` },
  balance: { code: 'ASR_BALANCE', message: `语音识别的账户余额不足，请联系管理员。${TYPE_INSTEAD}` },
  bad_request: { code: 'ASR_REJECTED', message: `语音识别拒绝了这段录音，请再说一次。${TYPE_INSTEAD}` },
  rate: { code: 'ASR_BUSY', message: `语音识别服务繁忙，请稍后再说。${TYPE_INSTEAD}` },
  server: { code: 'ASR_SERVER', message: `语音识别服务出错，请稍后再试。${TYPE_INSTEAD}` },
  network: { code: 'ASR_NETWORK', message: `无法连接语音识别服务，请稍后再试。${TYPE_INSTEAD}` },
  malformed: { code: 'ASR_MALFORMED', message: `语音识别的回复无法使用，请再说一次。${TYPE_INSTEAD}` }
}

export interface AsrSuccess { ok: true, version: number, text: string, model: string, durationMs: number }
export type AsrResponse = AsrSuccess | Failure

/** Injectable for tests and benchmarks: the clock (rate-limit minute) and the backoff sleep. */
export const runtime = { now: (): number => Date.now(), sleep: realSleep }

/**
 * Deaf-community words a general recogniser is likely to miss, first; then the dictionary's
 * multi-character words from the rarest up (what a recogniser most likely mishears and what we
 * can sign), to Zhipu's recommended 100. Words the dictionary has no sign for are never sent.
 */
export const HOTWORD_SEEDS: readonly string[] = ['手语', '聋人', '听障', '助听器', '人工耳蜗', '手语翻译', '指语', '聋校', '残联', '口型']
const hotwordCache = new WeakMap<Dictionary, string[]>()
export function hotwords (d: Dictionary = loadDictionary()): string[] {
  const cached = hotwordCache.get(d)
  if (cached) return cached
  const words = new Set<string>()
  const signed = new Set(d.entries.flatMap(e => [e.word, ...e.shares]))
  for (const w of HOTWORD_SEEDS) if (signed.has(w)) words.add(w)
  const rare = d.entries.filter(e => e.category !== 'letters' && e.category !== 'numbers' && [...e.word].length >= 2)
    .sort((a, b) => (a.freq ?? 0) - (b.freq ?? 0) || (a.word < b.word ? -1 : 1))
  for (const e of rare) { if (words.size >= ASR_MAX_HOTWORDS) break; words.add(e.word) }
  const list = [...words].slice(0, ASR_MAX_HOTWORDS)
  hotwordCache.set(d, list)
  return list
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

function parseAsrInput (event: unknown): { ok: true, audio: string, format: AudioFormat } | Failure {
  if (!isRecord(event)) return fail('BAD_REQUEST', ASR_MESSAGES.BAD_REQUEST)
  const { audio, format } = event
  if (audio === undefined || audio === null || audio === '') return fail('AUDIO_MISSING', ASR_MESSAGES.AUDIO_MISSING)
  if (typeof format !== 'string' || !(AUDIO_FORMATS as readonly string[]).includes(format)) return fail('BAD_FORMAT', ASR_MESSAGES.BAD_FORMAT)
  if (typeof audio !== 'string') return fail('BAD_AUDIO', ASR_MESSAGES.BAD_AUDIO)
  if (audio.length > ASR_MAX_BASE64_CHARS) return fail('AUDIO_TOO_LARGE', ASR_MESSAGES.TOO_LARGE)
  if (audio.length % 4 !== 0 || !BASE64.test(audio)) return fail('BAD_AUDIO', ASR_MESSAGES.BAD_AUDIO)
  return { ok: true, audio, format: format as AudioFormat }
}

/** Recognitions per user and minute (swept once a minute). */
const rate = windowCounter(ASR_RATE_COLLECTION, 60_000, 'm', 10)

/** Counts this call; false when the user is over the limit. Store errors fail open (logged). */
async function underRateLimit (openid: string): Promise<boolean> {
  try {
    return await rate.count(openStore(), openid || 'anonymous', runtime.now()) <= ASR_RATE_LIMIT_PER_MINUTE
  } catch (e) {
    console.warn('[asr] rate limit store error, allowing:', e)
    return true
  }
}

async function recognise (event: unknown): Promise<AsrResponse> {
  const input = parseAsrInput(event)
  if (!input.ok) return input
  // What the bytes are, not what the client says: a renamed file is caught here, before any cost.
  const info = audioInfo(new Uint8Array(Buffer.from(input.audio, 'base64')))
  if (!info.ok) return info.reason === 'unsupported' ? fail('UNSUPPORTED_AUDIO', ASR_MESSAGES.UNSUPPORTED) : fail('BAD_AUDIO', ASR_MESSAGES.BAD_AUDIO)
  if (info.format !== input.format) return fail('UNSUPPORTED_AUDIO', ASR_MESSAGES.UNSUPPORTED)
  if (info.durationMs > ASR_MAX_SECONDS * 1000) return fail('AUDIO_TOO_LONG', ASR_MESSAGES.TOO_LONG(Math.round(info.durationMs / 1000)))
  if (info.durationMs < ASR_MIN_MS) return fail('AUDIO_TOO_SHORT', ASR_MESSAGES.TOO_SHORT)

  const cfg = asrConfigFromEnv(process.env, runtime.sleep)
  if (!cfg) return fail('ASR_UNAVAILABLE', ASR_MESSAGES.NO_KEY)
  const openid = getOpenId(event)
  if (!await underRateLimit(openid)) return fail('RATE_LIMITED', ASR_MESSAGES.RATE_LIMITED)

  const r = await transcribe(cfg, input.audio, hotwords(), openid)
  if (!r.ok) {
    if (r.kind === 'unsafe') return fail('UNSAFE', ASR_MESSAGES.UNSAFE)
    console.warn(`[asr] recognition failed (${r.kind}, ${r.detail}, ${r.attempts} attempts)`)
    return fail(ASR_FAILURES[r.kind].code, ASR_FAILURES[r.kind].message)
  }
  const text = r.text.replace(/\s+/g, ' ').trim()
  if (text === '') return fail('ASR_EMPTY', ASR_MESSAGES.EMPTY)
  return { ok: true, version: ASR_FORMAT_VERSION, text, model: cfg.model, durationMs: info.durationMs }
}

export async function main (event: unknown, _context?: unknown): Promise<AsrResponse> {
  try {
    return await recognise(event)
  } catch (e) {
    return internalError(e, 'asr')
  }
}
