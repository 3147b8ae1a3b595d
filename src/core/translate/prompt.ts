/**
 * The model prompt: CSL grammar rules, few-shot pairs, and only the candidate signs retrieved from
 * our dictionary for the sentence's words (never the whole dictionary). Pure.
 */
import { MAX_PROMPT_CANDIDATES, SIGNS_PER_MINUTE, SPOKEN_CHARS_PER_MINUTE } from './constants'
import { normalizeText } from './normalize'
import { segment, splitIntoKnown } from './segment'
import { segmentWords, type Segmenter } from './words'
import type { TranslateMode, TranslateVocabulary } from './types'

export interface ChatMessage { role: 'system' | 'user' | 'assistant', content: string }

export interface Candidates {
  /** Entry ids the model may use, in sentence order, deduplicated. */
  ids: string[]
  /** Words with no sign (names, rare words): the model fingerspells or omits them. */
  unsigned: string[]
}

/** Candidate signs for the words of a sentence (longest-match over words and shares). */
export function retrieveCandidates (text: string, vocab: TranslateVocabulary, segmenter?: Segmenter): Candidates {
  const ids: string[] = []
  const unsigned: string[] = []
  const add = (id: string | undefined): void => {
    if (id !== undefined && !ids.includes(id) && ids.length < MAX_PROMPT_CANDIDATES) ids.push(id)
  }
  const norm = normalizeText(text)
  for (const t of segmenter ? segmentWords(norm, vocab, segmenter) : segment(norm, vocab)) {
    if (t.kind === 'word') {
      if (t.id !== undefined) add(t.id)
      else splitIntoKnown(t.text, vocab)?.forEach(p => add(vocab.byWord.get(p)))
    } else if (t.kind === 'number') {
      for (const w of t.words) add(vocab.byWord.get(w))
    } else if (t.kind === 'unknown' || t.kind === 'latin') {
      if (!unsigned.includes(t.text)) unsigned.push(t.text)
    }
  }
  return { ids, unsigned }
}

/**
 * Few-shot pairs for the model: 10 pairs of the tuning part of our labelled set
 * (test/fixtures/translate/tuning.json; a unit test keeps them in it and out of the held-out part),
 * one or more per rule below. `?` marks the 疑问 face on the last sign.
 */
export const PROMPT_EXAMPLES: ReadonlyArray<readonly [string, string]> = [
  ['我和小王在看电影呢', '我 小王 看 电影'],
  ['我有一本书', '我 有 一 书'],
  ['我没有吃饭', '我 吃饭 没有'],
  ['今天不冷', '今天 冷 不'],
  ['你叫什么名字', '你 叫 名字 什么'],
  ['你家有几口人', '你 家 有 人 几'],
  ['你明天去学校吗', '明天 你 去 学校?'],
  ['我每天早上跑步', '每天 早上 我 跑步'],
  ['我想回家', '我 想 回 家'],
  ['他叫张伟', '他 叫 张伟（指拼）']
]

const GRAMMAR = `你是中国手语（国家通用手语）翻译助手。把用户的中文句子改写成中国手语的手势序列（手语词）。只做有把握的调整，其余保持中文语序：
1. 时间词放在句首（今天、明天、三点）。
2. 疑问词（什么、谁、哪里、怎么、为什么、多少、几）放在句末。是非问句的“吗”不打，在最后一个手势上加 "question": true。
3. 否定词（不、没有、不会、不能）放在它否定的简短谓语之后（我没有吃饭 → 我 吃饭 没有）；“不想、不要、别”不移动。
4. 虚词（的、地、得、了、着、过、吗、呢、吧、啊、和、跟、把、被）不打；量词一般不打（一本书 → 一 书）；“是”作系词时不打。
5. 数字保留，紧跟它修饰的名词；多位数按读法拆成数字手势（25 → 二 十 五）。
6. 一个词就是一个手势，不要把词拆成单字；候选词的“同”后面是同一个手势的同义词。
示例（用词表示手势）：
${PROMPT_EXAMPLES.map(([a, b]) => `${a} → ${b}`).join('\n')}
只能使用用户消息里“候选手语词”列出的 id。候选里没有的人名、地名、外来词或罕见词，用指拼：{"fingerspell":"不带声调的拼音，音节用空格分开","text":"原句中的原词"}，text 必须原样出现在句子里；其他没有手势的词省略。
只输出一个 JSON 对象，不要解释：{"glosses":[{"id":"候选 id"},{"fingerspell":"li ming","text":"李明"}]}`

/** Shares (the national synonyms) listed per candidate in the prompt, at most. */
const MAX_PROMPT_SHARES = 6

const CONCISE = `语义精简模式：口语新闻约每分钟 ${SPOKEN_CHARS_PER_MINUTE} 个字，手语约每分钟 ${SIGNS_PER_MINUTE} 个手势。在保留原意的前提下压缩句子：去掉程度副词、重复、客套话和可以省略的成分，手势数量尽量不超过原句字数的 ${Math.round(100 * SIGNS_PER_MINUTE / SPOKEN_CHARS_PER_MINUTE)}%。`

/** Each sign's shares (its national synonyms), for the prompt: word → the words that play it. */
function sharesOf (vocab: TranslateVocabulary): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const [word, id] of vocab.byWord) {
    if (vocab.byId.get(id)?.word === word) continue
    const list = out.get(id) ?? []
    if (list.length < MAX_PROMPT_SHARES) list.push(word)
    out.set(id, list)
  }
  return out
}
const sharesCache = new WeakMap<TranslateVocabulary, Map<string, string[]>>()

export function buildMessages (text: string, mode: TranslateMode, vocab: TranslateVocabulary, segmenter?: Segmenter): { messages: ChatMessage[], candidates: Candidates } {
  const candidates = retrieveCandidates(text, vocab, segmenter)
  let shares = sharesCache.get(vocab)
  if (!shares) { shares = sharesOf(vocab); sharesCache.set(vocab, shares) }
  const lines = candidates.ids.map(id => {
    const e = vocab.byId.get(id)
    const same = shares?.get(id) ?? []
    return e ? `${id}=${e.word}（${e.pos}${same.length > 0 ? '；同：' + same.join('、') : ''}）` : id
  })
  const user = [
    `句子：${normalizeText(text)}`,
    `候选手语词（id=词）：${lines.length > 0 ? '\n' + lines.join('\n') : '无'}`,
    `没有手势的词（指拼或省略）：${candidates.unsigned.length > 0 ? candidates.unsigned.join('、') : '无'}`
  ].join('\n')
  const system = mode === 'concise' ? `${GRAMMAR}\n${CONCISE}` : GRAMMAR
  return { messages: [{ role: 'system', content: system }, { role: 'user', content: user }], candidates }
}
