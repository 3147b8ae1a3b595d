/**
 * A small dictionary of entry headers for the learning tests: several categories, shared
 * words (爱人 = 丈夫/妻子), two variants of one word, letters and number hands.
 */
import type { EntryHeader } from '../../../src/core/sign/header'

type Row = [id: string, word: string, category: string, freq: number, handshape: string, pinyinPlain: string, extra?: Partial<EntryHeader>]

const rows: Row[] = [
  ['nihao', '你好', 'greetings', 9000, 'A', 'ni hao'],
  ['xiexie', '谢谢', 'greetings', 8800, 'A', 'xie xie'],
  ['zaijian', '再见', 'greetings', 8000, 'B', 'zai jian'],
  ['duibuqi', '对不起', 'greetings', 7000, 'B', 'dui bu qi'],
  ['meiguanxi', '没关系', 'greetings', 6500, 'Y', 'mei guan xi'],
  ['bukeqi', '不客气', 'greetings', 6000, 'B', 'bu ke qi'],
  ['qing', '请', 'greetings', 7600, 'B', 'qing'],
  ['baba', '爸爸', 'people', 7900, 'A', 'ba ba'],
  ['mama', '妈妈', 'people', 7800, 'A', 'ma ma'],
  ['gege', '哥哥', 'people', 5000, 'A', 'ge ge'],
  ['jiejie', '姐姐', 'people', 4900, 'Y', 'jie jie'],
  ['airen', '爱人', 'people', 3000, 'B', 'ai ren', { shares: ['丈夫', '妻子'] }],
  ['zhangfu', '丈夫', 'people', 2900, 'A', 'zhang fu'],
  ['pengyou', '朋友', 'people', 7400, 'G', 'peng you'],
  ['laoshi', '老师', 'people', 7300, 'G', 'lao shi'],
  ['xuesheng', '学生', 'people', 7200, 'G', 'xue sheng'],
  ['wo', '我', 'pronouns', 9900, 'G', 'wo'],
  ['ni', '你', 'pronouns', 9800, 'G', 'ni'],
  ['ta', '他', 'pronouns', 9700, 'G', 'ta'],
  ['shenme', '什么', 'pronouns', 9500, 'B', 'shen me'],
  ['shei', '谁', 'pronouns', 8400, 'G', 'shei'],
  ['jintian', '今天', 'time', 8300, 'G', 'jin tian'],
  ['mingtian', '明天', 'time', 8200, 'G', 'ming tian'],
  ['zuotian', '昨天', 'time', 8100, 'G', 'zuo tian'],
  ['xianzai', '现在', 'time', 8600, 'B', 'xian zai'],
  ['chi', '吃', 'food', 8500, 'O', 'chi'],
  ['he', '喝', 'food', 7700, 'C', 'he'],
  ['shui', '水', 'food', 7500, 'B', 'shui'],
  ['fan', '饭', 'food', 7100, 'O', 'fan'],
  ['cha', '茶', 'food', 5500, 'C', 'cha'],
  ['pingguo', '苹果', 'food', 4000, 'C', 'ping guo'],
  ['yiyuan', '医院', 'health', 6900, 'B', 'yi yuan'],
  ['yisheng', '医生', 'health', 6800, 'B', 'yi sheng'],
  ['bing', '病', 'health', 6700, 'A', 'bing'],
  ['teng', '疼', 'health', 5200, 'Y', 'teng'],
  ['xuexiao', '学校', 'school', 6600, 'O', 'xue xiao'],
  ['xuexi', '学习', 'school', 8700, 'O', 'xue xi'],
  ['shu', '书', 'school', 6400, 'B', 'shu'],
  ['xihuan', '喜欢', 'feelings', 8900, 'A', 'xi huan'],
  ['ai', '爱', 'feelings', 7950, 'A', 'ai'],
  ['gaoxing', '高兴', 'feelings', 6300, 'B', 'gao xing'],
  ['nanguo', '难过', 'feelings', 5100, 'Y', 'nan guo'],
  ['lü', '绿', 'colors', 3000, 'G', 'lv'],
  ['hong', '红', 'colors', 3500, 'G', 'hong'],
  ['bai', '白', 'colors', 3400, 'B', 'bai'],
  ['hei', '黑', 'colors', 3300, 'A', 'hei'],
  ['gou', '狗', 'animals', 3200, 'Y', 'gou'],
  ['mao', '猫', 'animals', 3100, 'G', 'mao'],
  ['ma_1', '马', 'animals', 2800, 'G', 'ma', { variant: 1 }],
  ['ma_2', '马', 'animals', 2800, 'Y', 'ma', { variant: 2 }],
  ['letter_a', 'A', 'letters', 100, 'A', 'a', { type: 'fingerspelled' }],
  ['letter_b', 'B', 'letters', 100, 'B', 'b', { type: 'fingerspelled' }],
  ['letter_zh', 'ZH', 'letters', 100, 'Y', 'zh', { type: 'fingerspelled' }],
  ['num_1', '一', 'numbers', 9990, 'G', 'yi', { type: 'number' }],
  ['num_2', '二', 'numbers', 9980, 'V', 'er', { type: 'number' }]
]

export const HEADERS: EntryHeader[] = rows.map(([id, word, category, freq, handshape, pinyinPlain, extra]) => ({
  id: id.replace('ü', 'v'),
  word,
  shares: [],
  pinyin: pinyinPlain,
  pinyinPlain,
  initials: pinyinPlain.split(' ').map(s => s[0]).join(''),
  category,
  type: 'lexical',
  freq,
  handshape,
  site: 'neutral',
  status: 'draft',
  ...extra
}))

export const T0 = Date.UTC(2026, 2, 2, 1, 0, 0) // 2026-03-02 09:00 in China
export const HOUR = 3600 * 1000
export const DAY = 24 * HOUR
