/**
 * The offline translator on 60+ sentences with their expected CSL sign sequences
 * (sentences.json), against a small fixture vocabulary so the rules are tested on their own.
 */
import { pinyin } from 'pinyin-pro'
import { buildVocabulary } from '../../../src/core/translate/vocabulary'
import { translateOffline } from '../../../src/core/translate/offline'
import { readInteger, readDigitRun } from '../../../src/core/translate/numbers'
import { segment } from '../../../src/core/translate/segment'
import type { Gloss, TranslateMode } from '../../../src/core/translate/types'
import { jiebaSegmenter } from '../../../cloudfunctions/_shared/segmenter'
import data from './sentences.json'

export function fixtureVocabulary (): ReturnType<typeof buildVocabulary> {
  return buildVocabulary({
    dataVersion: 'fixture',
    entries: data.vocabulary.map(line => {
      const [id, word, pos, category, ...shares] = line.split(' ')
      return { id, word, pos, category, shares, notation: { dom: 'A f:u p:c @neutral' } }
    })
  })
}

const toPinyin = (s: string): string => pinyin(s, { toneType: 'none', v: true })
const segmenter = jiebaSegmenter()
const vocab = fixtureVocabulary()
const show = (g: Gloss): string => (g.fingerspell !== undefined ? `指:${g.fingerspell}` : g.text) + (g.question ? '?' : '')
const run = (text: string, mode: TranslateMode = 'standard'): string[] =>
  translateOffline(text, vocab, { mode, toPinyin, segmenter }).glosses.map(show)

describe('offline translator: expected CSL sequences', () => {
  expect(data.standard.length + data.concise.length).toBeGreaterThanOrEqual(50)
  it.each(data.standard.map(s => [s.text, s.expect]))('standard: %s', (text, expected) => {
    expect(run(text as string)).toEqual(expected)
  })
  it.each(data.concise.map(s => [s.text, s.expect]))('concise: %s', (text, expected) => {
    expect(run(text as string, 'concise')).toEqual(expected)
  })
})

describe('offline translator: glosses are playable', () => {
  it('every gloss is a dictionary id or a fingerspelling, never a bare word', () => {
    for (const s of data.standard) {
      for (const g of translateOffline(s.text, vocab, { mode: 'standard', toPinyin, segmenter }).glosses) {
        if (g.id !== undefined) expect(vocab.byId.has(g.id)).toBe(true)
        else expect(g.fingerspell).toMatch(/^[a-z]+( [a-z]+)*$/)
      }
    }
  })

  it('a shared word plays the entry it shares (感谢 → xiexie)', () => {
    const plan = translateOffline('感谢老师', vocab, { mode: 'standard', toPinyin, segmenter })
    expect(plan.glosses[0]).toEqual({ text: '感谢', id: 'xiexie' })
  })

  it('reports dropped function words and explains the reordering in Chinese', () => {
    const plan = translateOffline('我们一起去看电影吧', vocab, { mode: 'standard', toPinyin, segmenter })
    expect(plan.dropped).toEqual(['吧'])
    const q = translateOffline('他是我的朋友', vocab, { mode: 'standard', toPinyin, segmenter })
    expect(q.dropped).toEqual(['是', '的'])
    expect(translateOffline('我没有吃饭', vocab, { mode: 'standard', toPinyin, segmenter }).notes).toContain('否定词放在谓语之后')
    expect(translateOffline('李明来了', vocab, { mode: 'standard', toPinyin, segmenter }).notes).toContain('「李明」没有对应的手语词，用指拼')
  })

  it('is deterministic and leaves empty or sign-less input empty', () => {
    expect(run('我想回家')).toEqual(run('我想回家'))
    expect(translateOffline('', vocab, { mode: 'standard', toPinyin, segmenter }).glosses).toEqual([])
    expect(translateOffline('。，！', vocab, { mode: 'standard', toPinyin, segmenter }).glosses).toEqual([])
    expect(translateOffline('的了吧', vocab, { mode: 'standard', toPinyin, segmenter }).dropped).toEqual(['的', '了', '吧'])
  })

  it('吗 becomes a 吗 sign when the dictionary has one, else the 疑问 face on the last sign', () => {
    const withMa = buildVocabulary({
      dataVersion: 'x',
      entries: [...data.vocabulary, 'ma 吗 助 pronouns'].map(line => {
        const [id, word, pos, category, ...shares] = line.split(' ')
        return { id, word, pos, category, shares, notation: {} }
      })
    })
    const plan = translateOffline('你去学校吗？', withMa, { mode: 'standard', toPinyin, segmenter })
    expect(plan.glosses.map(show)).toEqual(['你', '去', '学校', '吗?'])
    expect(plan.glosses[3].id).toBe('ma')
    expect(run('你去学校吗？')).toEqual(['你', '去', '学校?'])
  })

  it('fingerspells Latin letters and keeps clause order across punctuation', () => {
    expect(run('我喜欢NBA')).toEqual(['我', '喜欢', '指:nba'])
    expect(run('你去哪里？我明天去。')).toEqual(['你', '去', '哪里', '明天', '我', '去'])
  })
})

describe('numbers', () => {
  it.each([
    [0, '零'], [7, '七'], [10, '十'], [15, '十五'], [25, '二十五'], [100, '一百'], [105, '一百零五'],
    [110, '一百一十'], [1005, '一千零五'], [1050, '一千零五十'], [10005, '一万零五'], [10500, '一万零五百'],
    [12000, '一万二千'], [100000, '十万'], [123456789, '一亿二千三百四十五万六千七百八十九']
  ])('reads %d as %s', (n, words) => {
    expect(readInteger(n).join('')).toBe(words)
  })

  it('reads years, phone numbers and decimals digit by digit', () => {
    expect(readDigitRun('2024', '年').join('')).toBe('二零二四')
    expect(readDigitRun('2024', '').join('')).toBe('二千零二十四')
    expect(readDigitRun('010', '').join('')).toBe('零一零')
    expect(readDigitRun('3.5', '').join('')).toBe('三点五')
  })

  it('segments a numeral run before single numeral words, a longer word before a numeral', () => {
    expect(segment('二十五', vocab).map(t => t.kind)).toEqual(['number'])
    expect(segment('一起', vocab)).toEqual([{ kind: 'word', text: '一起', id: 'yiqi' }])
  })
})
