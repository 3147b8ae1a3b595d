import { HANDSHAPE_FORMS, type HandshapeForm } from './handshape-forms'
import { freeze } from '../base/object'

/**
 * The handshape table, text half: for every handshape id of handshape-forms.ts (the geometry the
 * engine bakes), the Chinese name shown to users, our own description and the source. The
 * describer, the validator, the pages and the docs use these; the avatar engine does not (it
 * imports handshape-forms.ts only, so the texts stay out of its bundle — docs/avatar.md).
 * Rows are transcriptions, not verified references: `source` says where each comes from and what
 * is doubtful. One `text(...)` row per row of handshape-forms.ts, same id, same order (test/unit/sign/tables.test.ts).
 */

export interface HandshapeText {
  id: string
  /** Chinese name shown to users: '字母A', '数字6', '平掌'. */
  zh: string
  /** Chinese, our own words: which fingers are extended or bent, where the thumb is. */
  description: string
  /** Provenance and doubts. */
  source: string
}

/** A handshape with its geometry and its texts. */
export type HandshapeDef = HandshapeForm & HandshapeText

const SRC_LETTER = '据《汉语手指字母方案》(1963) 条文的一般描述自行转写（A–R 的条文可在转载副本中读到），未与 GB/T 24435-2009 原图核对'
const SRC_LETTER_LATE = '《汉语手指字母方案》S 以后各条在可查的转载副本中缺失；此行是本项目按字母字形与一般印象拟定的草稿，未核对，须请聋人顾问对照 GB/T 24435-2009 图示改正'
const SRC_DOUBLE = '《汉语手指字母方案》ZH、CH、SH、NG 各条原文未能查到；本项目暂以“基础字母指式 + 向下一顿”区分，未核对，须请聋人顾问对照 GB/T 24435-2009 图示改正'
const SRC_DIACRITIC = '本项目的决定：ü、ê 不在 30 个指式之内；暂以 U、E 的指式加附加动作表示（ü 左右晃动，ê 划一个“^”），原方案中的附加符号打法未核对'
const SRC_NUMBER = '据汉语通行的单手数字手势（零至十）的一般描述自行转写；国家通用手语中的首选形式及地区变体未核对'
const SRC_COMMON = '本项目对常见手形的自行描述（参考 HamNoSys 基本手形分类和 docs/notation.md 的列表），未与国家通用手语手形图核对'
/** Rows added in notation version 2 for the handshape phrases of the national descriptions (docs/notation.md, survey). */
const SRC_NATIONAL = '据《国家通用手语词典》描述中的手形用语（docs/notation.md 的调查表）与插图自行转写，未经聋人审校'

function text (id: string, zh: string, description: string, source: string): HandshapeText {
  return freeze({ id, zh, description, source })
}

/** Descriptions are for the right (dominant) hand. */
const LETTERS: HandshapeText[] = [
  text('A', '字母A', '四指握拳，拇指伸直竖起，指尖朝上；手心朝左。', SRC_LETTER),
  text('B', '字母B', '四指伸直并拢朝上，拇指弯向掌心贴住；手心朝前略偏左。', SRC_LETTER),
  text('C', '字母C', '四指并拢，从上方向下弯；拇指在下方向上弯，与四指相对但不接触，整手成“C”形，开口朝左（虎口朝里）。CH 用同一指式再加动作区别。', SRC_LETTER),
  text('D', '字母D', '握拳，拇指压在中指第二节上；拳面斜向前下，虎口朝后上方。与“拳”手形相同，区别在朝向。', SRC_LETTER),
  text('E', '字母E', '中指、无名指、小指伸直并稍分开，指尖朝左；食指弯曲，拇指搭在食指上；手背朝外（对着看的人）。Ê 用同一指式再加动作区别。', SRC_LETTER),
  text('F', '字母F', '食指、中指伸直并稍分开，指尖朝左；无名指、小指弯曲，拇指搭在无名指上（有的转载本写作搭在食指上，待核）；手背朝外。与字母V手形相同，区别在朝向。', SRC_LETTER),
  text('G', '字母G', '食指伸直，指尖朝左，其余四指握拳；手背朝外。与字母I手形相同，区别在朝向（I 指尖朝上）。', SRC_LETTER),
  text('H', '字母H', '食指、中指并紧伸直，指尖朝上；无名指、小指弯曲，拇指搭在无名指上；手心朝前略偏左。', SRC_LETTER),
  text('I', '字母I', '食指伸直，指尖朝上，其余四指握拳，拇指搭在中指上；手心朝前略偏左。与字母G手形相同，区别在朝向。', SRC_LETTER),
  text('J', '字母J', '食指竖起后第二、三节弯曲成钩，其余四指握拳，拇指搭在中指上；手心朝前略偏左。手形与数字9相同。', SRC_LETTER),
  text('K', '字母K', '食指伸直朝上；中指伸直，在根部弯折，与食指成直角；拇指与中指交叉相搭；无名指、小指弯曲；虎口朝里。', SRC_LETTER),
  text('L', '字母L', '拇指、食指伸直张开成“L”形，食指朝上，其余三指握拳；虎口朝上，手心朝前略偏左。手形与数字8相同。', SRC_LETTER),
  text('M', '字母M', '小指弯曲，拇指弯曲搭在小指第二节上；食指、中指、无名指并拢，在根部向下弯，指尖略朝下，悬空罩在拇指上方；手心朝前略偏左。', SRC_LETTER),
  text('N', '字母N', '无名指、小指弯曲，拇指搭在无名指上；食指、中指并拢，在根部向下弯，指尖略朝下，悬空罩在拇指上方；手心朝前略偏左。NG 用同一指式再加动作区别。', SRC_LETTER),
  text('O', '字母O', '四指并拢弯成弧，拇指与食指、中指指尖相抵，围成空心的“O”；虎口朝里。', SRC_LETTER),
  text('P', '字母P', '拇指与食指指尖相抵成圈，其余三指伸直并拢，指尖斜向前下；虎口斜朝外。', SRC_LETTER),
  text('Q', '字母Q', '拇指、食指、中指的指尖捏拢，无名指和小指收起；捏拢的三指对着前方，虎口向里、稍偏左。手形与数字7相同。', SRC_LETTER),
  text('R', '字母R', '拇指、食指伸直张开，拇指指尖朝上，食指指尖朝前，其余三指握拳。手形与L相同，区别在朝向（食指朝前）。R 条文在转载本中只存前半句，后半为本项目推断。', SRC_LETTER),
  text('S', '字母S', '食指弯成弧形在上，拇指弯成弧形在下，两指相对不接触，其余三指握拳；指尖朝左，手心朝下，从正面看是一个“S”的弯（手心朝下让弯曲朝向观看者，不会与 G 的直食指混淆）。SH 用同一指式再加动作区别。', SRC_LETTER_LATE),
  text('T', '字母T', '拇指伸直朝上作竖；食指在根部弯折成直角，横在拇指上方作横，其余三指握拳，像一个“T”；手心朝左。', SRC_LETTER_LATE),
  text('U', '字母U', '拇指、食指伸直，一同朝上，两指平行分开如“U”的两竖，其余三指握拳；手心朝前略偏左。Ü 用同一指式再加动作区别。', SRC_LETTER_LATE),
  text('V', '字母V', '食指、中指伸直分开成“V”形，指尖朝上；无名指、小指弯曲，拇指搭在无名指上；手心朝前略偏左。手形与字母F相同（F 指尖朝左、手背朝外），也与数字2相近。', SRC_LETTER_LATE),
  text('W', '字母W', '食指、中指、无名指伸直分开成“W”形，指尖朝上；拇指弯曲搭在小指上；手心朝前略偏左。手形与数字3相同。', SRC_LETTER_LATE),
  text('X', '字母X', '食指、中指伸直，中指叠在食指上交叉成“X”，指尖朝上；无名指、小指弯曲，拇指搭在无名指上；手心朝前略偏左。', SRC_LETTER_LATE),
  text('Y', '字母Y', '拇指、小指伸直张开如“Y”的两叉，其余三指握拳；指尖朝上，手心朝前略偏左。手形与数字6相同，区别在朝向。', SRC_LETTER_LATE),
  text('Z', '字母Z', '食指、中指并拢伸直，指尖朝左；拇指张开；无名指、小指弯曲；手背朝外。ZH 用同一指式再加动作区别。', SRC_LETTER_LATE),
  text('ZH', '字母ZH', '先打字母Z的指式（食指、中指并拢朝左，拇指张开，手背朝外），再向下一顿。指式与Z相同，靠附加动作区分。', SRC_DOUBLE),
  text('CH', '字母CH', '先打字母C的指式（四指与拇指相对成“C”形，开口朝左），再向下一顿。指式与C相同，靠附加动作区分。', SRC_DOUBLE),
  text('SH', '字母SH', '先打字母S的指式（食指与拇指弯曲相对，其余三指握拳，手心朝下），再向下一顿。指式与S相同，靠附加动作区分。', SRC_DOUBLE),
  text('NG', '字母NG', '先打字母N的指式（食指、中指向下弯罩在拇指上），再向下一顿。指式与N相同，靠附加动作区分。', SRC_DOUBLE),
  text('UU', '字母Ü', '拼音 ü：先打字母U的指式，再左右轻晃一下，代表两点。', SRC_DIACRITIC),
  text('EE', '字母Ê', '拼音 ê：先打字母E的指式，再向左划一个小“^”，代表帽子符号。', SRC_DIACRITIC)
]

const NUMBERS: HandshapeText[] = [
  text('0', '数字0', '五指弯曲捏成圆形，像“0”，虎口朝内，从正面看得见圆孔。', SRC_NUMBER),
  text('1', '数字1', '食指伸直朝上，其余四指握拳，拇指压在中指上。', SRC_NUMBER),
  text('2', '数字2', '食指、中指伸直分开朝上，其余三指握拳，拇指压在无名指上。', SRC_NUMBER),
  text('3', '数字3', '中指、无名指、小指伸直分开朝上，拇指与食指捏成圈（国家通用手语的“三”）；掌心朝外。', SRC_NUMBER),
  text('4', '数字4', '四指伸直分开朝上，拇指弯向掌心。', SRC_NUMBER),
  text('5', '数字5', '五指全部伸直张开。', SRC_NUMBER),
  text('6', '数字6', '拇指、小指伸直张开，其余三指握拳，像打电话的手势。', SRC_NUMBER),
  text('7', '数字7', '拇指、食指、中指指尖捏拢，无名指、小指握起；指尖朝斜前上方，虎口朝斜后方，从正面看得见三指相捏。', SRC_NUMBER),
  text('8', '数字8', '拇指、食指伸直张开成直角，像汉字“八”，其余三指握拳。', SRC_NUMBER),
  text('9', '数字9', '食指伸出后弯曲成钩，中节指背朝上，其余四指握拳；虎口朝内，从正面看得见钩形。', SRC_NUMBER),
  text('10', '数字10', '食指伸直朝上，中指叠在食指上交叉成“十”字，其余三指握拳。也有握拳或两手食指相交表示十的打法。', SRC_NUMBER)
]

const COMMON: HandshapeText[] = [
  text('fist', '拳', '五指握拳，拇指压在食指、中指第二节外侧。', SRC_COMMON),
  text('flat', '平掌', '五指伸直并拢，拇指贴在食指旁。', SRC_COMMON),
  text('open', '五指张开', '五指伸直并尽量张开，拇指向外展开。', SRC_COMMON),
  text('claw', '爪形', '五指张开，各指第二、三节弯曲成爪，拇指弯曲与四指相对。', SRC_COMMON),
  text('bent', '屈掌', '四指并拢伸直，在指根处弯折成直角，拇指伸直贴在旁边。', SRC_COMMON),
  text('cup', '杯形', '五指并拢，各指关节微曲，掌心略凹，像捧水的杯形。', SRC_COMMON),
  text('flat_o', '撮合', '五指伸出后指尖撮拢到一起，拇指尖与其余四指尖相碰。', SRC_COMMON),
  text('pinch', '捏', '拇指与食指指尖相捏，其余三指握起。', SRC_COMMON),
  text('pinch_open', '张捏', '拇指与食指弯曲相对，留一小段空隙不接触，其余三指握起。', SRC_COMMON),
  text('beak', '鸭嘴', '四指并拢伸直，在指根处半弯，拇指与四指上下相对，像张开的鸭嘴。', SRC_COMMON),
  text('hook', '钩', '食指弯曲成钩，其余四指握拳。', SRC_COMMON),
  text('v_bent', '弯V', '食指、中指分开并弯曲成钩，其余手指握起，拇指压住无名指。', SRC_COMMON),
  text('pinky', '小指', '小指伸直，其余四指握拳。', SRC_COMMON),
  text('thumb_pinky', '拇小指', '拇指、小指伸直张开，其余三指握拳。', SRC_COMMON),
  text('index_mid', '食中指', '食指、中指并拢伸直，其余手指握起。', SRC_COMMON),
  text('thumb_index', '八字', '拇指、食指伸直张开成“八”字，其余三指握拳。', SRC_COMMON),
  text('knuckle', '指节', '握拳，食指第二节向前凸出，拇指贴在食指侧面。', SRC_COMMON),
  text('c_large', '大C', '五指稍分开并弯曲，拇指与四指相对，围成较大的“C”形。', SRC_COMMON),
  text('flat_spread', '平掌微分', '五指伸直，四指之间微微分开，拇指不外展。', SRC_COMMON),
  text('three', '拇食中', '拇指、食指、中指伸出张开，无名指、小指握起。', SRC_COMMON),
  text('ring_pinky', '无名小指', '无名指、小指伸直，拇指压住弯曲的食指、中指。', SRC_COMMON),
  text('index_pinky', '食小指', '食指、小指伸直，中指、无名指弯曲，拇指压在其上。', SRC_COMMON),
  text('thumb_side', '拇指侧伸', '握拳，拇指向外伸出；用时拇指尖常朝前。', SRC_COMMON),
  text('index', '食指', '食指伸直，其余四指握拳（用于指点，与数字1手形相同）。', SRC_COMMON),
  text('middle_bent', '中指弯', '五指张开，只有中指在根部向掌心弯下（用于“摸”“感觉”一类动作）。', SRC_COMMON),
  // Version 2: the handshapes the national descriptions use that version 1 lacked.
  text('flat_thumb_out', '平掌张拇', '四指并拢伸直，拇指向外张开。', SRC_NATIONAL),
  text('open_lax', '五指微曲张开', '五指张开，各指关节都自然地微微弯曲。', SRC_NATIONAL),
  text('fist_hollow', '空心拳', '四指弯成筒状、指尖不贴掌心，拇指靠在食指旁，像虚握着一根棍子。', SRC_NATIONAL),
  text('index_lax', '食指微曲', '食指伸出并微微弯曲，其余手指握起。', SRC_NATIONAL),
  text('middle', '中指', '只有中指伸直，其余手指握起，拇指压住食指。', SRC_NATIONAL),
  text('pinky_hook', '小指弯钩', '小指伸出后弯成钩，其余手指握起。', SRC_NATIONAL),
  text('v_lax', '食中指微曲', '食指、中指伸出分开并微微弯曲，其余手指握起。', SRC_NATIONAL),
  text('thumb_index_pinky', '拇食小指', '拇指、食指、小指伸直张开，中指、无名指握起（如“飞机”）。', SRC_NATIONAL),
  text('three_flat', '三指并拢', '食指、中指、无名指并拢伸直，拇指压住小指。', SRC_NATIONAL),
  text('mid_ring_pinky', '中无名小指', '中指、无名指、小指伸直分开，拇指压住弯曲的食指。', SRC_NATIONAL),
  text('index_ring_pinky', '食无名小指', '食指、无名指、小指伸直，中指弯曲，拇指压在中指上。', SRC_NATIONAL),
  text('c_index_large', '大八字弯', '拇指、食指弯曲相对，开口较大，约一拳宽，其余三指握起。', SRC_NATIONAL),
  text('ring_open', '张圈手', '拇指、食指弯曲相对成圈但不相碰，中指、无名指、小指伸出。', SRC_NATIONAL),
  text('pinch_mid', '拇中指捏', '拇指与中指指尖相捏，食指、无名指、小指伸出。', SRC_NATIONAL),
  text('pinch_mid_open', '拇中指微张', '拇指与中指弯曲相对留一点空隙，其余三指伸出。', SRC_NATIONAL),
  text('pinch_pinky', '拇小指捏', '拇指与小指指尖相捏，其余三指弯曲（如“少”）。', SRC_NATIONAL),
  text('fox', '狐狸手', '拇指与中指、无名指指尖相捏，食指、小指伸直。', SRC_NATIONAL),
  text('claw_three', '三指爪', '拇指、食指、中指弯曲成爪，无名指、小指握起。', SRC_NATIONAL),
  text('hook_three', '三指弯钩', '食指、中指、无名指弯曲成钩，拇指压住小指。', SRC_NATIONAL),
  text('c_thumb_pinky', '拇小指弯', '拇指与小指弯曲相对，其余三指握起。', SRC_NATIONAL),
  text('open_mid_bent', '中指屈', '拇指、食指、无名指、小指伸出张开，中指弯曲。', SRC_NATIONAL),
  text('open_ring_bent', '无名指屈', '拇指、食指、中指、小指伸出张开，无名指弯曲。', SRC_NATIONAL),
  text('open_index_hook', '食指钩余指伸', '食指弯成钩，拇指和其余三指伸出张开。', SRC_NATIONAL),
  text('horns_mid_bent', '角手屈中', '食指、小指伸直，中指、无名指在指根处折成直角。', SRC_NATIONAL),
  text('thumb_middle_hook', '拇中伸食钩', '拇指、中指伸出张开，食指弯成钩，无名指、小指握起。', SRC_NATIONAL),
  text('thumb_index_hook', '八字钩', '拇指伸出，食指弯成钩，其余三指握起（食指弯动时的“有”）。', SRC_NATIONAL),
  text('index_bunch', '食指立余指捏', '食指伸直，拇指与中指、无名指、小指的指尖捏在一起。', SRC_NATIONAL),
  text('thumb_index_cross', '拇食十字', '拇指伸直竖起，食指在根部折成直角横搭在拇指上，两指交叉成“十”字，其余三指握起（如“医生”“星”）。', SRC_NATIONAL),
  text('divide', '除号手', '食指伸直作横线，拇指、中指弯曲在食指两侧作两点，像除号“÷”，其余手指握起。', SRC_NATIONAL),
  text('index_mid_hook', '食指伸中指屈', '食指伸直，中指弯曲、指尖靠在食指背后，其余手指握起（如“鹤”的腿）。', SRC_NATIONAL),
  text('beak_thin', '窄缝手', '四指并拢、指根半弯，拇指与四指上下相对，只留一条窄缝（如“薄”）。', SRC_NATIONAL),
  text('index_thumb_root', '食指伸拇按根', '食指伸直，拇指尖按在食指根部侧面，其余三指握起（拇指再沿食指向指尖移动即成“捏”）。', SRC_NATIONAL)
]

export const HANDSHAPE_TEXTS: readonly HandshapeText[] = freeze([...LETTERS, ...NUMBERS, ...COMMON])

const TEXT_BY_ID: ReadonlyMap<string, HandshapeText> = new Map(HANDSHAPE_TEXTS.map(t => [t.id, t]))

/**
 * Every handshape, geometry and texts joined, in the forms' order. A form without a text row
 * (a test fails on it) still shows, named by its id, rather than vanishing from the vocabulary.
 */
export const HANDSHAPES: readonly HandshapeDef[] = freeze(HANDSHAPE_FORMS.map(f => {
  const t = TEXT_BY_ID.get(f.id)
  return freeze({ ...f, zh: t?.zh ?? f.id, description: t?.description ?? '', source: t?.source ?? '' })
}))

const BY_ID: ReadonlyMap<string, HandshapeDef> = new Map(HANDSHAPES.map(h => [h.id, h]))

export function getHandshape (id: string): HandshapeDef | undefined {
  return BY_ID.get(id)
}
