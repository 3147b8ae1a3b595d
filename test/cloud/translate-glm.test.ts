/** The GLM client on its own: configuration from the environment and the retry policy per code. */
import { chatCompletion, glmConfigFromEnv, glmUserId, GLM_DEFAULT_BASE_URL, GLM_DEFAULT_MODEL, type GlmConfig } from '../../cloudfunctions/_shared/glm'
import { startGlmServer, type GlmServer } from '../support/glm-server'

describe('glmConfigFromEnv', () => {
  it('no key → null (offline); defaults otherwise; env overrides', () => {
    expect(glmConfigFromEnv({})).toBeNull()
    expect(glmConfigFromEnv({ GLM_API_KEY: '   ' })).toBeNull()
    expect(glmConfigFromEnv({ GLM_API_KEY: 'k' })).toMatchObject({ apiKey: 'k', baseUrl: GLM_DEFAULT_BASE_URL, model: GLM_DEFAULT_MODEL, timeoutMs: 12000, maxRetries: 2 })
    expect(glmConfigFromEnv({ GLM_API_KEY: 'k', GLM_BASE_URL: 'http://h/v1/', GLM_MODEL: 'm', GLM_TIMEOUT_MS: '3000' }))
      .toMatchObject({ baseUrl: 'http://h/v1', model: 'm', timeoutMs: 3000 })
    expect(glmConfigFromEnv({ GLM_API_KEY: 'k', GLM_TIMEOUT_MS: 'soon' })?.timeoutMs).toBe(12000)
  })

  it('user_id is a stable 33-character hash, different per user, never the openid', () => {
    expect(glmUserId('o_1')).toBe(glmUserId('o_1'))
    expect(glmUserId('o_1')).not.toBe(glmUserId('o_2'))
    expect(glmUserId('o_1')).toMatch(/^u[0-9a-f]{32}$/)
    expect(glmUserId('')).toMatch(/^u[0-9a-f]{32}$/)
  })
})

describe('retry policy against the protocol server', () => {
  let glm: GlmServer
  let cfg: GlmConfig
  let sleeps: number[]
  beforeAll(async () => { glm = await startGlmServer({ apiKey: 'k' }) })
  afterAll(async () => { await glm.close() })
  beforeEach(() => {
    glm.reset()
    sleeps = []
    cfg = { ...(glmConfigFromEnv({ GLM_API_KEY: 'k', GLM_BASE_URL: glm.baseUrl, GLM_TIMEOUT_MS: '2000' }) as GlmConfig), sleep: async ms => { sleeps.push(ms) } }
  })
  const msgs = [{ role: 'user' as const, content: 'x' }]

  it.each([
    ['400 1214 (bad parameter)', 400, '1214', 'bad_request'],
    ['400 1261 (prompt too long)', 400, '1261', 'bad_request'],
    ['401 1002 (bad token)', 401, '1002', 'auth'],
    ['429 1113 (balance)', 429, '1113', 'balance'],
    ['400 1301 (unsafe)', 400, '1301', 'unsafe']
  ])('%s: one request, no retry', async (_n, status, code, kind) => {
    glm.enqueue({ kind: 'error', status: status as number, code: code as string })
    const r = await chatCompletion(cfg, msgs, 'u')
    expect(r).toMatchObject({ ok: false, kind, attempts: 1 })
    expect(glm.requests).toHaveLength(1)
    expect(sleeps).toEqual([])
  })

  it.each([['1302'], ['1303'], ['1305']])('429 %s is retried', async code => {
    glm.enqueue({ kind: 'error', status: 429, code }, { kind: 'error', status: 429, code }, { kind: 'success', content: '{"glosses":[]}' })
    const r = await chatCompletion(cfg, msgs, 'u')
    expect(r).toEqual({ ok: true, content: '{"glosses":[]}', attempts: 3 })
    expect(sleeps).toEqual([500, 1000])
  })

  it('a wrong model name is a bad request (1211), not retried', async () => {
    const r = await chatCompletion({ ...cfg, model: 'glm-nonexistent' }, msgs, 'u')
    expect(r).toMatchObject({ ok: false, kind: 'bad_request', code: '1211', attempts: 1 })
  })

  it('an unreachable server is a network failure after the retries', async () => {
    const r = await chatCompletion({ ...cfg, baseUrl: 'http://127.0.0.1:9/api/paas/v4' }, msgs, 'u')
    expect(r).toMatchObject({ ok: false, kind: 'network', attempts: 3 })
  })
})
