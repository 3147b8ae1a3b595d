import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { toBody } from '../../../src/core/sign/entry'
import { toHeader } from '../../../src/core/sign/header'
import type { Dictionary } from '../../../src/core/sign/dictionary'
import { compileAndWrite, compileDictionary, dataVersionOf, headersByFreq, type Sources, wordPinyin } from '../../../scripts/data/compile'
import { CATS, compound, entry, file } from './fixtures'

const words = (...list: Array<[string, string, string[]?]>): Sources => ({
  categories: CATS,
  files: [{ file: 'src/data/signs/greetings.signs', text: file(...list.map(([id, w, extra]) => entry(id, w, extra ?? []))) }]
})

describe('pinyin', () => {
  it('follows the word for polyphonic characters', () => {
    const { dict, issues } = compileDictionary(words(['yinhang', '银行'], ['xingzou', '行走'], ['zhangda', '长大'], ['yinyue', '音乐'], ['lvse', '绿色']))
    expect(issues).toEqual([])
    const py = Object.fromEntries(dict.entries.map(e => [e.word, [e.pinyin, e.pinyinPlain, e.initials]]))
    expect(py).toEqual({
      银行: ['yín háng', 'yin hang', 'yh'],
      行走: ['xíng zǒu', 'xing zou', 'xz'],
      长大: ['zhǎng dà', 'zhang da', 'zd'],
      音乐: ['yīn yuè', 'yin yue', 'yy'],
      绿色: ['lǜ sè', 'lv se', 'ls']
    })
  })

  it('uses the pinyin: override instead of the computed reading', () => {
    const { dict } = compileDictionary(words(['changcheng', '长城', ['pinyin: zhǎng chéng']]))
    expect(dict.entries[0]).toMatchObject({ pinyin: 'zhǎng chéng', pinyinPlain: 'zhang cheng', initials: 'zc' })
  })

  it('keeps non-Chinese runs as written, also with an override', () => {
    expect(wordPinyin('AA制')).toBe('AA zhì')
    expect(wordPinyin('T恤', ['xù'])).toBe('T xù')
  })
})

describe('compileDictionary', () => {
  it('takes freq from the word list (0 when absent) and the start handshape/site from the first part', () => {
    const src: Sources = {
      categories: CATS,
      files: [{
        file: 'src/data/signs/greetings.signs',
        text: file(entry('ni', '你'), entry('hao', '好', [], ['dom']).concat('dom: A f:u p:c @chin'),
          compound('nihao', '你好', 'ni hao'), compound('nihaoa', '你好啊', 'nihao hao'))
      }]
    }
    const { dict, issues } = compileDictionary(src, { freq: new Map([['你', 500], ['好', 900]]) })
    expect(issues).toEqual([])
    expect(dict.entries.map(e => [e.id, e.freq, e.handshape, e.site])).toEqual([
      ['ni', 500, '1', 'neutral'], ['hao', 900, 'A', 'chin'], ['nihao', 0, '1', 'neutral'], ['nihaoa', 0, '1', 'neutral']])
    expect(headersByFreq(dict).map(e => e.id)).toEqual(['hao', 'ni', 'nihao', 'nihaoa'])
  })

  it('points a related: id retired by a merge at the entry it was merged into', () => {
    const { dict, issues } = compileDictionary(words(['ta', '他', ['aliases: ta_2']], ['ni', '你', ['related: ta_2 ta']], ['wo', '我', ['related: ta_2']]))
    expect(issues).toEqual([])
    expect(dict.entries.map(e => [e.id, e.related])).toEqual([['ta', []], ['ni', ['ta']], ['wo', ['ta']]])
  })

  it('reads frequencies from jieba by default', () => {
    const { dict } = compileDictionary(words(['yinhang', '银行'], ['xx', '嘚嘚嘚嘚']))
    expect(dict.entries[0].freq).toBeGreaterThan(1000)
    expect(dict.entries[1].freq).toBe(0)
  })

  it('orders entries by the category order of categories.txt', () => {
    const { dict } = compileDictionary({
      categories: CATS,
      files: [{ file: 'letters.signs', text: file(entry('a', '阿')) }, { file: 'greetings.signs', text: file(entry('ni', '你')) }]
    })
    expect(dict.entries.map(e => e.category)).toEqual(['greetings', 'letters'])
    expect(dict.categories.map(c => c.id)).toEqual(['greetings', 'pronouns', 'letters'])
  })

  it('dataVersion is 12 hex, stable across runs and file order, and changes with the sources', () => {
    const a = words(['ni', '你'], ['wo', '我'])
    const two: Sources = { categories: CATS, files: [{ file: 'x.signs', text: 'a' }, { file: 'y.signs', text: 'b' }] }
    expect(dataVersionOf(a)).toMatch(/^[0-9a-f]{12}$/)
    expect(compileDictionary(a).dict.dataVersion).toBe(compileDictionary(words(['ni', '你'], ['wo', '我'])).dict.dataVersion)
    expect(dataVersionOf({ ...two, files: [...two.files].reverse() })).toBe(dataVersionOf(two))
    expect(dataVersionOf(words(['ni', '你'], ['wo', '俄']))).not.toBe(dataVersionOf(a))
  })
})

describe('compileAndWrite', () => {
  let root: string
  const compiled = (): string => join(root, 'src/data/compiled')
  const writeSources = (greetings: string): void => {
    mkdirSync(join(root, 'src/data/signs'), { recursive: true })
    writeFileSync(join(root, 'src/data/categories.txt'), CATS.text)
    writeFileSync(join(root, 'src/data/signs/greetings.signs'), greetings)
  }
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'shouyu-data-'))
    // The generated chunks import the decoders from src/core, as in the real tree.
    mkdirSync(join(root, 'src'), { recursive: true })
    symlinkSync(join(__dirname, '../../../src/core'), join(root, 'src/core'), 'dir')
  })
  afterEach(() => rmSync(root, { recursive: true, force: true }))

  it('refuses bad data and writes nothing', async () => {
    writeSources(file(entry('ni', '你', ['foo: bar'])))
    const r = await compileAndWrite(root)
    expect(r.ok).toBe(false)
    expect(r.issues.map(i => `${i.file}:${i.line} ${i.entryId} ${i.field}`)).toEqual(['src/data/signs/greetings.signs:9 ni foo'])
    expect(existsSync(compiled())).toBe(false)
  })

  it('leaves earlier output untouched when the new sources are bad', async () => {
    writeSources(file(entry('ni', '你')))
    expect((await compileAndWrite(root)).ok).toBe(true)
    const before = readFileSync(join(compiled(), 'dictionary.json'), 'utf8')
    writeSources(file(entry('ni', '你'), entry('ni', '泥')))
    expect((await compileAndWrite(root)).ok).toBe(false)
    expect(readFileSync(join(compiled(), 'dictionary.json'), 'utf8')).toBe(before)
  })

  it('writes dictionary.json, index.ts, signs.ts that the app decodes back to the same entries', async () => {
    writeSources(file(entry('ni', '你', ['shares: 您', 'related: wo', 'example: 你好。']), entry('wo', '我', ['variant: 1 一般']),
      entry('wo_2', '我', ['variant: 2 强调'], ['status']).concat('status: reviewed 李四 2026-03-01'),
      entry('de', '嘚嘚嘚')))
    const r = await compileAndWrite(root)
    expect(r.issues).toEqual([])
    expect(r.written.sort()).toEqual(['.gitignore', 'dictionary.json', 'index.ts', 'signs.ts'].map(f => `src/data/compiled/${f}`))
    expect(readFileSync(join(compiled(), '.gitignore'), 'utf8')).toMatch(/^\*$/m)
    const dict = JSON.parse(readFileSync(join(compiled(), 'dictionary.json'), 'utf8')) as Dictionary
    expect(dict.entries.map(e => e.id)).toEqual(['ni', 'wo', 'wo_2', 'de'])
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the modules compile just wrote, loaded after they exist
    const index = require(join(compiled(), 'index.ts'))
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the modules compile just wrote, loaded after they exist
    const signs = require(join(compiled(), 'signs.ts'))
    expect(index.DATA_VERSION).toBe(dict.dataVersion)
    expect(signs.DATA_VERSION).toBe(dict.dataVersion)
    expect(index.CATEGORIES).toEqual(dict.categories)
    expect(index.HEADERS).toEqual(headersByFreq(dict).map(toHeader))
    expect(index.HEADERS.map((h: { freq: number }) => h.freq)).toEqual([...dict.entries.map(e => e.freq)].sort((a, b) => b - a))
    expect(index.SEARCH_EXTRAS).toBeInstanceOf(Object)
    expect(signs.SIGNS).toEqual(Object.fromEntries(dict.entries.map(e => [e.id, toBody(e)])))
    expect((await compileAndWrite(root)).written).toEqual([])
  })
})
