/**
 * Description → notation version 2, as a draft for a person to correct (docs/transcription.md).
 *
 * The survey grammar (scripts/reference/grammar.ts) cuts a description into parts, clauses and
 * hand segments and names each segment's handshape; this module reads the rest of each clause —
 * orientation words, places, movement words, counts, two-hand relations, non-manual phrases — and
 * writes the `rel:`/`dom:`/`nondom:`/`face:` lines of docs/notation.md. What it cannot decide it
 * says: `needs` (a lost symbol, a held object, a two-hand figure, air-writing …) and short hints in
 * our own words. It never copies description wording: every output string is built from the
 * notation's vocabulary.
 */
import {
  type ClauseResult, type Segment, type Subj, EXPLAIN_RE, FIXED, classify, clausesOf, ext, normLines, parseFset, pinch, segments
} from '../reference/grammar'
import { getHandshape } from '../../src/core/sign/handshapes'
import {
  BODY_SITES, CONTACT_PARTS, FACE_RULES, HAND_SITES, type HandRole, PAIRED, dirOf, dirWord, exprValue, fingersFrom, neg,
  orthogonalish, palmFrom, shapeId, vec
} from './vocab'

export type Rel = 'one' | 'mirror' | 'parallel' | 'alternate' | 'base' | 'two'

export interface HandDraft {
  shape: string
  f: string | null
  p: string | null
  /** direction the thumb side (虎口) faces, when said */
  t: string | null
  /** which orientation word set the posture (直立, 横伸 …) */
  posture: string | null
  site: string | null
  side: string
  dist: string
  part: string
  moves: string[]
  still: boolean
  said: boolean
}

export interface PartDraft {
  rel: Rel
  dom: HandDraft
  nondom: HandDraft | null
  face: Map<string, string>
  needs: Set<string>
  hints: string[]
}

const newHand = (): HandDraft => ({ shape: '', f: null, p: null, t: null, posture: null, site: null, side: '', dist: '', part: '', moves: [], still: false, said: false })

// ─────────────────────────────────────────────────────────── small readers

const COUNT: Record<string, number> = { 一: 1, 两: 2, 二: 2, 三: 3, 几: 3, 数: 3, 半: 1 }
/** `两下` / `几下` / `两圈` right after position `at` → the count (1 when none). */
function countAfter (text: string, at: number): number {
  const m = /^(?:[^，。；]{0,3}?)([一两二三几数半])(?:下|圈|次)/.exec(text.slice(at))
  return m ? COUNT[m[1]] : /^[^，]{0,4}(?:几下|连续|反复)/.test(text.slice(at)) ? 3 : 1
}
const rep = (item: string, n: number): string => (n >= 2 ? (/^\[|\)$|^[a-z]+$/.test(item) && !/ /.test(item) ? `${item}*${Math.min(n, 10)}` : `[${item}]*${Math.min(n, 10)}`) : item)

const DIR_CHARS = '上下左右前后内外里'
/** Placeholder direction: toward the base hand's fingertips, resolved once the base is known. */
const TOWARD_BASE_TIPS = 'BASETIPS'
const DIR_RE = new RegExp(`(?:向|朝)(斜)?((?:[${DIR_CHARS}]){1,3})(?:方|侧|边)?`)

/** Direction of movement said in a clause (向左, 朝斜上方, 向两侧, 向中间, 从上向下). */
function moveDir (text: string, hand: HandRole, both: boolean): string | null {
  if (/(?:向|朝)(?:左|右|另一)手(?:的)?(?:指尖|手指)方向/.test(text)) return TOWARD_BASE_TIPS
  if (/向两侧|向左右两侧|分别向两侧|向外分开|拉开|分开/.test(text) && both) return 'i'
  if (/向中间|靠拢|合拢|相向/.test(text) && both) return 'c'
  const named = /(?:向|朝)(?:身后|背后|肩后|脑后|后方)/.test(text) ? 'b'
    : /(?:向|朝)(?:一侧|侧方|旁边|身侧|外侧)/.test(text) ? 'i'
      : /(?:向|朝)(?:身前|前方|对方|远处)/.test(text) ? 'f'
        : /(?:向|朝)(?:自己|身体|胸前)/.test(text) ? 'b' : null
  if (named) return named
  const m = DIR_RE.exec(text)
  if (m) return dirWord((m[1] ?? '') + m[2], hand) || null
  const m2 = /([上下前后])移/.exec(text)
  if (m2) return dirWord(m2[1], hand)
  return null
}

/** Non-manual phrases name the eyes, mouth and head without placing a hand there. */
const FACE_WORDS = /闭眼|闭上眼|眯眼|瞪眼|眨眼|睁大眼|双眼|眼睛(?:注视|看|随|盯|闭|睁|微)|目光|视线|张口|张嘴|闭嘴|闭口|抿嘴|口型|点头|摇头|低头|抬头|仰头|歪头|头(?:微|稍)?[偏歪侧转低抬仰]|面露[^，。；]*|面带[^，。；]*|鼓腮|咬牙|皱眉|扬眉|耸肩|身体[^，。；]{0,4}[倾仰晃]/g
const maskFace = (t: string): string => t.replace(FACE_WORDS, m => '＿'.repeat(m.length))

/** 齐…: the space site at the height of a body site. */
const HEIGHT_OF: Record<string, string> = {
  head_top: 'neutral_high', forehead: 'neutral_high', eye: 'neutral_high', nose: 'neutral_high', mouth: 'neutral_high', chin: 'neutral_high', face: 'neutral_high',
  shoulder: 'neutral_high', neck: 'neutral_high', throat: 'neutral_high', chest: 'neutral', heart: 'neutral', waist: 'neutral_low', stomach: 'neutral_low', hip: 'neutral_low'
}

/** A place named in `text`: on the other hand (H.*) or on the body; side and contact part. */
interface Place { site: string, side: string, at: number, len: number }
function findPlace (textIn: string, hand: HandRole): Place | null {
  const text = maskFace(textIn)
  const other = hand === 'dom' ? '左' : '右'
  const handRef = new RegExp(`(?:${other}手|另一手|${other}拳)(?:的)?([^，。；]{0,6})`)
  const hm = handRef.exec(text)
  if (hm) {
    const rest = hm[1]
    for (const [re, site] of HAND_SITES) {
      const m = re.exec(rest)
      if (m && m.index <= 3) return { site, side: '', at: hm.index, len: hm[0].length }
    }
    if (/^拳/.test(hm[0].slice(1)) || /拳$/.test(hm[0].slice(0, 2))) return { site: 'H.knuckles', side: '', at: hm.index, len: hm[0].length }
    return { site: 'H.back', side: '', at: hm.index, len: hm[0].length }
  }
  let best: Place | null = null
  for (const [re, site] of BODY_SITES) {
    const m = new RegExp(re.source, 'g').exec(text)
    if (!m) continue
    // orientation and hand-part words are not places
    if (/^(?:掌|手)/.test(text.slice(m.index - 1, m.index)) && site !== 'neutral') continue
    if (best && m.index >= best.at) continue
    if (site === 'back' && /[向朝]$/.test(text.slice(0, m.index))) continue // 向身后: a direction, not a place
    if (/齐$/.test(text.slice(0, m.index))) {
      // 齐腰部: at that height in front of the body, not on it
      const level = HEIGHT_OF[site] ?? 'neutral'
      if (!best || m.index < best.at) best = { site: level, side: '', at: m.index, len: m[0].length }
      continue
    }
    const pre = text.slice(Math.max(0, m.index - 2), m.index)
    let side = ''
    if (PAIRED.has(site) || site === 'chest') {
      const lr = /([左右])(?:侧)?$/.exec(pre) ?? /^(?:头的|头)?([左右])/.exec(text.slice(m.index - 1))
      if (lr) side = lr[1] === '右' ? (hand === 'dom' ? 'i' : 'c') : (hand === 'dom' ? 'c' : 'i')
    }
    best = { site, side, at: m.index, len: m[0].length }
  }
  return best
}

/** The part of the acting hand named as making contact (以指尖…, 手背贴于…). */
function contactPart (text: string): string {
  for (const [re, part] of CONTACT_PARTS) {
    const m = re.exec(text)
    if (m && /贴|抵|按|靠|碰|点|触|敲|砸|拍|蹭|顶|压/.test(text.slice(m.index))) return part
  }
  return ''
}

// ─────────────────────────────────────────────────────────── orientation

const POSTURE_RE = /(并排直立|直立|横伸|平伸|斜伸|侧立|横立|垂立|竖立|竖起|下垂|(?<![向朝])前伸(?!出)|平放)/
const ORIENT_RE = /(拇指尖|食指尖|掌心|手背|指尖|虎口|拳心|拳眼|拳面|指背|指面|手指)(?:分别|均|都|稍|微)?(?:((?:左右|上下|前后|斜向)?相对)|(?:向|朝)(斜)?([上下左右前后内外里]{1,3})(?:方|侧)?)/g

interface OrientSaid { f?: string, p?: string, t?: string, facing?: string }

/** Orientation phrases of one clause, for one hand. */
function readOrient (text: string, hand: HandRole, both: boolean): OrientSaid {
  const o: OrientSaid = {}
  for (const m of text.matchAll(ORIENT_RE)) {
    const what = m[1]
    let d: string
    if (m[2]) {
      // 掌心相对 (双手): each palm toward the other hand; 上下相对: the upper palm down
      if (/上下/.test(m[2])) d = hand === 'dom' ? 'd' : 'u'
      else if (/前后/.test(m[2])) d = hand === 'dom' ? 'b' : 'f'
      else d = 'c'
      if (!both && hand === 'dom' && !/上下|前后/.test(m[2])) d = 'c'
    } else {
      d = dirWord((m[3] ?? '') + m[4], hand)
    }
    if (!d) continue
    if (what === '掌心' || what === '拳心' || what === '指面') o.p = d
    else if (what === '手背' || what === '指背') o.p = neg(d)
    else if (what === '指尖' || what === '食指尖' || what === '拳面' || what === '手指') o.f = d
    else if (what === '虎口' || what === '拳眼' || what === '拇指尖') o.t = d
  }
  const pm = POSTURE_RE.exec(text)
  if (pm) o.facing = pm[1]
  return o
}

const cosOf = (a: string, b: string): number => {
  const x = vec(a); const y = vec(b)
  return Math.abs(x[0] * y[0] + x[1] * y[1] + x[2] * y[2]) / (Math.hypot(...x) * Math.hypot(...y) || 1)
}
/** The candidate palm direction closest to a right angle with the fingers (first wins a tie). */
function mostOrthogonal (f: string, cands: string[]): string {
  return cands.reduce((best, c) => (cosOf(f, c) < cosOf(f, best) - 1e-9 ? c : best), cands[0])
}

/** Fills what a hand's orientation did not say, from its posture word, handshape and role. */
function completeOrient (h: HandDraft, role: HandRole, ctx: { baseTarget: string | null }): string[] {
  const hints: string[] = []
  let f = h.f; let p = h.p
  const post = h.posture ?? ''
  if (!f) {
    if (/直立|竖立|竖起/.test(post)) f = 'u'
    else if (/横伸|横立/.test(post)) f = 'c'
    else if (/下垂|垂立/.test(post)) f = 'd'
    else if (/平伸|侧立|前伸|平放/.test(post)) f = 'f'
    else if (/斜伸/.test(post)) f = 'uf'
  }
  if (!p) {
    if (/侧立/.test(post)) p = 'c'
    else if (/横立|下垂|垂立/.test(post)) p = 'b'
    else if (/平放/.test(post)) p = 'd'
  }
  if (f && !p && h.t) p = palmFrom(f, h.t)
  if (p && !f && h.t) f = fingersFrom(h.t, p)
  if (!f && !p && h.t) {
    // 虎口朝上 with nothing else: a hand held forward
    f = h.t === 'u' || h.t === 'd' ? 'f' : 'u'
    p = palmFrom(f, h.t)
  }
  // a base hand that the other hand lands on faces it
  if (role === 'nondom' && ctx.baseTarget && !p) {
    if (ctx.baseTarget === 'H.palm') p = f === 'u' ? 'c' : 'u'
    else if (ctx.baseTarget === 'H.back') p = f === 'u' ? 'i' : 'd'
  }
  const DEFAULT: Record<string, [string, string]> = {
    thumb_side: ['u', 'c'], A: ['u', 'c'], thumb_pinky: ['d', 'c'], thumb_index: ['f', 'c'], fist: ['f', 'c'], fist_hollow: ['f', 'c'], flat_o: ['f', 'd'],
    pinch: ['f', 'c'], flat: ['f', 'd'], open: ['u', 'f'], claw: ['f', 'd'], cup: ['f', 'd'], c_large: ['f', 'c'], beak: ['f', 'c']
  }
  const letter = getHandshape(h.shape)?.defaultOrient
  const [df, dp] = letter ? [letter.finger, letter.palm] : DEFAULT[h.shape] ?? ['u', 'f']
  if (!f && !p && h.part === 'tips' && h.site && !h.site.startsWith('H.') && !h.site.startsWith('neutral')) { f = 'b'; p = 'd' } // fingertips against the face or body
  if (!f && !p) {
    f = df; p = dp
    if (!letter) hints.push(`${role === 'dom' ? '主手' : '辅手'}朝向文中未写，按插图定`)
  }
  if (!f) f = orthogonalish(df, p!) ? df : (orthogonalish('f', p!) ? 'f' : 'u')
  if (!p) p = mostOrthogonal(f, [dp, 'd', 'c', 'b', 'u', 'f'])
  if (!orthogonalish(f, p)) {
    hints.push(`${role === 'dom' ? '主手' : '辅手'}朝向不合（f:${f} p:${p}），按插图改`)
    p = ['d', 'c', 'b', 'f', 'u'].find(c => orthogonalish(f!, c)) ?? 'c'
  }
  h.f = f; h.p = p
  return hints
}

// ─────────────────────────────────────────────────────────── movements

/** The bent form of a handshape, for fingers that bend and straighten again (弯动). */
const FINGER_BEND: Record<string, string> = {
  flat: 'bent', open: 'claw', index: 'hook', '2': 'v_bent', index_mid: 'v_bent', pinky: 'pinky_hook', flat_spread: 'claw', W: 'hook_three'
}

/** Movements said in one clause, in order, for one hand. */
function readMoves (text: string, hand: HandRole, both: boolean, cur: HandDraft, changeTo: string | null, ctx: { needs: Set<string>, hints: string[] }): string[] {
  const out: Array<{ at: number, item: string }> = []
  const taken: Array<[number, number]> = []
  const free = (a: number, b: number): boolean => taken.every(([x, y]) => b <= x || a >= y)
  const add = (at: number, len: number, item: string): void => { if (free(at, at + len)) { taken.push([at, at + len]); out.push({ at, item }) } }
  const dir = moveDir(text, hand, both)
  const size = /幅度(?:要)?大|大幅|大范围/.test(text) ? ',l' : /微|稍|少许|小幅/.test(text) ? ',s' : ''

  for (const m of text.matchAll(/书空|写“|写出/g)) { ctx.needs.add('air-writing'); ctx.hints.push('书空的笔画按插图写成 line/arc'); add(m.index, m[0].length, dir ? `line(${dir})` : 'line(d,s)') }
  for (const m of text.matchAll(/(顺|逆)时针(?:[^，。；]*?圈|[^，。；]*)/g)) {
    const plane = /平行|水平|平面/.test(text) ? 'h' : /前后/.test(text) ? 's' : 'v'
    const laps = /([一两几半])圈$/.exec(m[0])
    add(m.index, m[0].length, rep(`circle(${plane},${m[1] === '顺' ? 'cw' : 'ccw'}${size})`, laps ? COUNT[laps[1]] : countAfter(text, m.index)))
  }
  for (const m of text.matchAll(/(?:转动|划|绕|转|画)([一两几半])?圈|转圈|绕圈|划圆|打圈/g)) {
    const plane = /平行|水平|平面/.test(text) ? 'h' : /前后/.test(text) ? 's' : 'v'
    add(m.index, m[0].length, rep(`circle(${plane},cw${size})`, m[1] ? COUNT[m[1]] : 1))
  }
  for (const m of text.matchAll(/(?:做)?弧形(?:移动|划动|摆动|移)?|划弧|弧线/g)) {
    const d = dir ?? 'f'
    const bulge = /^[ud]/.test(d) ? 'f' : 'u'
    add(m.index, m[0].length, rep(`arc(${d},${bulge}${size})`, countAfter(text, m.index)))
  }
  for (const m of text.matchAll(/(左右|上下|前后)(?:来回|交替)?(?:晃动|摆动|摇动|拨动|摇|晃|摆|移动|擦动|蹭动|搓动|转动)/g)) {
    const [a, b] = m[1] === '左右' ? [hand === 'dom' ? 'c' : 'i', hand === 'dom' ? 'i' : 'c'] : m[1] === '上下' ? ['u', 'd'] : ['f', 'b']
    const n = Math.max(2, countAfter(text, m.index + m[0].length - 1))
    const verb = /擦|蹭|搓/.test(m[0]) ? 'brush' : ''
    if (/转动/.test(m[0]) && m[1] === '前后') add(m.index, m[0].length, rep('circle(s,cw,s)', n))
    else add(m.index, m[0].length, verb ? `[brush(${a}) brush(${b})]*${Math.min(n, 10)}` : `[line(${a},s) line(${b},s)]*${Math.min(n, 10)}`)
  }
  for (const m of text.matchAll(/晃动|摆动|摇动|摇摆|扇动|拨动/g)) add(m.index, m[0].length, `[line(c,s) line(i,s)]*${Math.max(2, countAfter(text, m.index))}`)
  for (const m of text.matchAll(/抖动|颤动|抖|颤/g)) add(m.index, m[0].length, 'trill')
  for (const m of text.matchAll(/交替(?:点动|弯动|动)|依次弯动|依次点动/g)) add(m.index, m[0].length, 'wiggle')
  for (const m of text.matchAll(/捻动|互捻|相捻|捻/g)) add(m.index, m[0].length, 'rub')
  for (const m of text.matchAll(/开合|一张一合|一开一合|张合/g)) add(m.index, m[0].length, `[shape(open) shape(${cur.shape || 'flat_o'})]*${Math.max(2, countAfter(text, m.index))}`)
  for (const m of text.matchAll(/转腕|翻转|翻腕|翻动/g)) add(m.index, m[0].length, /向内|向下/.test(text.slice(m.index)) ? 'twist(in)' : 'twist(out)')
  // fingers of the hand bending (四指弯动, 食指向内弯动): a handshape change and back
  for (const m of text.matchAll(/((?:拇|食|中|无名|小)(?:、(?:拇|食|中|无名|小))*指|四指|五指)(?:[^，。；]{0,6}?)弯动/g)) {
    const bent = FINGER_BEND[cur.shape]
    if (!bent) continue
    const n = countAfter(text, m.index + m[0].length - 2)
    add(m.index, m[0].length, n >= 2 ? `[shape(${bent}) shape(${cur.shape})]*${Math.min(n, 10)}` : `shape(${bent}) shape(${cur.shape})`)
  }
  for (const m of text.matchAll(/弯动/g)) {
    const pre = text.slice(0, m.index)
    const dm = /(?:向|朝)(斜)?([上下左右前后内外])[方侧]?$/.exec(pre)
    const d = dm ? dirWord((dm[1] ?? '') + dm[2], hand) : 'd'
    add(m.index, 2, rep(`bend(${d})`, countAfter(text, m.index)))
  }
  for (const m of text.matchAll(/一顿|顿一下/g)) add(m.index, m[0].length, `line(${dir ?? 'd'},s)+fast`)
  for (const m of text.matchAll(/一按|按动|按一下|一压/g)) add(m.index, m[0].length, `line(${dir ?? 'd'},s)`)
  for (const m of text.matchAll(/(?:点|拍|碰|敲|砸|捶|戳|杵|弹)(?:动)?([一两二几])?下|点动|相碰|互碰|相撞|相触|碰|拍|敲|砸|捶/g)) {
    const n = m[1] ? COUNT[m[1]] : countAfter(text, m.index)
    if (/^点动/.test(m[0]) && dir && !findPlace(text.slice(m.index), hand)) { add(m.index, m[0].length, rep(`line(${dir},s)`, n)); continue }
    add(m.index, m[0].length, rep(/砸|捶|敲/.test(m[0]) ? 'tap+fast' : 'tap', n))
  }
  for (const m of text.matchAll(/摸|抹|蹭|刮|擦|捋|抚/g)) add(m.index, 1, rep(`brush(${dir ?? 'd'})`, countAfter(text, m.index)))
  for (const m of text.matchAll(/揪|拽|扯/g)) add(m.index, 1, rep(`line(${dir && dir !== TOWARD_BASE_TIPS ? dir : 'f'},s)`, countAfter(text, m.index)))
  for (const m of text.matchAll(/挥动|挥|甩|扔|抛/g)) add(m.index, m[0].length, rep(`line(${dir ?? 'f'})+fast`, countAfter(text, m.index)))
  for (const m of text.matchAll(/(?:指(?:向|着)?|一指)/g)) {
    if (/^指(?:尖|背|面|缝|根|节|关节|式|肚|腹)/.test(text.slice(m.index))) continue
    if (/[食中拇小名五四两手]$/.test(text.slice(0, m.index))) continue
    let d = dir
    if (!d) d = /自己|胸/.test(text) ? 'b' : /对方|前/.test(text) ? 'f' : /侧方|旁|第三/.test(text) ? 'i' : /上/.test(text) ? 'u' : /下/.test(text) ? 'd' : 'f'
    add(m.index, m[0].length, `line(${d},s)`)
  }
  for (const m of text.matchAll(/抽出|拔出|抽离/g)) add(m.index, m[0].length, `line(${dir ?? 'u'})`)
  for (const m of text.matchAll(/贴向|抵向|顶向|靠向|伸向|放到|落到|落在|按在|贴到|贴在|移向|移至|移到|划至|划到/g)) {
    const pl = findPlace(text.slice(m.index + m[0].length), hand)
    if (pl) add(m.index, m[0].length, `to(${siteText(pl.site, pl.side, '', /贴|抵|靠|按/.test(m[0]) ? contactPart(text) : '')})`)
  }
  for (const m of text.matchAll(/(?:移动|平移|移向|移至|移到|移出|移开|移过|移入|上移|下移|前移|后移|移|伸出|伸向|推出|推|拉|抬起|抬|落下|落|划动|划出|划|伸)/g)) {
    if (/^(?:伸出?[拇食中无名小五四]|划圈|划弧)/.test(text.slice(m.index))) continue
    if (/^伸/.test(m[0]) && (/[平横斜侧直手]$/.test(text.slice(0, m.index)) || /(?<![向朝])前$/.test(text.slice(0, m.index)))) continue // 平伸, 横伸, 前伸: a posture
    const target = /^(?:移至|移到|划至|划到)/.test(m[0]) || /^[^，]{0,2}至/.test(text.slice(m.index + m[0].length))
    const tail = text.slice(m.index + m[0].length)
    if (target) {
      const pl = findPlace(tail, hand)
      if (pl) { add(m.index, m[0].length, `to(${siteText(pl.site, pl.side)})`); continue }
    }
    let d = dir
    if (!d) {
      const vd = /^([上下前后])移/.exec(m[0])
      d = vd ? dirWord(vd[1], hand) : /抬/.test(m[0]) ? 'u' : /落/.test(m[0]) ? 'd' : /推/.test(m[0]) ? 'f' : /拉/.test(m[0]) ? 'b' : null
    }
    if (!d) continue
    const manner = /迅速|快速|猛|用力|使劲/.test(text) ? '+fast' : /缓慢|慢慢|轻轻/.test(text) ? '+slow' : ''
    add(m.index, m[0].length, rep(`line(${d}${size})${manner}`, countAfter(text, m.index + m[0].length)))
  }
  for (const m of text.matchAll(/(?:变为|变成|然后|再)(?:手|五指并拢)?(平伸|横伸|直立|侧立|横立)/g)) {
    if (cur.shape !== 'flat') add(m.index, m[0].length, 'shape(flat)')
  }
  out.sort((a, b) => a.at - b.at)
  let items = out.map(o => o.item)
  // 边…边…: the two play at the same time (边移动边张开, 边抖动边移动)
  if (/边[^边]*边/.test(text)) {
    const simple = /^(?:line|arc|shape|trill|wiggle|rub|twist)\([^)]*\)$|^(?:trill|wiggle|rub)$/
    for (let i = 1; i < items.length; i++) {
      if (simple.test(items[i]) && simple.test(items[i - 1])) {
        const [a, b] = /^(?:line|arc)/.test(items[i]) ? [items[i], items[i - 1]] : [items[i - 1], items[i]]
        items[i - 1] = `${a}+${b}`; items.splice(i, 1); i--
      }
    }
  }
  // a handshape change said in the same clause plays with the clause's last movement (边移动边张开)
  if (changeTo) {
    if (items.length > 0 && /边/.test(text)) items[items.length - 1] = `${items[items.length - 1]}+shape(${changeTo})`
    else items = [...items, `shape(${changeTo})`]
  }
  return items
}

const ORIENT_MARK = '@orient'

/** Turns the orientation changes noted while reading into `orient(f: p:)` items. */
function resolveOrients (h: HandDraft): void {
  let f = h.f ?? 'u'; let p = h.p ?? 'f'
  h.moves = h.moves.flatMap(m => {
    if (!m.startsWith(ORIENT_MARK)) return [m]
    const o = JSON.parse(m.slice(ORIENT_MARK.length)) as OrientSaid
    let np = o.p ?? (o.t && o.f ? palmFrom(o.f, o.t) : p)
    let nf = o.f ?? (o.t ? fingersFrom(o.t, np) : f)
    if (!orthogonalish(nf, np)) {
      if (o.f && !o.p) np = mostOrthogonal(nf, [p, 'd', 'u', 'c', 'i', 'b', 'f'])
      else nf = mostOrthogonal(np, [f, 'u', 'f', 'c', 'd', 'b', 'i'])
    }
    if (!orthogonalish(nf, np) || (nf === f && np === p)) return []
    f = nf; p = np
    return [`orient(f:${nf} p:${np})`]
  })
}

/** `@site.side~dist:part` for a start location or a `to()` target. */
export function siteText (site: string, side = '', dist = '', part = ''): string {
  return `${site}${side ? '.' + side : ''}${dist ? '~' + dist : ''}${part ? ':' + part : ''}`
}

// ─────────────────────────────────────────────────────────── two-hand figures

interface Figure { rel: Rel, dom: string, nondom?: string }
/** 搭成“X”形 with a written form in docs/notation.md (two-hand set shapes). */
const FIGURES: Record<string, Figure> = {
  人: { rel: 'mirror', dom: 'index f:dc p:b @neutral.m:index_tip' },
  '∧': { rel: 'mirror', dom: 'flat f:uc p:dc @neutral.m:tips' },
  十: { rel: 'base', nondom: 'index f:u p:c @neutral.c', dom: 'index f:c p:b @H.index:finger' },
  '+': { rel: 'base', nondom: 'index f:u p:c @neutral.c', dom: 'index f:c p:b @H.index:finger' }
}
function parseHandText (line: string): Partial<HandDraft> {
  const m = /^(\S+) f:(\S+) p:(\S+) @([^.~:\s]+(?:\.[a-z_]+)?)(?:\.([icmLR]))?(?:~(\w+))?(?::(\w+))?/.exec(line)
  if (!m) return {}
  return { shape: m[1], f: m[2], p: m[3], site: m[4], side: m[5] ?? '', dist: m[6] ?? '', part: m[7] ?? '' }
}

// ─────────────────────────────────────────────────────────── one part

function handsOf (s: Subj | null, last: HandRole): HandRole[] {
  if (s === 'both' || s === 'fists') return ['dom', 'nondom']
  if (s === 'left' || s === 'lfist') return ['nondom']
  if (s === 'other') return [last === 'dom' ? 'nondom' : 'dom']
  return ['dom']
}

/** Drafts one part （一） of a description: its clause results and segments from the grammar. */
export function notatePart (results: ClauseResult[], segs: Segment[]): PartDraft {
  const dom = newHand()
  const nondom = newHand()
  const face = new Map<string, string>()
  const needs = new Set<string>()
  const hints: string[] = []
  const ctx = { needs, hints }
  let sawBoth = false
  let sawLeft = false
  let alternate = false
  let parallel = false
  let last: HandRole = 'dom'
  const hand = (r: HandRole): HandDraft => (r === 'dom' ? dom : nondom)

  // start handshapes from the grammar's segments (first per hand)
  for (const s of segs) {
    const roles = handsOf(s.hand, 'dom')
    const choice = shapeId(s.shape)
    for (const r of roles) {
      if (hand(r).shape) continue
      hand(r).shape = choice.id
      if (choice.needs) needs.add(choice.needs)
      if (choice.hint && !hints.includes(choice.hint)) hints.push(choice.hint)
    }
  }

  let skipSentence = ''
  let figure: Figure | null = null
  for (const r of results) {
    const c = r.c
    const text = c.subj ? c.body : c.text
    // non-manual features anywhere in the clause (explanations included: 面露…的表情 often follows 表示)
    for (const [re, key, value] of FACE_RULES) if (re.test(c.text) && !face.has(key)) face.set(key, value)
    for (const m of c.text.matchAll(/面露([^，。；]{1,8}?)的?(?:表情|神态|神情|样子)|面带([^，。；]{1,4})/g)) {
      const e = exprValue(m[1] ?? m[2] ?? '')
      if (e && !face.has('expr')) face.set('expr', e)
    }
    const sk = `${c.sent}`
    if (skipSentence === sk) continue
    if (EXPLAIN_RE.test(c.text) && !/^如(?:执|握|持|拿|托|捏)/.test(c.text)) {
      if (/^(?:表示|象征|意为|代表)/.test(c.text)) skipSentence = sk
      continue
    }
    if (/^(?:也用于|也可|可根据|此手势)/.test(c.text)) { skipSentence = sk; continue }
    const roles = handsOf(c.hand, last)
    if (c.subj) last = roles[0]
    if (c.hand === 'both' || c.hand === 'fists') sawBoth = true
    if (c.hand === 'left' || c.hand === 'lfist') sawLeft = true
    if (/交替/.test(text)) alternate = true
    if (/同时向[左右]|一起向[左右]/.test(text)) parallel = true
    if (/搭成/.test(text)) {
      const fig = /搭成(?:“([^“”]*)”|(圆|椭圆|方|三角)形)/.exec(text)
      const sym = fig ? (fig[1] ?? fig[2] ?? '') : ''
      const known = FIGURES[sym]
      if (known) { figure = known; continue }
      needs.add('figure')
      hints.push(sym ? `两手搭成“${sym || '?'}”形：按插图写接触（docs/notation.md 两手构形表）` : '两手搭成的形状按插图写接触')
      if (sym === '') needs.add('lost-symbol')
    }
    if (/仿“/.test(text)) { needs.add('figure'); hints.push('仿字形：按插图写两手位置') }
    // 与右手食指搭成…: the other hand's fingers, named inside this hand's clause
    for (const m of text.matchAll(/与(右手|左手)((?:拇|食|中|无名|小)(?:、(?:拇|食|中|无名|小))*指|五指|四指)/g)) {
      const other = hand(m[1] === '右手' ? 'dom' : 'nondom')
      if (!other.shape) {
        const set = parseFset(m[2], null)
        other.shape = shapeId(set.size >= 4 ? FIXED.flat_implicit : ext(set)).id
      }
      if (m[1] === '右手') sawLeft = sawLeft || roles.includes('nondom')
    }
    const pm = /((?:拇|食|中|无名|小)(?:、(?:拇|食|中|无名|小))*指|五指)[^，。；]{0,4}?(?:揪|捏住|捏起|夹住|掐)/.exec(text)
    if (pm) {
      const set = parseFset(pm[1], null)
      for (const role of roles) if (!hand(role).shape && set.has('T')) hand(role).shape = shapeId(set.size >= 5 ? FIXED.bunch : pinch(set, false)).id
    }
    const both = roles.length === 2
    for (const role of roles) {
      const h = hand(role)
      h.said = true
      if (/不动/.test(text) && !/[移转划]/.test(text.replace(/不动/g, ''))) { h.still = true; continue }
      // orientation
      const o = readOrient(text, role, both || sawBoth)
      const moving = h.moves.length > 0 || /然后|再|边|转腕|翻/.test(text.slice(0, Math.max(0, text.search(ORIENT_RE))))
      if (moving && (o.p || o.f || o.t)) {
        // a new orientation after the hand has moved: resolved once the start is known (resolveOrients)
        if (/^twist/.test(h.moves[h.moves.length - 1] ?? '')) h.moves.pop()
        h.moves.push(ORIENT_MARK + JSON.stringify(o))
      } else {
        if (o.f && !h.f) h.f = o.f
        if (o.p && !h.p) h.p = o.p
        if (o.t && !h.t) h.t = o.t
        if (o.facing && !h.posture && h.moves.length === 0) h.posture = o.facing
      }
      // place: the first place before any movement is the start
      let pl = findPlace(text, role)
      if (pl && role === 'nondom' && pl.site.startsWith('H.')) pl = null // the base hand is placed in space
      const isTarget = pl ? /(?:移至|移到|移向|划至|划到|至|到|指向|贴向|抵向|伸向|放到|落在|碰|点|拍|敲|砸|捶|摸|蹭|擦|指)[^，]{0,3}$/.test(text.slice(0, pl.at)) : false
      if (pl && !h.site && !(isTarget && h.moves.length > 0)) {
        h.site = pl.site
        h.side = pl.side
        if (/贴|抵|按|靠|顶|压|放在|立于|托/.test(text.slice(0, pl.at + pl.len + 3)) && !pl.site.startsWith('H.')) h.dist = 'touch'
        else if (/前$/.test(text.slice(pl.at, pl.at + pl.len + 1)) && !pl.site.startsWith('neutral')) h.dist = 'near'
        else if (isTarget && /移至|移到|至|到|指向|伸向/.test(text.slice(0, pl.at)) && pl.site.startsWith('H.')) h.dist = 'near'
        const part = contactPart(text)
        if (part) h.part = part
      }
      // movements, and a handshape change said in this clause
      const changePhrase = r.phrases.find(p => p.role === 'change' || (p.role === 'base' && h.moves.length > 0 && shapeId(p.shape).id !== h.shape))
      const changeTo = changePhrase ? shapeId(changePhrase.shape).id : null
      const mv = readMoves(text, role, both || sawBoth, h, changeTo && changeTo !== h.shape ? changeTo : null, ctx)
      // the target of a first movement to a place given as the start: move from near it
      if (pl && isTarget && h.site === pl.site && h.moves.length === 0 && mv.some(x => /^line|^to/.test(x)) && !h.dist) {
        h.dist = 'near'
        const tgt = siteText(pl.site, pl.side, '', contactPart(text))
        const i = mv.findIndex(x => /^line/.test(x))
        if (i >= 0) mv[i] = `to(${tgt})`
      }
      if (!h.site && /指[^，]{0,3}自己/.test(text)) { h.site = 'chest'; h.dist = 'near' }
      // a pointing hand points its fingers where it points
      if (!h.f && h.moves.length === 0 && /指/.test(text)) {
        const pm = /^line\(([udfbic]+),s\)$/.exec(mv[0] ?? '')
        if (pm) h.f = pm[1]
      }
      h.moves.push(...mv)
      if (changeTo && changeTo !== h.shape && !mv.some(x => x.includes(`shape(${changeTo})`))) h.moves.push(`shape(${changeTo})`)
    }
  }

  if (figure) {
    // a two-hand figure of docs/notation.md's table: its lines, with the movements read after it
    const moves = dom.moves
    const d = parseHandText(figure.dom); const nd2 = figure.nondom ? parseHandText(figure.nondom) : null
    Object.assign(dom, d, { moves })
    if (nd2) Object.assign(nondom, nd2, { moves: nondom.moves })
    resolveOrients(dom); resolveOrients(nondom)
    return { rel: figure.rel, dom, nondom: figure.rel === 'one' ? null : nondom, face, needs, hints: hints.filter(x => !/朝向|手形/.test(x)) }
  }
  const full = results.map(r => r.c.text).join('，')
  if (/握拳[^。；]*一上一下/.test(full) && /右拳[^，。；]*(?:砸|敲|捶|叠|落|碰)[^，。；]*左拳/.test(full)) {
    // stacked fists (docs/notation.md set shapes): the right fist works on the left fist's thumb side
    Object.assign(nondom, { shape: 'fist', f: 'c', p: 'd', t: null, posture: null, site: 'neutral', side: 'c', dist: '', part: '' })
    Object.assign(dom, { shape: 'fist', f: 'c', p: 'd', t: null, posture: null, site: 'H.thumb_side', side: '', dist: dom.moves.length ? 'near' : '', part: 'pinky_side' })
    resolveOrients(dom); resolveOrients(nondom)
    return { rel: 'base', dom, nondom, face, needs, hints: hints.filter(x => !/朝向|手形|相对位置/.test(x)) }
  }
  // two-hand relation
  const domOnOther = (dom.site ?? '').startsWith('H.') || dom.moves.some(m => /\(H\./.test(m))
  let rel: Rel = 'one'
  if (sawLeft || domOnOther) rel = domOnOther || nondom.still || nondom.moves.length === 0 ? 'base' : 'two'
  else if (sawBoth) rel = alternate ? 'alternate' : parallel ? 'parallel' : 'mirror'
  if (rel === 'base' && !sawLeft && sawBoth) {
    // 双手… with a contact on the other hand: both hands start alike, the dominant acts on the other
    nondom.shape = nondom.shape || dom.shape
  }
  if (!dom.shape) { dom.shape = 'flat'; hints.push('主手手形文中未写，按插图定') }
  if (rel !== 'one' && !nondom.shape) nondom.shape = rel === 'base' || rel === 'two' ? 'flat' : dom.shape
  // orientation and places
  hints.push(...completeOrient(dom, 'dom', { baseTarget: null }))
  resolveOrients(dom)
  if (rel === 'base' || rel === 'two') {
    const target = dom.site?.startsWith('H.') ? dom.site : (/\((H\.[a-z_]+)/.exec(dom.moves.join(' '))?.[1] ?? null)
    if (!nondom.f && !nondom.p && !nondom.posture && !nondom.t && nondom.shape === 'flat') nondom.posture = '横伸'
    hints.push(...completeOrient(nondom, 'nondom', { baseTarget: target }))
    if (!nondom.site) nondom.site = 'neutral'
    if (!nondom.side && nondom.site === 'neutral') nondom.side = 'c'
    resolveOrients(nondom)
  } else if (rel !== 'one') {
    if (nondom.f || nondom.p) completeOrient(nondom, 'nondom', { baseTarget: null })
    resolveOrients(nondom)
  }
  // toward the base hand's fingertips: its finger direction, seen from the dominant hand (i ↔ c)
  const swapIC = (d: string): string => d.replace(/[ic]/g, x => (x === 'i' ? 'c' : 'i'))
  dom.moves = dom.moves.map(m => m.replace(TOWARD_BASE_TIPS, nondom.f ? swapIC(nondom.f) : 'f'))
  if (!dom.site) {
    dom.site = rel === 'base' || rel === 'two' ? 'H.palm' : 'neutral'
    if (rel === 'base' || rel === 'two') { dom.dist = 'near'; hints.push('主手与辅手的相对位置按插图定') }
    if (rel === 'mirror' || rel === 'parallel' || rel === 'alternate') dom.side = 'i'
  }
  return { rel, dom, nondom: rel === 'one' ? null : nondom, face, needs, hints }
}

/** `handshape f: p: @loc ; moves` */
export function handLine (h: HandDraft): string {
  const loc = siteText(h.site ?? 'neutral', h.side, h.dist, h.part)
  const moves = h.moves.filter(Boolean)
  return `${h.shape} f:${h.f} p:${h.p} @${loc}${moves.length ? ' ; ' + moves.join(' ') : ''}`
}

/** Whether the nondom line must be written (base/two always; mirror-family only when it differs). */
export function needsNondomLine (d: PartDraft): boolean {
  if (!d.nondom || !d.nondom.f || !d.nondom.p || !d.nondom.shape) return false
  if (d.rel === 'base' || d.rel === 'two') return true
  return d.nondom.shape !== '' && d.nondom.shape !== d.dom.shape
}

/** Drafts every part of a description. */
export function notateDescription (id: number, description: string): PartDraft[] {
  // an alternative way of making the sign （或…） is not the sign drafted
  const lines = normLines(description.replace(/（或[^（）]*）/g, '').replace(/（也可以[^（）]*）/g, ''))
  const results = classify(clausesOf({ id, description }, lines))
  const segs = segments(results)
  return lines.map((_, part) => notatePart(results.filter(r => r.c.part === part), segs.filter(s => s.part === part)))
}

export { dirOf, vec }
