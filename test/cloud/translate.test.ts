/**
 * The translate cloud function end to end through main(): local mode on SQLite (:memory:), the
 * model at a real local HTTP server speaking the GLM protocol, and WeChat mode with a fake cloud
 * module (never the real wx-server-sdk).
 */
import { startGlmServer, type GlmServer } from '../support/glm-server'
import { main, runtime, RATE_LIMIT_PER_MINUTE, type TranslateSuccess, type TranslateResponse } from '../../cloudfunctions/translate/index'
import { overrideDictionary } from '../../cloudfunctions/_shared/dictionary'
import { openStore, resetStoreForTests, setCloudForTests } from '../../cloudfunctions/_shared/env'
import { createFakeCloud, FakeCloudError } from '../../cloudfunctions/_shared/fake-cloud'
import { glmUserId } from '../../cloudfunctions/_shared/glm'
import type { Dictionary, DictEntry } from '../../src/core/sign/dictionary'
import data from '../unit/translate/sentences.json'

const KEY = 'test-key.secret'

function fixtureDictionary (dataVersion = 'fixture1'): Dictionary {
  const entries = data.vocabulary.map(line => {
    const [id, word, pos, category, ...shares] = line.split(' ')
    return { id, word, pos, category, shares, notation: { dom: `A f:u p:c @neutral ; note(${id})` } } as unknown as DictEntry
  })
  // 你好 as a compound of 你 + 好: the response must flatten it to the two parts.
  const nihao = entries.find(e => e.id === 'nihao') as DictEntry
  nihao.notation = { compound: ['ni', 'hao'] }
  return { version: 2, dataVersion, categories: [], entries }
}

let glm: GlmServer
let sleeps: number[]
let clock: number
const env = { ...process.env }

beforeAll(async () => { glm = await startGlmServer({ apiKey: KEY }) })
afterAll(async () => { await glm.close() })

beforeEach(() => {
  process.env = { ...env, SHOUYU_SQLITE: ':memory:', GLM_API_KEY: KEY, GLM_BASE_URL: glm.baseUrl, GLM_TIMEOUT_MS: '400' }
  delete process.env.GLM_MODEL
  setCloudForTests(null)
  resetStoreForTests()
  overrideDictionary(fixtureDictionary())
  glm.reset()
  sleeps = []
  clock = Date.UTC(2026, 0, 1, 8, 0, 0)
  runtime.now = () => clock
  runtime.sleep = async (ms: number) => { sleeps.push(ms) }
  jest.spyOn(console, 'warn').mockImplementation(() => undefined)
  jest.spyOn(console, 'error').mockImplementation(() => undefined)
})
afterEach(() => { jest.restoreAllMocks(); process.env = { ...env } })

function ok (r: TranslateResponse): TranslateSuccess {
  if (!r.ok) throw new Error(`expected success, got ${r.code}: ${r.message}`)
  return r
}
const ids = (r: TranslateSuccess): Array<string | undefined> => r.glosses.map(g => g.id ?? `指:${g.fingerspell}`)

describe('model path (GLM protocol server)', () => {
  it('answers with the model, labelled AI-generated, and sends a well-formed request', async () => {
    glm.enqueue({ kind: 'success', glosses: [{ id: 'jia' }, { id: 'hui' }, { id: 'wo' }, { id: 'xiang' }] })
    const r = ok(await main({ text: '我想回家', mode: 'standard', __localUser: 'alice' }, {}))
    expect(r).toMatchObject({ engine: 'glm', aiGenerated: true, cached: false, safety: 'skipped-local', reason: '已由模型按中国手语语序翻译', model: 'glm-4-flash-250414', dataVersion: 'fixture1' })
    expect(r.glosses.map(g => g.text)).toEqual(['家', '回', '我', '想'])
    expect(r.glosses[0].parts).toEqual([{ label: '家', notation: { dom: 'A f:u p:c @neutral ; note(jia)' } }])

    expect(glm.requests).toHaveLength(1)
    const req = glm.requests[0]
    expect(req.path).toBe('/api/paas/v4/chat/completions')
    expect(req.headers.authorization).toBe(`Bearer ${KEY}`)
    expect(req.body).toMatchObject({ model: 'glm-4-flash-250414', temperature: 0.2, stream: false, response_format: { type: 'json_object' } })
    expect(req.body.user_id).toBe(glmUserId('alice'))
    expect(req.body.user_id).not.toContain('alice')
    expect(req.body.user_id.length).toBeGreaterThanOrEqual(6)
    const [system, user] = req.body.messages
    expect(system.role).toBe('system')
    expect(system.content).toContain('否定词')
    expect(system.content).toContain('我没有吃饭 → 我 吃饭 没有')
    // Only the sentence's candidates, not the dictionary.
    expect(user.content).toContain('jia=家')
    expect(user.content).toContain('xiang=想')
    expect(user.content).not.toContain('pingguo')
  })

  it('uses GLM_MODEL and asks for compression in concise mode', async () => {
    process.env.GLM_MODEL = 'glm-4.7-flash'
    const r = ok(await main({ text: '我今天也非常忙', mode: 'concise' }))
    expect(r.model).toBe('glm-4.7-flash')
    expect(glm.requests[0].body.model).toBe('glm-4.7-flash')
    expect(glm.requests[0].body.messages[0].content).toContain('语义精简')
    expect(glm.requests[0].body.messages[0].content).toContain('80')
  })

  it('holds a reply to the vocabulary: repairs words and shares, fingerspells names, drops the rest', async () => {
    glm.enqueue({
      kind: 'success',
      glosses: [
        { fingerspell: 'li ming', text: '李明' }, { id: 'wo' }, { id: '朋友' }, { text: '感谢' },
        { id: 'dragon_zz_not_in_dictionary_at_all' }, { fingerspell: 'x!!' }, 42, { id: 'shi', question: true }
      ]
    })
    const r = ok(await main({ text: '李明是我的朋友吗' }))
    expect(ids(r)).toEqual(['指:li ming', 'wo', 'pengyou', 'xiexie', 'shi'])
    expect(r.glosses[0].letters).toEqual(['L', 'I', 'M', 'I', 'NG'])
    expect(r.glosses[0].parts.map(p => p.label)).toEqual(['L', 'I', 'M', 'I', 'NG'])
    expect(r.glosses[3].text).toBe('感谢')
    expect(r.dropped).toEqual(['dragon_zz_no', 'x!!', '?'])
    // The question rides on the last sign's face.
    expect(r.glosses[4].question).toBe(true)
    expect(r.glosses[4].parts[0].notation.face).toBe('expr=疑问 brows=raise')
    expect(JSON.stringify(r)).not.toContain('not_in_dictionary')
  })

  it('flattens a compound into its parts', async () => {
    glm.enqueue({ kind: 'success', glosses: [{ id: 'nihao' }] })
    const r = ok(await main({ text: '你好' }))
    expect(r.glosses[0].parts.map(p => p.label)).toEqual(['你', '好'])
  })

  it('malformed JSON content → offline rules, no retry', async () => {
    glm.enqueue({ kind: 'success', content: '好的！以下是翻译：家 回 我 想' })
    const r = ok(await main({ text: '我想回家' }))
    expect(r).toMatchObject({ engine: 'offline', aiGenerated: false, reason: '模型回复无法使用，已使用离线规则翻译' })
    expect(r.glosses.map(g => g.text)).toEqual(['我', '想', '回', '家'])
    expect(glm.requests).toHaveLength(1)
    expect(JSON.stringify(r)).not.toContain('以下是翻译')
  })

  it('a reply with no usable gloss → offline', async () => {
    glm.enqueue({ kind: 'success', glosses: [{ id: 'nope' }, 'blah'] })
    const r = ok(await main({ text: '我想回家' }))
    expect(r.engine).toBe('offline')
  })

  it('400 1301 (content safety) → UNSAFE, not a fallback, no retry', async () => {
    glm.enqueue({ kind: 'error', status: 400, code: '1301' })
    expect(await main({ text: '我想回家' })).toEqual({ ok: false, code: 'UNSAFE', message: '这句话含有不适合翻译的内容，请修改后再试。' })
    expect(glm.requests).toHaveLength(1)
  })

  it("finish_reason 'sensitive' → UNSAFE", async () => {
    glm.enqueue({ kind: 'sensitive' })
    expect(await main({ text: '我想回家' })).toMatchObject({ ok: false, code: 'UNSAFE' })
  })

  it('429 1113 (no balance) → offline at once, no retry', async () => {
    glm.enqueue({ kind: 'error', status: 429, code: '1113' })
    const r = ok(await main({ text: '我想回家' }))
    expect(r).toMatchObject({ engine: 'offline', reason: '模型账户余额不足，已使用离线规则翻译' })
    expect(glm.requests).toHaveLength(1)
    expect(sleeps).toEqual([])
  })

  it('429 1302 then success → retried once with backoff, model answers', async () => {
    glm.enqueue({ kind: 'error', status: 429, code: '1302' }, { kind: 'success' })
    const r = ok(await main({ text: '我想回家' }))
    expect(r.engine).toBe('glm')
    expect(glm.requests).toHaveLength(2)
    expect(sleeps).toEqual([500])
  })

  it('500 then success → retried; 500 three times → offline after 3 requests with growing backoff', async () => {
    glm.enqueue({ kind: 'error', status: 500, code: '500' }, { kind: 'success' })
    expect(ok(await main({ text: '我想回家' })).engine).toBe('glm')
    expect(glm.requests).toHaveLength(2)

    glm.reset(); sleeps = []
    glm.enqueue(...Array.from({ length: 3 }, () => ({ kind: 'error' as const, status: 500, code: '500' })))
    const r = ok(await main({ text: '我明天去北京' }))
    expect(r).toMatchObject({ engine: 'offline', reason: '模型服务出错，已使用离线规则翻译' })
    expect(glm.requests).toHaveLength(3)
    expect(sleeps).toEqual([500, 1000])
  })

  it('a hang past the timeout → offline with the timeout reason, quickly, no retry', async () => {
    glm.enqueue({ kind: 'hang' })
    const t0 = Date.now()
    const r = ok(await main({ text: '我明天去北京' }))
    expect(r).toMatchObject({ engine: 'offline', reason: '模型请求超时，已使用离线规则翻译' })
    expect(r.glosses.map(g => g.text)).toEqual(['明天', '我', '去', '北京'])
    expect(Date.now() - t0).toBeLessThan(3000)
    expect(glm.requests).toHaveLength(1)
  })

  it('a dropped connection is retried, then offline', async () => {
    glm.enqueue({ kind: 'drop' }, { kind: 'drop' }, { kind: 'drop' })
    const r = ok(await main({ text: '我想回家' }))
    expect(r).toMatchObject({ engine: 'offline', reason: '无法连接模型服务，已使用离线规则翻译' })
    expect(glm.requests).toHaveLength(3)
  })

  it('a wrong key (401) → offline, no retry', async () => {
    process.env.GLM_API_KEY = 'wrong'
    const r = ok(await main({ text: '我想回家' }))
    expect(r).toMatchObject({ engine: 'offline', reason: '模型密钥无效，已使用离线规则翻译' })
    expect(glm.requests).toHaveLength(1)
  })

  it('no key → offline, no request at all', async () => {
    delete process.env.GLM_API_KEY
    const r = ok(await main({ text: '我没有吃饭' }))
    expect(r).toMatchObject({ engine: 'offline', aiGenerated: false, cached: false, reason: '未配置模型密钥，已使用离线规则翻译' })
    expect(r.glosses.map(g => g.text)).toEqual(['我', '吃饭', '没有'])
    expect(glm.requests).toHaveLength(0)
  })
})

describe('consent to the model', () => {
  it('a user who did not agree to send sentences to the model gets the offline rules, and the model hears nothing', async () => {
    const r = ok(await main({ text: '我想回家', model: false }))
    expect(r).toMatchObject({ engine: 'offline', aiGenerated: false, reason: '你没有同意把句子发给模型，已使用离线规则翻译' })
    expect(glm.requests).toHaveLength(0)
  })

  it('a model flag that is not a boolean is refused', async () => {
    expect(await main({ text: '我想回家', model: 'no' })).toMatchObject({ ok: false, code: 'BAD_MODEL_FLAG' })
  })
})

describe('input validation', () => {
  it.each([
    ['not an object', 'hello', 'BAD_REQUEST'],
    ['null event', null, 'BAD_REQUEST'],
    ['missing text', {}, 'TEXT_MISSING'],
    ['non-string text', { text: 42 }, 'TEXT_NOT_STRING'],
    ['empty text', { text: '' }, 'TEXT_EMPTY'],
    ['whitespace only', { text: ' \n　 ' }, 'TEXT_EMPTY'],
    ['control characters', { text: '我想\u0007回家' }, 'TEXT_CONTROL_CHARS'],
    ['bad mode', { text: '我想回家', mode: 'fast' }, 'BAD_MODE']
  ])('%s: %j → %s with a Chinese message', async (_name, event, code) => {
    const r = await main(event)
    expect(r).toMatchObject({ ok: false, code })
    if (r.ok) return
    expect(r.message).toMatch(/\p{Script=Han}/u)
    expect(r.message).not.toMatch(/Error|at .*\.ts/)
    expect(Object.keys(r).sort()).toEqual(['code', 'message', 'ok'])
    expect(glm.requests).toHaveLength(0)
  })

  it.each([
    ['a family emoji (joined with ZWJ)', '我爱👨‍👩‍👧'],
    ['a person at a laptop (ZWJ)', '👩‍💻我在工作'],
    ['a flag', '我爱🇨🇳'],
    ['a skin tone', '谢谢👍🏽'],
    ['a keycap and a variation selector', '1️⃣我想回家❤️'],
    ['a tab', '我想\t回家']
  ])('any printable text is accepted: %s', async (_name, text) => {
    const r = ok(await main({ text }))
    expect(r.glosses.length).toBeGreaterThan(0)
  })

  it.each([
    ['我想\u0007回家', 'U+0007', '第 3 个字'],
    ['我想回家\u202e', 'U+202E', '第 5 个字'],
    ['\u0000', 'U+0000', '第 1 个字'],
    ['我\ud800', 'U+D800', '第 2 个字']
  ])('a refused character is named in the message: %j', async (text, code, where) => {
    const r = await main({ text })
    expect(r).toMatchObject({ ok: false, code: 'TEXT_CONTROL_CHARS' })
    if (r.ok) return
    expect(r.message).toContain(code)
    expect(r.message).toContain(where)
  })

  it('too long: says the limit and the actual count', async () => {
    const r = await main({ text: '我'.repeat(236) })
    expect(r).toEqual({ ok: false, code: 'TEXT_TOO_LONG', message: '句子太长了：最多 200 个字，现在是 236 个字。请分成几句再翻译。' })
    expect(ok(await main({ text: '我'.repeat(200) })).glosses.length).toBeGreaterThan(0)
  })

  it('an unexpected exception is answered with INTERNAL in Chinese, and logged', async () => {
    overrideDictionary({ version: 1, dataVersion: 'broken', categories: [], entries: null } as unknown as Dictionary)
    const r = await main({ text: '我想回家' })
    expect(r).toEqual({ ok: false, code: 'INTERNAL', message: '服务出了点问题，请稍后再试。' })
    expect(console.error).toHaveBeenCalled()
  })
})

describe('cache', () => {
  it('a repeated sentence is served from the cache with no model call', async () => {
    const first = ok(await main({ text: '我想回家' }))
    const second = ok(await main({ text: ' 我想回家 ' }))
    expect(glm.requests).toHaveLength(1)
    expect(second).toMatchObject({ engine: 'glm', cached: true, aiGenerated: true })
    expect(second.glosses).toEqual(first.glosses)
  })

  it('mode, model and data version are part of the key; offline answers are not cached', async () => {
    await main({ text: '我想回家' })
    await main({ text: '我想回家', mode: 'concise' })
    process.env.GLM_MODEL = 'glm-4.7-flash'
    await main({ text: '我想回家' })
    overrideDictionary(fixtureDictionary('fixture2'))
    await main({ text: '我想回家' })
    expect(glm.requests).toHaveLength(4)

    glm.enqueue({ kind: 'error', status: 500, code: '500' }, { kind: 'error', status: 500, code: '500' }, { kind: 'error', status: 500, code: '500' })
    expect(ok(await main({ text: '你去哪里' })).engine).toBe('offline')
    const again = ok(await main({ text: '你去哪里' }))
    expect(again).toMatchObject({ engine: 'glm', cached: false })
  })
})

describe('rate limit', () => {
  it(`refuses call ${RATE_LIMIT_PER_MINUTE + 1} within a minute, allows the next minute, per user`, async () => {
    delete process.env.GLM_API_KEY // offline: fast; the limit applies before any engine
    for (let i = 0; i < RATE_LIMIT_PER_MINUTE; i++) ok(await main({ text: `我想回家${i}` }))
    expect(await main({ text: '我想回家' })).toEqual({ ok: false, code: 'RATE_LIMITED', message: '翻译太频繁了，请一分钟后再试。' })
    expect(ok(await main({ text: '我想回家', __localUser: 'bob' })).engine).toBe('offline')
    clock += 60_000
    expect(ok(await main({ text: '我想回家' })).engine).toBe('offline')
    // Housekeeping: every earlier minute is gone (bob's too), only the current count remains.
    const rows = await openStore().list('rate', '', 10)
    expect(rows.map(r => r.value)).toEqual([1])
    expect(rows[0].key).toContain(String(Math.floor(clock / 60000)))
  })

  it('cache hits count too', async () => {
    for (let i = 0; i < RATE_LIMIT_PER_MINUTE; i++) await main({ text: '我想回家' })
    expect(glm.requests).toHaveLength(1)
    expect(await main({ text: '我想回家' })).toMatchObject({ ok: false, code: 'RATE_LIMITED' })
  })
})

describe('WeChat mode (fake cloud module)', () => {
  let fake: ReturnType<typeof createFakeCloud>
  beforeEach(() => {
    delete process.env.SHOUYU_SQLITE
    fake = createFakeCloud({ openid: 'o_wechat_user' })
    setCloudForTests(fake)
  })

  it('checks input and output with msgSecCheck v2, stores cache and rate in the cloud database', async () => {
    const r = ok(await main({ text: '我想回家', __localUser: 'spoof' }))
    expect(r).toMatchObject({ engine: 'glm', safety: 'checked', aiGenerated: true })
    expect(fake.secChecks).toHaveLength(2)
    expect(fake.secChecks[0]).toEqual({ openid: 'o_wechat_user', scene: 2, version: 2, content: '我想回家' })
    expect(fake.secChecks[1].content).toBe(r.glosses.map(g => g.text).join(' '))
    expect(glm.requests[0].body.user_id).toBe(glmUserId('o_wechat_user'))
    expect(fake.collections.get('translate_cache')?.size).toBe(1)
    expect([...(fake.collections.get('rate')?.values() ?? [])][0]).toMatchObject({ key: `m${String(Math.floor(clock / 60000)).padStart(10, '0')}:o_wechat_user`, value: 1 })
  })

  it('risky input → UNSAFE without calling the model', async () => {
    fake.secCheck = () => ({ result: { suggest: 'risky', label: 20001 }, errCode: 0 })
    expect(await main({ text: '坏句子' })).toEqual({ ok: false, code: 'UNSAFE', message: '这句话含有不适合翻译的内容，请修改后再试。' })
    expect(glm.requests).toHaveLength(0)
  })

  it('risky model output → UNSAFE, and nothing is cached', async () => {
    let n = 0
    fake.secCheck = () => ({ result: { suggest: n++ === 0 ? 'pass' : 'risky', label: 20003 }, errCode: 0 })
    expect(await main({ text: '我想回家' })).toMatchObject({ ok: false, code: 'UNSAFE' })
    expect(glm.requests).toHaveLength(1)
    expect(fake.collections.get('translate_cache')?.size ?? 0).toBe(0)
  })

  it('platform error → fail open (translated, safety unchecked), logged', async () => {
    fake.secCheck = () => { throw new FakeCloudError(-1, 'system error, busy') }
    const r = ok(await main({ text: '我想回家' }))
    expect(r).toMatchObject({ engine: 'glm', safety: 'unchecked' })
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('failing open'), -1, 'system error, busy')
  })

  it("'review' lets the text through (logged)", async () => {
    fake.secCheck = () => ({ result: { suggest: 'review', label: 21000 }, errCode: 0 })
    expect(ok(await main({ text: '我想回家' })).safety).toBe('checked')
  })
})
