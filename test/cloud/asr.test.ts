/**
 * The asr cloud function through main(), against a real local HTTP server speaking Zhipu's GLM-ASR
 * protocol (test/support/asr-server.ts): success, content safety, timeout, retries, too long,
 * unsupported format, no key — each failure a Chinese message that says typing still works.
 */
import { startAsrServer, type AsrServer } from '../support/asr-server'
import { ASR_RATE_LIMIT_PER_MINUTE, hotwords, limits, main, runtime, type AsrResponse, type AsrSuccess } from '../../cloudfunctions/asr/index'
import { overrideDictionary } from '../../cloudfunctions/_shared/dictionary'
import { resetStoreForTests } from '../../cloudfunctions/_shared/env'
import { ASR_MAX_BASE64_CHARS, ASR_MAX_HOTWORDS, encodeWav } from '../../src/core/translate/audio'
import { glmUserId } from '../../cloudfunctions/_shared/glm'
import type { Dictionary, DictEntry } from '../../src/core/sign/dictionary'

const KEY = 'asr-test-key.secret'
let asr: AsrServer
let sleeps: number[]
const env = { ...process.env }

/** A real 16 kHz mono 16-bit WAV of `seconds` of a 220 Hz tone, as base64. */
function wavBase64 (seconds: number): string {
  const n = Math.round(seconds * 16000)
  const s = new Float32Array(n)
  for (let i = 0; i < n; i++) s[i] = 0.3 * Math.sin(2 * Math.PI * 220 * i / 16000)
  return Buffer.from(encodeWav(s, 16000)).toString('base64')
}

/** MPEG-2 Layer III frames (16 kHz, 32 kbit/s, mono), silent payload: `seconds` of MP3. */
function mp3Base64 (seconds: number): string {
  const frameBytes = Math.floor(576 / 8 * 32000 / 16000) // 144
  const frames = Math.ceil(seconds * 16000 / 576)
  const out = Buffer.alloc(frames * frameBytes)
  for (let f = 0; f < frames; f++) out.set([0xff, 0xf3, 0x48, 0xc4], f * frameBytes) // MPEG-2, L3, 32 kbit/s, 16 kHz, mono
  return out.toString('base64')
}

function dictionary (): Dictionary {
  const e = (id: string, word: string, freq: number, category = 'verbs'): DictEntry =>
    ({ id, word, pos: '名', category, shares: [], freq, notation: {} }) as unknown as DictEntry
  return { version: 2, dataVersion: 'asr', categories: [], entries: [e('shouyu', '手语', 900), e('xuexiao', '学校', 800), e('a', 'A', 1, 'letters'), e('yi', '一', 1, 'numbers'), e('ma', '马', 1)] }
}

beforeAll(async () => { asr = await startAsrServer({ apiKey: KEY, transcript: '我明天去学校' }) })
afterAll(async () => { await asr.close() })
beforeEach(() => {
  process.env = { ...env, SHOUYU_SQLITE: ':memory:', GLM_API_KEY: KEY, GLM_BASE_URL: asr.baseUrl, GLM_ASR_TIMEOUT_MS: '400' }
  delete process.env.GLM_ASR_MODEL
  resetStoreForTests()
  overrideDictionary(dictionary())
  asr.reset()
  sleeps = []
  runtime.sleep = async (ms: number) => { sleeps.push(ms) }
  runtime.now = () => Date.UTC(2026, 0, 1, 8, 0, 0)
  jest.spyOn(console, 'warn').mockImplementation(() => undefined)
  jest.spyOn(console, 'error').mockImplementation(() => undefined)
})
afterEach(() => { jest.restoreAllMocks(); process.env = { ...env } })

function ok (r: AsrResponse): AsrSuccess {
  if (!r.ok) throw new Error(`expected success, got ${r.code}: ${r.message}`)
  return r
}
const TYPE_INSTEAD = /直接输入文字/

describe('asr: success', () => {
  it('a WAV becomes the recognised text, in one well-formed multipart request', async () => {
    const audio = wavBase64(2)
    const r = ok(await main({ audio, format: 'wav', __localUser: 'u1' }))
    expect(r).toEqual({ ok: true, version: 1, text: '我明天去学校', model: 'glm-asr-2512', durationMs: 2000 })
    expect(asr.requests).toHaveLength(1)
    const req = asr.requests[0]
    expect(req.headers.authorization).toBe(`Bearer ${KEY}`)
    expect(req.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/)
    expect(req.fields.model).toEqual(['glm-asr-2512'])
    expect(req.fields.stream).toEqual(['false'])
    expect(req.fields.file_base64).toEqual([audio])
    expect(req.fields.user_id).toEqual([glmUserId('u1')])
    expect(req.fields.hotwords).toEqual(hotwords())
  })

  it('an MP3 (what WeChat records) is accepted too, and GLM_ASR_MODEL picks the model', async () => {
    process.env.GLM_ASR_MODEL = 'glm-asr-2512'
    const r = ok(await main({ audio: mp3Base64(3), format: 'mp3' }))
    expect(r.text).toBe('我明天去学校')
    expect(r.durationMs).toBeGreaterThanOrEqual(2900)
  })

  it('hot words come from the dictionary: our seed words first, never letters or numbers, at most 100', () => {
    const h = hotwords()
    expect(h[0]).toBe('手语')
    expect(h).toContain('学校')
    expect(h).not.toContain('A')
    expect(h).not.toContain('一')
    expect(h.length).toBeLessThanOrEqual(ASR_MAX_HOTWORDS)
  })

  it('retries a busy server (429 1302) with backoff, then answers', async () => {
    asr.enqueue({ kind: 'error', status: 429, code: '1302' }, { kind: 'error', status: 500, code: '500' })
    expect(ok(await main({ audio: wavBase64(1), format: 'wav' })).text).toBe('我明天去学校')
    expect(asr.requests).toHaveLength(3)
    expect(sleeps).toEqual([500, 1000])
  })
})

describe('asr: failures are Chinese messages, and typing still works', () => {
  it('no key → ASR_UNAVAILABLE without any request', async () => {
    delete process.env.GLM_API_KEY
    const r = await main({ audio: wavBase64(1), format: 'wav' })
    expect(r).toMatchObject({ ok: false, code: 'ASR_UNAVAILABLE' })
    expect(!r.ok && r.message).toMatch(TYPE_INSTEAD)
    expect(asr.requests).toHaveLength(0)
  })

  it('content safety (1301) → UNSAFE, not retried', async () => {
    asr.enqueue({ kind: 'error', status: 400, code: '1301', message: '系统检测到输入或生成内容可能包含不安全或敏感内容' })
    expect(await main({ audio: wavBase64(1), format: 'wav' })).toMatchObject({ ok: false, code: 'UNSAFE', message: expect.stringMatching(/不适合/) })
    expect(asr.requests).toHaveLength(1)
  })

  it('a server slower than the deadline → ASR_TIMEOUT quickly, not retried', async () => {
    asr.enqueue({ kind: 'hang' })
    const t0 = Date.now()
    const r = await main({ audio: wavBase64(1), format: 'wav' })
    expect(r).toMatchObject({ ok: false, code: 'ASR_TIMEOUT' })
    expect(!r.ok && r.message).toMatch(TYPE_INSTEAD)
    expect(Date.now() - t0).toBeLessThan(3000)
    expect(asr.requests).toHaveLength(1)
  })

  it('longer than 30 s → AUDIO_TOO_LONG before any request (the cost is never paid)', async () => {
    const r = await main({ audio: wavBase64(31), format: 'wav' })
    expect(r).toMatchObject({ ok: false, code: 'AUDIO_TOO_LONG', message: expect.stringMatching(/最多 30 秒.*31 秒/) })
    expect(asr.requests).toHaveLength(0)
  })

  it('an unsupported format (OGG bytes, or bytes that do not match the claimed format) → UNSUPPORTED_AUDIO', async () => {
    const ogg = Buffer.from('OggS\0\u0002' + '\0'.repeat(200), 'binary').toString('base64')
    expect(await main({ audio: ogg, format: 'wav' })).toMatchObject({ ok: false, code: 'UNSUPPORTED_AUDIO', message: expect.stringMatching(/wav 或 mp3/) })
    expect(await main({ audio: wavBase64(1), format: 'mp3' })).toMatchObject({ ok: false, code: 'UNSUPPORTED_AUDIO' })
    expect(await main({ audio: wavBase64(1), format: 'ogg' })).toMatchObject({ ok: false, code: 'BAD_FORMAT' })
    expect(asr.requests).toHaveLength(0)
  })

  it('what the server refuses as a bad file (400 1214) → ASR_REJECTED, not retried', async () => {
    asr.enqueue({ kind: 'error', status: 400, code: '1214', message: '不支持的音频格式' })
    expect(await main({ audio: wavBase64(1), format: 'wav' })).toMatchObject({ ok: false, code: 'ASR_REJECTED' })
    expect(asr.requests).toHaveLength(1)
  })

  it('bad input: not an object, no audio, not base64, too big, too short', async () => {
    expect(await main('x')).toMatchObject({ ok: false, code: 'BAD_REQUEST' })
    expect(await main({ format: 'wav' })).toMatchObject({ ok: false, code: 'AUDIO_MISSING' })
    expect(await main({ audio: '%%%%', format: 'wav' })).toMatchObject({ ok: false, code: 'BAD_AUDIO' })
    expect(await main({ audio: 'A'.repeat(1_400_000), format: 'wav' })).toMatchObject({ ok: false, code: 'AUDIO_TOO_LARGE' })
    expect(await main({ audio: wavBase64(0.1), format: 'wav' })).toMatchObject({ ok: false, code: 'AUDIO_TOO_SHORT' })
    expect(asr.requests).toHaveLength(0)
  })

  it('a wrong key → ASR_AUTH; silence recognised as nothing → ASR_EMPTY', async () => {
    process.env.GLM_API_KEY = 'wrong'
    expect(await main({ audio: wavBase64(1), format: 'wav' })).toMatchObject({ ok: false, code: 'ASR_AUTH' })
    process.env.GLM_API_KEY = KEY
    asr.enqueue({ kind: 'success', text: '  ' })
    expect(await main({ audio: wavBase64(1), format: 'wav' })).toMatchObject({ ok: false, code: 'ASR_EMPTY', message: expect.stringMatching(/没有听清/) })
  })

  it(`more than ${ASR_RATE_LIMIT_PER_MINUTE} recognitions a minute → RATE_LIMITED`, async () => {
    const audio = wavBase64(0.5)
    for (let i = 0; i < ASR_RATE_LIMIT_PER_MINUTE; i++) ok(await main({ audio, format: 'wav', __localUser: 'busy' }))
    expect(await main({ audio, format: 'wav', __localUser: 'busy' })).toMatchObject({ ok: false, code: 'RATE_LIMITED' })
    ok(await main({ audio, format: 'wav', __localUser: 'other' }))
  })
})

test('the local server lets 30 s of audio through to asr: its declared body limit holds the longest call', () => {
  const longest = JSON.stringify({ audio: 'A'.repeat(ASR_MAX_BASE64_CHARS), format: 'wav', hotwords: Array.from({ length: ASR_MAX_HOTWORDS }, () => '人工耳蜗手语翻译') })
  expect(limits.bodyMaxBytes).toBeGreaterThanOrEqual(Buffer.byteLength(longest))
  // …and not much more: a bigger body is refused before it reaches the function.
  expect(limits.bodyMaxBytes).toBeLessThan(Buffer.byteLength(longest) + 64 * 1024)
})
