// The ids only (handshape-forms.ts): the parser carries none of the handshapes' Chinese texts.
import { HANDSHAPE_IDS, getHandshapeForm } from './handshape-forms'
import { HAND_SITE_PREFIX, SITE_IDS, getSite } from './sites'
import type { NotationSource } from './dictionary'
import { makeIssue } from './errors'
import { suggest } from './suggest'
import {
  NOTATION_VERSION,
  type Dir,
  type Distance,
  type Covers,
  type Expression,
  type Finger,
  type HandPart,
  type HandSpec,
  type Location,
  type Movement,
  type NonManual,
  type NotationContext,
  type NotationIssue,
  type Orientation,
  type Side,
  type SignNotation,
  type Size,
  type TwoHandRelation
} from './types'

/**
 * Parser and validator of the sign notation (docs/notation.md, format version 2). Input is
 * untrusted text: every function returns either a typed value or a list of issues, never throws,
 * and bounds its work (line length, nesting, repeat counts).
 */

/** Characters; a real hand line is < 120. Bounds the work spent on garbage. */
export const MAX_LINE_LENGTH = 1000
/** Bracket nesting depth; real signs use 1. Bounds recursion. */
export const MAX_GROUP_DEPTH = 4
/** `*n` upper bound: more repetitions are a typo, and the timeline would grow without limit. */
export const MAX_REPEAT = 10
/** Seconds; `hold(s)` upper bound. A longer hold is a typo (the player has its own pause). */
export const MAX_HOLD_S = 5
/** Seconds; `hold` without an argument (docs/notation.md). */
export const DEFAULT_HOLD_S = 0.3

export const MOVEMENT_NAMES = [
  'line', 'arc', 'circle', 'zigzag', 'wave', 'twist', 'bend', 'wiggle', 'flex', 'rub', 'trill', 'squeeze', 'shape',
  'tap', 'brush', 'to', 'orient', 'hold', 'fast', 'slow'
] as const

/** The parts of the moving hand a location may name (docs/notation.md, Location). */
export const HAND_PARTS: readonly HandPart[] = [
  'tips', 'pads', 'finger', 'thumb_tip', 'index_tip', 'middle_tip', 'pinky_tip', 'index_side', 'pinky_side',
  'palm', 'back', 'heel', 'wrist', 'knuckles', 'grip', 'hook', 'interlock'
]

/** The fingers a `flex` movement may name, thumb first. */
export const FINGER_NAMES: readonly Finger[] = ['thumb', 'index', 'middle', 'ring', 'pinky']

/** What a sign's hand may cover by design (`covers:`). */
export const COVERS: readonly Covers[] = ['eyes', 'mouth', 'face']

export const RELATIONS: readonly TwoHandRelation[] = ['one', 'mirror', 'parallel', 'alternate', 'chase', 'base', 'two']
export const SIZES: readonly Size[] = ['s', 'm', 'l']
export const DISTANCES: readonly Distance[] = ['touch', 'close', 'near', 'far']

export const FACE_VALUES = {
  brows: ['raise', 'furrow', 'sad'],
  eyes: ['closed', 'squint', 'wide', 'blink'],
  gaze: ['front', 'hand', 'up', 'down', 'far', 'i', 'c', 'L', 'R'],
  head: ['nod', 'shake', 'tilt', 'tilt.c', 'tilt.L', 'tilt.R', 'down', 'up', 'forward', 'back', 'turn.i', 'turn.c', 'turn.L', 'turn.R'],
  body: ['forward', 'back', 'lean.i', 'lean.c', 'lean.L', 'lean.R', 'turn.i', 'turn.c', 'turn.L', 'turn.R', 'chest', 'hunch', 'sway'],
  shoulders: ['raise', 'shrug'],
  mouth: ['open', 'o', 'pursed', 'smile', 'frown', 'puff', 'closed', 'blow', 'tongue', 'bite', 'say'],
  nose: ['wrinkle'],
  expr: [
    '疑问', '高兴', '难过', '惊讶', '生气', '否定', '思考', '难受', '坚毅', '严肃', '怜爱', '凶恶', '害怕', '不满', '厌恶',
    '痛苦', '怀疑', '焦急', '疲劳', '紧张', '得意', '失望', '期待', '满意', '轻松', '傲慢', '羡慕', '愧疚'
  ] as Expression[]
} as const
const FACE_KEYS = Object.keys(FACE_VALUES) as Array<keyof typeof FACE_VALUES>

/** `{ ok: true, <key>: value }` or every issue found. */
export type ParseResult<K extends string, T> = ({ ok: true } & { [P in K]: T }) | { ok: false; issues: NotationIssue[] }
type Result<K extends string, T> = ParseResult<K, T>

/** Collects issues for one field of one entry. */
class Sink {
  readonly issues: NotationIssue[] = []
  constructor (readonly ctx: NotationContext, readonly field: string) {}
  add (value: string, message: string, suggestion?: string): void {
    this.issues.push(makeIssue(this.ctx, this.field, value, message, suggestion))
  }
}

// ───────────────────────── directions ─────────────────────────

const DIR_LETTERS = 'udfbicLR'
/** Canonical order: vertical, sagittal, lateral (i/c relative, L/R absolute). */
const AXIS_OF: Readonly<Record<string, number>> = { u: 0, d: 0, f: 1, b: 1, i: 2, c: 2, L: 2, R: 2 }

/** Parses a direction ('u', 'fu', 'dci', 'uL'); returns it in canonical order u/d, f/b, lateral. */
function parseDir (raw: string, sink: Sink, what: string): Dir | undefined {
  const s = raw.trim()
  if (s.length === 0) {
    sink.add(raw, `缺少${what}方向（u 上 d 下 f 前 b 后 i 同侧 c 对侧，L 身体左侧 R 身体右侧）`)
    return undefined
  }
  // Letters are case-sensitive: i c u d f b lower case, L R upper case.
  const fixed = [...s].map(ch => 'udfbic'.includes(ch.toLowerCase()) ? ch.toLowerCase() : ch.toUpperCase()).join('')
  if (s.length > 3 || [...fixed].some(ch => !DIR_LETTERS.includes(ch))) {
    const hint = fixed.length <= 3 && [...fixed].every(ch => DIR_LETTERS.includes(ch)) ? fixed : undefined
    sink.add(raw, `${what}方向只能由 1–3 个 u d f b i c L R 组成`, hint)
    return undefined
  }
  if (s !== fixed) {
    sink.add(raw, `${what}方向中 u d f b i c 用小写、L R 用大写`, fixed)
    return undefined
  }
  const byAxis: Array<string | undefined> = [undefined, undefined, undefined]
  for (const ch of s) {
    const axis = AXIS_OF[ch]
    const prev = byAxis[axis]
    if (prev !== undefined) {
      sink.add(raw, prev === ch
        ? `${what}方向中“${ch}”重复`
        : `${what}方向中“${prev}”与“${ch}”相反，不能组合`)
      return undefined
    }
    byAxis[axis] = ch
  }
  return byAxis.filter((c): c is string => c !== undefined).join('')
}

function dirVector (d: Dir): [number, number, number] {
  const v: [number, number, number] = [0, 0, 0]
  for (const ch of d) {
    // For the parallel check L/R count as i/c: a lateral direction either way.
    v[AXIS_OF[ch]] = ch === 'u' || ch === 'f' || ch === 'i' || ch === 'L' ? 1 : -1
  }
  const len = Math.hypot(v[0], v[1], v[2])
  return [v[0] / len, v[1] / len, v[2] / len]
}

/** True when two directions are the same or opposite (a finger cannot point where the palm faces). */
function parallelDirs (a: Dir, b: Dir): boolean {
  const x = dirVector(a)
  const y = dirVector(b)
  return Math.abs(x[0] * y[0] + x[1] * y[1] + x[2] * y[2]) > 0.99
}

// ───────────────────────── names ─────────────────────────

function parseHandshapeName (raw: string, sink: Sink): string | undefined {
  if (getHandshapeForm(raw)) return raw
  sink.add(raw, '未知手形', suggest(raw, HANDSHAPE_IDS))
  return undefined
}

function parseSize (raw: string, sink: Sink, what: string): Size | undefined {
  const s = raw.trim()
  if ((SIZES as readonly string[]).includes(s)) return s as Size
  sink.add(raw, `${what}大小只能是 s、m、l`, suggest(s, SIZES))
  return undefined
}

// ───────────────────────── location ─────────────────────────

/** `@site[.side][~distance][:part]`; the '@' is optional inside tap(…) / to(…). */
function parseLocation (raw: string, sink: Sink): Location | undefined {
  let s = raw.trim()
  if (s.startsWith('@')) s = s.slice(1)
  if (s.length === 0) {
    sink.add(raw, '缺少位置（@ 后面要写部位，如 @chin）')
    return undefined
  }
  let partRaw: string | undefined
  const colon = s.indexOf(':')
  if (colon >= 0) {
    partRaw = s.slice(colon + 1)
    s = s.slice(0, colon)
  }
  let distRaw: string | undefined
  const tilde = s.indexOf('~')
  if (tilde >= 0) {
    distRaw = s.slice(tilde + 1)
    s = s.slice(0, tilde)
  }
  let siteRaw = s
  let sideRaw: string | undefined
  const isHand = s.startsWith(HAND_SITE_PREFIX) || s.toLowerCase().startsWith(HAND_SITE_PREFIX.toLowerCase())
  const dot = s.indexOf('.', isHand ? HAND_SITE_PREFIX.length : 0)
  if (dot >= 0) {
    siteRaw = s.slice(0, dot)
    sideRaw = s.slice(dot + 1)
  }
  let ok = true
  const def = getSite(siteRaw)
  if (!def) {
    sink.add(siteRaw, '未知位置', suggest(siteRaw, SITE_IDS))
    ok = false
  }
  const loc: Location = { site: siteRaw }
  if (sideRaw !== undefined) {
    if (!['i', 'c', 'm', 'L', 'R'].includes(sideRaw)) {
      sink.add(sideRaw, '位置的侧别只能是 i（同侧）、c（对侧）、m（正中）、L（身体左侧）、R（身体右侧）', suggest(sideRaw, ['i', 'c', 'm', 'L', 'R']))
      ok = false
    } else if (def) {
      const side = sideRaw as Side
      if (def.region === 'hand') {
        sink.add(`${siteRaw}.${sideRaw}`, '另一只手上的位置不分侧别')
        ok = false
      } else if (!def.paired) {
        // Space and midline body sites: a lateral offset (docs/notation.md).
        loc.side = side
      } else if (side === 'm') {
        sink.add(`${siteRaw}.${sideRaw}`, `成对的部位“${siteRaw}”只能写 .i、.c、.L 或 .R`)
        ok = false
      } else {
        loc.side = side
      }
    }
  }
  if (distRaw !== undefined) {
    if ((DISTANCES as readonly string[]).includes(distRaw)) {
      loc.distance = distRaw as Distance
    } else {
      sink.add(distRaw, '距离只能是 touch、close、near、far', suggest(distRaw, DISTANCES))
      ok = false
    }
  }
  if (partRaw !== undefined) {
    if ((HAND_PARTS as readonly string[]).includes(partRaw)) {
      loc.part = partRaw as HandPart
      if ((partRaw === 'grip' || partRaw === 'hook' || partRaw === 'interlock') && def && def.region !== 'hand' && def.region !== 'arm') {
        sink.add(`${siteRaw}:${partRaw}`, `“${partRaw}”（握、钩、插指）只能用在另一只手或手臂上`)
        ok = false
      }
    } else {
      sink.add(partRaw, '未知的手部位（如 tips 指尖、palm 掌心、back 手背、index_side 食指侧、pinky_side 小指侧）', suggest(partRaw, HAND_PARTS))
      ok = false
    }
  }
  return ok ? loc : undefined
}

// ───────────────────────── orientation ─────────────────────────

/** Reads `f:<dir>` / `p:<dir>` tokens (either order) into an orientation. */
function parseOrientTokens (tokens: string[], sink: Sink, whole: string): Orientation | undefined {
  let finger: Dir | undefined
  let palm: Dir | undefined
  let fSeen = false
  let pSeen = false
  let ok = true
  const unknown: string[] = []
  for (const t of tokens) {
    const m = /^([A-Za-z]+):(.*)$/.exec(t)
    const key = m ? m[1] : ''
    if (m && (key === 'f' || key === 'p')) {
      if ((key === 'f' && fSeen) || (key === 'p' && pSeen)) {
        sink.add(t, `朝向“${key}:”写了两次`)
        ok = false
        continue
      }
      const d = parseDir(m[2], sink, key === 'f' ? '手指' : '掌心')
      if (key === 'f') { fSeen = true; finger = d } else { pSeen = true; palm = d }
      if (d === undefined) ok = false
    } else {
      unknown.push(t)
    }
  }
  for (const t of unknown) {
    // 'q:c' next to a present 'f:' is most likely the missing 'p:'.
    const m = /^[A-Za-z]+:(.*)$/.exec(t)
    const missing = !fSeen && pSeen ? 'f' : fSeen && !pSeen ? 'p' : undefined
    sink.add(t, '朝向要写成 f:<方向> p:<方向>', m && missing ? `${missing}:${m[1]}` : undefined)
    ok = false
  }
  if (!fSeen) { sink.add(whole, '缺少手指方向 f:<方向>'); ok = false }
  if (!pSeen) { sink.add(whole, '缺少掌心方向 p:<方向>'); ok = false }
  if (!ok || finger === undefined || palm === undefined) return undefined
  if (parallelDirs(finger, palm)) {
    sink.add(`f:${finger} p:${palm}`, '手指方向与掌心方向不能相同或相反')
    return undefined
  }
  return { finger, palm }
}

// ───────────────────────── movements ─────────────────────────

class MoveParser {
  private pos = 0
  /** Set once the structure is broken; parsing stops (semantic errors keep going). */
  private broken = false

  constructor (private readonly src: string, private readonly sink: Sink) {}

  parseAll (): Movement[] {
    const items = this.seq(0)
    if (!this.broken && this.pos < this.src.length) {
      this.fail(this.src.slice(this.pos), this.src[this.pos] === ']' ? '多余的“]”' : '无法识别的动作写法')
    }
    return items
  }

  private fail (value: string, message: string, suggestion?: string): void {
    this.sink.add(value, message, suggestion)
    this.broken = true
  }

  private skipSpace (): void {
    while (this.pos < this.src.length && /\s/.test(this.src[this.pos])) this.pos++
  }

  private peek (): string {
    return this.src[this.pos] ?? ''
  }

  /** Items until the end or a ']' (not consumed). */
  private seq (depth: number): Movement[] {
    const out: Movement[] = []
    for (;;) {
      this.skipSpace()
      if (this.broken || this.pos >= this.src.length || this.peek() === ']') return out
      const at = this.pos
      const item = this.par(depth)
      if (this.broken) return out
      if (item === null) continue
      if (item.kind === 'manner' || (item.kind === 'repeat' && item.items.some(i => i.kind === 'manner'))) {
        this.sink.add(this.src.slice(at, this.pos).trim(), 'fast、slow 要用“+”连在它修饰的动作上，如 line(f)+fast')
        continue
      }
      // A bare group in a sequence is just its items.
      if (item.kind === 'repeat' && item.times === 1) out.push(...item.items)
      else out.push(item)
    }
  }

  /** a+b+c; null when an item was invalid (already reported). */
  private par (depth: number): Movement | null {
    const items: Array<Movement | null> = [this.rep(depth)]
    for (;;) {
      if (this.broken) return null
      const save = this.pos
      this.skipSpace()
      if (this.peek() !== '+') { this.pos = save; break }
      this.pos++
      this.skipSpace()
      if (this.pos >= this.src.length || this.peek() === ']') {
        this.fail('+', '“+”后面缺少同时进行的动作')
        return null
      }
      items.push(this.rep(depth))
    }
    if (items.some(i => i === null)) return null
    const ok = items as Movement[]
    if (ok.length > 1 && ok.every(i => i.kind === 'manner')) {
      this.sink.add(ok.map(() => '…').join('+'), 'fast、slow 要修饰一个动作，如 line(f)+fast')
      return null
    }
    return ok.length === 1 ? ok[0] : { kind: 'par', items: ok }
  }

  /** primary [*n] */
  private rep (depth: number): Movement | null {
    const prim = this.primary(depth)
    if (this.broken) return null
    const save = this.pos
    this.skipSpace()
    if (this.peek() !== '*') { this.pos = save; return prim }
    this.pos++
    const start = this.pos
    while (/[0-9]/.test(this.peek())) this.pos++
    const digits = this.src.slice(start, this.pos)
    if (digits.length === 0) {
      const rest = /^\S*/.exec(this.src.slice(start))?.[0] ?? ''
      this.fail(`*${rest}`, '“*”后面要写重复次数，如 *2')
      return null
    }
    const n = digits.length > 3 ? Infinity : Number(digits)
    if (n < 2 || n > MAX_REPEAT) {
      this.sink.add(`*${digits}`, `重复次数要在 2 到 ${MAX_REPEAT} 之间`)
      return null
    }
    if (prim === null) return null
    const items = prim.kind === 'repeat' && prim.times === 1 ? prim.items : [prim]
    return { kind: 'repeat', times: n, items }
  }

  private primary (depth: number): Movement | null {
    this.skipSpace()
    const ch = this.peek()
    if (ch === '[') {
      if (depth >= MAX_GROUP_DEPTH) {
        this.fail('[', `方括号最多嵌套 ${MAX_GROUP_DEPTH} 层`)
        return null
      }
      const open = this.pos
      this.pos++
      const items = this.seq(depth + 1)
      if (this.broken) return null
      if (this.peek() !== ']') {
        this.fail(this.src.slice(open), '方括号没有闭合，缺少“]”')
        return null
      }
      this.pos++
      if (items.length === 0) {
        this.sink.add('[]', '方括号里没有动作')
        return null
      }
      return { kind: 'repeat', times: 1, items }
    }
    const start = this.pos
    while (/[A-Za-z0-9_]/.test(this.peek())) this.pos++
    const name = this.src.slice(start, this.pos)
    if (name.length === 0) {
      const bad = /^[^\s[\]()+*]*/.exec(this.src.slice(start))?.[0] || this.peek()
      this.fail(bad, '无法识别的动作写法')
      return null
    }
    let args: string | undefined
    if (this.peek() === '(') {
      const close = this.src.indexOf(')', this.pos)
      const nextOpen = this.src.indexOf('(', this.pos + 1)
      if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
        this.fail(this.src.slice(start), '圆括号没有闭合，缺少“)”')
        return null
      }
      args = this.src.slice(this.pos + 1, close)
      this.pos = close + 1
    }
    const next = this.peek()
    if (next !== '' && !/[\s+*\]]/.test(next)) {
      const bad = /^\S*/.exec(this.src.slice(start))?.[0] ?? name
      this.fail(bad, '动作之间要用空格分开')
      return null
    }
    return movement(name, args, this.sink)
  }
}

function splitArgs (args: string): string[] {
  return args.split(',').map(a => a.trim())
}

/** Builds one movement item from its name and raw argument text; null after reporting. */
function movement (name: string, args: string | undefined, sink: Sink): Movement | null {
  const written = args === undefined ? name : `${name}(${args})`
  const a = args === undefined ? [] : splitArgs(args)
  const noArgs = args === undefined || args.trim() === ''
  const argCount = (min: number, max: number, usage: string): boolean => {
    const n = noArgs ? 0 : a.length
    if (n < min || n > max) {
      sink.add(written, `参数个数不对，应写作 ${usage}`)
      return false
    }
    return true
  }
  switch (name) {
    case 'line':
    case 'zigzag':
    case 'wave':
    case 'brush': {
      const usage = name === 'brush' ? 'brush(方向)' : `${name}(方向[,大小])`
      if (!argCount(1, name === 'brush' ? 1 : 2, usage)) return null
      const dir = parseDir(a[0], sink, '动作')
      const size = a.length > 1 ? parseSize(a[1], sink, '动作') : 'm'
      if (dir === undefined || size === undefined) return null
      if (name === 'brush') return { kind: 'brush', dir }
      if (name === 'line') return { kind: 'line', dir, size }
      return { kind: name, dir, size }
    }
    case 'arc': {
      if (!argCount(2, 3, 'arc(方向,鼓出方向[,大小])')) return null
      const dir = parseDir(a[0], sink, '动作')
      const bulge = parseDir(a[1], sink, '弧线鼓出')
      const size = a.length > 2 ? parseSize(a[2], sink, '动作') : 'm'
      if (dir === undefined || bulge === undefined || size === undefined) return null
      if (parallelDirs(dir, bulge)) {
        sink.add(written, '弧线的鼓出方向不能与前进方向相同或相反')
        return null
      }
      return { kind: 'arc', dir, bulge, size }
    }
    case 'circle': {
      if (!argCount(2, 3, 'circle(平面 v/h/s,cw/ccw[,大小或 H])')) return null
      let ok = true
      const plane = a[0]
      if (plane !== 'v' && plane !== 'h' && plane !== 's') {
        sink.add(plane, '画圈的平面只能是 v（竖直，面对看的人）、h（水平）、s（侧面）', suggest(plane, ['v', 'h', 's']))
        ok = false
      }
      const turn = a[1]
      if (turn !== 'cw' && turn !== 'ccw') {
        sink.add(turn, '画圈方向只能是 cw（顺时针）或 ccw（逆时针）', suggest(turn, ['cw', 'ccw']))
        ok = false
      }
      // `H` for the size: round the other hand (绕左手转动: 社会 卫星), the radius taken from the hands.
      const round = a[2] === 'H'
      const size = a.length > 2 && !round ? parseSize(a[2], sink, '画圈') : 'm'
      if (!ok || size === undefined) return null
      const c: Extract<Movement, { kind: 'circle' }> = { kind: 'circle', plane: plane as 'v' | 'h' | 's', clockwise: turn === 'cw', size }
      if (round) c.round = true
      return c
    }
    case 'twist': {
      if (!argCount(1, 1, 'twist(in|out)')) return null
      if (a[0] !== 'in' && a[0] !== 'out') {
        sink.add(a[0], '转腕方向只能是 in 或 out', suggest(a[0], ['in', 'out']))
        return null
      }
      return { kind: 'twist', inward: a[0] === 'in' }
    }
    case 'bend': {
      if (!argCount(1, 1, 'bend(方向)')) return null
      const dir = parseDir(a[0], sink, '弯腕')
      return dir === undefined ? null : { kind: 'bend', dir }
    }
    case 'flex': {
      if (!argCount(1, 5, 'flex(手指, …)')) return null
      const fingers: Finger[] = []
      for (const f of a) {
        if (!(FINGER_NAMES as readonly string[]).includes(f)) {
          sink.add(f, '弯动的手指只能是 thumb index middle ring pinky', suggest(f, FINGER_NAMES))
          return null
        }
        if (fingers.includes(f as Finger)) {
          sink.add(f, `手指 ${f} 写了两次`)
          return null
        }
        fingers.push(f as Finger)
      }
      return { kind: 'flex', fingers }
    }
    case 'wiggle':
    case 'rub':
    case 'trill':
    case 'squeeze':
      if (!argCount(0, 0, name)) return null
      return { kind: name }
    case 'fast':
    case 'slow':
      if (!argCount(0, 0, name)) return null
      return { kind: 'manner', fast: name === 'fast' }
    case 'shape': {
      if (!argCount(1, 1, 'shape(手形)')) return null
      const hs = parseHandshapeName(a[0], sink)
      return hs === undefined ? null : { kind: 'shape', handshape: hs }
    }
    case 'tap': {
      if (noArgs) return { kind: 'tap' }
      if (!argCount(1, 1, 'tap 或 tap(@位置)')) return null
      const at = parseLocation(a[0], sink)
      return at === undefined ? null : { kind: 'tap', at }
    }
    case 'to': {
      if (!argCount(1, 1, 'to(@位置)')) return null
      const at = parseLocation(a[0], sink)
      return at === undefined ? null : { kind: 'to', at }
    }
    case 'orient': {
      if (noArgs) {
        sink.add(written, '参数个数不对，应写作 orient(f:方向 p:方向)')
        return null
      }
      const tokens = (args ?? '').split(/[\s,]+/).filter(t => t.length > 0)
      const orient = parseOrientTokens(tokens, sink, written)
      return orient === undefined ? null : { kind: 'orient', orient }
    }
    case 'hold': {
      if (noArgs) return { kind: 'hold', seconds: DEFAULT_HOLD_S }
      if (!argCount(1, 1, 'hold 或 hold(秒数)')) return null
      const s = a[0]
      const secs = /^[0-9]+(\.[0-9]+)?$/.test(s) || /^\.[0-9]+$/.test(s) ? Number(s) : NaN
      if (!(secs > 0 && secs <= MAX_HOLD_S)) {
        sink.add(s, `停顿秒数要大于 0、不超过 ${MAX_HOLD_S}`)
        return null
      }
      return { kind: 'hold', seconds: secs }
    }
    default:
      sink.add(name, '未知动作', suggest(name, MOVEMENT_NAMES))
      return null
  }
}

// ───────────────────────── public API ─────────────────────────

function checkString (src: unknown, sink: Sink, what: string): src is string {
  if (typeof src !== 'string') {
    sink.add(String(src), `${what}必须是文字`)
    return false
  }
  if (src.length > MAX_LINE_LENGTH) {
    sink.add(src, `${what}太长（超过 ${MAX_LINE_LENGTH} 个字符）`)
    return false
  }
  return true
}

/**
 * One hand line: `<handshape> f:<dir> p:<dir> @<location> [; <movement> ...]`.
 * `field` is the source key ('dom' or 'nondom') named in issues.
 */
export function parseHand (src: string, field: string, ctx: NotationContext): Result<'hand', HandSpec> {
  const sink = new Sink(ctx, field)
  if (!checkString(src, sink, '手的转写')) return { ok: false, issues: sink.issues }
  const semi = src.indexOf(';')
  const head = semi >= 0 ? src.slice(0, semi) : src
  const tail = semi >= 0 ? src.slice(semi + 1) : ''
  const tokens = head.split(/\s+/).filter(t => t.length > 0)
  if (tokens.length === 0) {
    sink.add(src, '缺少手形、朝向和位置（如 “A f:u p:c @neutral”）')
    return { ok: false, issues: sink.issues }
  }

  let handshape: string | undefined
  let rest = tokens
  const first = tokens[0]
  if (/^[fp]:/.test(first) || first.startsWith('@')) {
    sink.add(first, '第一个词应是手形（如 A、flat、5）')
  } else {
    handshape = parseHandshapeName(first, sink)
    rest = tokens.slice(1)
  }

  const orientTokens: string[] = []
  const locTokens: string[] = []
  for (const t of rest) {
    if (t.startsWith('@')) locTokens.push(t)
    else orientTokens.push(t)
  }
  const orient = parseOrientTokens(orientTokens, sink, head.trim())

  let loc: Location | undefined
  if (locTokens.length === 0) {
    sink.add(head.trim(), '缺少位置（如 @neutral、@chin）')
  } else if (locTokens.length > 1) {
    sink.add(locTokens.join(' '), '位置只能写一个；移动到别处请用 to(@位置)')
  } else {
    loc = parseLocation(locTokens[0], sink)
  }

  let moves: Movement[] = []
  if (semi >= 0) {
    if (tail.includes(';')) {
      sink.add(tail, '一行只能有一个“;”')
    } else if (tail.trim().length === 0) {
      sink.add(src, '“;”后面缺少动作')
    } else {
      moves = new MoveParser(tail, sink).parseAll()
    }
  }

  if (sink.issues.length > 0 || handshape === undefined || orient === undefined || loc === undefined) {
    return { ok: false, issues: sink.issues }
  }
  return { ok: true, hand: { handshape, orient, loc, moves } }
}

/** `face: key=value ...` — keys brows, eyes, gaze, head, body, shoulders, mouth, nose, expr. */
export function parseFace (src: string, ctx: NotationContext): Result<'face', NonManual> {
  const sink = new Sink(ctx, 'face')
  if (!checkString(src, sink, '表情转写')) return { ok: false, issues: sink.issues }
  const tokens = src.split(/\s+/).filter(t => t.length > 0)
  if (tokens.length === 0) {
    sink.add(src, 'face 行是空的；不需要表情就删掉这一行')
    return { ok: false, issues: sink.issues }
  }
  const face: Record<string, string> = {}
  for (const t of tokens) {
    const eq = t.indexOf('=')
    if (eq <= 0 || eq === t.length - 1) {
      sink.add(t, '表情要写成 键=值（如 brows=raise）')
      continue
    }
    const key = t.slice(0, eq)
    const value = t.slice(eq + 1)
    if (!(FACE_KEYS as readonly string[]).includes(key)) {
      sink.add(key, `未知的表情项（可用 ${FACE_KEYS.join(' ')}）`, suggest(key, FACE_KEYS))
      continue
    }
    if (face[key] !== undefined) {
      sink.add(t, `表情项“${key}”写了两次`)
      continue
    }
    const allowed = FACE_VALUES[key as keyof typeof FACE_VALUES] as readonly string[]
    if (!allowed.includes(value)) {
      sink.add(value, `“${key}”的值只能是 ${allowed.join('、')}`, suggest(value, allowed))
      continue
    }
    face[key] = value
  }
  if (sink.issues.length > 0) return { ok: false, issues: sink.issues }
  return { ok: true, face: face as NonManual }
}

const hasCircle = (ms: Movement[]): boolean => ms.some(m => m.kind === 'circle' || ((m.kind === 'par' || m.kind === 'repeat') && hasCircle(m.items)))

const onOtherHand = (l: Location | undefined): boolean => l !== undefined && l.site.startsWith(HAND_SITE_PREFIX)

function usesOtherHand (hand: HandSpec): boolean {
  const onHand = onOtherHand
  const walk = (ms: Movement[]): boolean => ms.some(m =>
    ((m.kind === 'tap' || m.kind === 'to') && onHand(m.at)) ||
    ((m.kind === 'par' || m.kind === 'repeat') && walk(m.items)))
  return onHand(hand.loc) || walk(hand.moves)
}

/**
 * A simple (non-compound) sign from the notation fields of an entry. Compounds are expanded by
 * the caller (each part is an entry of its own). Reports every issue, not just the first.
 */
export function parseSignNotation (src: NotationSource, ctx: NotationContext): Result<'sign', SignNotation> {
  const issues: NotationIssue[] = []
  if (src === null || typeof src !== 'object') {
    return { ok: false, issues: [makeIssue(ctx, 'dom', String(src), '缺少手语转写')] }
  }
  const has = (v: unknown): boolean => v !== undefined && v !== null

  if (has(src.compound)) {
    const value = Array.isArray(src.compound) ? src.compound.join(' ') : String(src.compound)
    issues.push(has(src.dom)
      ? makeIssue(ctx, 'compound', value, 'compound 与 dom 不能同时写：复合词的每一部分是单独的词条')
      : makeIssue(ctx, 'compound', value, '复合词要由调用方按 id 展开后逐个解析，parseSignNotation 只解析单个手势'))
    return { ok: false, issues }
  }

  let rel: TwoHandRelation = 'one'
  let relOk = true
  if (has(src.rel)) {
    const r = typeof src.rel === 'string' ? src.rel.trim() : String(src.rel)
    if ((RELATIONS as readonly string[]).includes(r)) {
      rel = r as TwoHandRelation
    } else {
      issues.push(makeIssue(ctx, 'rel', r, '未知的双手关系（可用 one mirror parallel alternate chase base two）', suggest(r, RELATIONS)))
      relOk = false
    }
  }

  let dom: HandSpec | undefined
  if (!has(src.dom)) {
    issues.push(makeIssue(ctx, 'dom', '', '缺少 dom（主手）一行'))
  } else {
    const r = parseHand(src.dom as string, 'dom', ctx)
    if (r.ok) dom = r.hand
    else issues.push(...r.issues)
  }

  let nondom: HandSpec | undefined
  if (has(src.nondom)) {
    if (relOk && rel === 'one') {
      issues.push(makeIssue(ctx, 'nondom', String(src.nondom),
        has(src.rel) ? 'rel: one 是单手手势，不能写 nondom' : '写了 nondom 就要写 rel（base、two、mirror、parallel 或 alternate）'))
    } else {
      const r = parseHand(src.nondom as string, 'nondom', ctx)
      if (r.ok) nondom = r.hand
      else issues.push(...r.issues)
    }
  } else if (relOk && (rel === 'base' || rel === 'two')) {
    issues.push(makeIssue(ctx, 'nondom', '', `rel: ${rel} 需要 nondom（辅手）一行`))
  }

  if (dom && relOk && rel === 'one' && usesOtherHand(dom)) {
    issues.push(makeIssue(ctx, 'dom', String(src.dom), '单手手势不能以另一只手（H.…）为位置；请写 rel: base 和 nondom'))
  }
  // Hand-swap (洲): the left hand may go onto the right (rel: two), but one hand has to be in place
  // first: two hands each placed on the other have nothing to stand on.
  if (dom && nondom && onOtherHand(dom.loc) && onOtherHand(nondom.loc)) {
    issues.push(makeIssue(ctx, 'nondom', String(src.nondom), '两只手不能都以对方为起始位置：先放好一只手（写身体或空间位置），另一只手再放在它上面'))
  }
  // A circle round the other hand (`circle(…,H)`) is centred on the dominant hand's start site on
  // it, so it is that hand's first movement and the start is on the other hand.
  const rounds = (ms: Movement[]): number => ms.reduce((n, m) => n + (m.kind === 'circle' && m.round ? 1 : m.kind === 'par' || m.kind === 'repeat' ? rounds(m.items) : 0), 0)
  for (const [f, hand] of [['dom', dom], ['nondom', nondom]] as const) {
    if (hand && rounds(hand.moves) > (f === 'dom' && onOtherHand(hand.loc) ? rounds(hand.moves.slice(0, 1)) : 0)) issues.push(makeIssue(ctx, f, String(src[f]), 'circle(…,H)（绕另一只手转）只能是主手的第一个动作，且主手起始位置在另一只手上（H.…）'))
  }
  // Chase (交流): the left hand is the right hand's circle turned half a turn about its centre, so
  // it is derived (no nondom line) and there has to be a circle to go round.
  if (relOk && rel === 'chase') {
    if (nondom) issues.push(makeIssue(ctx, 'nondom', String(src.nondom), 'rel: chase 的左手由右手推出（同一个圈上转半圈的位置），不写 nondom'))
    if (dom && !hasCircle(dom.moves)) issues.push(makeIssue(ctx, 'rel', rel, 'rel: chase 是两手在同一个圈上一前一后地转，dom 的动作里要有 circle(…)'))
  }
  // Role-swap (约会): with a derived left hand only rel: alternate may reach the other hand (each
  // hand in turn, the other standing as the base); mirrored or parallel hands would both go for
  // the other at once, and a start on the other hand has no hand under it.
  if (dom && !nondom && relOk && rel !== 'one' && rel !== 'base' && rel !== 'two' && usesOtherHand(dom)) {
    if (onOtherHand(dom.loc)) issues.push(makeIssue(ctx, 'dom', String(src.dom), `rel: ${rel} 的两只手同时就位，起始位置不能在另一只手上；请写 rel: base 和 nondom`))
    else if (rel !== 'alternate') issues.push(makeIssue(ctx, 'rel', rel, `rel: ${rel} 的两只手同时动作，不能同时去碰对方；两手轮流拍对方请写 rel: alternate`, 'alternate'))
  }

  let face: NonManual = {}
  if (has(src.face)) {
    const r = parseFace(src.face as string, ctx)
    if (r.ok) face = r.face
    else issues.push(...r.issues)
  }

  let covers: Covers | undefined
  if (has(src.covers)) {
    const c = typeof src.covers === 'string' ? src.covers.trim() : String(src.covers)
    if ((COVERS as readonly string[]).includes(c)) covers = c as Covers
    else issues.push(makeIssue(ctx, 'covers', c, 'covers 只能是 eyes（眼）、mouth（嘴）或 face（脸）', suggest(c, COVERS)))
  }

  if (issues.length > 0 || dom === undefined) return { ok: false, issues }
  const sign: SignNotation = { version: NOTATION_VERSION, rel, dom, face }
  if (nondom) sign.nondom = nondom
  if (covers) sign.covers = covers
  return { ok: true, sign }
}

/** Alias used in docs/notation.md. */
export const parseSign = parseSignNotation

/**
 * Parses a movement list on its own (the part after ';'), e.g. the movement docs/notation.md
 * writes for a letter (its parsed form is in handshape-forms.ts; a test compares the two).
 */
export function parseMovements (src: string, field: string, ctx: NotationContext): Result<'moves', Movement[]> {
  const sink = new Sink(ctx, field)
  if (!checkString(src, sink, '动作转写')) return { ok: false, issues: sink.issues }
  const moves = new MoveParser(src, sink).parseAll()
  if (sink.issues.length > 0) return { ok: false, issues: sink.issues }
  return { ok: true, moves }
}
