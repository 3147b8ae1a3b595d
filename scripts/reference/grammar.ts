/**
 * The phrase grammar of the national descriptions (《国家通用手语词典》2019): a description is cut
 * into parts （一）（二）, sentences and clauses; each clause is scanned for the handshape phrases
 * it names (伸拇、小指 / 五指撮合 / 打手指字母“J”的指式 …), and the clauses of one hand are folded
 * into segments with one start handshape each. The feature tables (two-hand constructs,
 * non-manual features, body places, movements) are the vocabulary the survey counts and the
 * transcription drafts (scripts/transcribe/notate.ts) map onto notation version 2.
 *
 * Written for scripts/reference/survey.ts (the survey behind docs/notation.md version 2) and
 * reused by the draft generator. Pure functions over description text; the text itself is the
 * reference's and is never written into the repo (shared/reference/README.md, Terms).
 */
import { HANDSHAPES, type HandshapeDef } from '../../src/core/sign/handshapes'

/** The description of one sign, as the grammar needs it. */
export interface DescribedSign { id: number, description: string }

export const PART_RE = /^（[一二三四五六七八九十]+）/

/**
 * One description → its lines (one per part （一）（二）…). Drops whole-line notes such as
 * （此为国外聋人手语） and ［…］, part markers, spaces, and trivial alternatives （或两）（或一手）.
 * Other inline parentheses become clause boundaries, so their content is surveyed as clauses.
 */
export function normLines (desc: string): string[] {
  const out: string[] = []
  for (let line of desc.split('\n')) {
    line = line.replace(/[ \u3000\t]+/g, '').trim()
    if (!line) continue
    if (/^[（［].*[）］]$/.test(line) && !PART_RE.test(line)) continue
    line = line.replace(PART_RE, '')
    line = line.replace(/“([^“”]{0,6})“/g, '“$1”') // a closing quote typed as an opening one
    line = line.replace(/（或[一两二三几]+[下圈次]?）/g, '')
    line = line.replace(/（或(?:双手|一手|两手)）/g, '')
    line = line.replace(/（或[^（），。；]{1,8}）/g, '') // short alternatives: 食指（或食、中指）弯曲 → 食指弯曲
    line = line.replace(/（[^（）]*）/g, m => '，' + m.slice(1, -1) + '，')
    line = line.replace(/［[^［］]*］/g, '')
    out.push(line)
  }
  return out
}
export type Subj = 'both' | 'left' | 'right' | 'one' | 'other' | 'lfist' | 'rfist' | 'fists'
export interface Clause {
  sign: number
  part: number
  sent: number // sentence (。；) within the part
  idx: number // position of the clause in its sign
  text: string // normalised clause text
  subj: Subj | null // hand subject written at the start of the clause
  hand: Subj | null // acting hand: the last subject in the same part
  body: string // text after the subject
}

export const SUBJ_RE = /^(?:或|也可以|然后|再|先|同时|接着)?(双手|两手|左手|右手|一手|另一手|单手|左拳|右拳|双拳|两拳)/
export const SUBJ_MAP: Record<string, Subj> = {
  双手: 'both', 两手: 'both', 左手: 'left', 右手: 'right', 一手: 'one', 单手: 'one', 另一手: 'other',
  左拳: 'lfist', 右拳: 'rfist', 双拳: 'fists', 两拳: 'fists'
}

export function clausesOf (s: DescribedSign, lines: string[] = normLines(s.description)): Clause[] {
  const out: Clause[] = []
  let idx = 0
  lines.forEach((line, part) => {
    let hand: Subj | null = null
    line.split(/[。；]/).forEach((sent, si) => {
      for (let t of sent.split(/[，：,]/)) {
        t = t.trim()
        if (!t) continue
        const m = SUBJ_RE.exec(t)
        const subj: Subj | null = m ? SUBJ_MAP[m[1]] : null
        if (subj) hand = subj
        out.push({ sign: s.id, part, sent: si, idx: idx++, text: t, subj, hand, body: m ? t.slice(m[0].length) : t })
      }
    })
  })
  return out
}
// ═════════════════════════════════════════════════════════════ handshape grammar

export type F = 'T' | 'I' | 'M' | 'R' | 'P'
export const FINGERS: F[] = ['T', 'I', 'M', 'R', 'P']
export const LONG: F[] = ['I', 'M', 'R', 'P']
export const FZ: Record<F, string> = { T: '拇', I: '食', M: '中', R: '无名', P: '小' }
export const FN = '(?:拇|食|中|无名|小)'
/** A finger set: 五指, 四指, 十指, 其他三指, 拇、食指, 食、中、无名、小指 … */
export const FSET = `(?:两指|五指|四指|十指|其[他余]?[一二三四两]指|其[他余]手指|${FN}(?:、${FN})*指)`
/** After a finger set these make it a part of the hand (a place or the acting part), not a shape. */
export const PART_SUFFIX = /^(?:的|指?尖|指?背|指?根|指?缝|指?面|指?肚|外侧|内侧|关节|中节|第|甲|腹|上缘|下缘|侧|处|间|端|旁|底|中部|中间|上方|下方|上(?![举翘])|下(?!垂))/

export function parseFset (s: string, prev: Set<F> | null): Set<F> {
  if (s === '五指' || s === '十指') return new Set(FINGERS)
  if (s === '四指') return new Set(LONG)
  if (s === '两指') return prev && prev.size === 2 ? new Set(prev) : new Set<F>(['T', 'I']) // 两指 = the two fingers named before
  if (s.startsWith('其')) {
    const n = '一二三四两'.indexOf(s.replace(/^其[他余]?/, '')[0]) + 1
    const rest = FINGERS.filter(f => !prev?.has(f))
    // 其他四指 after 拇指 = the four long fingers; a count that does not fit falls back to the long fingers
    if (n > 0 && rest.length !== n && n === 4) return new Set(LONG)
    return new Set(rest)
  }
  const set = new Set<F>()
  for (const m of s.matchAll(/拇|食|中|无名|小/g)) set.add(({ 拇: 'T', 食: 'I', 中: 'M', 无名: 'R', 小: 'P' } as Record<string, F>)[m[0]])
  return set
}
export function fsetLabel (set: Set<F>): string {
  if (set.size === 5) return '五指'
  if (set.size === 4 && !set.has('T')) return '四指'
  return FINGERS.filter(f => set.has(f)).map(f => FZ[f]).join('、') + '指'
}
export const fsetCode = (set: Set<F>) => FINGERS.filter(f => set.has(f)).join('')

/** Finger codes of handshapes.ts plus '?' (not said). */
export type Flex = 'E' | 'e' | 'hb' | 'b' | 'r' | 'c' | 'p' | 'h' | 'db' | 'F' | '?'
export type Thumb = 'ext' | 'abd' | 'tuck' | 'side' | 'closed' | 'opp' | 'touchI' | 'touchM' | 'touchIM' | 'touchP' | 'touchR' | 'touchMR' | 'touchAll' | '?'
export type Spread = '=' | '{' | 'x' | '?'

/** A normalised handshape: what the phrase(s) say about each finger. */
export interface Shape {
  key: string // survey-internal canonical key, e.g. ext:TP, pinch:TI, bent:IM
  zh: string // short normalised Chinese label
  fingers: [Flex, Flex, Flex, Flex] // index, middle, ring, pinky
  thumb: Thumb
  spread: Spread
  /** A feature no row of handshapes.ts carries (hollow fist, large opening, arched back, outline). */
  extra?: string
  /** Fingers the text leaves unstated, filled from the illustrations (see ILLUSTRATION_DEFAULTS). */
  assumed?: string
}

export function ext (set: Set<F>): Shape {
  if (set.size === 4 && !set.has('T')) {
    return { key: 'ext:IMRP', zh: '伸四指', fingers: ['E', 'E', 'E', 'E'], thumb: '?', spread: '?' }
  }
  const fingers = LONG.map(f => set.has(f) ? 'E' : 'F') as Shape['fingers']
  return { key: 'ext:' + fsetCode(set), zh: '伸' + fsetLabel(set), fingers, thumb: set.has('T') ? 'ext' : 'closed', spread: '?' }
}

export function withSpread (s: Shape, sp: Spread): Shape {
  if (sp === '?') return s
  const n = s.fingers.filter(f => f !== 'F').length + (s.thumb === 'ext' ? 1 : 0)
  if (n < 2) return s
  const word = sp === '{' ? '分开' : sp === '=' ? '并拢' : '相叠'
  const key = s.key.replace(/[{=x]$/, '') + sp
  let zh = s.zh.replace(/(分开|并拢|相叠)$/, '') + word
  if (key === 'ext:TIMRP{') zh = '五指张开'
  if (key === 'ext:TIMRP=') zh = '五指并拢'
  if (key === 'ext:IMRP=') zh = '四指并拢'
  if (key === 'ext:IMRP{') zh = '四指分开'
  return { ...s, key, zh, spread: sp }
}

/**
 * Fingers the text leaves unstated after 相捏, filled from the illustrations (checked by eye:
 * 拇、食指相捏 #1774 #15 — other fingers closed; 拇、中指相捏 #799 #1832 — the others extended;
 * 拇、小指相捏 #2759 — closed; 拇、中、无名指相捏 is always written with 食、小指直立).
 */
export const ILLUSTRATION_DEFAULTS: Record<string, { rest: Flex, ids: number[] }> = {
  TI: { rest: 'F', ids: [1774, 15] },
  TM: { rest: 'E', ids: [799, 1832] },
  TP: { rest: 'F', ids: [2759] },
  TIM: { rest: 'F', ids: [] },
  TMR: { rest: 'E', ids: [83] }
}

export function pinch (set: Set<F>, round: boolean, size = ''): Shape {
  const code = fsetCode(set)
  const touched = LONG.filter(f => set.has(f))
  const d = ILLUSTRATION_DEFAULTS[code]
  const rest: Flex = d ? d.rest : '?'
  const fingers = LONG.map(f => set.has(f) ? (round ? 'r' : 'p') : rest) as Shape['fingers']
  const t = touched.join('')
  const thumb: Thumb = touched.length >= 3 && !(t === 'MR') ? 'touchAll'
    : t === 'I' ? 'touchI' : t === 'M' ? 'touchM' : t === 'IM' ? 'touchIM' : t === 'P' ? 'touchP' : t === 'R' ? 'touchR' : t === 'MR' ? 'touchMR' : 'touchAll'
  if (touched.length === 4) {
    return round
      ? { key: 'ring:TIMRP', zh: '五指捏成圆形', fingers, thumb, spread: '=' }
      : { key: 'bunch:TIMRP', zh: '五指撮合', fingers, thumb, spread: '=' }
  }
  const s: Shape = {
    key: (round ? 'ring' + size + ':' : 'pinch:') + code,
    zh: fsetLabel(set) + (round ? `捏成${size === 'S' ? '小' : ''}圆形` : '相捏'),
    fingers, thumb, spread: '?'
  }
  if (d) s.assumed = `其余手指文中未写，按插图取${rest === 'F' ? '弯曲握起' : '伸出'}`
  return s
}

export const FIXED: Record<string, Shape> = {
  fist: { key: 'fist', zh: '握拳', fingers: ['F', 'F', 'F', 'F'], thumb: 'closed', spread: '=' },
  fist_hollow: { key: 'fist_hollow', zh: '虚握', fingers: ['c', 'c', 'c', 'c'], thumb: 'closed', spread: '=', extra: '空心拳（中间可穿过一根杆，#561 插图）' },
  flat: { key: 'ext:TIMRP=', zh: '五指并拢', fingers: ['E', 'E', 'E', 'E'], thumb: 'ext', spread: '=' },
  open: { key: 'ext:TIMRP{', zh: '五指张开', fingers: ['E', 'E', 'E', 'E'], thumb: 'ext', spread: '{' },
  flat_implicit: { key: 'flat(implicit)', zh: '平掌（只写朝向词）', fingers: ['E', 'E', 'E', 'E'], thumb: '?', spread: '=' },
  arched: { key: 'arched', zh: '手背拱起', fingers: ['e', 'e', 'e', 'e'], thumb: '?', spread: '=', extra: '掌心凹、手背拱起' },
  bunch: { key: 'bunch:TIMRP', zh: '五指撮合', fingers: ['p', 'p', 'p', 'p'], thumb: 'touchAll', spread: '=' }
}

export interface Phrase {
  form: string // grammar rule, e.g. “[F]相捏”, “伸[F]”
  label: string // normalised phrase, e.g. “拇、食指相捏”
  shape: Shape
  role: 'base' | 'mod' | 'change' | 'implied'
  mod?: (s: Shape) => Shape // role 'mod': applied to the base shape of the segment
  other?: { hand: Subj, shape: Shape } // 左手…与右手食指搭成…: the other hand's shape
  start: number
  end: number
}

export const ORIENT = '(?:并排直立|自然伸出|自然下垂|直立|横伸|平伸|斜伸|侧伸|垂立|横立|斜立|侧立|竖立|伸出|伸直|前伸|竖起|平放|下垂)'
export const SPREAD_W = '(?:前后叉开|稍分开|张开少许|稍张开|微微张开|分开|叉开|微分|张开|微张|并拢|相叠|相挨|并排|交叉相搭|交叉)'
export const BEND_W = '(?:弯曲如钩|弯曲成钩|弯曲|微曲|蜷曲|稍弯|弯回|屈起)'
export const SHAPE_NOUN = '(?:“?形|直角|(?:大|小|半)?(?:圆|半圆|椭圆|三角|尖|球|方|弧|环)形|“([^“”]*)”(?:字的一部分|字部分字形|字形|形|字)?)'

export function spreadOf (w: string): Spread {
  if (/相叠|交叉/.test(w)) return 'x'
  if (/并拢|相挨|并排/.test(w)) return '='
  if (/分开|叉开|张开|微分|微张/.test(w)) return '{'
  return '?'
}

/** Shape of a named outline 成“X”形 / 成半圆形 / 捏成圆形 … */
export function outlineShape (set: Set<F>, nounIn: string, verb: string): Shape {
  let noun = nounIn
  const lab = fsetLabel(set)
  const code = fsetCode(set)
  const inSet = (c: Flex, rest: Flex = 'F') => LONG.map(f => set.has(f) ? c : rest) as Shape['fingers']
  if (/^“?形$/.test(noun)) noun = '“”形' // 成形 / 成“形: the symbol was lost with its quotes
  const quoted = /“/.test(noun)
  if (!quoted) {
    if (noun === '直角') return { key: 'bent90:' + code, zh: lab + '与手掌成直角', fingers: inSet('b', '?'), thumb: '?', spread: '=' }
    if (/球/.test(noun)) return { key: 'ball:' + code, zh: lab + '捏成球形', fingers: inSet('c'), thumb: 'opp', spread: '=' }
    const big = /大/.test(noun)
    const half = /半圆|弧/.test(noun)
    if (/捏成/.test(verb) || (/圆|椭圆|环/.test(noun) && !half && !big)) {
      return pinch(set, true, /小/.test(noun) ? 'S' : '')
    }
    if (half || big) {
      const s: Shape = { key: (big ? 'bigC:' : 'C:') + code, zh: lab + (big ? '成大圆形' : '成半圆形'), fingers: inSet('c'), thumb: set.has('T') ? 'opp' : '?', spread: '?' }
      if (big && set.size < 5) s.extra = '开口大（拇、食指间约一拳）'
      return s
    }
    return { key: `outline:${code}:${noun}`, zh: `${lab}成${noun}`, fingers: inSet('?'), thumb: '?', spread: '?', extra: `轮廓 ${noun}` }
  }
  const sym = /“([^“”]*)”/.exec(noun)![1] || '?'
  const v = /与手掌成/.test(verb) ? '与手掌成' : /仿/.test(verb) ? '仿' : '成'
  const key = `outline:${code}:${v}“${sym}”`
  const zh = `${lab}${v}“${sym}”形`
  if (sym === '?') return { key, zh, fingers: ['?', '?', '?', '?'], thumb: '?', spread: '?', extra: '符号在数据中缺失' }
  if (sym === 'C') return { key, zh, fingers: inSet('c'), thumb: 'opp', spread: '=' }
  if (/[∩∪]/.test(sym)) return { key, zh, fingers: inSet('c'), thumb: set.has('T') ? 'opp' : '?', spread: '=' }
  if (/[┐┌┑]/.test(sym)) return { key, zh, fingers: inSet('b'), thumb: '?', spread: '=', extra: `轮廓“${sym}”` }
  return { key, zh, fingers: inSet('?'), thumb: '?', spread: '?', extra: `轮廓“${sym}”` }
}

/**
 * A finger set and what follows it → a shape, or null if what follows is not a handshape
 * predicate. `prefixExt`: the set came after 伸 (伸拇、小指).
 */
export function shapeOf (set: Set<F>, predIn: string, prefixExt: boolean, subj: Subj | null): { shape: Shape, form: string, len: number, other?: { hand: Subj, shape: Shape } } | null {
  const pred = predIn.replace(/^(?:先|均|都|各)/, '')
  const skip = predIn.length - pred.length
  const lab = fsetLabel(set)
  const hasT = set.has('T')
  let m: RegExpExecArray | null
  // outlines: 成“X”形, 成半圆形, 捏成圆形, 张开仿“X”形, 与手掌成“⊐”形
  if ((m = new RegExp(`^(?:${ORIENT})?(?:微张|张开|弯曲|微曲|稍分开)?(仿|成|与手掌成|捏成|形成|呈|弯曲成)${SHAPE_NOUN}`).exec(pred)) !== null) {
    const noun = m[0].slice(m[0].indexOf(m[1]) + m[1].length)
    const verb = m[1]
    const shape = outlineShape(set, noun, verb)
    const nounForm = /“/.test(noun) ? (/“”/.test(noun) ? '“”形（符号缺失）' : '“X”形') : noun.replace(/[“”]/g, '')
    return { shape, form: `[F]${verb}${nounForm}`, len: skip + m[0].length }
  }
  // two-hand constructs where each hand's fingers are extended: 搭成“人”字形, 与右手拇、食指搭成…
  if ((m = new RegExp(`^(?:与(?:右手|左手)${FSET})?(?:先|交叉|一横一竖|相互|互相|同时)?(?:搭成|搭)`).exec(pred)) !== null) {
    const round = /^(?:小|大)?(?:圆|椭圆|球)形/.test(pred.slice(m[0].length))
    const mk = (st: Set<F>) => st.size === 5 ? (round ? outlineShape(st, '半圆形', '成') : FIXED.flat_implicit) : round ? bentShape(st, '弯曲', '?') : ext(st)
    const om = new RegExp(`^与(右手|左手)(${FSET})`).exec(pred)
    const other = om ? { hand: SUBJ_MAP[om[1]], shape: mk(parseFset(om[2], null)) } : undefined
    return { shape: mk(set), form: round ? '[F]搭成圆形（两手）' : '[F]搭成…（两手）', len: skip + m[0].length, other }
  }
  if (/^(?:相捏|捏住|捏一|捏下|捏着|相捻|捏两|轻捏|揪|夹住|捏$)/.test(pred) && hasT && set.size >= 2) {
    return { shape: pinch(set, false), form: /^相捏|^捏$/.test(pred) ? '[F]相捏' : '[F]捏/揪（动作）', len: skip + (/^相捏/.test(pred) ? 2 : 0) }
  }
  if ((m = /^撮合(?:成尖形)?/.exec(pred)) !== null) {
    if (set.size >= 4) return { shape: FIXED.bunch, form: '[F]撮合', len: skip + m[0].length }
    return { shape: { ...pinch(set, false), key: 'bunch:' + fsetCode(set), zh: lab + '撮合' }, form: '[F]撮合', len: skip + m[0].length }
  }
  if ((m = /^(?:虚捏|捏成虚形)/.exec(pred)) !== null && hasT) {
    return { shape: { key: 'open_pinch:' + fsetCode(set), zh: lab + '虚捏', fingers: LONG.map(f => set.has(f) ? 'c' : 'F') as Shape['fingers'], thumb: 'opp', spread: '?' }, form: '[F]虚捏', len: skip + m[0].length }
  }
  if ((m = /^(?:一张一合|开合|一开一合)/.exec(pred)) !== null) {
    const sh = set.size === 5 ? FIXED.open : withSpread(ext(set), '{')
    return { shape: sh, form: '[F]开合（张开起）', len: skip + m[0].length }
  }
  if ((m = /^如(?:捏|执|握|持|拿)[^，。；]{1,5}?状/.exec(pred)) !== null) {
    return { shape: { key: 'mimetic:捏', zh: '如捏物状', fingers: ['?', '?', '?', '?'], thumb: '?', spread: '?', extra: '手形由所持物决定' }, form: '[F]如捏/执…状', len: skip + m[0].length }
  }
  if ((m = /^(?:连续相互)?(?:套环|套住)/.exec(pred)) !== null) return { shape: pinch(set, true), form: '[F]套环（两手）', len: skip + m[0].length }
  if ((m = /^(?:相互勾住|相勾|勾住|互勾)/.exec(pred)) !== null) {
    const fingers = LONG.map(f => set.has(f) ? 'h' : 'F') as Shape['fingers']
    return { shape: { key: 'bent:' + fsetCode(set), zh: lab + '弯曲', fingers, thumb: hasT ? 'opp' : 'closed', spread: '?' }, form: '[F]相勾（两手）', len: skip + m[0].length }
  }
  if ((m = /^(?:蜷曲|握拳|握起|弯回|收拢|缩回)/.exec(pred)) !== null && /^(?:握拳|握起)/.test(pred)) {
    return { shape: FIXED.fist, form: '[F]握拳', len: skip + m[0].length }
  }
  // orientation / spread / bend words
  m = new RegExp(`^(${ORIENT})?(${SPREAD_W})?(${BEND_W})?(${SPREAD_W})?`).exec(pred)!
  const [all, o, sp1, bend, sp2] = m
  if (!all && !prefixExt) return null
  const spw = (sp1 ?? '') + (sp2 ?? '')
  let sp = spreadOf(spw)
  // 双手五指交叉 / 双手食指交叉: the two hands cross — not a crossing of one hand's fingers
  const twoHandCross = /交叉/.test(spw) && (set.size === 5 || set.size === 1 || (subj === 'both' && !/相叠/.test(spw)))
  if (twoHandCross) sp = '?'
  let shape: Shape
  let form: string
  const sfx = twoHandCross ? '交叉（两手）' : (spw ? `+${spw.replace(/交叉相搭|交叉/, '相叠')}` : '')
  if (bend) {
    shape = bentShape(set, bend, sp)
    form = `[F]${o ? '<朝向>' : ''}${/微曲|稍弯/.test(bend) ? '微曲' : '弯曲'}${sfx}`
  } else {
    shape = withSpread(ext(set), sp)
    if (/微张|稍张开|张开少许|微微张开/.test(spw) && hasT && set.size === 2) {
      shape = { key: 'open_pinch:' + fsetCode(set), zh: lab + '微张', fingers: LONG.map(f => set.has(f) ? 'c' : 'F') as Shape['fingers'], thumb: 'opp', spread: '?' }
    }
    form = `${prefixExt ? '伸' : ''}[F]${o ? '<朝向>' : ''}${sfx}`
  }
  return { shape, form, len: skip + all.length }
}

export function bentShape (set: Set<F>, bend: string, sp: Spread): Shape {
  const lab = fsetLabel(set)
  const lax = /微曲|稍弯/.test(bend)
  const hasT = set.has('T')
  if (hasT && set.size === 2 && !lax) {
    // 拇、食指弯曲: the two fingers curved towards each other (small c), others closed
    return { key: 'c_small:' + fsetCode(set), zh: lab + '弯曲', fingers: LONG.map(f => set.has(f) ? 'c' : 'F') as Shape['fingers'], thumb: 'opp', spread: '?' }
  }
  const code: Flex = lax ? 'e' : 'h'
  // the other fingers: closed when a subset is named (食指弯曲), the thumb unknown unless named
  const fingers = LONG.map(f => set.has(f) ? code : 'F') as Shape['fingers']
  const thumb: Thumb = hasT ? (lax ? '?' : 'opp') : (set.size === 4 ? '?' : 'closed')
  let key = `${lax ? 'lax' : 'bent'}:${fsetCode(set)}`
  let zh = `${lab}${lax ? '微曲' : '弯曲'}`
  if (sp !== '?' && set.size >= 2) { key += sp; zh += sp === '{' ? '张开' : sp === '=' ? '并拢' : '相叠' }
  return { key, zh, fingers, thumb, spread: set.size >= 2 ? sp : '?' }
}

export interface Ctx { prevSet: Set<F> | null }

export const CHANGE_BEFORE = /(?:然后|再|边|变为|变成|随之|后|并|又|即|渐渐|慢慢|逐渐|立即|马上|同时|一下|移动|移|到)$/

/** Scan one clause for handshape phrases. */
export function scanShapes (c: Clause, ctx: Ctx): Phrase[] {
  const out: Phrase[] = []
  const body = c.subj ? c.body : c.text
  const off = c.text.length - body.length
  const isChange = (at: number) => at > 0 && CHANGE_BEFORE.test(body.slice(Math.max(0, at - 3), at))
  const covered = (i: number) => out.some(p => i >= p.start - off && i < p.end - off)
  const add = (p: Phrase) => { out.push({ ...p, start: p.start + off, end: p.end + off }) }

  // letters and number hands: 打手指字母“J”的指式, 打数字“4”的手势
  for (const m of body.matchAll(/(?:(?:连续)?打(?:两下)?|表示)(?:英文|欧洲英文首)?(?:手指字母|字母|数字)((?:“[^“”]*”)+)(?:的)?(?:指式|手势)?/g)) {
    const syms = [...m[1].matchAll(/“([^“”]*)”/g)].map(x => x[1])
    const num = /数字/.test(m[0])
    for (const sym0 of syms) {
      for (const sym of sym0.split(/[、，]/)) {
        const s = sym === '' ? '?' : (({ 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9', 十: '10', 零: '0' } as Record<string, string>)[sym] ?? sym.toUpperCase())
        const zh = (num ? '数字' : '字母') + s
        add({ form: num ? '打数字“X”的手势' : '打手指字母“X”的指式', label: zh, shape: { key: (num ? 'number:' : 'letter:') + s, zh, fingers: ['?', '?', '?', '?'], thumb: '?', spread: '?' }, role: isChange(m.index!) ? 'change' : 'base', start: m.index!, end: m.index! + m[0].length })
      }
    }
  }

  // 伸 + finger set (伸拇、小指; 然后伸出食指 = a change)
  for (const m of body.matchAll(new RegExp(`(?:依次)?伸(?:出)?(${FSET})`, 'g'))) {
    if (covered(m.index!)) continue
    const set = parseFset(m[1], ctx.prevSet)
    ctx.prevSet = set
    const r = shapeOf(set, body.slice(m.index! + m[0].length), true, c.subj ?? c.hand)!
    add({ form: r.form, label: r.shape.zh, shape: r.shape, role: isChange(m.index!) || /^依次/.test(m[0]) ? 'change' : 'base', start: m.index!, end: m.index! + m[0].length + r.len })
  }

  // finger set + predicate
  for (const m of body.matchAll(new RegExp(FSET, 'g'))) {
    const at = m.index!
    if (covered(at)) continue
    const before = body.slice(0, at)
    const after = body.slice(at + m[0].length)
    const handBefore = /(?:双手|左手|右手|一手)$/.test(before) && CHANGE_BEFORE.test(before.replace(/(?:双手|左手|右手|一手)$/, ''))
    if (!handBefore && (/(?:手|的|拳|字母)$/.test(before) || /(?:与|和|及|同|用|以|将|把|连同)$/.test(before))) continue // 左手食指 (a place), 与右手…
    const isPart = PART_SUFFIX.test(after)
    const set = parseFset(m[0], ctx.prevSet)
    const r = isPart ? null : shapeOf(set, after, false, c.subj ?? c.hand)
    const isOthers = m[0].startsWith('其')
    const tm = m[0] === '拇指' ? /^(?:先)?(?:弯曲|弯回)?(?:贴于|贴在|按于|压在|弯向|扣在|搭在|靠在)(掌心|食指(?:旁|侧|根部)?|中指|无名指|小指|四指)/.exec(after) : null
    if (tm) {
      // 拇指贴于掌心 (thumb tucked; the other fingers follow as 其他四指…)
      const thumb: Thumb = /掌心/.test(tm[1]) ? 'tuck' : /食指/.test(tm[1]) && !/根部/.test(tm[1]) ? 'side' : 'closed'
      const sh: Shape = { key: `thumb:${thumb}`, zh: `拇指贴于${tm[1]}`, fingers: ['?', '?', '?', '?'], thumb, spread: '?' }
      add({ form: '拇指贴于掌心/食指', label: sh.zh, shape: sh, role: at === 0 ? 'base' : 'mod', mod: (b: Shape) => ({ ...b, thumb, key: `${b.key}+thumb:${thumb}`, zh: `${b.zh}，拇指贴于${tm[1]}` }), start: at, end: at + m[0].length + tm[0].length })
      ctx.prevSet = set
      continue
    }
    if (!r) {
      // 一手食指抵于太阳穴 / 右手食指指尖朝前: the finger acts, so it is extended (weak; any explicit shape in
      // the segment wins). Only for one finger or 食、中指: 拇、食指在鼻孔前捻动 is not an extended pair.
      if (at === 0 && c.subj && !isOthers && (set.size === 1 || fsetCode(set) === 'IM') && !/^(?:指?根|关节|中节|第|甲|侧|处|间|旁|底|中部|中间)/.test(after)) {
        const s = set.size === 5 ? FIXED.flat_implicit : ext(set)
        add({ form: '[F]+动作/部位（隐含伸出）', label: s.zh + '（隐含）', shape: s, role: 'implied', start: at, end: at + m[0].length })
        ctx.prevSet = set
      }
      continue
    }
    ctx.prevSet = set
    const change = isChange(at) || /^(?:然后|再|又)/.test(after)
    const ph: Phrase = { form: isOthers ? r.form.replace('[F]', '[其他F]') : r.form, label: r.shape.zh, shape: r.shape, role: change ? 'change' : 'base', start: at, end: at + m[0].length + r.len, other: r.other }
    if (isOthers) {
      ph.role = change ? 'change' : 'mod'
      // 其他三指弯曲 = folded away (closed), not hooked
      const rs: Shape = r.shape.key.startsWith('bent:') ? { ...r.shape, fingers: r.shape.fingers.map(x => x === 'h' ? 'F' : x) as Shape['fingers'], thumb: set.has('T') ? 'closed' : r.shape.thumb, zh: '弯曲（握起）' } : r.shape
      const kind = rs.key.replace(/:.*$/, '') + (r.shape.key.startsWith('bent:') ? 'F' : '')
      ph.label = `其他${fsetLabel(set)}${rs.zh.replace(/^伸/, '').replace(/^(?:[拇食中无名小、]+指|五指|四指)/, '') || '伸出'}`
      ph.mod = (s: Shape) => {
        const fingers = s.fingers.map((x, i) => set.has(LONG[i]) ? rs.fingers[i] : x) as Shape['fingers']
        const thumb: Thumb = set.has('T') ? rs.thumb : s.thumb
        const spread: Spread = rs.spread !== '?' ? rs.spread : s.spread
        if (fingers.join() === s.fingers.join() && thumb === s.thumb && spread === s.spread) return { ...s, assumed: undefined }
        return { ...s, fingers, thumb, spread, key: `${s.key}+rest:${kind}${rs.spread !== '?' ? rs.spread : ''}`, zh: `${s.zh}，其余${rs.zh.replace(/^伸/, '').replace(/^(?:[拇食中无名小、]+指|五指|四指)/, '') || '伸出'}`, assumed: undefined }
      }
    } else if (set.size < 5 && r.shape.key.startsWith('ext:') && !r.shape.key.startsWith('ext:IMRP') && r.shape.spread !== '?' && r.form.indexOf('<朝向>') < 0 && at > 0) {
      ph.role = 'mod' // three fingers named, then two of them said to be together: refines the base
      ph.mod = (s: Shape) => refineSpread(s, set, r.shape.spread)
    }
    out.push({ ...ph, start: ph.start + off, end: ph.end + off })
  }

  // spread without a finger set: 指尖稍分开, 手指分开
  for (const m of body.matchAll(/(?:指尖|手指|各指)(?:稍|微)?(分开|张开|并拢)/g)) {
    if (covered(m.index!)) continue
    const sp = spreadOf(m[1])
    add({ form: '指尖/手指+分开/并拢', label: '手指' + m[1], shape: withSpread(FIXED.flat, sp), role: 'mod', mod: s => withSpread(s, sp), start: m.index!, end: m.index! + m[0].length })
  }

  // whole-hand words
  const WHOLE: Array<[RegExp, string, Shape]> = [
    [/握拳|攥拳|成拳|握成拳/g, '握拳', FIXED.fist],
    [/虚握|虚拳|半握/g, '虚握', FIXED.fist_hollow],
    [/手背拱起|掌心凹进|掌心凹|掌心拱起/g, '手背拱起', FIXED.arched],
    [/撮合/g, '撮合', FIXED.bunch],
    [/(?:张开|打开)(?:五指)?/g, '张开', FIXED.open],
    [/(?:并拢|收拢|合拢)/g, '并拢', FIXED.flat]
  ]
  for (const [re, form, shape] of WHOLE) {
    for (const m of body.matchAll(re)) {
      if (covered(m.index!)) continue
      const start = m.index === 0 && c.subj !== null
      const weak = form === '张开' || form === '并拢' || form === '撮合'
      if (weak && /(?:口|嘴|眼|双眼|眼睛|胸|臂|双臂|手臂|腿|翅膀|双唇|唇)(?:同时|随之|微|稍|慢慢|缓慢|逐渐|猛然)*$/.test(body.slice(0, m.index!))) continue // 口张开: not a hand
      if (weak && /^(?:的动作|的样子|状)/.test(body.slice(m.index! + m[0].length))) continue
      const role: Phrase['role'] = (start || (!weak && !isChange(m.index!))) ? 'base' : 'change'
      add({ form, label: shape.zh, shape, role, start: m.index!, end: m.index! + m[0].length })
    }
  }
  // bare 相捏 / 捏拢: the fingers named before close to a pinch
  for (const m of body.matchAll(/(?:逐渐)?(?:相捏|捏拢|捏合)/g)) {
    if (covered(m.index!)) continue
    const prev = ctx.prevSet && ctx.prevSet.has('T') && ctx.prevSet.size >= 2 ? ctx.prevSet : new Set<F>(['T', 'I'])
    const sh = prev.size >= 4 ? FIXED.bunch : pinch(prev, false)
    add({ form: '相捏（不写手指）', label: sh.zh, shape: sh, role: m.index === 0 && c.subj ? 'base' : 'change', start: m.index!, end: m.index! + m[0].length })
  }
  for (const m of body.matchAll(/抱拳|作揖/g)) {
    add({ form: m[0] + '（两手）', label: '握拳（' + m[0] + '）', shape: FIXED.fist, role: 'base', start: m.index!, end: m.index! + 2 })
  }
  for (const m of body.matchAll(/合十|鼓掌|击掌|拍手/g)) {
    if (covered(m.index!)) continue
    add({ form: m[0] + '（两手）', label: '平掌（' + m[0] + '）', shape: FIXED.flat_implicit, role: 'base', start: m.index!, end: m.index! + 2 })
  }
  // 双手搭成“∧”形 (no finger set: flat hands)
  for (const m of body.matchAll(/^(?:先|交叉|一横一竖|相互|互相)?搭成/g)) {
    if (covered(m.index!) || !c.subj) continue
    add({ form: '搭成…（两手，平掌）', label: '平掌（搭成）', shape: FIXED.flat_implicit, role: 'base', start: m.index!, end: m.index! + m[0].length })
  }

  // a handshape given by an object held: 一手如执笔状, 双手如持哈达状
  for (const m of body.matchAll(/^(?:如|似|像|模仿)(执|握|持|拿|托|捏|抓|端|举|捧|提|拉|拄|扶)([^，。；]{1,6}?)(?:写字)?(?:状|的样子|的动作)/g)) {
    if (covered(m.index!)) continue
    add({ form: '如执/握/持…状（按所持物定手形）', label: `如${m[1]}${m[2].slice(0, 2)}状`, shape: { key: `mimetic:${m[1]}`, zh: `如${m[1]}物状`, fingers: ['?', '?', '?', '?'], thumb: '?', spread: '?', extra: '手形由所持物决定' }, role: 'implied', start: m.index!, end: m.index! + m[0].length })
  }
  // a bare orientation word after the subject: 左手横伸 = a flat hand
  if (c.subj && !['lfist', 'rfist', 'fists'].includes(c.subj) && !covered(0)) {
    const m = new RegExp(`^(?:先)?(${ORIENT}|伸平|立掌|平掌|横放|斜放|屈肘|上举|举起|垂下)`).exec(body)
    if (m && !/^(?:屈肘|上举|举起|垂下)$/.test(m[1])) {
      add({ form: '<朝向词>（平掌）', label: '平掌·' + m[1], shape: FIXED.flat_implicit, role: 'base', start: 0, end: m[0].length })
    }
  }
  if (c.subj && ['lfist', 'rfist', 'fists'].includes(c.subj)) {
    out.push({ form: '左拳/右拳（作主语）', label: '握拳（拳作主语）', shape: FIXED.fist, role: 'base', start: 0, end: off })
  }
  return out.sort((a, b) => a.start - b.start)
}

export function refineSpread (s: Shape, sub: Set<F>, sp: Spread): Shape {
  if (!s.key.startsWith('ext:')) return s
  const baseSet = s.key.slice(4).replace(/[{=x[].*$/, '')
  const subCode = fsetCode(sub)
  if (subCode === baseSet) return withSpread(s, sp)
  if (![...subCode].every(ch => baseSet.includes(ch))) return s
  const word = sp === '=' ? '并拢' : sp === '{' ? '分开' : '相叠'
  return { ...s, key: `ext:${baseSet}[${subCode}${sp}]`, zh: `${s.zh.replace(/(分开|并拢|相叠)$/, '')}，${fsetLabel(sub)}${word}`, spread: sp }
}

// ═════════════════════════════════════════════════════════════ clause classification

/** What a subject clause may say instead of a handshape (the shape is carried over or not stated). */
export const NONSHAPE_START = new RegExp('^(?:' + [
  '不动', '在', '同时', '向', '从', '自', '由', '朝', '沿', '绕', '围绕', '置于', '放在', '放于', '立于', '贴', '抵', '按', '压', '靠',
  '拍', '摸', '抚', '捂', '揉', '擦', '抹', '蹭', '碰', '敲', '砸', '捶', '打', '击', '点', '指', '划', '写', '书空', '做', '模仿', '仿', '如',
  '掌心', '手背', '虎口', '指尖', '掌根', '手腕', '腕', '拳心', '拳眼', '拳面', '手掌', '掌', '小指外侧', '掌缘', '外侧', '内侧', '手臂', '臂', '小臂', '上臂', '肘', '屈肘', '交替',
  '移', '转', '翻', '晃', '摇', '抖', '甩', '挥', '扇', '弹', '拨', '推', '拉', '提', '抬', '举', '上举', '放', '落', '插', '伸入', '伸向', '伸到', '握住', '抓', '攥', '捏', '揪', '拧', '扭',
  '先', '再', '然后', '边', '随之', '保持', '相', '互', '交叉', '一前一后', '一上一下', '一左一右', '一高一低', '一横一竖', '分别', '各', '依次', '轻', '用力', '快速', '缓慢', '慢慢',
  '连', '重复', '上下', '左右', '前后', '来回', '逐渐', '稍', '微', '并', '离', '越过', '穿过', '钻', '搭', '平放', '斜放', '下垂', '叉腰', '背', '摆', '比', '对', '顶', '托', '捧', '端', '拿', '持', '握',
  '罩', '套', '夹', '齐', '猛', '包', '交错', '之间', '的', '小鱼际', '随意', '两手之间', '捋', '刮', '搓', '捻', '掐', '剪', '切', '砍', '扣', '盖', '撑', '吊', '挂', '勾', '挑', '弯', '伸', '收', '合', '开', '掏', '擂', '搂', '抱', '垂', '上', '下', '前', '后', '左', '右', '以', '将', '把', '用', '作', '呈', '成', '至', '到', '也', '可', '即', '表示', '代表', '后', '其', '形成'
].join('|') + ')')

/** Vocabulary that may announce a handshape — to catch what the grammar misses. */
export const SHAPE_TRIGGER = new RegExp(`(?<![手的拳、])${FSET}(?!的|指?尖|指?背|指?根|指?缝|指?面|指?肚|外侧|内侧|关节|中节|第|甲|腹|上缘|下缘|侧|处|间|端|旁|底|中部|中间|上方|下方|上(?![举翘])|下(?!垂))|握拳|虚握|撮合|相捏|捏成|成“|搭成|套环|指式`)

/** A two-hand figure or a path outline without a handshape (一横一竖搭成方格形, 折而下移成“”形, 套环动作). */
export const RELATION_RE = /搭成|套环|成“[^“”]*”形|交叉相搭|交错|相距|之间/
/** Fingers moving, acting, or named as a place (缩回食指, 依次弯动, 沿左手食指…): not a handshape. */
export const FINGER_MOVE_RE = /缩回|弯回|收回|弹出|弹开|伸开|开五指|依次|弯动|点动|扇动|翘起|抬起|下垂|拨动|划|沿|指一下|指.{0,3}部|抵于|贴于|移向|包住|握住|捏住|捏几下|转动|移动|微转|抹|碰|点|弹|抬|顶/

export interface ClauseResult {
  c: Clause
  phrases: Phrase[]
  status: 'shape' | 'noshape' | 'relation' | 'finger-action' | 'unclassified' | 'other'
  handClause: boolean
}

export function classify (clauses: Clause[]): ClauseResult[] {
  const res: ClauseResult[] = []
  let ctx: Ctx = { prevSet: null }
  let key = ''
  for (const c of clauses) {
    const k = `${c.sign}/${c.part}`
    if (k !== key || c.subj) ctx = { prevSet: null }
    key = k
    const phrases = scanShapes(c, ctx)
    const body = c.subj ? c.body : c.text
    const trig = SHAPE_TRIGGER.test(body)
    const handClause = c.subj !== null || phrases.length > 0 || trig
    let status: ClauseResult['status']
    if (!handClause) status = 'other'
    else if (phrases.length > 0) status = 'shape'
    else if (c.subj && (body === '' || NONSHAPE_START.test(body)) && !trig) status = 'noshape'
    else if (RELATION_RE.test(body)) status = 'relation'
    else if (FINGER_MOVE_RE.test(body)) status = 'finger-action'
    // a finger set acting or moving (食、中指向下转动, 其他四指交替点动) is a movement, not a shape
    else if (new RegExp(`^(?:然后|再|先|并|同时|边)?${FSET}(?:指?尖|指?背|指?面|外侧|同时|交替|依次|在|向|从|自|由|朝|沿|绕|贴|抵|按|点|碰|敲|弹|蹭|摸|划|转|弯动|弯回|微动|晃|抖|捻|搓|扇|拨|勾|钩|插|伸入|伸向|移|轻|用力|快速|随之|立于|置于|夹|攥|抓|握住|捏住|压|靠|互|相[碰触贴抵]|不动|上下|前后|左右|来回|连续|缩回|收回|先|再|也)`).test(body)) status = 'finger-action'
    else status = 'unclassified'
    res.push({ c, phrases, status, handClause })
  }
  return res
}

// ═════════════════════════════════════════════════════════════ segments: the shape of each hand

export interface Segment { sign: number, part: number, hand: Subj | null, shape: Shape, phrases: Phrase[], changes: Shape[] }

/** A clause that moves the hand (after orientation phrases are removed): later shapes are changes. */
export const ORIENT_PHRASE_RE = /(?:掌心|手背|指尖|虎口|拳心|拳眼|拳面|指背|指面|掌根|食指尖|拇指尖)(?:分别)?(?:左右|上下|前后|斜)?(?:向|朝)[^，]{0,5}/g
export const MOVED_RE = /移|动|转|划|拍|点|碰|敲|抵|按|缩回|甩|挥|推|拉|插|绕|抬|落|一顿|一按|砸|捶|摸|抹|捏|弹/
export const setOf = (s: Shape) => /^(?:ext|pinch|ring|ringS|bent|lax|c_small|C|bigC|open_pinch|bunch|outline|bent90|ball|thumb):([TIMRP]+)/.exec(s.key)?.[1] ?? null

export function mergeOnFlat (p: Shape, ps: string): Shape {
  const fingers = LONG.map((f, i) => ps.includes(f) ? p.fingers[i] : 'E') as Shape['fingers']
  const thumb: Thumb = ps.includes('T') ? (p.key.startsWith('ext:') ? 'abd' : p.thumb) : '?'
  return { key: `flat+${p.key}`, zh: `平掌，${p.zh.replace(/^伸/, '')}${ps === 'T' && p.key.startsWith('ext:') ? '张开' : ''}`.replace(/张开张开$/, '张开').replace(/分开张开$/, '张开'), fingers, thumb, spread: '=' }
}

export function complement (b: Shape, p: Shape, ps: string): Shape {
  const fingers = b.fingers.map((x, i) => ps.includes(LONG[i]) ? p.fingers[i] : x) as Shape['fingers']
  const thumb: Thumb = ps.includes('T') ? p.thumb : b.thumb
  if (fingers.join() === b.fingers.join() && thumb === b.thumb) return { ...b, assumed: undefined }
  return { ...b, fingers, thumb, key: `${b.key}+${p.key.replace(/:.*$/, '')}:${ps}`, zh: `${b.zh}，${p.zh.replace(/^伸/, '')}`, assumed: undefined }
}

export const MODIFIABLE = /^(?:ext|pinch|ring|ringS|bent|lax|c_small|C|bigC|open_pinch|bunch|outline|thumb|bent90):/

export function segments (results: ClauseResult[]): Segment[] {
  const segs: Segment[] = []
  type Cur = { sign: number, part: number, hand: Subj | null, base: Shape | null, strength: number, phrases: Phrase[], changes: Shape[], mods: Phrase[], moved: boolean }
  let cur: Cur | null = null
  // hands that already have a shape in this part: a later bare reference (右手拇指尖碰…) is not a new shape
  const shaped = new Set<string>()
  const handsOf = (h: Subj | null): string[] => h === 'both' ? ['left', 'right'] : h === 'left' || h === 'right' ? [h] : []
  const flush = () => {
    if (cur?.base && cur.strength === 2 && handsOf(cur.hand).length > 0 && handsOf(cur.hand).every(h => shaped.has(`${cur!.sign}/${cur!.part}/${h}`))) { cur = null; return }
    if (cur?.base) {
      for (const h of handsOf(cur.hand)) shaped.add(`${cur.sign}/${cur.part}/${h}`)
      let s = cur.base
      if (MODIFIABLE.test(s.key)) for (const m of cur.mods) if (m.mod) s = m.mod(s)
      segs.push({ sign: cur.sign, part: cur.part, hand: cur.hand, shape: s, phrases: cur.phrases, changes: cur.changes })
    }
    cur = null
  }
  // strength: explicit phrase 3 > implied finger 2 > bare orientation word 1
  const strength = (p: Phrase) => p.role === 'implied' ? 2 : p.shape.key === 'flat(implicit)' && p.form.startsWith('<朝向词>') ? 1 : 3
  for (const r of results) {
    const c = r.c
    const fistSubj = c.subj === 'lfist' || c.subj === 'rfist' || c.subj === 'fists'
    if ((c.subj && !(fistSubj && cur?.base?.key === 'fist' && cur.part === c.part && cur.sign === c.sign)) || !cur || cur.sign !== c.sign || cur.part !== c.part) {
      flush()
      cur = { sign: c.sign, part: c.part, hand: c.hand, base: null, strength: 0, phrases: [], changes: [], mods: [], moved: false }
    }
    if (cur.base && r.phrases.length === 0 && MOVED_RE.test(c.text.replace(ORIENT_PHRASE_RE, ''))) cur.moved = true
    for (const p of r.phrases) {
      cur.phrases.push(p)
      if (p.other) segs.push({ sign: c.sign, part: c.part, hand: p.other.hand, shape: p.other.shape, phrases: [p], changes: [] })
      if (fistSubj && cur.base) continue
      if (p.role === 'change') { cur.changes.push(p.shape); continue }
      if (p.role === 'mod') { if (cur.moved) cur.changes.push(p.shape); else cur.mods.push(p); continue }
      const st = strength(p)
      const ps = setOf(p.shape)
      if (!cur.base) { cur.base = p.shape; cur.strength = st; continue }
      if (cur.strength === 1 && st === 3 && ps && /^(?:ext|bent|lax|bent90):/.test(p.shape.key) && !['I', 'M', 'R', 'P'].every(f => ps.includes(f))) {
        // 左手直立，拇指张开 / 横立，中、无名指微曲: a flat hand with some fingers changed
        cur.base = mergeOnFlat(p.shape, ps); cur.strength = 3; continue
      }
      if (st > cur.strength) { cur.base = p.shape; cur.strength = st; continue }
      const bs = setOf(cur.base)
      if (st === 3 && cur.strength === 3 && !cur.moved && !p.form.startsWith('伸') && bs && ps && /^(?:ext|bent|lax|bent90):/.test(p.shape.key) && [...ps].every(f => !bs.includes(f))) {
        // a three-finger pinch, then the two free fingers named upright: they complete the base
        cur.base = complement(cur.base, p.shape, ps)
      } else if (st === 3 && cur.strength === 3 && p.shape.key !== cur.base.key && !/搭成|两手|或/.test(p.form + r.c.text.slice(0, 1))) {
        // a second full handshape later in the same hand's description: the hand changes to it
        cur.changes.push(p.shape)
      }
    }
  }
  flush()
  return segs
}

// ═════════════════════════════════════════════════════════════ matching with handshapes.ts

/** Codes that count as the same; a listed 'soft' pair is a small difference (NEAR). */
export const FLEX_SAME: Record<Flex, Flex[]> = {
  E: ['E'], e: ['e', 'hb'], hb: ['hb', 'e'], b: ['b', 'hb'], r: ['r', 'p', 'c'], c: ['c', 'r', 'p'], p: ['p', 'r'], h: ['h', 'db'], db: ['db', 'h'], F: ['F'], '?': []
}
export const FLEX_SOFT: Record<Flex, Flex[]> = {
  E: ['e'], e: ['E', 'c', 'h', 'b'], hb: ['b', 'c'], b: ['hb', 'h', 'e'], r: ['e'], c: ['e', 'h', 'hb'], p: ['c'], h: ['c', 'e', 'b'], db: ['F'], F: ['db'], '?': []
}
export const THUMB_SAME: Record<Thumb, string[]> = {
  ext: ['out', 'up'],
  abd: ['out'],
  tuck: ['tuck'],
  side: ['side', 'up'],
  closed: ['across', 'tuck', 'side', 'touch_index', 'touch_middle', 'touch_ring', 'touch_pinky'],
  opp: ['opp'],
  touchI: ['touch_index'],
  touchM: ['touch_middle'],
  touchIM: ['touch_index', 'touch_middle'],
  touchP: ['touch_pinky'],
  touchR: ['touch_ring'],
  touchMR: ['touch_ring', 'touch_middle'],
  touchAll: ['touch_index', 'touch_middle'],
  '?': []
}
export const THUMB_SOFT: Record<Thumb, string[]> = {
  ext: ['side'], abd: ['up', 'side'], tuck: ['across', 'touch_index', 'touch_middle', 'touch_ring', 'touch_pinky'], side: ['out', 'across'], closed: ['up'], opp: ['out', 'touch_index', 'touch_middle', 'side', 'up'], touchI: ['opp'], touchM: ['opp'], touchIM: ['opp'], touchP: [], touchR: [], touchMR: [], touchAll: ['opp'], '?': []
}

export interface Diff { what: string, soft: boolean, fingers: number }
export function rowDiffs (s: Shape, h: HandshapeDef): Diff[] {
  const d: Diff[] = []
  const fd = new Map<string, { names: string[], soft: boolean }>()
  s.fingers.forEach((f, i) => {
    if (f === '?') return
    const hf = h.fingers[i] as Flex
    if (FLEX_SAME[f].includes(hf)) return
    // the same difference on several fingers (三指微曲 vs 伸直) counts once
    const k = `${f}→${hf}`
    const e = fd.get(k) ?? { names: [], soft: FLEX_SOFT[f].includes(hf) }
    e.names.push(['食', '中', '无名', '小'][i]); fd.set(k, e)
  })
  for (const [k, e] of fd) d.push({ what: `${e.names.join('')}${k}`, soft: e.soft, fingers: e.names.length })
  if (s.thumb !== '?' && !THUMB_SAME[s.thumb].includes(h.thumb)) d.push({ what: `拇${s.thumb}→${h.thumb}`, soft: THUMB_SOFT[s.thumb].includes(h.thumb), fingers: 1 })
  if (s.spread !== '?' && s.spread !== h.spread) {
    const n = h.fingers.filter(f => f !== 'F').length
    if (n >= 2) d.push({ what: `分合${s.spread}→${h.spread}`, soft: s.spread !== 'x' && h.spread !== 'x', fingers: 0 })
  }
  if (s.extra) d.push({ what: s.extra, soft: !/空心/.test(s.extra), fingers: 0 })
  return d
}

export interface Match { status: 'MATCH' | 'NEAR' | 'MISSING' | 'LETTER' | 'UNRESOLVED', id?: string, also?: string[], diff?: string, nearest?: string }

export const rank = (h: HandshapeDef) => (h.group === 'common' ? 0 : h.group === 'number' ? 1 : 2)

export function matchShape (s: Shape): Match {
  if (s.key.startsWith('letter:') || s.key.startsWith('number:')) {
    const id = s.key.split(':')[1]
    return HANDSHAPES.some(h => h.id === id) ? { status: 'LETTER', id } : { status: 'UNRESOLVED', diff: id === '?' ? '字母符号缺失' : `“${id}”不是表中的字母/数字` }
  }
  if (s.key.startsWith('outline:') && s.fingers.some((f, i) => f === '?' && (setOf(s) ?? '').includes(LONG[i]))) return { status: 'UNRESOLVED', diff: s.extra ?? '轮廓未定' }
  const known = s.fingers.filter(f => f !== '?').length
  if (known === 0) return { status: 'UNRESOLVED', diff: s.extra ?? '手指未写明' }
  // order: fewest hard differences, then fewest fingers that differ, then fewest differences
  const cost = (d: Diff[]) => d.filter(x => !x.soft).length * 10 + d.reduce((n, x) => n + Math.max(1, x.fingers), 0)
  const scored = HANDSHAPES.map(h => ({ h, d: rowDiffs(s, h) }))
    .sort((a, b) => cost(a.d) - cost(b.d) || rank(a.h) - rank(b.h))
  const exact = scored.filter(x => x.d.length === 0).map(x => x.h)
  if (exact.length > 0) return { status: 'MATCH', id: exact[0].id, also: exact.slice(1).map(h => h.id) }
  // NEAR: only soft differences, at most two kinds, and either ≤ 2 fingers differ or one kind of
  // difference runs over the whole hand (五指微曲张开 vs 五指张开)
  const fingerKinds = (d: Diff[]) => d.filter(x => x.fingers > 0 && x.what.includes('→') && !x.what.startsWith('拇'))
  const near = scored.filter(x => x.d.length <= 2 && x.d.every(y => y.soft) &&
    (fingerKinds(x.d).reduce((n, y) => n + y.fingers, 0) <= 2 || fingerKinds(x.d).length <= 1))
  if (near.length > 0) return { status: 'NEAR', id: near[0].h.id, diff: near[0].d.map(x => x.what).join('；'), also: near.slice(1, 4).map(x => x.h.id) }
  return { status: 'MISSING', nearest: scored[0].h.id, diff: scored[0].d.map(x => x.what).join('；') }
}

/**
 * Proposed new rows for shapes with no matching row (ids lower-case ascii; names in our own words).
 * Keyed by the survey's shape key. Shapes not listed here that come out MISSING are flagged in the
 * report as “no proposal yet”.
 */
export const PROPOSALS: Record<string, { id: string, zh: string, desc: string }> = {
  fist_hollow: { id: 'fist_hollow', zh: '空心拳', desc: '四指弯成筒状、不贴掌心，拇指搭在食指旁（握杆状）' },
  'ext:TIP': { id: 'thumb_index_pinky', zh: '拇食小指', desc: '拇指、食指、小指伸出，中指、无名指弯曲' },
  'ext:TIP{': { id: 'thumb_index_pinky', zh: '拇食小指', desc: '同上（写明分开）' },
  'ext:MRP': { id: 'mid_ring_pinky', zh: '中无名小指', desc: '中指、无名指、小指伸出，拇指压住弯曲的食指' },
  'ext:MRP{': { id: 'mid_ring_pinky', zh: '中无名小指', desc: '同上（三指分开）' },
  'ext:MRP=': { id: 'mid_ring_pinky', zh: '中无名小指', desc: '同上（三指并拢）' },
  'pinch:TM': { id: 'pinch_mid', zh: '拇中指捏', desc: '拇指与中指指尖相捏，食指、无名指、小指伸出（插图）' },
  'pinch:TP': { id: 'pinch_pinky', zh: '拇小指捏', desc: '拇指与小指指尖相捏，其余三指弯曲（“少”）' },
  'pinch:TMR': { id: 'fox', zh: '狐狸手', desc: '拇指与中指、无名指相捏，食指、小指直立' },
  'pinch:TMR+restE': { id: 'fox', zh: '狐狸手', desc: '同上' },
  'ext:M': { id: 'middle', zh: '中指', desc: '中指伸出，其余手指握起' },
  'ext:TM': { id: 'thumb_middle', zh: '拇中指', desc: '拇指、中指伸出张开，其余三指弯曲' },
  'ext:TM{': { id: 'thumb_middle', zh: '拇中指', desc: '同上' },
  'ext:TIRP': { id: 'open_mid_bent', zh: '中指屈五指张', desc: '拇、食、无名、小指伸出，中指弯曲' },
  'ext:TIMP': { id: 'open_ring_bent', zh: '无名指屈', desc: '拇、食、中、小指伸出，无名指弯曲' },
  'ext:IMR=': { id: 'three_flat', zh: '三指并拢', desc: '食、中、无名指并拢伸直，拇指压住小指' },
  'ext:IRP': { id: 'index_ring_pinky', zh: '食无名小指', desc: '食、无名、小指伸出，中指弯曲' },
  'lax:IM': { id: 'v_lax', zh: '食中指微曲', desc: '食、中指伸出微曲，其余手指握起' },
  'lax:IM{': { id: 'v_lax', zh: '食中指微曲', desc: '同上（分开）' },
  'lax:I': { id: 'index_lax', zh: '食指微曲', desc: '食指伸出微曲，其余手指握起' },
  'lax:TIMRP{': { id: 'open_lax', zh: '五指微曲张开', desc: '五指张开，各指关节自然微曲（松爪）' },
  'bent:IMRP': { id: 'bent_four', zh: '四指弯曲', desc: '四指弯曲（勾起），拇指伸出或未写' },
  'bent:IMR': { id: 'hook_three', zh: '三指弯钩', desc: '食、中、无名指弯曲，小指握起' },
  'bent:P': { id: 'pinky_hook', zh: '小指弯钩', desc: '小指伸出后弯曲，其余手指握起' },
  'lax:P': { id: 'pinky_hook', zh: '小指弯钩', desc: '小指微曲（同上，程度较轻）' },
  'c_small:TP': { id: 'c_thumb_pinky', zh: '拇小指弯', desc: '拇指与小指弯曲相对' },
  'bigC:TI': { id: 'c_index_large', zh: '大八字弯', desc: '拇、食指弯曲相对，开口大，其余三指握起' },
  'ring:TI': { id: 'ring', zh: '拇食成圈', desc: '拇、食指捏成圆圈，其余三指弯曲（比“捏”圆）' },
  'flat+ext:T': { id: 'flat_thumb_out', zh: '平掌张拇', desc: '四指并拢伸直，拇指向外张开' },
  'open_pinch:TM+rest:ext': { id: 'pinch_mid_open', zh: '拇中指微张', desc: '拇指与中指弯曲相对不接触，其余三指伸出' },
  'bent:TIM': { id: 'claw_three', zh: '三指爪', desc: '拇、食、中指弯曲成爪，无名指、小指握起' },
  'ext:I+rest:pinch': { id: 'index_bunch', zh: '食指立余指捏', desc: '食指伸直，拇指与中、无名、小指指尖捏在一起（如小写 d）' },
  'ring:TI+rest:lax': { id: 'ring_open_lax', zh: '圈形余指微曲', desc: '拇、食指捏成圆圈，其余三指伸出微曲' },
  'ext:TM{+bent:I': { id: 'thumb_middle_hook', zh: '拇中伸食钩', desc: '拇、中指伸出，食指弯曲' },
  'ext:TMR': { id: 'thumb_mid_ring', zh: '拇中无名指', desc: '拇、中、无名指伸出，食指、小指弯曲' },
  'c_small:TI+rest:ext': { id: 'ring_open', zh: '张圈手', desc: '拇、食指弯曲相对留空隙，其余三指伸出' },
  'C:TI+rest:ext': { id: 'ring_open', zh: '张圈手', desc: '同上' },
  'bent:I+rest:ext': { id: 'open_index_hook', zh: '食指钩余指伸', desc: '食指弯曲，拇指和其余三指伸出' },
  'ext:IP+bent90:MR': { id: 'horns_mid_bent', zh: '角手屈中', desc: '食指、小指伸直，中指、无名指在根部折成直角' },
  'c_small:TM': { id: 'c_thumb_middle', zh: '拇中指弯', desc: '拇指与中指弯曲相对，其余伸出' },
  'bent:TMRP': { id: 'claw_no_index', zh: '四指爪（食指伸）', desc: '拇、中、无名、小指弯曲，食指伸直' }
}

// ═════════════════════════════════════════════════════════════ two-hand constructs (c)

export interface Feature { id: string, group: string, label: string, re: RegExp, notation?: string, test?: (text: string, c: Clause) => boolean }

export const HANDPART = '(?:掌心|手背|手掌|掌|指尖|虎口|手腕|腕|拳|拳面|拳心|拳眼|指背|指面|小指外侧|食指|拇指|中指|小指|五指|四指|手指|手)'

export const CONSTRUCTS: Feature[] = [
  // 搭成 (the symbol is added at run time)
  { id: 'dacheng', group: '搭成', label: '搭成“X”形（两手拼成字形/符号）', re: /搭成(?:小|大)?(?:“([^“”]*)”|(圆|椭圆|三角|方格|方|尖)形)/g, notation: 'MISSING：两手拼形（接触点+各自手形）' },
  { id: 'fang_zi', group: '搭成', label: '仿“X”字形（两手/手指比出字形，未说“搭”）', re: /仿“([^“”]*)”字(?:形|的一部分|部分字形)/g, notation: '多为两手相对位置，部分需接触' },
  // crossing
  { id: 'cross_wrist', group: '交叉', label: '手腕交叉（相搭/相贴）', re: /(?:手腕|腕部|双腕)交叉/g, notation: 'MISSING：两手相对位置“交叉”' },
  { id: 'cross_forearm', group: '交叉', label: '小臂/双臂交叉', re: /(?:小臂|双臂|手臂|前臂)(?:在胸前)?交叉/g, notation: 'MISSING' },
  { id: 'cross_fingers_2h', group: '交叉', label: '两手手指交叉（食指交叉、五指交叉）', re: /(?:食指|中指|五指|十指|手指|指尖)交叉(?!移动)/g, notation: 'MISSING：交叉/插指' },
  { id: 'cross_hands', group: '交叉', label: '两手交叉相搭（掌/手背交叉叠放）', re: /(?<![腕臂指])交叉相[搭贴叠]/g, notation: 'MISSING' },
  { id: 'cross_move', group: '交叉', label: '交叉移动/交错（动作中交叉）', re: /交叉(?:移动|向|下|上)|交错/g, notation: 'alternate/mirror 路径可近似' },
  { id: 'cross_other', group: '交叉', label: '其他“交叉”', re: /交叉/g, test: t => !/(?:手腕|腕部|双腕|小臂|双臂|手臂|前臂|食指|中指|五指|十指|手指|指尖)交叉|交叉相[搭贴叠]|交叉(?:移动|向|下|上)/.test(t) },
  // facing
  { id: 'face_palms', group: '相对', label: '掌心相对', re: /掌心(?:左右|上下|前后|斜向)?相对/g, notation: 'mirror + p:c（已有）' },
  { id: 'face_tips', group: '相对', label: '指尖相对', re: /指尖(?:左右|上下|前后|斜向)?相对/g, notation: 'mirror + f:c（已有）' },
  { id: 'face_other', group: '相对', label: '虎口/手背/拳面/指面等相对', re: /(?:虎口|手背|拳面|拳心|拳眼|指面|指背|双拳|两拳|手腕)(?:左右|上下|前后|斜向)?相对/g, notation: '朝向可写（已有）' },
  // contact
  { id: 'touch_palms', group: '相贴/相合', label: '掌心相贴/相合、合十', re: /掌心(?:左右|上下|前后)?相[贴合]|合十|双手相合/g, notation: 'rel:mirror + H.palm 接触（已有近似）' },
  { id: 'touch_backs', group: '相贴/相合', label: '手背相贴/相靠', re: /手背(?:左右|上下|前后)?相[贴靠挨]/g },
  { id: 'touch_tips', group: '相贴/相合', label: '指尖相抵/相贴/相碰/相接（两手指尖接触）', re: /指尖(?:左右|上下|前后|斜向)?相(?:抵|贴|碰|接|触|捏)|指尖(?:互碰|相互碰)/g, notation: 'H.fingertips（已有）' },
  { id: 'touch_other', group: '相贴/相合', label: '其他“相贴/相抵/相靠/相挨”', re: /(?<!掌心|手背|指尖|左右|上下|前后|斜向|交叉)相(?:贴|抵|靠|挨)/g },
  { id: 'collide', group: '相碰', label: '相碰/互碰/相撞/相触（两手碰一下）', re: /相碰|互碰|相撞|相触|相互碰/g, notation: 'tap(H.*)（已有）' },
  { id: 'stack', group: '相叠', label: '两手上下相叠/相搭（叠放）', re: /(?:上下|前后|左右|双手|两手|手背|掌心)相[叠搭]|(?<!(?:食、中指|拇指|食指)[^，。；]{0,4})(?<![上下前后左右双两背心])相叠/g, notation: 'MISSING：两手叠放' },
  { id: 'fist_on_fist', group: '相叠', label: '拳对拳（右拳砸/叠/抵左拳、两拳相抵）', re: /右拳[^，。；]{0,8}左拳|左拳[^，。；]{0,8}右拳|(?:双拳|两拳)[^，。；]{0,4}相[抵碰对叠挨]|拳(?:面|心|眼)?(?:上下)?相[叠抵碰]/g, notation: 'H.knuckles 等（部分已有）' },
  { id: 'clasp', group: '相握', label: '相互握住/相握/互握', re: /相互握住|互相握住|相握|互握|握在一起/g, notation: 'MISSING：握合' },
  { id: 'grasp_other', group: '相握', label: '一手握住/抓住/攥住/捏住另一手（手指、手腕、小臂）', re: /(?:握住|抓住|攥住|握着|抓着|捏住|捏着)(?:左手|右手|另一手|对方)/g, notation: 'MISSING：抓握另一手' },
  { id: 'hook', group: '勾住', label: '两手手指相勾/勾住/互勾', re: /相互勾住|相勾|勾住|互勾/g, notation: 'MISSING：互勾' },
  { id: 'ring_link', group: '勾住', label: '套环（两手指环相扣）', re: /套环/g, notation: 'MISSING：环扣（没关系）' },
  { id: 'insert', group: '插入', label: '插入/伸入另一手（虎口、指缝、圆形中）', re: /(?:插入|插进|伸入|钻入|穿过|钻过)(?:左手|右手)?/g, notation: 'MISSING：进入另一手手形' },
  { id: 'baoquan', group: '拳掌', label: '抱拳/作揖（拳在另一手掌中）', re: /抱拳|作揖/g, notation: 'MISSING：拳入掌' },
  { id: 'clap', group: '拳掌', label: '鼓掌/击掌/互拍', re: /鼓掌|击掌|拍手|互拍|相拍/g, notation: 'tap(H.palm)（已有近似）' },
  // base hand and coordination
  { id: 'base_still', group: '主辅手', label: '一手不动（左手不动、在下不动…）', re: /(?:左手|右手|一手|另一手|左拳|右拳)(?:在[上下前后内外左右]?)?(?:保持)?不动/g, notation: 'rel: base（已有）' },
  { id: 'base_follows', group: '主辅手', label: '另一手随之（基手跟着动/变形）', re: /(?:左手|右手|另一手|左拳|右拳|左臂|右臂)(?:也|则)?随之/g, notation: 'MISSING：基手随动（base 手不能动）' },
  { id: 'alternate', group: '双手协同', label: '交替', re: /交替/g, notation: 'rel: alternate（已有）' },
  { id: 'simultaneous', group: '双手协同', label: '同时', re: /同时/g, notation: 'mirror/parallel（已有）' },
  { id: 'arrange', group: '双手协同', label: '一前一后/一上一下/一左一右/一高一低/一横一竖/一正一反', re: /一前一后|一上一下|一左一右|一高一低|一横一竖|一正一反|一里一外|一内一外/g, notation: 'rel: two（两行各写）' },
  { id: 'swap', group: '双手协同', label: '互换位置/交错移动', re: /互换位置|交换位置|交错/g, notation: 'MISSING：换位' }
]

// ═════════════════════════════════════════════════════════════ non-manual features (d)

export const NONMANUAL: Feature[] = [
  { id: 'eye_close', group: '眼', label: '闭眼/双眼闭拢', re: /闭眼|闭上眼|(?:双眼|眼睛|眼)(?:微)?闭(?:拢|上|合)?|眼睛随之闭/g, notation: 'MISSING（无 eyes 键）' },
  { id: 'eye_squint', group: '眼', label: '眯眼', re: /眯(?:眼|起眼|着眼)|(?:双眼|眼睛)微眯/g, notation: 'MISSING' },
  { id: 'eye_wide', group: '眼', label: '瞪眼/睁大眼', re: /瞪眼|瞪大|睁大|(?:双眼|眼睛|眼)(?:同时)?睁(?:大|圆|开)/g, notation: 'MISSING' },
  { id: 'eye_gaze_hand', group: '眼', label: '眼睛看/注视（手或物）', re: /(?:眼睛|双眼|目光)(?:注视|看|盯|随之|跟随|追随|随着)|注视|盯着|看着|眼看/g, notation: 'gaze=hand（已有）' },
  { id: 'eye_gaze_dir', group: '眼', label: '目光/视线方向（向上、远处、斜视…）', re: /目光(?!随之|相接)|视线|斜视|眼睛朝|向上看|向下看|往上看|往下看|看向|远望|眺望|眼神/g, notation: 'gaze=up/down（部分已有）' },
  { id: 'eye_contact', group: '眼', label: '目光相接', re: /目光相接/g, notation: 'MISSING' },
  { id: 'eye_blink', group: '眼', label: '眨眼', re: /眨眼|眨动/g, notation: 'MISSING' },
  { id: 'head_nod', group: '头', label: '点头', re: /点头|头(?:微)?(?:向下)?点(?:动|一下|两下)/g, notation: 'head=nod（已有）' },
  { id: 'head_shake', group: '头', label: '摇头/头左右晃动', re: /摇头|头(?:微|稍)?左右(?:晃|摇|摆|转)/g, notation: 'head=shake（已有）' },
  { id: 'head_tilt', group: '头', label: '歪头/头偏/头侧', re: /歪头|偏头|头(?:微|稍)?(?:歪|偏|侧)(?!向[左右])|头(?:微|稍)?(?:歪|偏|侧)向[^左右]/g, notation: 'head=tilt（已有）' },
  { id: 'head_tilt_side', group: '头', label: '头偏向左侧/右侧（绝对方向）', re: /头(?:微|稍)?(?:歪|偏|侧|转)(?:向)?[左右]/g, notation: 'MISSING：方向' },
  { id: 'head_turn', group: '头', label: '转头/头转向', re: /转头|扭头|回头|头(?:微|稍)?转(?!正)|头转正/g, notation: 'MISSING' },
  { id: 'head_down', group: '头', label: '低头/头微低', re: /低头|头(?:微|稍|略)?低|垂头|埋头/g, notation: 'MISSING（gaze=down 近似）' },
  { id: 'head_up', group: '头', label: '仰头/抬头/头后仰', re: /仰头|抬头|昂头|头(?:微|稍|略)?(?:上)?(?:抬|仰|后仰|扬)/g, notation: 'MISSING' },
  { id: 'head_forward', group: '头', label: '头前伸/探头/缩头', re: /探头|缩头|缩脖|头(?:微|稍)?(?:前伸|向前伸|后缩)|缩颈/g, notation: 'MISSING' },
  { id: 'head_shake_other', group: '头', label: '头晃动/摆动（其他）', re: /头(?:随之|同时|微|稍)?(?:晃动|摆动|摇晃|晃)(?![左右])/g, notation: 'MISSING' },
  { id: 'torso_lean_fwd', group: '身体', label: '身体前倾/弯腰/鞠躬', re: /(?:身体|上身|身)(?:随之|同时|微|稍|略)?(?:向)?前倾|弯腰|鞠躬|躬身|俯身|哈腰/g, notation: 'MISSING' },
  { id: 'torso_lean_back', group: '身体', label: '身体后仰/后倾', re: /(?:身体|上身|身)(?:随之|同时|微|稍|略)?(?:向)?后(?:仰|倾|靠)/g, notation: 'MISSING' },
  { id: 'torso_lean_side', group: '身体', label: '身体侧倾/向左右倾/歪', re: /(?:身体|上身|身)(?:随之|同时|微|稍|略)?(?:向)?(?:左|右|一侧|侧)(?:微)?(?:倾|歪|斜)/g, notation: 'MISSING' },
  { id: 'torso_turn', group: '身体', label: '转身/侧身/身体转动', re: /转身|侧身|(?:身体|上身)(?:随之|同时|微|稍|略)?(?:向[左右]|左右)?转/g, notation: 'MISSING' },
  { id: 'torso_chest', group: '身体', label: '挺胸/含胸', re: /挺胸|含胸|收腹|挺身/g, notation: 'MISSING' },
  { id: 'torso_sway', group: '身体', label: '身体晃动/摇摆/颤抖/起伏', re: /(?:身体|上身|身子)(?:随之|同时|微|稍|略)?(?:左右|前后|上下)?(?:晃|摇|摆|颤|抖|起伏|扭)/g, notation: 'MISSING' },
  { id: 'torso_other', group: '身体', label: '身体（其他：下蹲、缩身、后退…）', re: /(?:身体|上身|身子)(?:随之|同时)?(?:下蹲|蹲|缩|后退|前移|上移|下沉|站直|直立|放松|紧缩|蜷)|下蹲|蹲下/g, notation: 'MISSING' },
  { id: 'shoulder', group: '肩', label: '耸肩/肩膀动', re: /耸肩|(?:双肩|肩膀|肩部|肩)(?:微|稍)?(?:耸|缩|抖|晃|上提|随之|向[左右前后上下]一?歪)|[左右]肩随之/g, notation: 'MISSING' },
  { id: 'mouth_open', group: '嘴', label: '张口/口张开/口微张', re: /张口|张嘴|张大嘴|口(?:微|稍|略)?张(?:开|大)?|嘴(?:微|稍)?张(?:开|大)?/g, notation: 'mouth=open（已有）' },
  { id: 'mouth_close', group: '嘴', label: '闭嘴/嘴闭拢/抿嘴/嘴唇紧闭', re: /闭嘴|闭口|嘴(?:唇)?(?:微|紧)?闭(?:拢|紧|合)?|抿嘴|抿唇|嘴唇紧闭|紧闭/g, notation: 'MISSING（mouth 无 closed）' },
  { id: 'mouth_round', group: '嘴', label: '撅嘴/噘嘴/嘴成圆形', re: /撅嘴|噘嘴|嘟嘴|努嘴|嘴(?:唇)?(?:撅|噘|嘟|成圆|呈圆)/g, notation: 'mouth=o/pursed（已有）' },
  { id: 'mouth_puff', group: '嘴', label: '鼓腮/鼓起腮', re: /鼓腮|鼓起腮|腮(?:部)?鼓起|鼓起(?:两)?腮|鼓气/g, notation: 'mouth=puff（已有）' },
  { id: 'mouth_tongue_cheek', group: '嘴', label: '用舌顶起腮部', re: /舌[^，。；]{0,3}顶[^，。；]{0,3}腮/g, notation: 'MISSING' },
  { id: 'mouth_tongue', group: '嘴', label: '伸舌/吐舌/舌动', re: /伸舌|吐舌|舌(?:头|尖)?(?:微|稍)?(?:伸|吐|舔|动|抵)/g, notation: 'MISSING' },
  { id: 'mouth_blow', group: '嘴', label: '吹/吹气', re: /吹气|吹|呼气|哈气/g, notation: 'MISSING（puff 近似）' },
  { id: 'mouth_bite', group: '嘴', label: '咬牙/咬唇/牙关紧', re: /咬(?:牙|唇|紧|住)|牙关|龇牙|露齿/g, notation: 'MISSING' },
  { id: 'mouth_mouthing', group: '嘴', label: '口型/口念/发音（说出词）', re: /口型|口念|口动|嘴动|嘴(?:微|随之)?动|口形|发[^，。；]{0,2}音|读音|念出|说出/g, notation: 'MISSING（notation.md 已列为已知限制）' },
  { id: 'mouth_other', group: '嘴', label: '嘴角/嘴（其他动作：咂嘴、嘴角下撇…）', re: /咂嘴|嘴角(?:上翘|下撇|向下|向上|微)|撇嘴/g, notation: 'mouth=smile/frown（部分）' },
  { id: 'nose', group: '鼻', label: '耸鼻/皱鼻/吸气（鼻）', re: /耸鼻|皱鼻|吸鼻|嗅|吸气/g, notation: 'MISSING' },
  { id: 'brow', group: '眉', label: '皱眉/眉微蹙/扬眉', re: /皱眉|蹙眉|眉(?:头)?(?:微|稍)?(?:皱|蹙|紧锁|上扬|扬)|扬眉|挑眉/g, notation: 'brows=furrow/raise（已有）' },
  { id: 'expr_mianlu', group: '表情', label: '面露…的表情/神态（具名表情）', re: /面露([^，。；]{1,8}?)的?(?:表情|神态|神情|样子|相)|面露([^，。；的]{1,4})/g, notation: 'expr=（6 种已有，余 MISSING）' },
  { id: 'expr_miandai', group: '表情', label: '面带…（笑容、坏相…）', re: /面带([^，。；]{1,6})/g, notation: 'expr=' },
  { id: 'expr_other', group: '表情', label: '表情（其他：面无表情、表情自然、笑、哭）', re: /面无表情|表情(?:自然|严肃|夸张|平和)|(?<!面[露带][^，。；]{0,6})(?:微笑|笑容|大笑|哭|流泪)|可根据[^，。；]{0,6}表情/g, notation: 'expr=' }
]

// ═════════════════════════════════════════════════════════════ body locations (e)

export interface BodySite { id: string, zh: string, re: RegExp, site?: string, region: string }

/** Body places named in the descriptions → existing site id (sites.ts) or none. */
export const BODY: BodySite[] = [
  { id: 'head_top', zh: '头顶', re: /头顶/g, site: 'head_top', region: '头面' },
  { id: 'back_head', zh: '后脑', re: /后脑(?:勺)?|脑后/g, region: '头面' },
  { id: 'head_side', zh: '头侧', re: /头(?:的)?(?:一|两|左|右|同)侧/g, site: 'head_side', region: '头面' },
  { id: 'head', zh: '头（前/上方/部）', re: /头(?:部|前|上方|前上方|上)/g, site: 'neutral_high', region: '头面' },
  { id: 'hair', zh: '头发', re: /头发|发髻|辫/g, region: '头面' },
  { id: 'forehead', zh: '前额/额', re: /前额|额头|额部|额(?![外])/g, site: 'forehead', region: '头面' },
  { id: 'temple', zh: '太阳穴', re: /太阳穴/g, site: 'temple', region: '头面' },
  { id: 'brow', zh: '眉/眉心', re: /眉(?:毛|心|间|梢|头)?(?![微头]?[皱蹙扬])/g, site: 'brow', region: '头面' },
  { id: 'eye', zh: '眼（眼前、眼部、眼角）', re: /(?:眼睛|眼部|眼前|眼角|眼眶|眼皮|眼下|双眼|眼)(?![睛部前角眶皮下])(?![闭睁微神])/g, site: 'eye', region: '头面' },
  { id: 'nose', zh: '鼻（鼻尖、鼻孔、鼻翼、鼻下）', re: /鼻(?:子|尖|梁|孔|翼|下|部|前|头)?/g, site: 'nose', region: '头面' },
  { id: 'ear', zh: '耳（耳部、耳边）', re: /耳(?:朵|部|边|后|廓|旁|前|孔|下)?(?!垂)/g, site: 'ear', region: '头面' },
  { id: 'earlobe', zh: '耳垂', re: /耳垂/g, site: 'earlobe', region: '头面' },
  { id: 'cheek', zh: '脸颊/面颊/腮', re: /脸颊|面颊|颊|腮(?:部)?/g, site: 'cheek', region: '头面' },
  { id: 'face', zh: '脸/面部/面前', re: /脸(?!颊)(?:部|上|前)?|面部|面前|面孔/g, site: 'face', region: '头面' },
  { id: 'mouth', zh: '嘴（嘴部、嘴前、嘴边、嘴角）', re: /嘴(?:部|前|边|角|旁|里|巴)?(?!唇)|口(?:部|边|前|腔)/g, site: 'mouth', region: '头面' },
  { id: 'lips', zh: '嘴唇/唇', re: /嘴唇|(?:上|下)?唇/g, site: 'lips', region: '头面' },
  { id: 'teeth', zh: '牙齿', re: /牙(?:齿)?(?!关)/g, site: 'teeth', region: '头面' },
  { id: 'tongue', zh: '舌', re: /舌/g, region: '头面' },
  { id: 'chin', zh: '下巴/颏', re: /下巴|颏(?:部)?(?!下)|下颌/g, site: 'chin', region: '头面' },
  { id: 'under_chin', zh: '颏下', re: /颏(?:部)?下/g, site: 'under_chin', region: '头面' },
  { id: 'neck', zh: '颈/脖子', re: /颈(?:部)?|脖(?:子|颈儿?|后)?/g, site: 'neck', region: '颈' },
  { id: 'throat', zh: '喉部', re: /喉(?:部|咙|结|头)?/g, site: 'throat', region: '颈' },
  { id: 'shoulder', zh: '肩', re: /肩(?:部|膀|头|上|前|后|胛)?(?!章)/g, site: 'shoulder', region: '躯干' },
  { id: 'collarbone', zh: '锁骨/领口', re: /锁骨|领口|衣领|领子/g, region: '躯干' },
  { id: 'chest', zh: '胸（胸部、胸口）', re: /胸(?:部|口|膛)?(?!前)/g, site: 'chest', region: '躯干' },
  { id: 'chest_front', zh: '胸前（空间）', re: /胸前/g, site: 'neutral', region: '空间' },
  { id: 'heart', zh: '心脏/心口', re: /心脏|心口|心窝/g, site: 'heart', region: '躯干' },
  { id: 'armpit', zh: '腋下', re: /腋(?:下|窝)?/g, region: '躯干' },
  { id: 'ribs', zh: '肋/胁', re: /肋|胁/g, region: '躯干' },
  { id: 'stomach', zh: '腹部/肚子', re: /腹(?:部)?(?!前)|肚(?:子|脐|皮)?/g, site: 'stomach', region: '躯干' },
  { id: 'belly_front', zh: '腹前（空间）', re: /腹前/g, site: 'neutral_low', region: '空间' },
  { id: 'waist', zh: '腰', re: /腰(?:部|间|际|带)?/g, site: 'waist', region: '躯干' },
  { id: 'hip', zh: '胯', re: /胯(?:部)?/g, site: 'hip', region: '下身' },
  { id: 'buttock', zh: '臀/屁股', re: /臀(?:部)?|屁股/g, region: '下身' },
  { id: 'crotch', zh: '裆', re: /裆(?:部)?|阴部|下体/g, region: '下身' },
  { id: 'back', zh: '背/背后', re: /背后|后背|背部|腰背|脊背|身后/g, site: 'back', region: '躯干' },
  { id: 'thigh', zh: '大腿', re: /大腿/g, region: '下身' },
  { id: 'shank', zh: '小腿', re: /小腿/g, region: '下身' },
  { id: 'leg', zh: '腿（未分）', re: /(?<![大小])腿(?:部)?/g, region: '下身' },
  { id: 'knee', zh: '膝', re: /膝(?:盖|部)?/g, region: '下身' },
  { id: 'foot', zh: '脚/足', re: /脚(?:背|尖|跟|掌|下|部)?|足(?!球)|踝/g, region: '下身' },
  { id: 'upper_arm', zh: '上臂', re: /上臂|大臂/g, site: 'upper_arm', region: '手臂' },
  { id: 'forearm', zh: '小臂/前臂', re: /小臂|前臂/g, site: 'forearm', region: '手臂' },
  { id: 'arm', zh: '臂/手臂（未分）', re: /(?<![上大小前])(?:手)?臂(?:部)?|胳膊/g, site: 'forearm', region: '手臂' },
  { id: 'elbow', zh: '肘/肘窝', re: /肘(?:部|窝|尖|关节)?(?!.{0,0}$)/g, site: 'elbow', region: '手臂' },
  { id: 'pulse', zh: '脉门（腕内侧）', re: /脉门|脉搏/g, site: 'wrist', region: '手臂' },
  { id: 'body_side', zh: '身体一侧/身侧', re: /身体(?:一|两|左|右)?侧|身侧|体侧/g, site: 'side', region: '空间' }
]

/** Places on the other hand (H.* sites). */
export const HAND_PLACES: BodySite[] = [
  { id: 'h_palm', zh: '另一手掌心', re: /(?:左|右|另一)手(?:的)?掌心/g, site: 'H.palm', region: '手' },
  { id: 'h_back', zh: '另一手手背', re: /(?:左|右|另一)手(?:的)?(?:手)?背/g, site: 'H.back', region: '手' },
  { id: 'h_tips', zh: '另一手指尖', re: /(?:左|右|另一)手(?:的)?(?:五指|四指|手指)?指尖/g, site: 'H.fingertips', region: '手' },
  { id: 'h_thumb_side', zh: '另一手虎口', re: /(?:左|右|另一)手(?:的)?虎口/g, site: 'H.thumb_side', region: '手' },
  { id: 'h_finger', zh: '另一手的某指（指身/指背/指根…）', re: /(?:左|右|另一)手(?:的)?(?:拇|食|中|无名|小)(?:、(?:拇|食|中|无名|小))*指(?!尖)/g, site: 'H.index', region: '手' },
  { id: 'h_finger_tip', zh: '另一手某指指尖', re: /(?:左|右|另一)手(?:的)?(?:拇|食|中|无名|小)指(?:指)?尖/g, site: 'H.index_tip', region: '手' },
  { id: 'h_gaps', zh: '另一手指缝', re: /指缝/g, region: '手' },
  { id: 'h_knuckles', zh: '另一手指根/指节/拳', re: /(?:左|右|另一)手(?:的)?(?:指根|指节|四指根部|掌指关节|拳)|(?:左|右)拳/g, site: 'H.knuckles', region: '手' },
  { id: 'h_heel', zh: '另一手掌根/小鱼际/大鱼际', re: /掌根|小鱼际|大鱼际/g, region: '手' },
  { id: 'h_pinky_side', zh: '另一手小指侧（掌缘）', re: /(?:左|右)手(?:的)?(?:小指外侧|掌缘|手掌外侧|外侧)/g, site: 'H.pinky_side', region: '手' },
  { id: 'h_wrist', zh: '另一手手腕', re: /(?:左|右|另一)手(?:的)?(?:手)?腕/g, site: 'H.wrist', region: '手' },
  { id: 'h_circle', zh: '另一手的“圆形/形”之中（手形内部）', re: /(?:左|右)手(?:的)?(?:[^，。；]{0,6})?(?:圆形|“[^”]*”形)(?:中|内|里)/g, region: '手' }
]

// ═════════════════════════════════════════════════════════════ movement vocabulary (f)

export const MOVES: Feature[] = [
  { id: 'move_line', group: '直线', label: '移动/平移/移向/移出（直线路径）', re: /(?:平移|移动|移向|移至|移入|移出|移开|移过|上移|下移|前移|后移)/g, notation: 'line（已有）' },
  { id: 'dir_fwd', group: '方向', label: '向前', re: /向前(?!倾)/g, notation: 'dir f' },
  { id: 'dir_back', group: '方向', label: '向后/向内（朝身体）', re: /向后|向内/g, notation: 'dir b' },
  { id: 'dir_up', group: '方向', label: '向上', re: /向上/g, notation: 'dir u' },
  { id: 'dir_down', group: '方向', label: '向下', re: /向下/g, notation: 'dir d' },
  { id: 'dir_lr', group: '方向', label: '向左/向右', re: /向[左右](?!侧)/g, notation: 'dir i/c' },
  { id: 'dir_out', group: '方向', label: '向外', re: /向外/g, notation: 'dir f/i' },
  { id: 'dir_apart', group: '方向', label: '从中间向两侧/向两侧分开', re: /向两侧|向左右两侧|分别向两侧|拉开/g, notation: 'mirror line(i)' },
  { id: 'dir_together', group: '方向', label: '从两侧向中间/靠拢', re: /向中间|靠拢|合拢/g, notation: 'mirror line(c)' },
  { id: 'dir_oblique', group: '方向', label: '斜向（斜前方、斜上方…）', re: /向(?:左|右)?斜(?:前|后|上|下)方|斜向(?:前|后|上|下)/g, notation: 'dir 组合（已有）' },
  { id: 'shudong_dun', group: '直线', label: '一顿/一按/一压（短促停顿）', re: /一顿|一按|按动|一压|顿一下|一顿一顿/g, notation: 'line(…,s)+hold（近似）' },
  { id: 'arc', group: '曲线', label: '弧形移动/划弧/曲线形/起伏', re: /弧形|弧线|划弧|曲线形|曲线|起伏|波浪/g, notation: 'arc / wave（已有）' },
  { id: 'circle', group: '绕/圈', label: '转动一圈/划圈/绕圈/顺时针/逆时针', re: /(?:转动|绕|划|转|画)(?:一|两|几|半)?圈|顺时针|逆时针|绕(?:着)?|环绕|打圈|画圈|划一圆/g, notation: 'circle（已有）' },
  { id: 'zhuandong', group: '转动', label: '转动（未说圈：转腕、前后转动）', re: /转动(?!一圈|两圈|半圈|几圈)|转腕|翻转|翻腕|扭转|拧/g, notation: 'twist / circle（部分）' },
  { id: 'hua', group: '划', label: '划/划动/书空（写字、画形）', re: /划(?!圈)|书空|写字|描/g, notation: 'MISSING：书空路径（字形轨迹）' },
  { id: 'shake', group: '晃/摆', label: '晃动/摆动/摇动', re: /晃动|晃|摆动|摇动|摇摆|来回/g, notation: 'zigzag / [line line]*n（近似）' },
  { id: 'tremble', group: '晃/摆', label: '抖动/颤动（小幅快速）', re: /抖动|抖|颤动|颤|哆嗦/g, notation: 'MISSING：颤动（trill）' },
  { id: 'wandong', group: '手指动', label: '弯动（手指或手腕弯曲一下）', re: /弯动/g, notation: 'bend / shape（部分）' },
  { id: 'diandong', group: '手指动', label: '点动（手指/手点一下、几下）', re: /点动/g, notation: 'tap（已有）/ wiggle' },
  { id: 'jiaoti_dian', group: '手指动', label: '交替点动/交替弯动（手指依次动）', re: /交替(?:点动|弯动|动)|依次(?:弯动|伸出|点|捏|弯曲)/g, notation: 'wiggle（近似）/ MISSING：依次' },
  { id: 'niandong', group: '手指动', label: '捻动/互捻（拇指搓其他指）', re: /捻动|捻|互捻/g, notation: 'MISSING：捻（拇指搓指）' },
  { id: 'cuodong', group: '手指动', label: '搓动/搓（两手或手指相搓）', re: /搓动|搓/g, notation: 'MISSING：搓' },
  { id: 'tandong', group: '手指动', label: '弹动/弹（手指弹出）', re: /弹动|弹(?!性|簧)/g, notation: 'shape（近似）' },
  { id: 'kaihe', group: '手形变化', label: '开合/张合/一张一合', re: /开合|张合|一张一合|一开一合|张开再|先张开再/g, notation: 'shape(..)*n（近似）' },
  { id: 'shape_change', group: '手形变化', label: '边…边撮合/张开/握拳/相捏（边移动边变手形）', re: /边[^，。；]{0,12}边(?:撮合|张开|握拳|相捏|并拢|收拢|弯曲|伸出|捏合)|然后(?:撮合|张开|握拳|相捏|并拢|收拢|弯曲)|变为|变成/g, notation: 'line+shape（已有）' },
  { id: 'tap', group: '接触', label: '点/拍/碰/敲/砸/捶/贴一下（接触）', re: /(?:点|拍|碰|敲|砸|捶|贴|抵|按|戳|杵)(?:一|两|几)下/g, notation: 'tap（已有）' },
  { id: 'brush', group: '接触', label: '摸/抹/蹭/刮/擦/捋/抚摸（擦过表面）', re: /摸|抹|蹭|刮|擦|捋|抚/g, notation: 'brush（已有）' },
  { id: 'fling', group: '力度', label: '甩/挥/扔/抛（甩出）', re: /甩|挥|扔|抛|掷/g, notation: 'line+shape（近似）' },
  { id: 'fan', group: '晃/摆', label: '扇动/拨动（手掌扇、手指拨）', re: /扇动|扇|拨动|拨/g, notation: 'bend（近似）' },
  { id: 'repeat', group: '重复', label: '两下/几下/重复/连续/一顿一顿', re: /两下|几下|重复|连续|连打|反复|一顿一顿|多次/g, notation: '*n（已有）' },
  { id: 'alternate_m', group: '协同', label: '交替（两手交替动）', re: /交替(?!点动|弯动)/g, notation: 'rel: alternate（已有）' },
  { id: 'manner_fast', group: '方式', label: '快速/迅速/猛然/用力（力度/速度）', re: /快速|迅速|猛然|猛地|突然|用力|使劲|急速/g, notation: 'MISSING：速度/力度' },
  { id: 'manner_slow', group: '方式', label: '缓慢/慢慢/轻轻/轻（力度/速度）', re: /缓慢|慢慢|轻轻|轻(?!松)|徐徐|逐渐|渐渐/g, notation: 'MISSING：速度/力度' },
  { id: 'size', group: '方式', label: '幅度大/小、少许、微（幅度）', re: /幅度|少许|微(?:动|移|转|晃|抖|弯)|大范围/g, notation: 'size s/m/l（部分）' },
  { id: 'contact_hold', group: '接触', label: '停住/停顿/不动（保持）', re: /停住|停顿|停留|静止/g, notation: 'hold（已有）' },
  { id: 'insert_m', group: '接触', label: '插入/伸入/钻/穿过（进入另一手）', re: /插入|伸入|钻|穿过|穿入/g, notation: 'MISSING' }
]

// ═════════════════════════════════════════════════════════════ absolute sides (g)

/**
 * 左/右 as a side of the body (not 左手/右手 as the hand). Arms are left out: 左臂 is always the
 * non-dominant arm, which the notation already writes as `c`.
 */
export const SIDE_MOVE_RE = /(?:头|脸|身体|上身|身|眼睛|双眼|眼|目光|视线)(?:的)?(?:微|稍|略|同时|随之|再)?(?:偏向|转向|歪向|侧向|倾向|偏|歪|转|侧|倾|向|朝)(?:向)?[左右](?!右)(?:侧|边|方|前方|上方|斜视|斜上方)?/g
export const SIDE_PLACE_RE = /(?:头|脸|身体|身)?(?:的)?[左右](?![右手拳臂肘腕])(?:胸部|胸前|胸|肩|脸颊|耳|眼|太阳穴|腰部|腰|胯|臀|腿|膝|脚|额|鼻孔|嘴角|颊|腋)|(?:头|脸|身体)(?:的)?[左右](?:侧|边|上方|前方|下方|后方)/g

export type SideKind = 'head/body/gaze direction' | 'place, hand not fixed' | 'place, hand fixed (i/c)'
export function sideKind (move: boolean, c: Clause): SideKind {
  if (move) return 'head/body/gaze direction'
  const h = c.hand
  return h === 'one' || h === 'both' || h === 'other' || h === null ? 'place, hand not fixed' : 'place, hand fixed (i/c)'
}
/** Clauses that explain or compare (表示…, 如…状, 仿…) name body parts and actions that are not made. */
export const EXPLAIN_RE = /^(?:表示|如(?!果)|仿(?!“)|模仿|象征|意为|意思|也用于|此手势|此为|可根据|借代|代表|与“|以此类推)|状$/
