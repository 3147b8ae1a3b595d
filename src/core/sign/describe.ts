/**
 * The description steps the app shows, generated from the notation (docs/data.md), so they always
 * say what the avatar does: step 1 is the start (handshape, orientation, place, and the other hand),
 * the next steps the movement in order (at most MAX_MOVE_STEPS; a longer movement shares the last),
 * and the face, if any, closes the last step. A compound has one step per part.
 *
 * The wording is the project's own and deliberately plain: 手心 (not 掌心), 手指指向…, the
 * handshape's name from the table. Written for a right-handed signer (右手 is the dominant hand);
 * the app's mirror view notes the swap for left-handed learners.
 */
import { getHandshape } from './handshapes'
import { getSite } from './sites'
import type { Dir, Finger, HandPart, HandSpec, Location, Movement, NonManual, SignNotation } from './types'

/** Movement steps at most: more read as a list, not as a sign. */
export const MAX_MOVE_STEPS = 3

const TIMES = ['', '一', '两', '三', '四', '五', '六', '七', '八', '九', '十']

/**
 * Direction words for a right dominant hand: i = right, c = left. `both`: the two hands of a
 * mirrored sign, where i is apart (两侧) and c together (中间).
 */
function dirWord (d: Dir, hand: 'dom' | 'nondom' | 'both'): string {
  const lat = (ch: string): string => ch === 'L' ? '左' : ch === 'R' ? '右'
    : hand === 'both' ? (ch === 'i' ? '两侧' : '中间') : (ch === 'i') === (hand === 'dom') ? '右' : '左'
  const parts: string[] = []
  let vertical = ''; let sagittal = ''; let lateral = ''
  for (const ch of d) {
    if (ch === 'u') vertical = '上'
    else if (ch === 'd') vertical = '下'
    else if (ch === 'f') sagittal = '前'
    else if (ch === 'b') sagittal = '后'
    else lateral = lat(ch)
  }
  if (lateral) parts.push(lateral)
  if (sagittal) parts.push(sagittal)
  if (vertical) parts.push(vertical)
  if (parts.length === 1) return sagittal === '后' ? '自己' : parts[0]
  return parts.join('') + '方'
}

/** Where the fingers point: 上方, 前方, 自己, 右前方… */
function fingerWord (d: Dir, hand: 'dom' | 'nondom'): string {
  const w = dirWord(d, hand)
  return w.length === 1 ? `${w}方` : w
}

/** Where the palm faces: up, down, out (to the viewer), in (to the signer), left, right. */
function palmWord (d: Dir, hand: 'dom' | 'nondom' | 'both'): string {
  if (d.length === 1) {
    if (d === 'f') return '外'
    if (d === 'b') return '里'
  }
  return dirWord(d, hand)
}

const PART_WORD: Readonly<Record<HandPart, string>> = {
  tips: '指尖', pads: '指腹', finger: '手指中段', thumb_tip: '拇指尖', index_tip: '食指尖', middle_tip: '中指尖',
  pinky_tip: '小指尖', index_side: '虎口一侧', pinky_side: '小指一侧', palm: '手心', back: '手背', heel: '掌根',
  wrist: '手腕', knuckles: '指关节', grip: '握', hook: '钩', interlock: '插指'
}

const FINGER_WORD: Readonly<Record<Finger, string>> = { thumb: '拇指', index: '食指', middle: '中指', ring: '无名指', pinky: '小指' }

function sideWord (loc: Location, hand: 'dom' | 'nondom'): string {
  switch (loc.side) {
    case 'L': return '左侧'
    case 'R': return '右侧'
    case 'm': return '正中'
    case 'i': return hand === 'dom' ? '右侧' : '左侧'
    case 'c': return hand === 'dom' ? '左侧' : '右侧'
    default: return ''
  }
}

/** The place of a location in words: 胸前、下巴旁、左手手心… */
function placeWord (loc: Location, hand: 'dom' | 'nondom' | 'both'): string {
  const site = getSite(loc.site)
  const name = site ? site.zh : loc.site
  // Said of both hands in turn (约会: 两手轮流碰一下另一手掌心), the other hand stays 另一手.
  if (loc.site.startsWith('H.')) return hand === 'both' ? name : name.replace('另一手', hand === 'dom' ? '左手' : '右手')
  const h = hand === 'both' ? 'dom' : hand
  const side = site?.region === 'space' || !site?.paired ? (loc.side && loc.side !== 'i' ? sideWord(loc, h) : '') : sideWord(loc, h)
  return side ? `${name}${side === '正中' ? '正中' : `（${side}）`}` : name
}

/** How the hand is at the place: 贴着 / 靠近 / 离…稍远 / 放在. */
function atPlace (loc: Location, hand: 'dom' | 'nondom'): string {
  const place = placeWord(loc, hand)
  const site = getSite(loc.site)
  const region = site?.region
  if (loc.part === 'grip') return `握住${place}`
  if (loc.part === 'hook') return `勾住${place}`
  if (loc.part === 'interlock') return `手指插进${place}`
  const by = loc.part ? `用${PART_WORD[loc.part]}` : ''
  if (region === 'space') return by ? `${by}对在${place}` : `放在${place}`
  const dist = loc.distance ?? (region === 'hand' ? 'touch' : region === 'head' || region === 'face' ? 'near' : 'close')
  if (dist === 'touch') return `${by}贴在${place}`
  if (dist === 'far') return `${by}离${place}稍远`
  return `${by}靠近${place}`
}

function handshapeWord (id: string): string {
  const h = getHandshape(id)
  if (!h) return id
  return h.group === 'common' ? `${h.zh}手形` : `${h.zh}的手形`
}

/** Step 1 for one hand: 右手食指手形，手指指向前，手心朝下，放在胸前。 */
function startClause (spec: HandSpec, who: string, hand: 'dom' | 'nondom'): string {
  return `${who}${handshapeWord(spec.handshape)}，手指指向${fingerWord(spec.orient.finger, hand)}，手心朝${palmWord(spec.orient.palm, hand)}，${atPlace(spec.loc, hand)}`
}

const SIZE_WORD: Readonly<Record<string, string>> = { s: '一点', m: '', l: '一大段' }

/**
 * One movement in words (without a subject). `both`: said of the two hands of a mirrored sign
 * (places are then named for the right hand).
 */
function moveWord (m: Movement, hand: 'dom' | 'nondom' | 'both'): string {
  const at = hand === 'both' ? 'dom' : hand
  switch (m.kind) {
    case 'line': return `向${dirWord(m.dir, hand)}移动${SIZE_WORD[m.size]}`
    case 'arc': return `向${dirWord(m.dir, hand)}划一道弧（弧向${dirWord(m.bulge, hand)}鼓出）`
    case 'circle': {
      const plane = m.plane === 'v' ? '在身前竖着' : m.plane === 'h' ? '平着' : '在身体一侧竖着'
      return `${m.round ? '绕另一只手' : plane}画${m.round ? '' : m.size === 's' ? '小' : m.size === 'l' ? '大' : ''}圈（${m.clockwise ? '顺' : '逆'}时针）`
    }
    case 'zigzag': return `向${dirWord(m.dir, hand)}折线形移动`
    case 'wave': return `向${dirWord(m.dir, hand)}波浪形移动`
    case 'twist': return m.inward ? '手腕向里转' : '手腕向外转'
    case 'bend': return `手腕向${dirWord(m.dir, hand)}弯一下`
    case 'wiggle': return '手指依次动一动'
    case 'flex': return `${m.fingers.map(f => FINGER_WORD[f]).join('、')}弯动一下`
    case 'rub': return '拇指在指腹上来回捻'
    case 'trill': return '手轻轻抖动'
    case 'squeeze': return '手臂向身体夹一下'
    case 'shape': return `变成${handshapeWord(m.handshape)}`
    case 'tap': return m.at ? `碰一下${placeWord(m.at, hand)}` : '碰一下'
    case 'brush': return `贴着表面向${dirWord(m.dir, hand)}擦过`
    case 'to': return `移到${placeWord(m.at, at)}`
    case 'orient': return `转成手指指向${fingerWord(m.orient.finger, at)}、手心朝${palmWord(m.orient.palm, hand)}`
    case 'hold': return '停一下'
    case 'manner': return m.fast ? '快速' : '缓慢'
    case 'par': {
      const manner = m.items.find(i => i.kind === 'manner')
      const rest = m.items.filter(i => i.kind !== 'manner').map(i => moveWord(i, hand))
      return (manner ? moveWord(manner, hand) + '地' : '') + rest.join('，同时')
    }
    case 'repeat': {
      const inner = m.items.map(i => moveWord(i, hand)).join('，再')
      const n = TIMES[m.times] ?? String(m.times)
      // A single tap or bend repeated reads as 碰两下, not 碰一下，重复两次.
      if (m.items.length === 1 && /一下$/.test(inner)) return inner.replace(/一下$/, `${n}下`)
      return m.times > 1 ? `${inner}，共${n}次` : inner
    }
  }
}

const FACE_WORDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  brows: { raise: '扬眉', furrow: '皱眉', sad: '眉头微蹙' },
  eyes: { closed: '闭眼', squint: '眯眼', wide: '睁大眼睛', blink: '眨眼' },
  gaze: { front: '看前方', hand: '眼睛看着手', up: '往上看', down: '往下看', far: '望向远处', i: '看向右边', c: '看向左边', L: '看向左边', R: '看向右边' },
  head: {
    nod: '点头', shake: '摇头', tilt: '头歪向右边', 'tilt.c': '头歪向左边', 'tilt.L': '头歪向左边', 'tilt.R': '头歪向右边',
    down: '低头', up: '抬头', forward: '头向前探', back: '头往后收', 'turn.i': '头转向右边', 'turn.c': '头转向左边',
    'turn.L': '头转向左边', 'turn.R': '头转向右边'
  },
  body: {
    forward: '身体前倾', back: '身体后仰', 'lean.i': '身体向右倾', 'lean.c': '身体向左倾', 'lean.L': '身体向左倾',
    'lean.R': '身体向右倾', 'turn.i': '身体转向右边', 'turn.c': '身体转向左边', 'turn.L': '身体转向左边',
    'turn.R': '身体转向右边', chest: '挺胸', hunch: '含胸', sway: '身体晃动'
  },
  shoulders: { raise: '耸起双肩', shrug: '耸一下肩' },
  mouth: {
    open: '张嘴', o: '嘴成圆形', pursed: '撅嘴', smile: '微笑', frown: '嘴角向下', puff: '鼓起腮帮', closed: '抿着嘴',
    blow: '像吹气一样', tongue: '露出舌头', bite: '咬着牙', say: '口里念着这个词'
  },
  nose: { wrinkle: '皱鼻子' }
}

/** The face in words: 面带高兴的表情，点头。 */
function faceWords (f: NonManual): string {
  const parts: string[] = []
  if (f.expr) parts.push(`面带${f.expr}的表情`)
  for (const key of ['brows', 'eyes', 'gaze', 'head', 'body', 'shoulders', 'mouth', 'nose'] as const) {
    const v = f[key]
    if (v) parts.push(FACE_WORDS[key][v] ?? v)
  }
  return parts.join('，')
}

/** The movement list as at most MAX_MOVE_STEPS clauses (the last one takes the rest). */
function moveSteps (moves: Movement[], hand: 'dom' | 'nondom' | 'both'): string[] {
  const words = moves.map(m => moveWord(m, hand))
  if (words.length <= MAX_MOVE_STEPS) return words
  return [...words.slice(0, MAX_MOVE_STEPS - 1), words.slice(MAX_MOVE_STEPS - 1).join('，再')]
}

const REL_WORD: Readonly<Record<string, string>> = {
  mirror: '双手对称，', parallel: '双手同向，', alternate: '双手交替，', chase: '双手一前一后，'
}

/** The description steps of one simple sign (Chinese sentences, without their numbers). */
export function describeSign (sign: SignNotation): string[] {
  const steps: string[] = []
  const rel = sign.rel
  let moves: string[]
  if (rel === 'one') {
    steps.push(startClause(sign.dom, '右手', 'dom'))
    moves = moveSteps(sign.dom.moves, 'dom').map(m => `右手${m}`)
  } else if (rel === 'base' || rel === 'two') {
    const other = sign.nondom!
    const still = other.moves.length === 0 && rel === 'base'
    const left = `${startClause(other, '左手', 'nondom')}${still ? '，不动' : ''}`
    const right = startClause(sign.dom, '右手', 'dom')
    // Hand-swap (洲): the left hand goes onto the right, so the right is said first.
    steps.push(other.loc.site.startsWith('H.') ? `${right}；${left}` : `${left}；${right}`)
    moves = [
      ...moveSteps(other.moves, 'nondom').map(m => `左手${m}${rel === 'base' ? '，右手随着一起动' : ''}`),
      ...moveSteps(sign.dom.moves, 'dom').map(m => `右手${m}`)
    ]
  } else {
    const who = `${REL_WORD[rel]}右手`
    // REL_WORD already says how the left hand follows the right.
    steps.push(startClause(sign.dom, who, 'dom') + (sign.nondom ? `；左手${startClause(sign.nondom, '', 'nondom')}` : ''))
    // Mirrored hands move apart or together; parallel hands the same way.
    moves = moveSteps(sign.dom.moves, rel === 'parallel' || rel === 'chase' ? 'dom' : 'both').map(m => `${rel === 'alternate' ? '两手轮流' : rel === 'chase' ? '两手在同一个圈上一前一后' : '双手'}${m}`)
  }
  steps.push(...moves)
  const face = faceWords(sign.face)
  if (face) steps[steps.length - 1] += `，同时${face}`
  return steps.map(s => s + '。')
}
