/** `cli feedback list`: reviewers read the reports the feedback function stored in local SQLite. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type * as FeedbackModule from '../../cloudfunctions/feedback/index'
import { setDictionaryForTests } from '../../cloudfunctions/_shared/dictionary'
import { resetStoreForTests } from '../../cloudfunctions/_shared/env'
import feedbackCmd from '../../scripts/cli/feedback'
import { UsageError, type CliArgs } from '../../scripts/cli/types'
import type { Dictionary } from '../../src/core/sign/dictionary'

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the TypeScript source, not the bundled index.js the build may have left beside it
const fn = require('../../cloudfunctions/feedback/index.ts') as typeof FeedbackModule

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shouyu-fb-'))
  process.env.SHOUYU_SQLITE = join(dir, 'local.sqlite')
  resetStoreForTests()
  setDictionaryForTests({
    version: 2, dataVersion: 'x', categories: [],
    entries: [{ id: 'xiexie', word: '谢谢' }, { id: 'nihao', word: '你好' }] as unknown as Dictionary['entries']
  })
})
afterEach(() => { resetStoreForTests(); setDictionaryForTests(null); delete process.env.SHOUYU_SQLITE; rmSync(dir, { recursive: true, force: true }) })

async function run (positional: string[], flags: Record<string, string | true> = {}): Promise<{ code: number, out: string[], err: string[] }> {
  const out: string[] = []
  const err: string[] = []
  const args: CliArgs = { positional, flags, json: flags.json === true, out: s => out.push(s), err: s => err.push(s) }
  const code = await feedbackCmd.run(args)
  return { code, out, err }
}

const T = Date.UTC(2026, 2, 2, 1)

test('lists reports newest first, readable and as JSON', async () => {
  fn.runtime.now = () => T
  await fn.main({ entryId: 'xiexie', text: '拇指应弯动两下\n不是一下', contact: 'wx_abc', __localUser: 'a' })
  fn.runtime.now = () => T + 3600e3
  await fn.main({ entryId: 'nihao', text: '手心方向反了', __localUser: 'b' })
  resetStoreForTests() // the CLI opens the file on its own, like a separate process

  const text = await run(['list'])
  expect(text.code).toBe(0)
  const joined = text.out.join('\n')
  expect(joined).toMatch(/共 2 条纠错反馈/)
  expect(joined.indexOf('你好（nihao）')).toBeLessThan(joined.indexOf('谢谢（xiexie）'))
  expect(joined).toContain('2026-03-02 09:00  谢谢（xiexie）')
  expect(joined).toContain('联系方式：wx_abc')
  expect(joined).toContain('  不是一下')

  const json = await run(['list'], { json: true, limit: '1' })
  const body = JSON.parse(json.out[0])
  expect(body.count).toBe(1)
  expect(body.feedback[0]).toMatchObject({ entryId: 'nihao', word: '你好', text: '手心方向反了', at: T + 3600e3 })
  expect(body.feedback[0].user).toBe(fn.hashUser('b'))
})

test('no database yet: says so, exit 0, creates nothing', async () => {
  process.env.SHOUYU_SQLITE = join(dir, 'missing.sqlite')
  const r = await run(['list'])
  expect(r).toEqual({ code: 0, out: [`还没有纠错反馈（${join(dir, 'missing.sqlite')}）。`], err: [] })
  expect(JSON.parse((await run(['list'], { json: true })).out[0]).feedback).toEqual([])
})

test('wrong usage is a UsageError (exit 2 from the CLI)', async () => {
  await expect(run(['lst'])).rejects.toThrow(UsageError)
  await expect(run(['list'], { limit: '0' })).rejects.toThrow(/--limit/)
})

test('past 100,000 reports the newest are still the ones listed', async () => {
  const { openStore } = await import('../../cloudfunctions/_shared/env')
  const store = openStore()
  const old = { version: 1, entryId: 'xiexie', word: '谢谢', text: '旧的', at: T, user: 'u', dataVersion: 'x' }
  // Written straight to the store: 100,050 reports through the function would take minutes.
  for (let i = 0; i < 100_050; i++) await store.put('feedback', `${String(T + i).padStart(15, '0')}-u-1`, { ...old, at: T + i })
  fn.runtime.now = () => T + 200_000
  await fn.main({ entryId: 'nihao', text: '最新的一条', __localUser: 'z' })
  resetStoreForTests()
  const body = JSON.parse((await run(['list'], { json: true, limit: '3' })).out[0])
  expect(body.feedback.map((r: { text: string }) => r.text)).toEqual(['最新的一条', '旧的', '旧的'])
  expect(body.feedback[1].at).toBe(T + 100_049)
}, 60000)
