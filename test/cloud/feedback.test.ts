/**
 * The feedback cloud function end to end in local mode (SQLite in memory) with a fixture
 * dictionary: validation, storage for reviewers, and the per-user hourly limit.
 */
import type * as FeedbackModule from '../../cloudfunctions/feedback/index'
import { setDictionaryForTests } from '../../cloudfunctions/_shared/dictionary'
import { openStore, resetStoreForTests } from '../../cloudfunctions/_shared/env'
import type { Dictionary, DictEntry } from '../../src/core/sign/dictionary'
import { unopenableSqlitePath, withTempDir } from '../support/tmp'

// The source, not a bundled index.js that `npm run build:functions` may have left next to it.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the TypeScript source, not the bundled index.js the build may have left beside it
const { main, runtime, hashUser, FEEDBACK_COLLECTION, MESSAGES, RATE_LIMIT_PER_HOUR } = require('../../cloudfunctions/feedback/index.ts') as typeof FeedbackModule

const T0 = Date.UTC(2026, 2, 2, 1, 30)

function entry (id: string, word: string, nat?: DictEntry['nat']): DictEntry {
  return {
    id, word, shares: [], pos: '动', category: 'greetings', type: 'lexical', pinyin: '', pinyinPlain: '', initials: '',
    freq: 1, notation: {}, handshape: 'A', site: 'neutral', related: [], example: '', source: 'test',
    status: nat ? 'transcribed' : 'draft', ...(nat ? { nat } : { origin: { kind: 'project', why: 'test' } }), file: 'x.signs', line: 1
  }
}
const DICT: Dictionary = { version: 2, dataVersion: 'abc123', categories: [], entries: [entry('xiexie', '谢谢', { id: 1767, variant: '②' }), entry('nihao', '你好')] }

beforeEach(() => {
  process.env.SHOUYU_SQLITE = ':memory:'
  resetStoreForTests()
  setDictionaryForTests(DICT)
  runtime.now = () => T0
})
afterAll(() => { resetStoreForTests(); setDictionaryForTests(null); delete process.env.SHOUYU_SQLITE })

const send = (e: object, user = 'alice'): Promise<any> => main({ ...e, __localUser: user })

describe('feedback', () => {
  it('stores a valid report with the word, time and a hash of the user (not the openid)', async () => {
    const r = await send({ entryId: 'xiexie', text: '  拇指应该弯动两下，\r\n不是一下。 ', contact: ' wx_abc ' })
    expect(r.ok).toBe(true)
    const rows = await openStore().list(FEEDBACK_COLLECTION, '', 10)
    expect(rows).toEqual([{
      key: r.id,
      value: {
        version: 2, entryId: 'xiexie', word: '谢谢', nat: '1767②', text: '拇指应该弯动两下，\n不是一下。', contact: 'wx_abc', at: T0,
        user: hashUser('alice'), dataVersion: 'abc123'
      }
    }])
    expect(JSON.stringify(rows)).not.toContain('alice')
  })

  it('lists reports in time order', async () => {
    runtime.now = () => T0 + 2000
    await send({ entryId: 'nihao', text: '第二条' })
    runtime.now = () => T0 + 1000
    await send({ entryId: 'xiexie', text: '第一条' }, 'bob')
    const rows = await openStore().list(FEEDBACK_COLLECTION, '', 10)
    expect(rows.map(r => (r.value as any).text)).toEqual(['第一条', '第二条'])
  })

  it.each([
    [{ entryId: 'nope', text: '错了' }, 'NO_ENTRY'],
    [{ entryId: 42, text: '错了' }, 'NO_ENTRY'],
    [{ entryId: 'xiexie' }, 'TEXT_MISSING'],
    [{ entryId: 'xiexie', text: '   ' }, 'TEXT_MISSING'],
    [{ entryId: 'xiexie', text: '错'.repeat(501) }, 'TEXT_TOO_LONG'],

    [{ entryId: 'xiexie', text: '好', contact: 12345 }, 'CONTACT'],
    [{ entryId: 'xiexie', text: '好', contact: 'a'.repeat(101) }, 'CONTACT']
  ])('refuses %j with %s and stores nothing', async (event, code) => {
    const r = await send(event)
    expect(r.ok).toBe(false)
    expect(r.code).toBe(code)
    expect(r.message).toBe((MESSAGES as any)[code])
    expect(await openStore().list(FEEDBACK_COLLECTION, '', 10)).toEqual([])
  })

  it.each([
    ['a tab', '手形不对：\t拇指应弯曲'],
    ['emoji joined with ZWJ', '我家👨‍👩‍👧都用这个手势'],
    ['a flag and a skin tone', '🇨🇳 打法👍🏽']
  ])('accepts any printable text: %s', async (_n, text) => {
    const r = await send({ entryId: 'xiexie', text })
    expect(r.ok).toBe(true)
    const [row] = await openStore().list(FEEDBACK_COLLECTION, '', 1)
    expect((row.value as any).text).toBe(text)
  })

  it('names the refused character', async () => {
    const r = await send({ entryId: 'xiexie', text: '有\u0007响铃' })
    expect(r.code).toBe('CONTROL')
    expect(r.message).toContain('U+0007')
    expect(r.message).toContain('第 2 个字')
  })

  it('accepts exactly 500 characters (emoji count as one)', async () => {
    expect((await send({ entryId: 'xiexie', text: '👍'.repeat(500) })).ok).toBe(true)
  })

  it('refuses a non-object request', async () => {
    expect(await main('hi')).toEqual({ ok: false, code: 'BAD_REQUEST', message: MESSAGES.BAD_REQUEST })
  })

  it(`limits each user to ${RATE_LIMIT_PER_HOUR} reports an hour; others and the next hour are unaffected`, async () => {
    for (let i = 0; i < RATE_LIMIT_PER_HOUR; i++) expect((await send({ entryId: 'xiexie', text: `第${i}条` })).ok).toBe(true)
    const over = await send({ entryId: 'xiexie', text: '再来一条' })
    expect(over).toEqual({ ok: false, code: 'RATE_LIMITED', message: MESSAGES.RATE_LIMITED })
    expect((await send({ entryId: 'xiexie', text: '别人的' }, 'bob')).ok).toBe(true)
    // invalid reports do not use up the allowance
    expect((await send({ entryId: 'nope', text: 'x' }, 'carol')).code).toBe('NO_ENTRY')
    runtime.now = () => T0 + 3600 * 1000
    expect((await send({ entryId: 'xiexie', text: '下一个小时' })).ok).toBe(true)
    expect(await openStore().list(FEEDBACK_COLLECTION, '', 100)).toHaveLength(RATE_LIMIT_PER_HOUR + 2)
    // the old hour's counters were cleaned up, everybody's: only this hour's count remains
    const counters = await openStore().list('feedback_rate', '', 100)
    expect(counters.map(c => c.value)).toEqual([1])
  })

  it('rate-limit rows of users who never come back are cleaned up too', async () => {
    for (const u of ['u1', 'u2', 'u3']) await send({ entryId: 'xiexie', text: '好' }, u)
    expect(await openStore().list('feedback_rate', '', 100)).toHaveLength(3)
    runtime.now = () => T0 + 2 * 3600 * 1000
    await send({ entryId: 'xiexie', text: '好' }, 'someone_else')
    expect((await openStore().list('feedback_rate', '', 100)).map(r => r.value)).toEqual([1])
  })

  it('delete removes all my reports and nobody else\'s', async () => {
    await send({ entryId: 'xiexie', text: '一' }, 'alice')
    await send({ entryId: 'nihao', text: '二' }, 'bob')
    runtime.now = () => T0 + 1000
    await send({ entryId: 'nihao', text: '三' }, 'alice')
    expect(await send({ action: 'delete' }, 'alice')).toEqual({ ok: true, deleted: 2 })
    const rows = await openStore().list(FEEDBACK_COLLECTION, '', 10)
    expect(rows.map(r => (r.value as any).text)).toEqual(['二'])
    expect(await send({ action: 'delete' }, 'alice')).toEqual({ ok: true, deleted: 0 })
  })

  it('an unknown action is refused', async () => {
    expect((await send({ action: 'erase' })).code).toBe('BAD_ACTION')
  })

  it('a store failure is an INTERNAL error, not a crash', async () => {
    await withTempDir('shouyu-', async dir => {
      process.env.SHOUYU_SQLITE = unopenableSqlitePath(dir)
      const spy = jest.spyOn(console, 'error').mockImplementation(() => {})
      const r = await send({ entryId: 'xiexie', text: '好' })
      expect(r).toEqual({ ok: false, code: 'INTERNAL', message: '服务出了点问题，请稍后再试。' })
      spy.mockRestore()
    })
  })
})
