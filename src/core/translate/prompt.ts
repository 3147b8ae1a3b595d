/**
 * The model prompt: CSL grammar rules, few-shot pairs, and only the candidate signs retrieved from
 * our dictionary for the sentence's words (never the whole dictionary). Pure.
 */
import { MAX_PROMPT_CANDIDATES, SIGNS_PER_MINUTE, SPOKEN_CHARS_PER_MINUTE } from './constants'
import { normalizeText } from './normalize'
import { segment, splitIntoKnown } from './segment'
import type { TranslateMode, TranslateVocabulary } from './types'

export interface ChatMessage { role: 'system' | 'user' | 'assistant', content: string }

export interface Candidates {
  /** Entry ids the model may use, in sentence order, deduplicated. */
  ids: string[]
  /** Words with no sign (names, rare words): the model fingerspells or omits them. */
  unsigned: string[]
}

/** Candidate signs for the words of a sentence (longest-match over words and shares). */
export function retrieveCandidates (text: string, vocab: TranslateVocabulary): Candidates {
  const ids: string[] = []
  const unsigned: string[] = []
  const add = (id: string | undefined): void => {
    if (id !== undefined && !ids.includes(id) && ids.length < MAX_PROMPT_CANDIDATES) ids.push(id)
  }
  for (const t of segment(normalizeText(text), vocab)) {
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

const GRAMMAR = `你是中国手语（国家通用手语）翻译助手。把用户的中文句子改写成中国手语的手势序列（手语词），按中国手语的语序：
1. 时间词放在句首（今天、明天、三点）。
2. 地点、话题、宾语放在动词之前；有“想、要、会、喜欢”等能愿动词时，顺序是：宾语 动作 主语 能愿动词。
3. 否定词（不、没有）放在谓语之后。
4. 疑问词（什么、谁、哪里、怎么、为什么、多少、几）放在句末。是非问句的“吗”不打，在最后一个手势上加 "question": true。
5. 虚词（的、地、得、了、着、过、吗、呢、吧、啊、和、跟、把、被）不打；量词一般不打（一本书 → 一 书）。
6. 数字保留，紧跟它修饰的名词；多位数按读法拆成数字手势（25 → 二 十 五）。
示例（用词表示手势）：
我想回家 → 家 回 我 想
我明天去北京 → 明天 我 北京 去
我没有吃饭 → 我 吃饭 没有
你叫什么名字？ → 你 名字 叫 什么
我和小王在看电影呢 → 电影 看 我 小王
我有一件新衣服 → 衣服 新 我 有
你明天去学校吗？ → 明天 你 学校 去（最后一个手势加 question）
只能使用用户消息里“候选手语词”列出的 id。候选里没有的人名、地名、外来词或罕见词，用指拼：{"fingerspell":"不带声调的拼音，音节用空格分开","text":"原词"}；其他没有手势的词省略。
只输出一个 JSON 对象，不要解释：{"glosses":[{"id":"候选 id"},{"fingerspell":"li ming","text":"李明"}]}`

const CONCISE = `语义精简模式：口语新闻约每分钟 ${SPOKEN_CHARS_PER_MINUTE} 个字，手语约每分钟 ${SIGNS_PER_MINUTE} 个手势。在保留原意的前提下压缩句子：去掉程度副词、重复、客套话和可以省略的成分，手势数量尽量不超过原句字数的 ${Math.round(100 * SIGNS_PER_MINUTE / SPOKEN_CHARS_PER_MINUTE)}%。`

export function buildMessages (text: string, mode: TranslateMode, vocab: TranslateVocabulary): { messages: ChatMessage[], candidates: Candidates } {
  const candidates = retrieveCandidates(text, vocab)
  const lines = candidates.ids.map(id => {
    const e = vocab.byId.get(id)
    return e ? `${id}=${e.word}（${e.pos}）` : id
  })
  const user = [
    `句子：${normalizeText(text)}`,
    `候选手语词（id=词）：${lines.length > 0 ? '\n' + lines.join('\n') : '无'}`,
    `没有手势的词（指拼或省略）：${candidates.unsigned.length > 0 ? candidates.unsigned.join('、') : '无'}`
  ].join('\n')
  const system = mode === 'concise' ? `${GRAMMAR}\n${CONCISE}` : GRAMMAR
  return { messages: [{ role: 'system', content: system }, { role: 'user', content: user }], candidates }
}
