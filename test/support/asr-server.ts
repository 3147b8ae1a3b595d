/**
 * A real HTTP server (node:http, 127.0.0.1, random port) speaking Zhipu's GLM-ASR protocol
 * (POST {base}/audio/transcriptions, multipart/form-data; docs/glm-protocol.md "Speech to text"),
 * for the asr tests, the browser test and the bench. It parses the multipart body, checks the
 * Bearer key (401 1000/1001), the model (400 1211), that `file_base64` is a WAV or MP3 of at most
 * 30 s (400 1214), records every request, and plays a per-test queue of behaviours; with an empty
 * queue it answers success with `transcript`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { ASR_MAX_SECONDS, audioInfo } from '../../src/core/translate/audio'

export type AsrBehaviour =
  | { kind: 'success', text?: string }
  | { kind: 'error', status: number, code: string, message?: string }
  | { kind: 'hang' }
  | { kind: 'drop' }

export interface AsrRequest {
  path: string
  headers: IncomingMessage['headers']
  /** Multipart fields; repeated fields (hotwords) collect into arrays. */
  fields: Record<string, string[]>
}

export interface AsrServer {
  /** What GLM_BASE_URL is set to. */
  baseUrl: string
  requests: AsrRequest[]
  /** The text a success answers with when its behaviour names none. */
  transcript: string
  enqueue (...b: AsrBehaviour[]): void
  reset (): void
  close (): Promise<void>
}

export const ASR_MODELS = ['glm-asr-2512']
const PATH = '/api/paas/v4/audio/transcriptions'

/** Fields of a multipart/form-data body (text parts only: that is all file_base64 needs). */
export function parseMultipart (body: Buffer, contentType: string | undefined): Record<string, string[]> | null {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType ?? '')
  if (!/^multipart\/form-data/i.test(contentType ?? '') || !m) return null
  const boundary = '--' + (m[1] ?? m[2])
  const fields: Record<string, string[]> = {}
  for (const part of body.toString('utf8').split(boundary).slice(1)) {
    if (part.startsWith('--')) break
    const sep = part.indexOf('\r\n\r\n')
    if (sep < 0) return null
    const name = /name="([^"]*)"/.exec(part.slice(0, sep))?.[1]
    if (name === undefined) return null
    ;(fields[name] ??= []).push(part.slice(sep + 4).replace(/\r\n$/, ''))
  }
  return fields
}

export async function startAsrServer (opts: { apiKey: string, transcript?: string }): Promise<AsrServer> {
  const queue: AsrBehaviour[] = []
  const requests: AsrRequest[] = []
  const sockets = new Set<Socket>()
  const send = (res: ServerResponse, status: number, body: unknown): void => {
    res.writeHead(status, { 'Content-Type': 'application/json; charset=UTF-8' })
    res.end(JSON.stringify(body))
  }
  const error = (res: ServerResponse, status: number, code: string, message: string): void => send(res, status, { error: { code, message } })
  const handle: AsrServer = {
    baseUrl: '',
    requests,
    transcript: opts.transcript ?? '我明天去学校',
    enqueue: (...b: AsrBehaviour[]) => { queue.push(...b) },
    reset: () => { queue.length = 0; requests.length = 0 },
    close: async () => { /* replaced once listening */ }
  }
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', c => chunks.push(c as Buffer))
    req.on('end', () => {
      const fields = parseMultipart(Buffer.concat(chunks), req.headers['content-type']) ?? {}
      requests.push({ path: req.url ?? '', headers: req.headers, fields })
      if (req.method !== 'POST' || req.url !== PATH) return error(res, 404, '404', 'Not Found')
      const auth = req.headers.authorization
      if (typeof auth !== 'string' || !auth.startsWith('Bearer ')) return error(res, 401, '1001', 'Header中未收到Authentication参数，无法进行身份验证。')
      if (auth.slice(7) !== opts.apiKey) return error(res, 401, '1000', '身份验证失败。')
      if (!ASR_MODELS.includes(fields.model?.[0] ?? '')) return error(res, 400, '1211', '模型不存在，请检查模型代码。')
      const audio = fields.file_base64?.[0]
      if (audio === undefined) return error(res, 400, '1214', 'file 或 file_base64 参数缺失。')
      const info = audioInfo(new Uint8Array(Buffer.from(audio, 'base64')))
      if (!info.ok) return error(res, 400, '1214', '不支持的音频格式，仅支持 wav / mp3。')
      if (info.durationMs > ASR_MAX_SECONDS * 1000) return error(res, 400, '1214', '音频时长超过 30 秒。')
      const b: AsrBehaviour = queue.shift() ?? { kind: 'success' }
      switch (b.kind) {
        case 'success': return send(res, 200, { id: 'mock', created: Math.floor(Date.now() / 1000), request_id: fields.request_id?.[0] ?? 'mock', model: fields.model[0], text: b.text ?? handle.transcript })
        case 'error': return error(res, b.status, b.code, b.message ?? 'error')
        case 'hang': return undefined
        case 'drop': req.socket.destroy(); return undefined
      }
    })
  })
  server.on('connection', s => { sockets.add(s); s.on('close', () => sockets.delete(s)) })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  handle.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/paas/v4`
  handle.close = () => new Promise<void>(resolve => {
    for (const s of sockets) s.destroy()
    server.close(() => resolve())
  })
  return handle
}
