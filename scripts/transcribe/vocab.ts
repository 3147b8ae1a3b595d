/**
 * The vocabulary of the draft: description words → notation version 2 (docs/notation.md).
 * Each table is small and reviewable; notate.ts applies them clause by clause.
 *
 * Directions are in the frame of the hand being written (docs/notation.md, “Sides on the
 * nondom line”): `i` its own side, `c` across. The book describes a right-handed signer, so for
 * the dominant hand 左 → c and 右 → i; for the non-dominant (left) hand 左 → i and 右 → c.
 */
import type { Shape } from '../reference/grammar'
import { matchShape } from '../reference/grammar'

export type HandRole = 'dom' | 'nondom'

// ─────────────────────────────────────────────────────────── directions as vectors

/** x = i, y = u, z = f (the hand's own frame). */
export type Vec = [number, number, number]
const UNIT: Record<string, Vec> = { i: [1, 0, 0], c: [-1, 0, 0], u: [0, 1, 0], d: [0, -1, 0], f: [0, 0, 1], b: [0, 0, -1] }

export function vec (dir: string): Vec {
  const v: Vec = [0, 0, 0]
  for (const ch of dir) { const u = UNIT[ch]; if (u) { v[0] += u[0]; v[1] += u[1]; v[2] += u[2] } }
  return v
}
export function cross (a: Vec, b: Vec): Vec {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]]
}
export const neg = (d: string): string => dirOf(vec(d).map(x => -x) as Vec)
/** Vector → direction letters in canonical order vertical–sagittal–lateral (`fu` → `uf`). */
export function dirOf (v: Vec): string {
  const n = Math.hypot(v[0], v[1], v[2])
  if (n < 1e-9) return ''
  const [x, y, z] = v.map(a => a / n)
  let s = ''
  if (y > 0.38) s += 'u'; else if (y < -0.38) s += 'd'
  if (z > 0.38) s += 'f'; else if (z < -0.38) s += 'b'
  if (x > 0.38) s += 'i'; else if (x < -0.38) s += 'c'
  return s
}
/** Two directions are compatible as finger and palm when neither equals or opposes the other. */
export function orthogonalish (f: string, p: string): boolean {
  const a = vec(f); const b = vec(p)
  const na = Math.hypot(...a); const nb = Math.hypot(...b)
  if (na === 0 || nb === 0) return false
  return Math.abs((a[0] * b[0] + a[1] * b[1] + a[2] * b[2]) / (na * nb)) < 0.75
}
/** The palm of a hand whose fingers point `f` and whose thumb side (虎口) faces `t`: p = f × t. */
export const palmFrom = (f: string, t: string): string => dirOf(cross(vec(f), vec(t)))
/** The fingers of a hand whose thumb side faces `t` and palm faces `p`: f = t × p. */
export const fingersFrom = (t: string, p: string): string => dirOf(cross(vec(t), vec(p)))

/**
 * A direction phrase of the book (上, 左前方, 斜下方, 内, 外) → direction letters for one hand.
 * `斜` without a horizontal word leans forward (斜上方 = up and forward).
 */
export function dirWord (w: string, hand: HandRole): string {
  const t = w.replace(/[方侧边面部]$/g, '').replace(/^向|^朝/, '')
  const v: Vec = [0, 0, 0]
  let horizontal = false
  for (const ch of t) {
    const d = ch === '上' ? 'u' : ch === '下' ? 'd' : ch === '前' || ch === '外' ? 'f' : ch === '后' || ch === '内' || ch === '里' ? 'b'
      : ch === '左' ? (hand === 'dom' ? 'c' : 'i') : ch === '右' ? (hand === 'dom' ? 'i' : 'c') : ''
    if (!d) continue
    if (d === 'f' || d === 'b' || d === 'i' || d === 'c') horizontal = true
    const u = UNIT[d]; v[0] += u[0]; v[1] += u[1]; v[2] += u[2]
  }
  if (/斜/.test(t) && !horizontal) v[2] += 1
  return dirOf(v)
}

// ─────────────────────────────────────────────────────────── handshapes

/**
 * Survey shape keys (scripts/reference/grammar.ts) → handshape ids of notation version 2, per
 * the table “the national descriptions say” in docs/notation.md. Keys not listed fall back to
 * the nearest row of the handshape table (matchShape).
 */
export const SHAPE_IDS: Record<string, string> = {
  'flat(implicit)': 'flat',
  'ext:TIMRP=': 'flat',
  'ext:IMRP=': 'flat',
  'ext:IMRP': 'flat',
  'ext:TIMRP{': 'open',
  'ext:TIMRP': 'open',
  'ext:IMRP{': 'open',
  'ext:I': 'index',
  'ext:T': 'thumb_side',
  'ext:M': 'middle',
  'ext:P': 'pinky',
  'ext:TP': 'thumb_pinky',
  'ext:TP{': 'thumb_pinky',
  'ext:TI': 'thumb_index',
  'ext:TI{': 'thumb_index',
  'ext:IM': 'index_mid',
  'ext:IM=': 'index_mid',
  'ext:IM{': '2',
  'ext:IMx': '10',
  'ext:IP': 'index_pinky',
  'ext:IP{': 'index_pinky',
  'ext:TIM': 'three',
  'ext:TIM{': 'three',
  'ext:IMR=': 'three_flat',
  'ext:IMR': 'W',
  'ext:IMR{': 'W',
  'ext:TIP': 'thumb_index_pinky',
  'ext:TIP{': 'thumb_index_pinky',
  'ext:MRP': 'mid_ring_pinky',
  'ext:MRP{': 'mid_ring_pinky',
  'ext:MRP=': 'mid_ring_pinky',
  'ext:RP': 'ring_pinky',
  'ext:IRP': 'index_ring_pinky',
  'ext:TIRP': 'open_mid_bent',
  'ext:TIMP': 'open_ring_bent',
  fist: 'fist',
  fist_hollow: 'fist_hollow',
  arched: 'cup',
  'bunch:TIMRP': 'flat_o',
  'ring:TIMRP': 'flat_o',
  'pinch:TI': 'pinch',
  'ring:TI': 'pinch',
  'ringS:TI': 'pinch',
  'bunch:TI': 'pinch',
  'c_small:TI': 'pinch_open',
  'open_pinch:TI': 'pinch_open',
  'C:TI': 'pinch_open',
  'bigC:TI': 'c_index_large',
  'lax:TIMRP': 'cup',
  'lax:IMRP': 'cup',
  'lax:TIMRP=': 'cup',
  'lax:TIMRP{': 'open_lax',
  'bent:TIMRP': 'claw',
  'bent:TIMRP{': 'claw',
  'bent:IMRP': 'claw',
  'bent:IMRP{': 'claw',
  'C:TIMRP': 'c_large',
  'C:IMRP': 'c_large',
  'bigC:TIMRP': 'c_large',
  'ball:TIMRP': 'C',
  'bent90:IMRP': 'bent',
  'pinch:TM': 'pinch_mid',
  'pinch:TP': 'pinch_pinky',
  'pinch:TMR': 'fox',
  'pinch:TMR+restE': 'fox',
  'pinch:TIM': '7',
  'bunch:TIM': '7',
  'bent:IM': 'v_bent',
  'bent:IM=': 'v_bent',
  'bent:IM{': 'v_bent',
  'lax:IM': 'v_lax',
  'lax:IM{': 'v_lax',
  'bent:I': 'hook',
  'lax:I': 'index_lax',
  'bent:P': 'pinky_hook',
  'lax:P': 'pinky_hook',
  'bent:TIM': 'claw_three',
  'bent:IMR': 'hook_three',
  'c_small:TP': 'c_thumb_pinky',
  'flat+ext:T': 'flat_thumb_out',
  'C:TI+rest:ext': 'ring_open',
  'c_small:TI+rest:ext': 'ring_open',
  'open_pinch:TM+rest:ext': 'pinch_mid_open',
  'ext:IP+bent90:MR': 'horns_mid_bent',
  'ext:TM{+bent:I': 'thumb_middle_hook',
  'bent:I+rest:ext': 'open_index_hook',
  'ext:I+rest:pinch': 'index_bunch',
  'pinch:TI+rest:ext': 'E',
  'ring:TI+rest:ext': 'E'
}

/** What the draft says when a shape cannot be decided from the words. */
export interface ShapeChoice { id: string, needs?: string, hint?: string }

/** The lost symbol (“”形) as the illustrations most often show it (survey spot checks). */
const LOST_SYMBOL_GUESS: Record<string, string> = { TIMRP: 'beak', IMRP: 'beak', TI: 'thumb_index' }

export function shapeId (s: Shape): ShapeChoice {
  if (s.key.startsWith('letter:') || s.key.startsWith('number:')) {
    const id = s.key.split(':')[1]
    if (id === '?' || id === '') return { id: 'flat', needs: 'lost-symbol', hint: '字母/数字符号缺失，看插图' }
    return { id }
  }
  const direct = SHAPE_IDS[s.key] ?? SHAPE_IDS[s.key.replace(/\+thumb:\w+$/, '')]
  if (direct) return { id: direct }
  if (s.key.startsWith('mimetic:')) return { id: 'fist_hollow', needs: 'held-object', hint: '手形随所持之物，看插图' }
  const lost = /^outline:([TIMRP]+):(成|与手掌成|仿)“\?”/.exec(s.key)
  if (lost) {
    if (lost[2] === '仿') return { id: LOST_SYMBOL_GUESS[lost[1]] ?? 'flat', needs: 'lost-symbol', hint: '仿“”形：符号缺失，多为两手拼形，看插图' }
    return { id: LOST_SYMBOL_GUESS[lost[1]] ?? 'flat', needs: 'lost-symbol', hint: '成“”形：符号缺失，看插图' }
  }
  const m = matchShape(s)
  if ((m.status === 'MATCH' || m.status === 'NEAR' || m.status === 'LETTER') && m.id) {
    return m.status === 'NEAR' ? { id: m.id, hint: `手形近似（${s.zh}）` } : { id: m.id }
  }
  if (m.status === 'MISSING' && m.nearest) return { id: m.nearest, hint: `手形表中没有“${s.zh}”，暂用最近的 ${m.nearest}` }
  return { id: 'flat', needs: 'lost-symbol', hint: `手形未定（${s.zh}），看插图` }
}

// ─────────────────────────────────────────────────────────── places

/** Body words → site ids of notation version 2 (longest first when scanning). */
export const BODY_SITES: Array<[RegExp, string]> = [
  [/头顶/, 'head_top'],
  [/后脑(?:勺)?|脑后/, 'back_head'],
  [/头发|发髻|辫子/, 'hair'],
  [/太阳穴/, 'temple'],
  [/前额|额头|额部|额/, 'forehead'],
  [/眉(?:毛|心|间|梢)?/, 'brow'],
  [/眼(?:睛|部|前|角|眶|皮|下)?/, 'eye'],
  [/鼻(?:子|尖|梁|孔|翼|下|部|前|头)?/, 'nose'],
  [/耳垂/, 'earlobe'],
  [/耳(?:朵|部|边|后|廓|旁|前|孔|下)?/, 'ear'],
  [/脸颊|面颊|颊|腮(?:部)?/, 'cheek'],
  [/嘴唇|唇/, 'lips'],
  [/牙(?:齿)?/, 'teeth'],
  [/嘴(?:部|前|边|角|旁|巴)?|口(?:部|边|前)/, 'mouth'],
  [/颏(?:部)?下|下巴下/, 'under_chin'],
  [/下巴|颏(?:部)?|下颌/, 'chin'],
  [/脸(?:部|上|前)?|面部|面前|面孔/, 'face'],
  [/头(?:的)?(?:一|两|左|右|同)?侧/, 'head_side'],
  [/头(?:部|前|上方|前上方|上)/, 'neutral_high'],
  [/咽喉(?:部)?|喉(?:部|咙|结|头)?/, 'throat'],
  [/颈(?:部)?|脖(?:子|颈)?/, 'neck'],
  [/肩(?:部|膀|头|上|前)?/, 'shoulder'],
  [/锁骨|领口|衣领/, 'collar'],
  [/腋(?:下|窝)?/, 'armpit'],
  [/心脏|心口|心窝/, 'heart'],
  [/胸前/, 'neutral'],
  [/胸(?:部|口|膛)?/, 'chest'],
  [/肋|胁/, 'ribs'],
  [/腹前/, 'neutral_low'],
  [/腹(?:部)?|肚(?:子|脐|皮)?/, 'stomach'],
  [/腰(?:部|间|际)?/, 'waist'],
  [/胯(?:部)?/, 'hip'],
  [/臀(?:部)?|屁股/, 'buttock'],
  [/大腿|腿/, 'thigh'],
  [/膝(?:盖|部)?/, 'knee'],
  [/背后|后背|背部|身后/, 'back'],
  [/上臂|大臂/, 'upper_arm'],
  [/肘(?:部|窝|尖|关节)?/, 'elbow'],
  [/小臂|前臂|手臂|臂/, 'forearm'],
  [/脉门|脉搏/, 'wrist'],
  [/身体(?:一|两|左|右)?侧|身侧|体侧/, 'side'],
  [/身前远处|远处|前方远/, 'far']
]
/** Body sites that come in pairs (take .i/.c). */
export const PAIRED = new Set(['temple', 'brow', 'eye', 'ear', 'earlobe', 'cheek', 'shoulder', 'chest_side', 'armpit', 'ribs', 'waist', 'hip', 'thigh', 'knee', 'head_side', 'upper_arm', 'elbow', 'forearm', 'wrist', 'buttock', 'collar'])

/** Places on the other hand → H.* sites. */
export const HAND_SITES: Array<[RegExp, string]> = [
  [/指根|根部|关节|指节|拳面/, 'H.knuckles'],
  [/掌心|手心/, 'H.palm'],
  [/手背|掌背/, 'H.back'],
  [/掌根|小鱼际|大鱼际/, 'H.heel'],
  [/虎口/, 'H.thumb_side'],
  [/拇指尖/, 'H.thumb_tip'],
  [/食指尖/, 'H.index_tip'],
  [/中指尖/, 'H.middle_tip'],
  [/小指尖/, 'H.pinky_tip'],
  [/指尖/, 'H.fingertips'],
  [/拇指/, 'H.thumb'],
  [/小指外侧|掌缘|外侧/, 'H.pinky_side'],
  [/中指/, 'H.middle'],
  [/小指/, 'H.pinky'],
  [/食指|手指|[食中]、[中无名]/, 'H.index'],
  [/指缝/, 'H.gaps'],
  [/拳/, 'H.knuckles'],
  [/手腕|腕/, 'H.wrist'],
  [/圆形中|圆形内|形中|形内|中间|之中|内/, 'H.inside']
]

/** The part of the acting hand that makes the contact (docs/notation.md, `:part`). */
export const CONTACT_PARTS: Array<[RegExp, string]> = [
  [/拇指尖/, 'thumb_tip'],
  [/食指尖/, 'index_tip'],
  [/中指尖/, 'middle_tip'],
  [/小指尖/, 'pinky_tip'],
  [/指尖/, 'tips'],
  [/指肚|指腹|指面/, 'pads'],
  [/掌心/, 'palm'],
  [/手背|指背(?!关节)/, 'back'],
  [/掌根/, 'heel'],
  [/虎口/, 'index_side'],
  [/小指外侧|掌缘|手掌外侧/, 'pinky_side'],
  [/拳面|指背关节|指关节|指节|关节/, 'knuckles'],
  [/手腕|腕部/, 'wrist']
]

// ─────────────────────────────────────────────────────────── non-manual features

const EXPR = ['疑问', '高兴', '难过', '惊讶', '生气', '否定', '思考', '难受', '坚毅', '严肃', '怜爱', '凶恶', '害怕', '不满', '厌恶', '痛苦', '怀疑', '焦急', '疲劳', '紧张', '得意', '失望', '期待', '满意', '轻松', '傲慢', '羡慕', '愧疚']
/** Rarer expression names → the nearest value of `expr` (docs/notation.md). */
const EXPR_NEAR: Record<string, string> = {
  惊奇: '惊讶', 吃惊: '惊讶', 惊恐: '害怕', 恐怖: '害怕', 恐惧: '害怕', 喜悦: '高兴', 喜爱: '高兴', 欣赏: '满意', 赞赏: '满意', 钦佩: '满意', 肯定: '坚毅',
  疑惑: '疑问', 猜疑: '怀疑', 不信任: '怀疑', 蛮横: '凶恶', 狰狞: '凶恶', 阴险: '凶恶', 憎恶: '厌恶', 鄙夷: '厌恶', 讥讽: '厌恶', 厌烦: '厌恶', 厌倦: '厌恶',
  仇恨: '生气', 怨恨: '生气', 愤怒: '生气', 抑郁: '难过', 愁容: '难过', 遗憾: '失望', 苦恼: '难受', 烦躁: '焦急', 恳求: '期待', 依恋不舍: '难过',
  舒缓: '轻松', 惬意: '轻松', 优雅: '轻松', 镇定: '严肃', 威武: '坚毅', 用力: '坚毅', 激动: '高兴', 娇媚: '高兴', 溺爱: '怜爱', 贪婪: '得意',
  自卑: '愧疚', 愧色: '愧疚', 谦虚: '愧疚', 和蔼谦恭: '怜爱', 饥饿: '难受', 警觉: '紧张', 疑难: '思考', 责问: '不满', 敷衍: '不满', 不情愿: '不满', 呆板: '严肃', 信任: '满意'
}
export function exprValue (name: string): string | null {
  const n = name.replace(/的$/, '')
  if (EXPR.includes(n)) return n
  if (EXPR_NEAR[n]) return EXPR_NEAR[n]
  for (const e of EXPR) if (n.includes(e)) return e
  for (const [k, v] of Object.entries(EXPR_NEAR)) if (n.includes(k)) return v
  return null
}

/** Non-manual phrases → `face:` key and value. Later rules do not override an earlier key. */
export const FACE_RULES: Array<[RegExp, string, string]> = [
  [/闭眼|闭上眼|(?:双眼|眼睛|眼)(?:微)?闭/, 'eyes', 'closed'],
  [/眯(?:眼|起眼|着眼)|(?:双眼|眼睛)微眯/, 'eyes', 'squint'],
  [/瞪眼|瞪大|睁大|(?:双眼|眼睛)睁(?:大|圆)/, 'eyes', 'wide'],
  [/眨眼/, 'eyes', 'blink'],
  [/(?:眼睛|双眼|目光)(?:注视|看着?|盯|随之|跟随)|注视|看着手/, 'gaze', 'hand'],
  [/目视前方|向前看|平视/, 'gaze', 'front'],
  [/向上看|往上看|仰望|眼睛朝上/, 'gaze', 'up'],
  [/向下看|往下看|俯视/, 'gaze', 'down'],
  [/远望|眺望/, 'gaze', 'far'],
  [/点头|头(?:微)?(?:向下)?点(?:动|一下|两下)/, 'head', 'nod'],
  [/摇头|头(?:微|稍)?左右(?:晃|摇|摆|转)/, 'head', 'shake'],
  [/歪头|偏头|头(?:微|稍)?(?:歪|偏|侧)/, 'head', 'tilt'],
  [/低头|头(?:微|稍|略)?低|垂头/, 'head', 'down'],
  [/仰头|抬头|昂头|头(?:微|稍|略)?(?:上)?(?:抬|仰|后仰|扬)/, 'head', 'up'],
  [/(?:身体|上身|身)(?:随之|同时|微|稍|略)?(?:向)?前倾|弯腰|鞠躬|躬身|俯身/, 'body', 'forward'],
  [/(?:身体|上身|身)(?:随之|同时|微|稍|略)?(?:向)?后(?:仰|倾)/, 'body', 'back'],
  [/(?:身体|上身|身)(?:随之|同时)?(?:向)?左(?:微|稍)?(?:倾|歪|斜)/, 'body', 'lean.c'],
  [/(?:身体|上身|身)(?:随之|同时)?(?:向)?右(?:微|稍)?(?:倾|歪|斜)/, 'body', 'lean.i'],
  [/挺胸/, 'body', 'chest'],
  [/含胸/, 'body', 'hunch'],
  [/(?:身体|上身|身子)(?:随之|同时|微|稍|略)?(?:左右|前后|上下)?(?:晃|摇|摆)/, 'body', 'sway'],
  [/耸肩/, 'shoulders', 'shrug'],
  [/鼓腮|鼓起腮|腮(?:部)?鼓起/, 'mouth', 'puff'],
  [/舌[^，。；]{0,3}顶[^，。；]{0,3}腮|伸舌|吐舌|舔/, 'mouth', 'tongue'],
  [/吹气|吹/, 'mouth', 'blow'],
  [/咬(?:牙|唇|紧)|龇牙/, 'mouth', 'bite'],
  [/口型|口念|发[^，。；]{0,2}音/, 'mouth', 'say'],
  [/撅嘴|噘嘴|嘟嘴/, 'mouth', 'pursed'],
  [/嘴角下撇|撇嘴/, 'mouth', 'frown'],
  [/张口|张嘴|口(?:微|稍|略)?张|嘴(?:微|稍)?张/, 'mouth', 'open'],
  [/闭嘴|闭口|抿嘴|抿唇|嘴唇紧闭/, 'mouth', 'closed'],
  [/皱鼻|耸鼻/, 'nose', 'wrinkle'],
  [/皱眉|蹙眉|眉(?:头)?(?:微|稍)?(?:皱|蹙)/, 'brows', 'furrow'],
  [/扬眉|挑眉|眉(?:微)?上扬/, 'brows', 'raise'],
  [/面带(?:微笑|笑容)|微笑|笑容/, 'mouth', 'smile']
]
