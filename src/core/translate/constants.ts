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
  '和', '跟', '与', '及', '而', '把', '被', '将', '所', '之', '于', '对于', '关于', '一下', '们'
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
 * Modal and attitude verbs. They keep the Chinese order (one teaching note moves them to the end,
 * 我想回家 → 家 回 我 想, but no second source confirms it; see docs/translate.md); a negation
 * before one is not moved (不 想 去).
 */
export const MODALS: readonly string[] = [
  '想', '要', '会', '能', '可以', '应该', '需要', '希望', '打算', '准备', '愿意', '喜欢', '爱', '讨厌', '怕', '必须'
]


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

/**
 * Our own synonym table: a word the dictionary has no sign or share for → the word whose sign
 * carries its meaning. Used only after the dictionary's own words and shares (the national
 * synonyms); an entry whose target has no sign in the compiled dictionary is simply inactive.
 * Each pair is a plain meaning equivalence in everyday speech, never a guess at a sign's form.
 */
export const SYNONYMS: Readonly<Record<string, string>> = Object.freeze({
  不错: '好', 挺好: '好', 蛮好: '好', 纪要: '记录', 笔记: '记录', 俺: '我', 咱: '我们', 大伙: '大家', 大伙儿: '大家',
  晓得: '知道', 清楚: '明白', 搞懂: '懂', 瞧: '看', 瞅: '看', 望: '看', 讲: '说', 告诉: '说', 聊天: '谈话', 聊: '谈话',
  干活: '工作', 干活儿: '工作', 办公: '工作', 上学: '学校', 念书: '学习', 读书: '学习', 晚饭: '饭', 午饭: '饭', 早饭: '饭',
  米饭: '饭', 老爸: '爸爸', 老妈: '妈妈', 娃: '孩子', 娃娃: '孩子', 小朋友: '孩子', 先生: '丈夫', 太太: '妻子',
  老公: '丈夫', 老婆: '妻子', 咋: '怎么', 咋样: '怎么样', 多会儿: '什么时候',
  啥: '什么', 哪个地方: '哪里', 甭: '不用', 莫: '别', 没事: '没关系', 没事儿: '没关系', 好的: '好', 行: '可以',
  成: '可以', 明儿: '明天', 今儿: '今天', 昨儿: '昨天', 马路: '路', 大街: '街', 公交: '公交车', 地铁站: '地铁',
  看医生: '看病', 瞧病: '看病', 感冒了: '感冒', 开心: '高兴', 快乐: '高兴', 难过: '伤心', 生气了: '生气'
})

/** Syllables in one fingerspelled chip at most: longer fingerspelling is unreadable at signing speed. */
export const MAX_FINGERSPELL_SYLLABLES = 4

/**
 * Segmenter tags (jieba's tag set) of proper names: person (nr, nrfg, nrt), place (ns),
 * organisation (nt), other proper noun (nz). Only names (and short words) are fingerspelled.
 */
export const NAME_TAGS: readonly string[] = ['nr', 'nrfg', 'nrt', 'ns', 'nt', 'nz']
/** Tag of a word the segmenter's HMM found outside its lexicon (often a name: 张伟). */
export const NEW_WORD_TAG = 'x'

/**
 * Morphological edges a segmenter glues to a word (很好, 好吗, 去过, 朋友们): stripped when the
 * rest has a sign. These are whole morphemes, so this never cuts a word into meaningless pieces.
 */
export const AFFIX_PREFIXES: readonly string[] = [
  '很', '不', '没', '也', '都', '太', '真', '最', '更', '还', '就', '才', '再', '又', '别', '挺',
  // prepositions and possessive pronouns glued to a noun (在家, 把门, 我家, 你家)
  '在', '从', '把', '被', '跟', '和', '我', '你', '他', '她'
]
export const AFFIX_SUFFIXES: readonly string[] = ['了', '的', '吗', '呢', '着', '过', '吧', '啊', '们', '得', '地']
/**
 * Verb complements a segmenter keeps on the verb (发给, 拿到, 做完): a verb-complement word is
 * split into verb + complement when both have signs (发给 → 发 给). Only for verbs: 方法 is not 方 + 法.
 */
export const VERB_COMPLEMENTS: readonly string[] = ['在', '给', '到', '完', '好', '上', '下', '起', '出', '进', '回', '开', '走', '来', '去', '懂', '会', '见']

/** Negations that move after a short predicate (docs/translate.md); 别/不要 (prohibitions) stay first. */
export const MOVABLE_NEGATIONS: readonly string[] = ['不', '没', '没有', '不会', '不能', '不用']

/**
 * Common surnames (the most frequent in China's household register, 2020): a word the segmenter
 * guessed outside its lexicon that starts with one and has 2–3 characters is read as a person's
 * name (张伟) and fingerspelled whole; any other guessed word is read as the words it is made of.
 */
export const COMMON_SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文'

/** Name prefixes: 小/老/阿 before a surname make one name (小王, 老李, 阿明). */
export const NAME_PREFIXES: readonly string[] = ['小', '老', '阿']
/**
 * Signs a segmenter's guess may glue onto a name (李明来 → 李明 · 来): a guessed word ending in
 * one of these is read as the name plus this sign.
 */
export const NAME_TAIL_WORDS: readonly string[] = ['来', '去', '说', '走', '是', '在', '和', '的', '了', '叫', '给', '也', '都', '吗', '呢']
