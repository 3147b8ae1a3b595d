/**
 * Cloud function `translate`: a Chinese sentence → a CSL sign sequence the 翻译 page can play.
 * event: { text: string, mode?: 'standard' | 'concise', model?: boolean } — model: false when the
 *   user has not agreed to their sentence going to the model (隐私): the offline rules answer.
 * Success: { ok: true, engine: 'glm' | 'offline', reason, aiGenerated, cached, safety, glosses, … }
 * Failure: { ok: false, code, message } (Chinese message; never a stack trace).
 * The model (GLM) answers when configured and well; otherwise the offline rules do. See
 * docs/translate.md for the flow, the error policy and the environment variables.
 */
import { createHash } from 'node:crypto'
import { pinyin } from 'pinyin-pro'
import { TRANSLATION_FORMAT_VERSION } from '../../src/core/translate/constants'
import { normalizeText } from '../../src/core/translate/normalize'
import { translateOffline } from '../../src/core/translate/offline'
import { toResponseGlosses } from '../../src/core/translate/parts'
import { buildMessages } from '../../src/core/translate/prompt'
import { parseModelReply } from '../../src/core/translate/reply'
import type { GlossPlan, ResponseGloss, TranslateMode, TranslateVocabulary } from '../../src/core/translate/types'
import { buildVocabulary } from '../../src/core/translate/vocabulary'
import type { Dictionary } from '../../src/core/sign/dictionary'
import { loadDictionary } from '../_shared/dictionary'
import { jiebaSegmenter } from '../_shared/segmenter'
import { getOpenId, isLocal, openStore } from '../_shared/env'
import { chatCompletion, glmConfigFromEnv, realSleep, type GlmFailureKind } from '../_shared/glm'
import { fail, internalError, type Failure } from '../_shared/respond'
import { allowed, checkText, type SafetyVerdict } from '../_shared/secure'
import { parseTranslateInput } from '../_shared/validate'
import type { FunctionLimits } from '../_shared/limits'
import { windowCounter } from '../_shared/rate'

/**
 * The local server's body limit: a 200-character sentence is at most ~2.4 KB of JSON even as
 * \u escapes of astral characters; the rest is room for the envelope.
 */
export const limits: FunctionLimits = { bodyMaxBytes: 16 * 1024 }

/** Translations per user per minute (cache hits included: each one costs a check and a read). */
export const RATE_LIMIT_PER_MINUTE = 30
export const CACHE_COLLECTION = 'translate_cache'
export const RATE_COLLECTION = 'rate'

export const MESSAGES = {
  UNSAFE: '这句话含有不适合翻译的内容，请修改后再试。',
  RATE_LIMITED: '翻译太频繁了，请一分钟后再试。',
  GLM_OK: '已由模型按中国手语语序翻译',
  NO_KEY: '未配置模型密钥，已使用离线规则翻译',
  NO_CONSENT: '你没有同意把句子发给模型，已使用离线规则翻译'
} as const

/** Why the offline translator answered, per model failure (shown under the result). */
export const FALLBACK_REASONS: Readonly<Record<Exclude<GlmFailureKind, 'unsafe'>, string>> = {
  timeout: '模型请求超时，已使用离线规则翻译',
  auth: '模型密钥无效，已使用离线规则翻译',
  balance: '模型账户余额不足，已使用离线规则翻译',
  bad_request: '模型拒绝了这次请求，已使用离线规则翻译',
  rate: '模型服务繁忙，已使用离线规则翻译',
  server: '模型服务出错，已使用离线规则翻译',
  network: '无法连接模型服务，已使用离线规则翻译',
  malformed: '模型回复无法使用，已使用离线规则翻译'
}

export type Safety = 'checked' | 'skipped-local' | 'unchecked'

export interface TranslateSuccess {
  ok: true
  version: number
  engine: 'glm' | 'offline'
  reason: string
  /** The model produced this (the client shows WeChat's AI-generated label). */
  aiGenerated: boolean
  cached: boolean
  /** checked: msgSecCheck passed; skipped-local: local mode; unchecked: the platform failed (fail open). */
  safety: Safety
  mode: TranslateMode
  /** The normalised sentence. */
  text: string
  model?: string
  dataVersion: string
  glosses: ResponseGloss[]
  dropped: string[]
  notes: string[]
}

export type TranslateResponse = TranslateSuccess | Failure

interface CachedTranslation {
  v: number
  glosses: ResponseGloss[]
  dropped: string[]
  notes: string[]
}

/** Injectable for tests and benchmarks: the clock (rate-limit minute) and the backoff sleep. */
export const runtime = {
  now: (): number => Date.now(),
  sleep: realSleep
}

const vocabularies = new WeakMap<Dictionary, TranslateVocabulary>()
function vocabulary (): TranslateVocabulary {
  const d = loadDictionary()
  let v = vocabularies.get(d)
  if (!v) { v = buildVocabulary(d); vocabularies.set(d, v) }
  return v
}

export const toPinyin = (s: string): string => pinyin(s, { toneType: 'none', v: true })

export function cacheKey (text: string, mode: TranslateMode, model: string, dataVersion: string): string {
  return createHash('sha256').update(JSON.stringify([TRANSLATION_FORMAT_VERSION, normalizeText(text), mode, model, dataVersion]))
    .digest('hex').slice(0, 40)
}

/** Translation calls per user and minute (swept once a minute). */
const rate = windowCounter(RATE_COLLECTION, 60_000, 'm', 10)

/** Counts this call; false when the user is over the limit. Store errors fail open (logged). */
async function underRateLimit (openid: string): Promise<boolean> {
  try {
    return await rate.count(openStore(), openid || 'anonymous', runtime.now()) <= RATE_LIMIT_PER_MINUTE
  } catch (e) {
    console.warn('[translate] rate limit store error, allowing:', e)
    return true
  }
}

function offline (text: string, mode: TranslateMode, vocab: TranslateVocabulary, reason: string, safety: Safety): TranslateSuccess {
  const plan = translateOffline(text, vocab, { mode, toPinyin, segmenter: jiebaSegmenter() })
  return success(plan, { engine: 'offline', reason, aiGenerated: false, cached: false, safety, mode, text, vocab })
}

function success (plan: GlossPlan, o: { engine: 'glm' | 'offline', reason: string, aiGenerated: boolean, cached: boolean,
  safety: Safety, mode: TranslateMode, text: string, vocab: TranslateVocabulary, model?: string }): TranslateSuccess {
  const r = toResponseGlosses(plan.glosses, o.vocab)
  // A gloss that could not be made playable is dropped: no note may still say how it is signed.
  const about = (d: string) => (n: string): boolean => n.startsWith(`「${d}」`)
  const notes = plan.notes.filter(n => !r.dropped.some(d => about(d)(n)))
  for (const d of r.dropped) if (plan.notes.some(about(d))) notes.push(`「${d}」无法打出，已略去`)
  return {
    ok: true,
    version: TRANSLATION_FORMAT_VERSION,
    engine: o.engine,
    reason: o.reason,
    aiGenerated: o.aiGenerated,
    cached: o.cached,
    safety: o.safety,
    mode: o.mode,
    text: normalizeText(o.text),
    ...(o.model !== undefined ? { model: o.model } : {}),
    dataVersion: o.vocab.dataVersion,
    glosses: r.glosses,
    dropped: [...plan.dropped, ...r.dropped],
    notes
  }
}

function safetyOf (v: SafetyVerdict): Safety {
  return v === 'skipped' ? 'skipped-local' : v === 'error' ? 'unchecked' : 'checked'
}

function isCached (v: unknown): v is CachedTranslation {
  const c = v as CachedTranslation
  return typeof c === 'object' && c !== null && c.v === TRANSLATION_FORMAT_VERSION && Array.isArray(c.glosses) &&
    Array.isArray(c.dropped) && Array.isArray(c.notes)
}

async function translate (event: unknown): Promise<TranslateResponse> {
  const input = parseTranslateInput(event)
  if (!input.ok) return input
  const { text, mode, useModel } = input
  const openid = getOpenId(event)
  if (!await underRateLimit(openid)) return fail('RATE_LIMITED', MESSAGES.RATE_LIMITED)

  const inputCheck = await checkText(text, openid)
  if (!allowed(inputCheck.verdict)) return fail('UNSAFE', MESSAGES.UNSAFE)
  let safety = safetyOf(inputCheck.verdict)

  const vocab = vocabulary()
  // Without the user's consent the sentence goes to no model (nor to the model's cache).
  if (!useModel) return offline(text, mode, vocab, MESSAGES.NO_CONSENT, safety)
  const cfg = glmConfigFromEnv(process.env, runtime.sleep)
  if (!cfg) return offline(text, mode, vocab, MESSAGES.NO_KEY, safety)

  const key = cacheKey(text, mode, cfg.model, vocab.dataVersion)
  try {
    const hit = await openStore().get(CACHE_COLLECTION, key)
    if (isCached(hit)) {
      return { ...success({ glosses: [], dropped: [], notes: [] }, { engine: 'glm', reason: MESSAGES.GLM_OK, aiGenerated: true, cached: true, safety, mode, text, vocab, model: cfg.model }), glosses: hit.glosses, dropped: hit.dropped, notes: hit.notes }
    }
  } catch (e) {
    console.warn('[translate] cache read failed, continuing:', e)
  }

  const { messages } = buildMessages(text, mode, vocab, jiebaSegmenter())
  const r = await chatCompletion(cfg, messages, openid)
  if (!r.ok) {
    if (r.kind === 'unsafe') return fail('UNSAFE', MESSAGES.UNSAFE)
    console.warn(`[translate] model failed (${r.kind}, ${r.detail}, ${r.attempts} attempts); offline fallback`)
    return offline(text, mode, vocab, FALLBACK_REASONS[r.kind], safety)
  }
  const reply = parseModelReply(r.content, vocab, toPinyin, normalizeText(text))
  if (!reply.ok) {
    console.warn(`[translate] unusable model reply (${reply.message}); offline fallback`)
    return offline(text, mode, vocab, FALLBACK_REASONS.malformed, safety)
  }
  const result = success(reply.plan, { engine: 'glm', reason: MESSAGES.GLM_OK, aiGenerated: true, cached: false, safety, mode, text, vocab, model: cfg.model })
  if (result.glosses.length === 0) return offline(text, mode, vocab, FALLBACK_REASONS.malformed, safety)

  // What the user will see of the model's output is the chip words: check those.
  const outputCheck = await checkText(result.glosses.map(g => g.text).join(' '), openid)
  if (!allowed(outputCheck.verdict)) return fail('UNSAFE', MESSAGES.UNSAFE)
  if (outputCheck.verdict === 'error') safety = 'unchecked'
  result.safety = safety

  try {
    const cached: CachedTranslation = { v: TRANSLATION_FORMAT_VERSION, glosses: result.glosses, dropped: result.dropped, notes: result.notes }
    await openStore().put(CACHE_COLLECTION, key, cached)
  } catch (e) {
    console.warn('[translate] cache write failed:', e)
  }
  return result
}

export async function main (event: unknown, _context?: unknown): Promise<TranslateResponse> {
  try {
    return await translate(event)
  } catch (e) {
    return internalError(e, 'translate')
  }
}

/** Whether this process runs locally (for the CLI's messages). */
export { isLocal }
