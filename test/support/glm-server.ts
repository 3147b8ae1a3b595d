/**
 * A real HTTP server (node:http, 127.0.0.1, random port) speaking the Zhipu GLM v4 chat
 * completions protocol, for tests and benchmarks (docs/glm-protocol.md, "What the fake server must do").
 * It checks the Bearer header (401 1001 / 1000), the model (400 1211) and messages (400 1214),
 * records every request, and plays a per-test queue of scripted behaviours; with an empty queue it
 * answers success, signing the candidate ids of the prompt in the order given.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

export type GlmBehaviour =
  /** 200 with glosses (or raw `content`, e.g. malformed JSON); default: the prompt's candidates. */
  | { kind: 'success', glosses?: unknown[], content?: string }
  /** An error body `{error:{code,message}}` with this HTTP status (1301 adds contentFilter). */
  | { kind: 'error', status: number, code: string, message?: string }
  /** 200 with finish_reason 'sensitive' (output blocked by the platform's safety audit). */
  | { kind: 'sensitive' }
  /** Never answers (until the server closes): exercises the client timeout. */
  | { kind: 'hang' }
  /** Closes the connection without a response. */
  | { kind: 'drop' }

export interface RecordedRequest {
  method: string
  path: string
  headers: IncomingMessage['headers']
  body: any
}

export interface GlmServer {
  /** e.g. http://127.0.0.1:43210/api/paas/v4 (what GLM_BASE_URL is set to). */
  baseUrl: string
  requests: RecordedRequest[]
  /** Appends behaviours; each request takes the next one. */
  enqueue (...b: GlmBehaviour[]): void
  /** Clears the queue and the recorded requests. */
  reset (): void
  close (): Promise<void>
}

export const MOCK_MODELS = ['glm-4-flash-250414', 'glm-4.7-flash', 'glm-4-flashx-250414']
const PATH = '/api/paas/v4/chat/completions'

const MESSAGES: Record<string, string> = {
  1000: '身份验证失败。',
  1001: 'Header中未收到Authentication参数，无法进行身份验证。',
  1113: '您的账户已欠费，请充值后重试。',
  1211: '模型不存在，请检查模型代码。',
  1214: 'messages 参数非法。请检查文档。',
  1261: 'Prompt 超长',
  1301: '系统检测到输入或生成内容可能包含不安全或敏感内容，请您避免输入易产生敏感内容的提示语，感谢您的配合。',
  1302: '您当前使用该 API 的并发数过高，请降低并发，或联系客服增加限额。',
  500: 'Internal Error'
}

/** Candidate ids listed in the prompt's user message (lines `id=词（pos）`). */
export function promptCandidates (body: RecordedRequest['body']): string[] {
  const user = Array.isArray(body?.messages) ? body.messages.find((m: { role?: string }) => m.role === 'user') : undefined
  const text = typeof user?.content === 'string' ? user.content : ''
  return [...text.matchAll(/^([a-z0-9_]+)=/gm)].map(m => m[1])
}

function completion (model: string, content: string, finishReason = 'stop'): string {
  return JSON.stringify({
    id: `mock-${Date.now()}`,
    request_id: 'mock',
    created: Math.floor(Date.now() / 1000),
    model,
    object: 'chat.completion',
    choices: [{ index: 0, finish_reason: finishReason, message: { role: 'assistant', content } }],
    usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 }
  })
}

export async function startGlmServer (opts: { apiKey: string }): Promise<GlmServer> {
  const queue: GlmBehaviour[] = []
  const requests: RecordedRequest[] = []
  const sockets = new Set<Socket>()

  const send = (res: ServerResponse, status: number, body: string): void => {
    res.writeHead(status, { 'Content-Type': 'application/json; charset=UTF-8' })
    res.end(body)
  }
  const error = (res: ServerResponse, status: number, code: string, message?: string): void => {
    const body: Record<string, unknown> = { error: { code, message: message ?? MESSAGES[code] ?? 'error' } }
    if (code === '1301') body.contentFilter = [{ level: 1, role: 'user' }]
    send(res, status, JSON.stringify(body))
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', c => chunks.push(c as Buffer))
    req.on('end', () => {
      let body: any
      try { body = JSON.parse(Buffer.concat(chunks).toString('utf8')) } catch { body = undefined }
      requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body })
      if (req.method !== 'POST' || req.url !== PATH) return send(res, 404, JSON.stringify({ error: { code: '404', message: 'Not Found' } }))
      const auth = req.headers.authorization
      if (typeof auth !== 'string' || !auth.startsWith('Bearer ')) return error(res, 401, '1001')
      if (auth.slice(7) !== opts.apiKey) return error(res, 401, '1000')
      if (body === undefined || typeof body !== 'object') return error(res, 400, '1210', 'API 调用参数有误，请检查文档。')
      if (!MOCK_MODELS.includes(body.model)) return error(res, 400, '1211')
      if (!Array.isArray(body.messages) || body.messages.length === 0) return error(res, 400, '1214')
      const b: GlmBehaviour = queue.shift() ?? { kind: 'success' }
      switch (b.kind) {
        case 'success': {
          const content = b.content ?? JSON.stringify({ glosses: b.glosses ?? promptCandidates(body).map(id => ({ id })) })
          return send(res, 200, completion(body.model, content))
        }
        case 'sensitive': return send(res, 200, completion(body.model, '', 'sensitive'))
        case 'error': return error(res, b.status, b.code, b.message)
        case 'hang': return undefined
        case 'drop': req.socket.destroy(); return undefined
      }
    })
  })
  server.on('connection', s => { sockets.add(s); s.on('close', () => sockets.delete(s)) })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    baseUrl: `http://127.0.0.1:${port}/api/paas/v4`,
    requests,
    enqueue: (...b) => { queue.push(...b) },
    reset: () => { queue.length = 0; requests.length = 0 },
    close: () => new Promise<void>(resolve => {
      for (const s of sockets) s.destroy() // hung requests must not keep the server open
      server.close(() => resolve())
    })
  }
}
