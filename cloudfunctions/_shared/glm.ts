/**
 * Zhipu GLM chat completions (API v4) over HTTP with axios. Configuration comes from the
 * function's environment only. Errors are classified per the protocol
 * (docs/glm-protocol.md): bounded retries with exponential
 * backoff on 429 1302/1303/1305/1312 and 5xx/network errors; no retry on auth, balance, bad request
 * or content safety; a timeout is not retried (the function has 20 s in all).
 */
import { createHash, randomUUID } from 'node:crypto'
import axios, { type AxiosError } from 'axios'
import type { ChatMessage } from '../../src/core/translate/prompt'

export const GLM_DEFAULT_BASE_URL = 'https://open.bigmodel.cn/api/paas/v4'
export const GLM_DEFAULT_MODEL = 'glm-4-flash-250414'
/** ms; below the 20 s function timeout, leaving time for the offline fallback and the checks. */
export const GLM_DEFAULT_TIMEOUT_MS = 12000
/** Retries after the first attempt (so at most 3 requests). */
export const GLM_MAX_RETRIES = 2
/** ms; first backoff, doubled each retry (500, 1000). */
export const GLM_BACKOFF_MS = 500
/** Low temperature: the order should follow the rules, not vary between calls. */
export const GLM_TEMPERATURE = 0.2
/** Tokens; a 200-character sentence needs well under 100 glosses of ~10 tokens. */
export const GLM_MAX_TOKENS = 1024
/** Codes of a 429 that are worth retrying (concurrency, frequency, platform overload). */
export const GLM_RETRY_CODES: readonly string[] = ['1302', '1303', '1305', '1312']

export interface GlmConfig {
  apiKey: string
  baseUrl: string
  model: string
  timeoutMs: number
  maxRetries: number
  backoffMs: number
  sleep: (ms: number) => Promise<void>
}

export const realSleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

/** Configuration from the environment, or null when there is no API key (→ offline). */
export function glmConfigFromEnv (env: Readonly<Record<string, string | undefined>> = process.env, sleep = realSleep): GlmConfig | null {
  const apiKey = (env.GLM_API_KEY ?? '').trim()
  if (apiKey === '') return null
  const timeout = Number(env.GLM_TIMEOUT_MS)
  return {
    apiKey,
    baseUrl: (env.GLM_BASE_URL ?? '').trim().replace(/\/+$/, '') || GLM_DEFAULT_BASE_URL,
    model: (env.GLM_MODEL ?? '').trim() || GLM_DEFAULT_MODEL,
    timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : GLM_DEFAULT_TIMEOUT_MS,
    maxRetries: GLM_MAX_RETRIES,
    backoffMs: GLM_BACKOFF_MS,
    sleep
  }
}

/** The end user as GLM sees it: a hash of the openid (6–128 chars), never the openid itself. */
export function glmUserId (openid: string): string {
  return 'u' + createHash('sha256').update('shouyu:' + (openid || 'anonymous')).digest('hex').slice(0, 32)
}

export type GlmFailureKind =
  | 'unsafe' | 'timeout' | 'auth' | 'balance' | 'bad_request' | 'rate' | 'server' | 'network' | 'malformed'

export type GlmResult =
  | { ok: true, content: string, attempts: number }
  | { ok: false, kind: GlmFailureKind, status?: number, code?: string, attempts: number, detail: string }

interface Classified { kind: GlmFailureKind, retry: boolean, status?: number, code?: string, detail: string }

function classify (e: unknown): Classified {
  const ax = e as AxiosError<{ error?: { code?: unknown, message?: unknown } }>
  if (ax?.code === 'ECONNABORTED' || ax?.code === 'ETIMEDOUT' || ax?.code === 'ERR_CANCELED' || axios.isCancel(e)) {
    return { kind: 'timeout', retry: false, detail: 'timeout' }
  }
  const status = ax?.response?.status
  if (status === undefined) return { kind: 'network', retry: true, detail: String(ax?.code ?? ax?.message ?? e) }
  const rawCode = ax.response?.data?.error?.code
  const code = rawCode === undefined ? undefined : String(rawCode)
  const detail = `HTTP ${status} ${code ?? ''}`.trim()
  if (code === '1301') return { kind: 'unsafe', retry: false, status, code, detail }
  if (status === 401 || code === '1000' || code === '1001' || code === '1002' || code === '1003' || code === '1004') {
    return { kind: 'auth', retry: false, status, code, detail }
  }
  if (code === '1113') return { kind: 'balance', retry: false, status, code, detail }
  if (status === 429) return { kind: 'rate', retry: code === undefined || GLM_RETRY_CODES.includes(code), status, code, detail }
  if (status >= 500) return { kind: 'server', retry: true, status, code, detail }
  return { kind: 'bad_request', retry: false, status, code, detail }
}

/** A POST with the deadline, retries and failure classes of the protocol; the body as text. Never throws. */
export async function postWithRetry (cfg: GlmConfig, path: string, body: unknown, headers: Record<string, string>):
Promise<{ ok: true, text: string, attempts: number } | Extract<GlmResult, { ok: false }>> {
  let attempts = 0
  for (;;) {
    attempts++
    // A whole-request deadline: axios' own timeout only covers socket inactivity.
    const abort = new AbortController()
    const timer = setTimeout(() => abort.abort(), cfg.timeoutMs)
    try {
      const r = await axios.post(`${cfg.baseUrl}${path}`, body, {
        headers: { Authorization: `Bearer ${cfg.apiKey}`, ...headers },
        timeout: cfg.timeoutMs,
        signal: abort.signal,
        maxBodyLength: Infinity,
        // Keep the reply as text: it is parsed and validated by the caller, never trusted.
        responseType: 'text',
        transformResponse: [(d: unknown) => d]
      })
      return { ok: true, text: String(r.data), attempts }
    } catch (e) {
      // A JSON error body arrives as text too (transformResponse above).
      const ax = e as AxiosError
      if (ax?.response && typeof ax.response.data === 'string') {
        try { ax.response.data = JSON.parse(ax.response.data) } catch { /* not JSON: classified by status */ }
      }
      const c = classify(e)
      if (!c.retry || attempts > cfg.maxRetries) {
        return { ok: false, kind: c.kind, status: c.status, code: c.code, attempts, detail: c.detail }
      }
      await cfg.sleep(cfg.backoffMs * 2 ** (attempts - 1))
    } finally {
      clearTimeout(timer)
    }
  }
}

/** One chat completion, non-streaming, JSON output. Never throws. */
export async function chatCompletion (cfg: GlmConfig, messages: ChatMessage[], openid: string): Promise<GlmResult> {
  const body = {
    model: cfg.model,
    messages,
    temperature: GLM_TEMPERATURE,
    max_tokens: GLM_MAX_TOKENS,
    stream: false,
    response_format: { type: 'json_object' },
    user_id: glmUserId(openid),
    request_id: randomUUID()
  }
  const r = await postWithRetry(cfg, '/chat/completions', body, { 'Content-Type': 'application/json' })
  if (!r.ok) return r
  let data: unknown
  try { data = JSON.parse(r.text) } catch { return { ok: false, kind: 'malformed', attempts: r.attempts, detail: 'response is not JSON' } }
  const choice = (data as { choices?: Array<{ finish_reason?: unknown, message?: { content?: unknown } }> })?.choices?.[0]
  if (choice?.finish_reason === 'sensitive') return { ok: false, kind: 'unsafe', attempts: r.attempts, detail: 'finish_reason sensitive' }
  const content = choice?.message?.content
  if (typeof content !== 'string') return { ok: false, kind: 'malformed', attempts: r.attempts, detail: 'no message content' }
  return { ok: true, content, attempts: r.attempts }
}

/** GLM-ASR (speech → text): same key and base URL as the chat model, its own model and deadline. */
export const GLM_ASR_DEFAULT_MODEL = 'glm-asr-2512'
/** ms; a 30 s clip is recognised in a few seconds; below the asr function's 20 s timeout. */
export const GLM_ASR_DEFAULT_TIMEOUT_MS = 15000

/** ASR configuration from the environment, or null when there is no API key. */
export function asrConfigFromEnv (env: Readonly<Record<string, string | undefined>> = process.env, sleep = realSleep): GlmConfig | null {
  const base = glmConfigFromEnv(env, sleep)
  if (!base) return null
  const timeout = Number(env.GLM_ASR_TIMEOUT_MS)
  return {
    ...base,
    model: (env.GLM_ASR_MODEL ?? '').trim() || GLM_ASR_DEFAULT_MODEL,
    timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : GLM_ASR_DEFAULT_TIMEOUT_MS
  }
}

export type AsrResult = { ok: true, text: string, attempts: number } | Extract<GlmResult, { ok: false }>

/**
 * One transcription: POST {base}/audio/transcriptions as multipart/form-data with `model`,
 * `stream=false`, the audio as `file_base64` (the documented alternative to a file part), one
 * `hotwords` field per hot word, and `user_id`. Built by hand (no FormData: the cloud runtime
 * may be Node 16). Never throws.
 */
export async function transcribe (cfg: GlmConfig, audioBase64: string, hotwords: readonly string[], openid: string): Promise<AsrResult> {
  const boundary = `----shouyu${randomUUID().replace(/-/g, '')}`
  const fields: Array<[string, string]> = [
    ['model', cfg.model], ['stream', 'false'], ['file_base64', audioBase64],
    ...hotwords.map((w): [string, string] => ['hotwords', w]),
    ['user_id', glmUserId(openid)], ['request_id', randomUUID()]
  ]
  const body = Buffer.from(fields.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('') + `--${boundary}--\r\n`, 'utf8')
  const r = await postWithRetry(cfg, '/audio/transcriptions', body, { 'Content-Type': `multipart/form-data; boundary=${boundary}` })
  if (!r.ok) return r
  let data: unknown
  try { data = JSON.parse(r.text) } catch { return { ok: false, kind: 'malformed', attempts: r.attempts, detail: 'response is not JSON' } }
  const text = (data as { text?: unknown })?.text
  if (typeof text !== 'string') return { ok: false, kind: 'malformed', attempts: r.attempts, detail: 'no text' }
  return { ok: true, text, attempts: r.attempts }
}
