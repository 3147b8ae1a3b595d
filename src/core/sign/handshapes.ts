import type { Dir } from './types'

/**
 * The handshape table: every handshape id the notation accepts (docs/notation.md), written as
 * categorical codes (HamNoSys-style flexion categories, hand-model.ts FLEX_DEG) that the engine bakes into joint angles.
 * Rows are transcriptions, not verified references: `source` says where each comes from and what
 * is doubtful. Letters carry the default orientation (and movement) of the finger alphabet.
 */

/**
 * Per-finger flexion category. E extended · e lax · hb half-bent at the base · b bent 90° at the
 * base · r round · c cee curve · p pinch curve · h hooked (tip curled back) · k crooked (bent at
 * the middle joint, tip to the side: 九 and J, a "?" in profile) · db double-bent · F fist.
 */
export type FlexCode = 'E' | 'e' | 'hb' | 'b' | 'r' | 'c' | 'p' | 'h' | 'k' | 'db' | 'F'

/** '=' together · '{' spread · 'x' index and middle crossed. */
export type SpreadCode = '=' | '{' | 'x'

/**
 * out: abducted in the palm plane (as in L) · up: alongside the index, extended · tuck: tip to the
 * palm · across: over the bent fingers' middle phalanges (fist) · opp: opposed and curved, facing
 * the fingertips (C) · touch_X: tip touching finger X · side: against the side of the index ·
 * gap: opposed to the index tip with a narrow gap (薄).
 */
export type ThumbCode =
  | 'out' | 'up' | 'tuck' | 'across' | 'opp'
  | 'touch_index' | 'touch_middle' | 'touch_ring' | 'touch_pinky' | 'side' | 'gap'

export type HandshapeGroup = 'letter' | 'number' | 'common'

export interface HandshapeDef {
  id: string
  /** Chinese name shown to users: '字母A', '数字6', '平掌'. */
  zh: string
  /** Chinese, our own words: which fingers are extended or bent, where the thumb is. */
  description: string
  /** Provenance and doubts. */
  source: string
  group: HandshapeGroup
  /** Index, middle, ring, pinky. */
  fingers: readonly [FlexCode, FlexCode, FlexCode, FlexCode]
  spread: SpreadCode
  thumb: ThumbCode
  /** Finger-alphabet letters and number hands: the orientation they are shown in. */
  defaultOrient?: { finger: Dir; palm: Dir }
  /** Letters that move: the movement, in notation syntax (the part after ';'). */
  letterMove?: string
}

const SRC_LETTER = '据《汉语手指字母方案》(1963) 条文的一般描述自行转写（A–R 的条文可在转载副本中读到），未与 GB/T 24435-2009 原图核对'
const SRC_LETTER_LATE = '《汉语手指字母方案》S 以后各条在可查的转载副本中缺失；此行是本项目按字母字形与一般印象拟定的草稿，未核对，须请聋人顾问对照 GB/T 24435-2009 图示改正'
const SRC_DOUBLE = '《汉语手指字母方案》ZH、CH、SH、NG 各条原文未能查到；本项目暂以“基础字母指式 + 向下一顿”区分，未核对，须请聋人顾问对照 GB/T 24435-2009 图示改正'
const SRC_DIACRITIC = '本项目的决定：ü、ê 不在 30 个指式之内；暂以 U、E 的指式加附加动作表示（ü 左右晃动，ê 划一个“^”），原方案中的附加符号打法未核对'
const SRC_NUMBER = '据汉语通行的单手数字手势（零至十）的一般描述自行转写；国家通用手语中的首选形式及地区变体未核对'
const SRC_COMMON = '本项目对常见手形的自行描述（参考 HamNoSys 基本手形分类和 docs/notation.md 的列表），未与国家通用手语手形图核对'
/** Rows added in notation version 2 for the handshape phrases of the national descriptions (docs/notation.md, survey). */
const SRC_NATIONAL = '据《国家通用手语词典》描述中的手形用语（docs/notation.md 的调查表）与插图自行转写，未经聋人审校'

function row (
  id: string,
  zh: string,
  group: HandshapeGroup,
  fingers: readonly [FlexCode, FlexCode, FlexCode, FlexCode],
  spread: SpreadCode,
  thumb: ThumbCode,
  description: string,
  source: string,
  orient?: [Dir, Dir],
  letterMove?: string
): HandshapeDef {
  const def: HandshapeDef = { id, zh, description, source, group, fingers, spread, thumb }
  if (orient) def.defaultOrient = { finger: orient[0], palm: orient[1] }
  if (letterMove !== undefined) def.letterMove = letterMove
  return Object.freeze(def)
}

/** Handedness: descriptions are for the right (dominant) hand; 'c' (contralateral) is its left. */
const LETTERS: HandshapeDef[] = [
  row('A', '字母A', 'letter', ['F', 'F', 'F', 'F'], '=', 'up',
    '四指握拳，拇指伸直竖起，指尖朝上；手心朝左。', SRC_LETTER, ['u', 'c']),
  row('B', '字母B', 'letter', ['E', 'E', 'E', 'E'], '=', 'tuck',
    '四指伸直并拢朝上，拇指弯向掌心贴住；手心朝前略偏左。', SRC_LETTER, ['u', 'fc']),
  row('C', '字母C', 'letter', ['c', 'c', 'c', 'c'], '=', 'opp',
    '四指并拢，从上方向下弯；拇指在下方向上弯，与四指相对但不接触，整手成“C”形，开口朝左（虎口朝里）。CH 用同一指式再加动作区别。', SRC_LETTER, ['u', 'c']),
  row('D', '字母D', 'letter', ['F', 'F', 'F', 'F'], '=', 'across',
    '握拳，拇指压在中指第二节上；拳面斜向前下，虎口朝后上方。与“拳”手形相同，区别在朝向。', SRC_LETTER, ['df', 'c']),
  row('E', '字母E', 'letter', ['r', 'E', 'E', 'E'], '{', 'touch_index',
    '中指、无名指、小指伸直并稍分开，指尖朝左；食指弯曲，拇指搭在食指上；手背朝外（对着看的人）。Ê 用同一指式再加动作区别。', SRC_LETTER, ['c', 'b']),
  row('F', '字母F', 'letter', ['E', 'E', 'F', 'F'], '{', 'touch_ring',
    '食指、中指伸直并稍分开，指尖朝左；无名指、小指弯曲，拇指搭在无名指上（有的转载本写作搭在食指上，待核）；手背朝外。与字母V手形相同，区别在朝向。', SRC_LETTER, ['c', 'b']),
  row('G', '字母G', 'letter', ['E', 'F', 'F', 'F'], '=', 'across',
    '食指伸直，指尖朝左，其余四指握拳；手背朝外。与字母I手形相同，区别在朝向（I 指尖朝上）。', SRC_LETTER, ['c', 'b']),
  row('H', '字母H', 'letter', ['E', 'E', 'F', 'F'], '=', 'touch_ring',
    '食指、中指并紧伸直，指尖朝上；无名指、小指弯曲，拇指搭在无名指上；手心朝前略偏左。', SRC_LETTER, ['u', 'fc']),
  row('I', '字母I', 'letter', ['E', 'F', 'F', 'F'], '=', 'across',
    '食指伸直，指尖朝上，其余四指握拳，拇指搭在中指上；手心朝前略偏左。与字母G手形相同，区别在朝向。', SRC_LETTER, ['u', 'fc']),
  row('J', '字母J', 'letter', ['k', 'F', 'F', 'F'], '=', 'across',
    '食指竖起后第二、三节弯曲成钩，其余四指握拳，拇指搭在中指上；手心朝前略偏左。手形与数字9相同。', SRC_LETTER, ['u', 'fc']),
  row('K', '字母K', 'letter', ['E', 'b', 'F', 'F'], '=', 'touch_middle',
    '食指伸直朝上；中指伸直，在根部弯折，与食指成直角；拇指与中指交叉相搭；无名指、小指弯曲；虎口朝里。', SRC_LETTER, ['u', 'c']),
  row('L', '字母L', 'letter', ['E', 'F', 'F', 'F'], '=', 'out',
    '拇指、食指伸直张开成“L”形，食指朝上，其余三指握拳；虎口朝上，手心朝前略偏左。手形与数字8相同。', SRC_LETTER, ['u', 'fc']),
  row('M', '字母M', 'letter', ['b', 'b', 'b', 'F'], '=', 'touch_pinky',
    '小指弯曲，拇指弯曲搭在小指第二节上；食指、中指、无名指并拢，在根部向下弯，指尖略朝下，悬空罩在拇指上方；手心朝前略偏左。', SRC_LETTER, ['u', 'fc']),
  row('N', '字母N', 'letter', ['b', 'b', 'F', 'F'], '=', 'touch_ring',
    '无名指、小指弯曲，拇指搭在无名指上；食指、中指并拢，在根部向下弯，指尖略朝下，悬空罩在拇指上方；手心朝前略偏左。NG 用同一指式再加动作区别。', SRC_LETTER, ['u', 'fc']),
  row('O', '字母O', 'letter', ['r', 'r', 'r', 'r'], '=', 'touch_index',
    '四指并拢弯成弧，拇指与食指、中指指尖相抵，围成空心的“O”；虎口朝里。', SRC_LETTER, ['u', 'c']),
  row('P', '字母P', 'letter', ['p', 'E', 'E', 'E'], '=', 'touch_index',
    '拇指与食指指尖相抵成圈，其余三指伸直并拢，指尖斜向前下；虎口斜朝外。', SRC_LETTER, ['df', 'c']),
  row('Q', '字母Q', 'letter', ['p', 'p', 'F', 'F'], '=', 'touch_index',
    '拇指、食指、中指的指尖捏拢，无名指和小指收起；捏拢的三指对着前方，虎口向里、稍偏左。手形与数字7相同。', SRC_LETTER, ['f', 'c']),
  row('R', '字母R', 'letter', ['E', 'F', 'F', 'F'], '=', 'out',
    '拇指、食指伸直张开，拇指指尖朝上，食指指尖朝前，其余三指握拳。手形与L相同，区别在朝向（食指朝前）。R 条文在转载本中只存前半句，后半为本项目推断。', SRC_LETTER, ['f', 'c']),
  row('S', '字母S', 'letter', ['c', 'F', 'F', 'F'], '=', 'opp',
    '食指弯成弧形在上，拇指弯成弧形在下，两指相对不接触，其余三指握拳；指尖朝左，手心朝下，从正面看是一个“S”的弯（手心朝下让弯曲朝向观看者，不会与 G 的直食指混淆）。SH 用同一指式再加动作区别。', SRC_LETTER_LATE, ['c', 'd']),
  row('T', '字母T', 'letter', ['b', 'F', 'F', 'F'], '=', 'up',
    '拇指伸直朝上作竖；食指在根部弯折成直角，横在拇指上方作横，其余三指握拳，像一个“T”；手心朝左。', SRC_LETTER_LATE, ['u', 'c']),
  row('U', '字母U', 'letter', ['E', 'F', 'F', 'F'], '=', 'up',
    '拇指、食指伸直，一同朝上，两指平行分开如“U”的两竖，其余三指握拳；手心朝前略偏左。Ü 用同一指式再加动作区别。', SRC_LETTER_LATE, ['u', 'fc']),
  row('V', '字母V', 'letter', ['E', 'E', 'F', 'F'], '{', 'touch_ring',
    '食指、中指伸直分开成“V”形，指尖朝上；无名指、小指弯曲，拇指搭在无名指上；手心朝前略偏左。手形与字母F相同（F 指尖朝左、手背朝外），也与数字2相近。', SRC_LETTER_LATE, ['u', 'fc']),
  row('W', '字母W', 'letter', ['E', 'E', 'E', 'F'], '{', 'touch_pinky',
    '食指、中指、无名指伸直分开成“W”形，指尖朝上；拇指弯曲搭在小指上；手心朝前略偏左。手形与数字3相同。', SRC_LETTER_LATE, ['u', 'fc']),
  row('X', '字母X', 'letter', ['E', 'E', 'F', 'F'], 'x', 'touch_ring',
    '食指、中指伸直，中指叠在食指上交叉成“X”，指尖朝上；无名指、小指弯曲，拇指搭在无名指上；手心朝前略偏左。', SRC_LETTER_LATE, ['u', 'fc']),
  row('Y', '字母Y', 'letter', ['F', 'F', 'F', 'E'], '=', 'out',
    '拇指、小指伸直张开如“Y”的两叉，其余三指握拳；指尖朝上，手心朝前略偏左。手形与数字6相同，区别在朝向。', SRC_LETTER_LATE, ['u', 'fc']),
  row('Z', '字母Z', 'letter', ['E', 'E', 'F', 'F'], '=', 'out',
    '食指、中指并拢伸直，指尖朝左；拇指张开；无名指、小指弯曲；手背朝外。ZH 用同一指式再加动作区别。', SRC_LETTER_LATE, ['c', 'b']),
  row('ZH', '字母ZH', 'letter', ['E', 'E', 'F', 'F'], '=', 'out',
    '先打字母Z的指式（食指、中指并拢朝左，拇指张开，手背朝外），再向下一顿。指式与Z相同，靠附加动作区分。', SRC_DOUBLE, ['c', 'b'], 'line(d,s)'),
  row('CH', '字母CH', 'letter', ['c', 'c', 'c', 'c'], '=', 'opp',
    '先打字母C的指式（四指与拇指相对成“C”形，开口朝左），再向下一顿。指式与C相同，靠附加动作区分。', SRC_DOUBLE, ['u', 'c'], 'line(d,s)'),
  row('SH', '字母SH', 'letter', ['c', 'F', 'F', 'F'], '=', 'opp',
    '先打字母S的指式（食指与拇指弯曲相对，其余三指握拳，手心朝下），再向下一顿。指式与S相同，靠附加动作区分。', SRC_DOUBLE, ['c', 'd'], 'line(d,s)'),
  row('NG', '字母NG', 'letter', ['b', 'b', 'F', 'F'], '=', 'touch_ring',
    '先打字母N的指式（食指、中指向下弯罩在拇指上），再向下一顿。指式与N相同，靠附加动作区分。', SRC_DOUBLE, ['u', 'fc'], 'line(d,s)'),
  row('UU', '字母Ü', 'letter', ['E', 'F', 'F', 'F'], '=', 'up',
    '拼音 ü：先打字母U的指式，再左右轻晃一下，代表两点。', SRC_DIACRITIC, ['u', 'fc'], 'line(c,s) line(i,s)'),
  row('EE', '字母Ê', 'letter', ['r', 'E', 'E', 'E'], '{', 'touch_index',
    '拼音 ê：先打字母E的指式，再向左划一个小“^”，代表帽子符号。', SRC_DIACRITIC, ['c', 'b'], 'arc(c,u,s)')
]

const NUMBERS: HandshapeDef[] = [
  row('0', '数字0', 'number', ['c', 'c', 'c', 'c'], '=', 'touch_index',
    '五指弯曲捏成圆形，像“0”，虎口朝内，从正面看得见圆孔。', SRC_NUMBER, ['u', 'c']),
  row('1', '数字1', 'number', ['E', 'F', 'F', 'F'], '=', 'across',
    '食指伸直朝上，其余四指握拳，拇指压在中指上。', SRC_NUMBER, ['u', 'f']),
  row('2', '数字2', 'number', ['E', 'E', 'F', 'F'], '{', 'touch_ring',
    '食指、中指伸直分开朝上，其余三指握拳，拇指压在无名指上。', SRC_NUMBER, ['u', 'f']),
  row('3', '数字3', 'number', ['r', 'E', 'E', 'E'], '{', 'touch_index',
    '中指、无名指、小指伸直分开朝上，拇指与食指捏成圈（国家通用手语的“三”）；掌心朝外。', SRC_NUMBER, ['u', 'f']),
  row('4', '数字4', 'number', ['E', 'E', 'E', 'E'], '{', 'tuck',
    '四指伸直分开朝上，拇指弯向掌心。', SRC_NUMBER, ['u', 'f']),
  row('5', '数字5', 'number', ['E', 'E', 'E', 'E'], '{', 'out',
    '五指全部伸直张开。', SRC_NUMBER, ['u', 'f']),
  row('6', '数字6', 'number', ['F', 'F', 'F', 'E'], '=', 'out',
    '拇指、小指伸直张开，其余三指握拳，像打电话的手势。', SRC_NUMBER, ['u', 'b']),
  row('7', '数字7', 'number', ['p', 'p', 'F', 'F'], '=', 'touch_index',
    '拇指、食指、中指指尖捏拢，无名指、小指握起；指尖朝斜前上方，虎口朝斜后方，从正面看得见三指相捏。', SRC_NUMBER, ['uf', 'fc']),
  row('8', '数字8', 'number', ['E', 'F', 'F', 'F'], '=', 'out',
    '拇指、食指伸直张开成直角，像汉字“八”，其余三指握拳。', SRC_NUMBER, ['u', 'f']),
  row('9', '数字9', 'number', ['k', 'F', 'F', 'F'], '=', 'across',
    '食指伸出后弯曲成钩，中节指背朝上，其余四指握拳；虎口朝内，从正面看得见钩形。', SRC_NUMBER, ['u', 'c']),
  row('10', '数字10', 'number', ['E', 'E', 'F', 'F'], 'x', 'touch_ring',
    '食指伸直朝上，中指叠在食指上交叉成“十”字，其余三指握拳。也有握拳或两手食指相交表示十的打法。', SRC_NUMBER, ['u', 'f'])
]

const COMMON: HandshapeDef[] = [
  row('fist', '拳', 'common', ['F', 'F', 'F', 'F'], '=', 'across',
    '五指握拳，拇指压在食指、中指第二节外侧。', SRC_COMMON),
  row('flat', '平掌', 'common', ['E', 'E', 'E', 'E'], '=', 'up',
    '五指伸直并拢，拇指贴在食指旁。', SRC_COMMON),
  row('open', '五指张开', 'common', ['E', 'E', 'E', 'E'], '{', 'out',
    '五指伸直并尽量张开，拇指向外展开。', SRC_COMMON),
  row('claw', '爪形', 'common', ['h', 'h', 'h', 'h'], '{', 'opp',
    '五指张开，各指第二、三节弯曲成爪，拇指弯曲与四指相对。', SRC_COMMON),
  row('bent', '屈掌', 'common', ['b', 'b', 'b', 'b'], '=', 'up',
    '四指并拢伸直，在指根处弯折成直角，拇指伸直贴在旁边。', SRC_COMMON),
  row('cup', '杯形', 'common', ['e', 'e', 'e', 'e'], '=', 'side',
    '五指并拢，各指关节微曲，掌心略凹，像捧水的杯形。', SRC_COMMON),
  row('flat_o', '撮合', 'common', ['p', 'p', 'p', 'p'], '=', 'touch_middle',
    '五指伸出后指尖撮拢到一起，拇指尖与其余四指尖相碰。', SRC_COMMON),
  row('pinch', '捏', 'common', ['p', 'F', 'F', 'F'], '=', 'touch_index',
    '拇指与食指指尖相捏，其余三指握起。', SRC_COMMON),
  row('pinch_open', '张捏', 'common', ['p', 'F', 'F', 'F'], '=', 'opp',
    '拇指与食指弯曲相对，留一小段空隙不接触，其余三指握起。', SRC_COMMON),
  row('beak', '鸭嘴', 'common', ['hb', 'hb', 'hb', 'hb'], '=', 'opp',
    '四指并拢伸直，在指根处半弯，拇指与四指上下相对，像张开的鸭嘴。', SRC_COMMON),
  row('hook', '钩', 'common', ['h', 'F', 'F', 'F'], '=', 'across',
    '食指弯曲成钩，其余四指握拳。', SRC_COMMON),
  row('v_bent', '弯V', 'common', ['h', 'h', 'F', 'F'], '{', 'touch_ring',
    '食指、中指分开并弯曲成钩，其余手指握起，拇指压住无名指。', SRC_COMMON),
  row('pinky', '小指', 'common', ['F', 'F', 'F', 'E'], '=', 'across',
    '小指伸直，其余四指握拳。', SRC_COMMON),
  row('thumb_pinky', '拇小指', 'common', ['F', 'F', 'F', 'E'], '=', 'out',
    '拇指、小指伸直张开，其余三指握拳。', SRC_COMMON),
  row('index_mid', '食中指', 'common', ['E', 'E', 'F', 'F'], '=', 'across',
    '食指、中指并拢伸直，其余手指握起。', SRC_COMMON),
  row('thumb_index', '八字', 'common', ['E', 'F', 'F', 'F'], '=', 'out',
    '拇指、食指伸直张开成“八”字，其余三指握拳。', SRC_COMMON),
  row('knuckle', '指节', 'common', ['db', 'F', 'F', 'F'], '=', 'side',
    '握拳，食指第二节向前凸出，拇指贴在食指侧面。', SRC_COMMON),
  row('c_large', '大C', 'common', ['c', 'c', 'c', 'c'], '{', 'opp',
    '五指稍分开并弯曲，拇指与四指相对，围成较大的“C”形。', SRC_COMMON),
  row('flat_spread', '平掌微分', 'common', ['E', 'E', 'E', 'E'], '{', 'up',
    '五指伸直，四指之间微微分开，拇指不外展。', SRC_COMMON),
  row('three', '拇食中', 'common', ['E', 'E', 'F', 'F'], '{', 'out',
    '拇指、食指、中指伸出张开，无名指、小指握起。', SRC_COMMON),
  row('ring_pinky', '无名小指', 'common', ['F', 'F', 'E', 'E'], '=', 'across',
    '无名指、小指伸直，拇指压住弯曲的食指、中指。', SRC_COMMON),
  row('index_pinky', '食小指', 'common', ['E', 'F', 'F', 'E'], '{', 'across',
    '食指、小指伸直，中指、无名指弯曲，拇指压在其上。', SRC_COMMON),
  row('thumb_side', '拇指侧伸', 'common', ['F', 'F', 'F', 'F'], '=', 'out',
    '握拳，拇指向外伸出；用时拇指尖常朝前。', SRC_COMMON),
  row('index', '食指', 'common', ['E', 'F', 'F', 'F'], '=', 'across',
    '食指伸直，其余四指握拳（用于指点，与数字1手形相同）。', SRC_COMMON),
  row('middle_bent', '中指弯', 'common', ['E', 'b', 'E', 'E'], '{', 'out',
    '五指张开，只有中指在根部向掌心弯下（用于“摸”“感觉”一类动作）。', SRC_COMMON),
  // Version 2: the handshapes the national descriptions use that version 1 lacked.
  row('flat_thumb_out', '平掌张拇', 'common', ['E', 'E', 'E', 'E'], '=', 'out',
    '四指并拢伸直，拇指向外张开。', SRC_NATIONAL),
  row('open_lax', '五指微曲张开', 'common', ['e', 'e', 'e', 'e'], '{', 'out',
    '五指张开，各指关节都自然地微微弯曲。', SRC_NATIONAL),
  row('fist_hollow', '空心拳', 'common', ['r', 'r', 'r', 'r'], '=', 'side',
    '四指弯成筒状、指尖不贴掌心，拇指靠在食指旁，像虚握着一根棍子。', SRC_NATIONAL),
  row('index_lax', '食指微曲', 'common', ['c', 'F', 'F', 'F'], '=', 'across',
    '食指伸出并微微弯曲，其余手指握起。', SRC_NATIONAL),
  row('middle', '中指', 'common', ['F', 'E', 'F', 'F'], '=', 'across',
    '只有中指伸直，其余手指握起，拇指压住食指。', SRC_NATIONAL),
  row('pinky_hook', '小指弯钩', 'common', ['F', 'F', 'F', 'h'], '=', 'across',
    '小指伸出后弯成钩，其余手指握起。', SRC_NATIONAL),
  row('v_lax', '食中指微曲', 'common', ['c', 'c', 'F', 'F'], '{', 'touch_ring',
    '食指、中指伸出分开并微微弯曲，其余手指握起。', SRC_NATIONAL),
  row('thumb_index_pinky', '拇食小指', 'common', ['E', 'F', 'F', 'E'], '{', 'out',
    '拇指、食指、小指伸直张开，中指、无名指握起（如“飞机”）。', SRC_NATIONAL),
  row('three_flat', '三指并拢', 'common', ['E', 'E', 'E', 'F'], '=', 'touch_pinky',
    '食指、中指、无名指并拢伸直，拇指压住小指。', SRC_NATIONAL),
  row('mid_ring_pinky', '中无名小指', 'common', ['F', 'E', 'E', 'E'], '{', 'across',
    '中指、无名指、小指伸直分开，拇指压住弯曲的食指。', SRC_NATIONAL),
  row('index_ring_pinky', '食无名小指', 'common', ['E', 'F', 'E', 'E'], '{', 'across',
    '食指、无名指、小指伸直，中指弯曲，拇指压在中指上。', SRC_NATIONAL),
  row('c_index_large', '大八字弯', 'common', ['hb', 'F', 'F', 'F'], '=', 'opp',
    '拇指、食指弯曲相对，开口较大，约一拳宽，其余三指握起。', SRC_NATIONAL),
  row('ring_open', '张圈手', 'common', ['c', 'E', 'E', 'E'], '{', 'opp',
    '拇指、食指弯曲相对成圈但不相碰，中指、无名指、小指伸出。', SRC_NATIONAL),
  row('pinch_mid', '拇中指捏', 'common', ['E', 'p', 'E', 'E'], '{', 'touch_middle',
    '拇指与中指指尖相捏，食指、无名指、小指伸出。', SRC_NATIONAL),
  row('pinch_mid_open', '拇中指微张', 'common', ['E', 'c', 'E', 'E'], '{', 'opp',
    '拇指与中指弯曲相对留一点空隙，其余三指伸出。', SRC_NATIONAL),
  row('pinch_pinky', '拇小指捏', 'common', ['F', 'F', 'F', 'p'], '=', 'touch_pinky',
    '拇指与小指指尖相捏，其余三指弯曲（如“少”）。', SRC_NATIONAL),
  row('fox', '狐狸手', 'common', ['E', 'p', 'p', 'E'], '{', 'touch_middle',
    '拇指与中指、无名指指尖相捏，食指、小指伸直。', SRC_NATIONAL),
  row('claw_three', '三指爪', 'common', ['h', 'h', 'F', 'F'], '{', 'opp',
    '拇指、食指、中指弯曲成爪，无名指、小指握起。', SRC_NATIONAL),
  row('hook_three', '三指弯钩', 'common', ['h', 'h', 'h', 'F'], '=', 'touch_pinky',
    '食指、中指、无名指弯曲成钩，拇指压住小指。', SRC_NATIONAL),
  row('c_thumb_pinky', '拇小指弯', 'common', ['F', 'F', 'F', 'c'], '=', 'opp',
    '拇指与小指弯曲相对，其余三指握起。', SRC_NATIONAL),
  row('open_mid_bent', '中指屈', 'common', ['E', 'F', 'E', 'E'], '{', 'out',
    '拇指、食指、无名指、小指伸出张开，中指弯曲。', SRC_NATIONAL),
  row('open_ring_bent', '无名指屈', 'common', ['E', 'E', 'F', 'E'], '{', 'out',
    '拇指、食指、中指、小指伸出张开，无名指弯曲。', SRC_NATIONAL),
  row('open_index_hook', '食指钩余指伸', 'common', ['h', 'E', 'E', 'E'], '{', 'out',
    '食指弯成钩，拇指和其余三指伸出张开。', SRC_NATIONAL),
  row('horns_mid_bent', '角手屈中', 'common', ['E', 'b', 'b', 'E'], '{', 'across',
    '食指、小指伸直，中指、无名指在指根处折成直角。', SRC_NATIONAL),
  row('thumb_middle_hook', '拇中伸食钩', 'common', ['h', 'E', 'F', 'F'], '{', 'out',
    '拇指、中指伸出张开，食指弯成钩，无名指、小指握起。', SRC_NATIONAL),
  row('thumb_index_hook', '八字钩', 'common', ['h', 'F', 'F', 'F'], '=', 'out',
    '拇指伸出，食指弯成钩，其余三指握起（食指弯动时的“有”）。', SRC_NATIONAL),
  row('index_bunch', '食指立余指捏', 'common', ['E', 'p', 'p', 'p'], '=', 'touch_middle',
    '食指伸直，拇指与中指、无名指、小指的指尖捏在一起。', SRC_NATIONAL),
  // Session 4: the handshapes the `needs: handshape / thumb-cross` entries named (docs/notation.md).
  // One-hand 十: the index, bent straight at its knuckle, lies across the upright thumb near the
  // thumb's middle, so the thumb tip stands above it (医生, 星). With the fingers up (f:u) the
  // index points along the palm's facing: write the palm toward where the index points.
  row('thumb_index_cross', '拇食十字', 'common', ['b', 'F', 'F', 'F'], '=', 'up',
    '拇指伸直竖起，食指在根部折成直角横搭在拇指上，两指交叉成“十”字，其余三指握起（如“医生”“星”）。', SRC_NATIONAL),
  row('divide', '除号手', 'common', ['E', 'h', 'F', 'F'], '=', 'opp',
    '食指伸直作横线，拇指、中指弯曲在食指两侧作两点，像除号“÷”，其余手指握起。', SRC_NATIONAL),
  row('index_mid_hook', '食指伸中指屈', 'common', ['E', 'h', 'F', 'F'], '=', 'across',
    '食指伸直，中指弯曲、指尖靠在食指背后，其余手指握起（如“鹤”的腿）。', SRC_NATIONAL),
  row('beak_thin', '窄缝手', 'common', ['hb', 'hb', 'hb', 'hb'], '=', 'gap',
    '四指并拢、指根半弯，拇指与四指上下相对，只留一条窄缝（如“薄”）。', SRC_NATIONAL),
  row('index_thumb_root', '食指伸拇按根', 'common', ['E', 'F', 'F', 'F'], '=', 'side',
    '食指伸直，拇指尖按在食指根部侧面，其余三指握起（拇指再沿食指向指尖移动即成“捏”）。', SRC_NATIONAL)
]

export const HANDSHAPES: readonly HandshapeDef[] = Object.freeze([...LETTERS, ...NUMBERS, ...COMMON])

export const HANDSHAPE_IDS: readonly string[] = Object.freeze(HANDSHAPES.map(h => h.id))

/** The 30 letters of the 1963 scheme, in alphabet order (ü and ê variants excluded). */
export const LETTER_IDS: readonly string[] = Object.freeze([
  'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S',
  'T', 'U', 'V', 'W', 'X', 'Y', 'Z', 'ZH', 'CH', 'SH', 'NG'
])

/** The ü and ê letter forms (project decision, docs/notation.md). */
export const DIACRITIC_LETTER_IDS = Object.freeze({ 'ü': 'UU', 'ê': 'EE' } as const)

const BY_ID: ReadonlyMap<string, HandshapeDef> = new Map(HANDSHAPES.map(h => [h.id, h]))

export function getHandshape (id: string): HandshapeDef | undefined {
  return BY_ID.get(id)
}
