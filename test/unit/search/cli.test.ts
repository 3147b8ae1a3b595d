/** cli search: JSON and table output on the real dictionary, and its error paths. */
import cmd, { loadDictionary } from '../../../scripts/cli/search'
import { compiledDictionary } from '../../support/compiled'

async function run (positional: string[], flags: Record<string, string | true> = {}): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = []
  const err: string[] = []
  const code = await cmd.run({ positional, flags, json: flags.json === true, out: s => out.push(s), err: s => err.push(s) })
  return { code, out, err }
}

beforeAll(() => { compiledDictionary() })

test('--json prints ranked results with id, word, pinyin and match kind', async () => {
  const r = await run(['xue', 'xi'], { json: true, limit: '3' })
  expect(r.code).toBe(0)
  const j = JSON.parse(r.out.join('\n'))
  expect(j.query).toBe('xue xi')
  expect(j.results.length).toBeLessThanOrEqual(3)
  expect(j.results[0]).toMatchObject({ word: '学习', pinyin: 'xué xí', kind: 'pinyin' })
  expect(typeof j.results[0].id).toBe('string')
})

test('a readable table for people', async () => {
  const r = await run(['學習'])
  expect(r.code).toBe(0)
  expect(r.out[0]).toContain('学习')
  expect(r.out.some(l => l.includes('学习') && l.includes('xué xí') && l.includes('词语'))).toBe(true)
})

test('no match: says so and offers the nearest words', async () => {
  const r = await run(['xuexiqq'])
  expect(r.code).toBe(0)
  expect(r.out.join('\n')).toMatch(/没有找到.*\n相近的词：.*学习/)
  const j = JSON.parse((await run(['xuexiqq'], { json: true })).out[0])
  expect(j.results).toEqual([])
  expect(j.nearest.map((h: { word: string }) => h.word)).toContain('学习')
})

test('wrong usage is a usage error, in Chinese', async () => {
  await expect(run([])).rejects.toThrow('缺少要搜索的词')
  await expect(run(['x'], { limit: 'abc' })).rejects.toThrow('--limit')
  await expect(run(['x'], { limit: '0' })).rejects.toThrow('--limit')
})

test('a missing or broken dictionary gives the Chinese hint to compile it', () => {
  expect(loadDictionary('/nonexistent/dictionary.json')).toMatch('请先运行 npm run data')
  expect(loadDictionary(__filename)).toMatch('npm run data')
})
