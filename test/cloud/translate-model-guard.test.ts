/**
 * The model path cannot inject words: a fingerspelled item in a GLM reply is kept only when its
 * text is in the user's sentence, and its pinyin comes from that text. Against the real local
 * GLM protocol server (test/support/glm-server.ts).
 */
import { startGlmServer, type GlmServer } from '../support/glm-server'
import { main, runtime, type TranslateResponse, type TranslateSuccess } from '../../cloudfunctions/translate/index'
import { overrideDictionary } from '../../cloudfunctions/_shared/dictionary'
import { resetStoreForTests, setCloudForTests } from '../../cloudfunctions/_shared/env'
import type { Dictionary, DictEntry } from '../../src/core/sign/dictionary'

const KEY = 'guard-key'
let glm: GlmServer
const env = { ...process.env }

function dictionary (): Dictionary {
  const e = (id: string, word: string, pos: string): DictEntry => ({ id, word, pos, category: 'verbs', shares: [], notation: { dom: 'A f:u p:c @neutral' } }) as unknown as DictEntry
  const letters = ['W', 'O', 'J', 'I', 'A', 'L', 'M', 'N', 'G', 'NG', 'X', 'Z', 'H', 'U'].map(l => ({ ...e(`letter_${l.toLowerCase()}`, l, '名'), category: 'letters' }) as DictEntry)
  return { version: 2, dataVersion: 'guard', categories: [], entries: [e('wo', '我', '代'), e('jiao', '叫', '动'), ...letters] }
}

beforeAll(async () => { glm = await startGlmServer({ apiKey: KEY }) })
afterAll(async () => { await glm.close() })
beforeEach(() => {
  process.env = { ...env, SHOUYU_SQLITE: ':memory:', GLM_API_KEY: KEY, GLM_BASE_URL: glm.baseUrl, GLM_TIMEOUT_MS: '2000' }
  setCloudForTests(null)
  resetStoreForTests()
  overrideDictionary(dictionary())
  glm.reset()
  runtime.sleep = async () => undefined
  jest.spyOn(console, 'warn').mockImplementation(() => undefined)
})
afterEach(() => { jest.restoreAllMocks(); process.env = { ...env } })

const ok = (r: TranslateResponse): TranslateSuccess => { if (!r.ok) throw new Error(r.message); return r }

it('keeps a fingerspelled name from the sentence (pinyin from the sentence), drops one the reply made up', async () => {
  glm.enqueue({
    kind: 'success',
    glosses: [{ id: 'wo' }, { id: 'jiao' }, { fingerspell: 'wrong pinyin', text: '李明' }, { fingerspell: 'zhang san', text: '张三' }, { fingerspell: 'hack' }]
  })
  const r = ok(await main({ text: '我叫李明' }))
  expect(r.engine).toBe('glm')
  expect(r.glosses.map(g => g.fingerspell ? `指:${g.text}:${g.fingerspell}` : g.text)).toEqual(['我', '叫', '指:李明:li ming'])
  expect(r.dropped).toEqual(expect.arrayContaining(['张三', 'hack']))
  // The prompt carried the tuning examples.
  expect(glm.requests[0].body.messages[0].content).toContain('你叫什么名字 → 你 叫 名字 什么')
})

it('a reply that only injects words falls back to the offline rules', async () => {
  glm.enqueue({ kind: 'success', glosses: [{ fingerspell: 'mai', text: '卖' }] })
  const r = ok(await main({ text: '我叫李明' }))
  expect(r.engine).toBe('offline')
  expect(r.glosses.map(g => g.text)).toEqual(['我', '叫', '李明'])
})
