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
  let attempts = 0
  for (;;) {
    attempts++
    // A whole-request deadline: axios' own timeout only covers socket inactivity.
    const abort = new AbortController()
    const timer = setTimeout(() => abort.abort(), cfg.timeoutMs)
    try {
      const r = await axios.post(`${cfg.baseUrl}/chat/completions`, body, {
        headers: { Authorization: `Bearer ${cfg.apiKey}`, 'Content-Type': 'application/json' },
        timeout: cfg.timeoutMs,
        signal: abort.signal,
        // Keep the reply as text: it is parsed and validated below, never trusted.
        responseType: 'text',
        transformResponse: [(d: unknown) => d]
      })
      let data: unknown
      try { data = JSON.parse(String(r.data)) } catch { return { ok: false, kind: 'malformed', attempts, detail: 'response is not JSON' } }
      const choice = (data as { choices?: Array<{ finish_reason?: unknown, message?: { content?: unknown } }> })?.choices?.[0]
      if (choice?.finish_reason === 'sensitive') return { ok: false, kind: 'unsafe', attempts, detail: 'finish_reason sensitive' }
      const content = choice?.message?.content
      if (typeof content !== 'string') return { ok: false, kind: 'malformed', attempts, detail: 'no message content' }
      return { ok: true, content, attempts }
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
