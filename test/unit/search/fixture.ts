/**
 * A hand-made dictionary of headers for the rule tests: real words, pinyin computed the way the
 * data compiler does (pinyin-pro), frequencies from the jieba dictionary like the real build.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pinyin } from 'pinyin-pro'
import type { EntryHeader } from '../../../src/core/sign/header'
import type { Dictionary, DictEntry } from '../../../src/core/sign/dictionary'
import { buildSearchExtras } from '../../../scripts/data/search-extras'

/** word, shares, pinyin override */
const WORDS: Array<[string, string[]?, string?]> = [
  ['你好'], ['谢谢', ['感谢', '多谢']], ['对不起'], ['再见'], ['我'], ['你'], ['他'], ['什么'], ['谁'], ['哪里'],
  ['爸爸'], ['妈妈'], ['朋友'], ['老师'], ['学生'], ['医生'], ['今天'], ['明天'], ['现在'], ['吃'], ['喝'],
  ['水'], ['医院'], ['病'], ['车'], ['飞机'], ['学校'], ['学习'], ['工作'], ['休息'], ['好'], ['爱'], ['喜欢'],
  ['去'], ['来'], ['看'], ['是'], ['有'], ['没有'], ['不'], ['要'], ['会'], ['想'], ['知道'], ['家'], ['中国'],
  ['北京'], ['高兴'], ['大'], ['小'], ['快'], ['慢'], ['说'], ['写'], ['买'], ['走'], ['坐'], ['睡'], ['红'],
  ['狗'], ['猫'], ['冷'], ['热'], ['下雨'], ['银行', [], 'yín háng'], ['商店'], ['厕所'], ['手机'], ['电脑'],
  ['电影'], ['足球'], ['爱人', ['丈夫', '妻子']], ['出租车'], ['头发'], ['学生会'], ['生日'], ['上海'], ['南京'],
  ['老人'], ['蓝色'], ['长城', [], 'cháng chéng'], ['人民'], ['新年'], ['身体'], ['西安'], ['喜欢'], ['希望'],
  ['时间'], ['事情'], ['帮助'], ['绿'], ['女'], ['T恤']
]

function jiebaFreq (): Map<string, number> {
  const m = new Map<string, number>()
  const text = readFileSync(join(__dirname, '../../../node_modules/@node-rs/jieba/dict.txt'), 'utf8')
  for (const line of text.split('\n')) {
    const [w, f] = line.split(' ')
    if (w && f) m.set(w, Number(f))
  }
  return m
}

let cached: { headers: EntryHeader[]; dict: Dictionary } | null = null

export function fixture (): { headers: EntryHeader[]; dict: Dictionary } {
  if (cached) return cached
  const freq = jiebaFreq()
  const seen = new Map<string, number>()
  const entries: DictEntry[] = WORDS.map(([word, shares = [], py], i) => {
    const n = (seen.get(word) ?? 0) + 1
    seen.set(word, n)
    const tones = py ? py.split(' ') : pinyin(word, { type: 'array' })
    const plain = py
      ? tones.map(s => s.normalize('NFD').replace(/\u0308/g, 'v').replace(/[\u0300-\u036f]/g, '').replace(/uv/g, 'v').toLowerCase())
      : pinyin(word, { type: 'array', toneType: 'none', v: true }).map(s => s.toLowerCase())
    return {
      id: `w${i}`,
      word,
      shares,
      ...(n > 1 ? { variant: { n, note: '另一种打法' } } : {}),
      pos: '名',
      category: 'test',
      type: 'lexical',
      pinyin: tones.join(' '),
      pinyinPlain: plain.join(' '),
      initials: plain.map(s => s[0]).join(''),
      freq: freq.get(word) ?? 0,
      notation: {},
      handshape: 'A',
      site: 'neutral',
      related: [],
      example: '',
      source: 'test',
      status: 'transcribed',
      nat: { id: i + 1 },
      file: 'test.signs',
      line: i + 1
    } as DictEntry
  })
  const dict: Dictionary = { version: 2, dataVersion: 'test', categories: [{ id: 'test', name: '测试', order: 0 }], entries }
  const headers = entries.map(e => {
    const h: EntryHeader = {
      id: e.id, word: e.word, shares: e.shares, pinyin: e.pinyin, pinyinPlain: e.pinyinPlain, initials: e.initials,
      category: e.category, type: e.type, freq: e.freq, handshape: e.handshape, site: e.site, status: e.status
    }
    if (e.variant) h.variant = e.variant.n
    return h
  })
  cached = { headers, dict }
  return cached
}

export function fixtureExtras (): ReturnType<typeof buildSearchExtras> {
  return buildSearchExtras(fixture().dict)
}
