/**
 * Constants of the sentence translator (offline rules, prompt, reply validation). One place, so a
 * sign linguist can adjust a word list without reading the algorithm. See docs/translate.md.
 */

/** Format version of a GlossPlan / cached translation; bump when the shape changes. */
export const TRANSLATION_FORMAT_VERSION = 1

/** Longest sentence accepted, in characters (code points): what one screen of chips can show. */
export const MAX_TEXT_CHARS = 200

/** Spoken Chinese (news reading), characters per minute; used in the concise-mode prompt. */
export const SPOKEN_CHARS_PER_MINUTE = 200
/** Signing rate in signs per minute; the concise mode compresses toward this. */
export const SIGNS_PER_MINUTE = 80

/** Most candidate signs put into the prompt (a 200-char sentence needs far fewer). */
export const MAX_PROMPT_CANDIDATES = 120
/** Most glosses accepted from a model reply (2 per input character is already generous). */
export const MAX_REPLY_GLOSSES = 400

/**
 * Particles and structural words that CSL does not sign (grammar note 6): always dropped.
 * 吗 is handled separately (it marks a yes/no question).
 */
export const FUNCTION_WORDS: readonly string[] = [
  '的', '地', '得', '了', '着', '过', '呢', '吧', '啊', '呀', '嘛', '哦', '啦', '哇', '嗯',
  '和', '跟', '与', '及', '而', '把', '被', '将', '所', '之', '于', '对于', '关于', '一下'
]

/** The yes/no question particle: becomes the 疑问 expression on the last sign. */
export const QUESTION_PARTICLE = '吗'

/** 在 is dropped when something follows it (preposition / progressive); kept at a clause end. */
export const ZAI = '在'
/** 是 is dropped as a copula between two parts; kept at a clause end (是吗 / 是) and in 是不是. */
export const SHI = '是'

/**
 * 很 is dropped in both modes: before an adjective it is mostly a rhythm filler in Mandarin
 * (我很好 = "I'm fine"), and CSL shows degree on the face.
 */
export const ALWAYS_DROPPED_ADVERBS: readonly string[] = ['很']

/** Dropped in concise mode only (语义精简): degree adverbs and soft adverbs. */
export const CONCISE_DROPPED: readonly string[] = [
  '非常', '特别', '十分', '太', '真', '挺', '比较', '有点', '有点儿', '稍微', '真的',
  '也', '都', '就', '才', '还', '又', '再', '已经', '正在', '一直', '一定', '请'
]

/**
 * Adverbs that are dropped (and reported) when the dictionary has no sign for them, instead of
 * being fingerspelled: fingerspelling a particle like 就 would only confuse.
 */
export const SOFT_WORDS: readonly string[] = [
  '也', '都', '就', '才', '还', '又', '再', '已经', '正在', '一直', '一定', '请', '真', '挺', '太',
  '非常', '特别', '比较', '有点', '稍微', '这', '那', '啦', '么', '些', '一些', '这些', '那些'
]

/** Measure words dropped after a number or 这/那/哪/几/每 (grammar note 7: 一本书 → 一 书). */
export const MEASURE_WORDS: readonly string[] = [
  '个', '本', '只', '张', '件', '条', '位', '辆', '台', '支', '座', '棵', '匹', '头', '封', '份',
  '口', '双', '对', '把', '间', '所', '块', '片', '种', '次', '遍', '杯', '瓶', '碗'
]
/** Words after which a measure word is dropped, besides numbers. */
export const MEASURE_HOSTS: readonly string[] = ['这', '那', '哪', '几', '每', '多少']

/** Time words moved to the front of their clause ("time first"). */
export const TIME_WORDS: readonly string[] = [
  '今天', '明天', '昨天', '后天', '前天', '现在', '以后', '以前', '刚才', '马上', '将来', '过去',
  '早上', '上午', '中午', '下午', '晚上', '今晚', '明早', '夜里', '白天', '周末', '平时',
  '今年', '明年', '去年', '每天', '每年', '每周', '每月', '天天', '星期一', '星期二', '星期三',
  '星期四', '星期五', '星期六', '星期天', '星期日', '周一', '周二', '周三', '周四', '周五', '周六', '周日',
  '最近', '将来', '春天', '夏天', '秋天', '冬天', '这周', '下周', '上周', '这个月', '下个月', '上个月'
]
/** After a number, these make a time expression (三点, 五月, 2024年) that moves with the time words. */
export const TIME_UNITS: readonly string[] = ['点', '点钟', '年', '月', '日', '号', '分', '秒']

/** Negations: placed after the predicate, at the end of the clause before question words. */
export const NEGATIONS: readonly string[] = ['不', '没', '没有', '不是', '别', '不要', '不会', '不能', '不用', '不行', '未']

/** Question words: placed last in the clause (grammar note 5). */
export const QUESTION_WORDS: readonly string[] = [
  '什么', '谁', '哪里', '哪儿', '怎么', '怎么样', '为什么', '多少', '几', '哪', '哪个', '什么时候', '几点', '多久', '多大'
]

/**
 * Modal and attitude verbs: with a following verb, the pattern is object · verb · subject · modal
 * (我想回家 → 家 回 我 想, grammar note 1).
 */
export const MODALS: readonly string[] = [
  '想', '要', '会', '能', '可以', '应该', '需要', '希望', '打算', '准备', '愿意', '喜欢', '爱', '讨厌', '怕', '必须'
]

/**
 * Verbs of these categories keep their object after them, like a pronoun object: a greeting is
 * addressed to someone (谢谢老师 → 谢谢 老师), not a topic-comment structure.
 */
export const OBJECT_AFTER_CATEGORIES: readonly string[] = ['greetings']

/** Parts of speech (DictEntry.pos) read as nominal (topic/object) and as predicate. */
export const NOMINAL_POS: readonly string[] = ['名', '代', '数', '量']
export const PREDICATE_POS: readonly string[] = ['动', '形']

/** Chinese numerals and their digit value; 两 is signed as 二. */
export const CHINESE_DIGITS: Readonly<Record<string, number>> = Object.freeze({
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9
})
export const CHINESE_UNITS: Readonly<Record<string, number>> = Object.freeze({ 十: 10, 百: 100, 千: 1000, 万: 10000, 亿: 100000000 })
/** Digit → the numeral word whose sign is looked up. */
export const DIGIT_WORDS: readonly string[] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']
/** Largest number read as a numeral (readInteger's range). */
export const MAX_READ_NUMBER = 999999999999
/** Digit strings longer than this (phone numbers, ids) are signed digit by digit. */
export const MAX_READ_DIGITS = 8

/** Clause separators (after normalisation to ASCII where NFKC does so). */
export const CLAUSE_PUNCTUATION = ',.!?;:，。！？；：、…\n'
