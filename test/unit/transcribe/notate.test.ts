/**
 * The draft grammar: description phrases → notation version 2 (scripts/transcribe/notate.ts).
 * Every clause below was written for this test in the book's register (not copied from the
 * national dictionary); each checks one mapping a transcriber relies on.
 */
import { dirWord, fingersFrom, palmFrom, shapeId } from '../../../scripts/transcribe/vocab'
import { handLine, needsNondomLine, notateDescription, type PartDraft } from '../../../scripts/transcribe/notate'
import { posFor, sequence } from '../../../scripts/transcribe/draft'
import { FIXED } from '../../../scripts/reference/grammar'

function one (text: string): PartDraft {
  const parts = notateDescription(1, text)
  expect(parts).toHaveLength(1)
  return parts[0]
}
const dom = (text: string): string => handLine(one(text).dom)

describe('handshape phrases → handshape ids', () => {
  it.each([
    ['一手伸拇、小指，向上微抬。', 'thumb_pinky'],
    ['一手伸拇、食、小指，停在胸前。', 'thumb_index_pinky'],
    ['一手伸中、无名、小指，掌心朝外。', 'mid_ring_pinky'],
    ['一手五指撮合，置于嘴边。', 'flat_o'],
    ['一手虚握，在腹前停住。', 'fist_hollow'],
    ['一手拇、中指相捏，手背朝上。', 'pinch_mid'],
    ['右手拇、食指弯曲，停在胸前，虎口朝上方。', 'pinch_open'],
    ['右手食、中指弯曲，停在腹前，指尖朝下方。', 'v_bent'],
    ['一手五指微曲，掌心朝下。', 'cup'],
    ['一手五指弯曲，掌心朝外。', 'claw'],
    ['一手五指张开，掌心朝内。', 'open'],
    ['一手伸食、中指分开，指尖朝上。', '2'],
    ['右手先打手指字母“G”的指式，停在额前。', 'G']
  ])('%s → %s', (text, id) => {
    expect(one(text).dom.shape).toBe(id)
  })

  it('a bare posture word is the flat hand', () => {
    expect(one('一手横伸，掌心朝上。').dom.shape).toBe('flat')
  })

  it('a lost symbol (“”形) is drafted with needs: lost-symbol, never silently', () => {
    const d = one('右手五指成“”形，虎口朝里。')
    expect(d.needs.has('lost-symbol')).toBe(true)
    expect(d.hints.join()).toContain('看插图')
  })

  it('a handshape set by a held object asks for the illustration (needs: held-object)', () => {
    expect(one('一手如执笔状，向右划一下。').needs.has('held-object')).toBe(true)
  })

  it('a shape the table lacks falls back to the nearest row and says so', () => {
    const c = shapeId({ ...FIXED.fist, key: 'odd', fingers: ['E', 'F', 'E', 'F'], thumb: 'closed', zh: '怪手形' })
    expect(c.id).not.toBe('')
    expect(c.hint ?? '').toMatch(/手形/)
  })
})

describe('orientation words → f: and p:', () => {
  it('横伸 with the palm named', () => {
    expect(dom('一手横伸，掌心向下，停在腹前。')).toMatch(/^flat f:c p:d /)
  })
  it('左/右 are c/i for the dominant hand and i/c for the other hand', () => {
    expect(dom('右手直立，掌心向左。')).toMatch(/f:u p:c/)
    const d = one('左手直立，掌心朝右；右手伸食指，食指尖点一下左手掌心。')
    expect(d.rel).toBe('base')
    expect(handLine(d.nondom!)).toMatch(/f:u p:c/)
    expect(dirWord('左前方', 'dom')).toBe('fc')
    expect(dirWord('左前方', 'nondom')).toBe('fi')
    expect(dirWord('斜上方', 'dom')).toBe('uf')
  })
  it('手背 gives the opposite palm; 虎口 and the fingers give the palm', () => {
    expect(dom('一手伸食指，手背向外。')).toMatch(/p:b/)
    expect(dom('右手握拳，虎口朝上，手背向外。')).toMatch(/^fist f:c p:b/)
    expect(palmFrom('f', 'u')).toBe('c')
    expect(fingersFrom('u', 'b')).toBe('c')
  })
  it('an orientation named after the hand moved is an orient() movement', () => {
    expect(dom('右手伸食指，手背朝上，指尖朝前，停一停，然后转腕，手背朝下。')).toMatch(/f:f p:d @neutral ; orient\(f:f p:u\)$/)
  })
  it('an unstated orientation is completed to a valid pair and flagged for the illustration', () => {
    const d = one('一手伸小指，向前移动。')
    expect(handLine(d.dom)).toMatch(/^pinky f:\w+ p:\w+ /)
    expect(d.hints.join()).toContain('朝向文中未写')
  })
})

describe('places → sites, sides, distance and contact part', () => {
  it('a contact names the site, touch, and the part of the hand that touches', () => {
    expect(dom('右手五指并拢，以指尖抵于前额，稍停，然后向前移动。')).toBe('flat f:b p:d @forehead~touch:tips ; line(f)') // fingertips toward the face
  })
  it('左/右 of a paired site is the side seen from the dominant hand', () => {
    expect(dom('一手侧立，置于右肩前，向下一按。')).toBe('flat f:f p:c @shoulder.i~near ; line(d,s)')
    expect(dom('右手伸食指，手指朝前下方，轻碰左胸部一下。')).toMatch(/@chest\.c ; tap$/)
  })
  it('a place on the other hand makes the other hand a base (H.* site)', () => {
    const d = one('左手横伸；右手伸出食指，指尖朝下方，点一下左手掌心。')
    expect(d.rel).toBe('base')
    expect(handLine(d.dom)).toMatch(/@H\.palm ; tap$/)
    expect(handLine(d.nondom!)).toBe('flat f:c p:u @neutral.c') // it faces the hand that lands on it
  })
  it('moving onto a place: start near it, then to()', () => {
    expect(dom('左手横伸；右手伸出拇、小指，由上往下移至左手掌心。')).toMatch(/@H\.palm~near ; to\(H\.palm\)$/)
  })
  it('eyes and mouth named by a facial expression are not places', () => {
    expect(dom('一手五指撮合，边向外移动边张开，闭眼。')).toMatch(/@neutral /)
  })
})

describe('movement words → movements with counts', () => {
  it.each([
    ['右手伸拇、小指，手指朝前方，再向前移动两下。', 'line(f)*2'],
    ['一手虚握，虎口朝上，向下一顿。', 'line(d,s)+fast'],
    ['右手横伸，掌心朝下，顺时针平行转动一圈。', 'circle(h,cw)'],
    ['一手食指直立，逆时针转动两圈。', 'circle(v,ccw)*2'],
    ['右手直立，掌心向左，左右晃动几下。', '[line(c,s) line(i,s)]*3'],
    ['右手五指张开，手指朝下方，交替点动。', 'wiggle'],
    ['一手拇、食指相捏，捻动几下。', 'rub'],
    ['一手五指张开，在身前抖动。', 'trill'],
    ['右手伸拇指，朝前方弯动两下。', 'bend(f)*2'],
    ['一手五指撮合，边向外移动边张开。', 'line(f)+shape(open)'],
    ['右手食指直立，向上一指。', 'line(u,s)'],
    ['右手五指撮合，手指朝上方，然后张开。', 'shape(open)']
  ])('%s → %s', (text, move) => {
    expect(dom(text).split(' ; ')[1]).toBe(move)
  })
})

describe('two-hand relations', () => {
  it('双手 … 相对 … 同时 is mirror; 交替 alternate; the same absolute side parallel', () => {
    expect(one('双手侧立，掌心相对，一起向下移动。').rel).toBe('mirror')
    expect(one('双手伸食指，交替上下移动。').rel).toBe('alternate')
    expect(one('双手平伸，掌心朝下，同时向左移动。').rel).toBe('parallel')
  })
  it('a mirrored pair writes no nondom line; a base writes one', () => {
    expect(needsNondomLine(one('双手侧立，掌心相对，一起向下移动。'))).toBe(false)
    expect(needsNondomLine(one('左手握拳，手背朝上；右手握拳，在左拳上砸一下。'))).toBe(true)
  })
  it('a two-hand figure of the notation table is written in full; others ask for the illustration', () => {
    const ren = one('双手食指搭成“人”字形。')
    expect(ren.rel).toBe('mirror')
    expect(handLine(ren.dom)).toBe('index f:dc p:b @neutral.m:index_tip')
    expect(ren.needs.size).toBe(0)
    expect(one('双手拇、食指搭成“田”字形。').needs.has('figure')).toBe(true)
  })
})

describe('non-manual phrases → face keys', () => {
  it.each([
    ['一手伸食指，左右晃动，面露疑问的表情。', 'expr', '疑问'],
    ['一手拇、食指相捏，捻动几下，面露惊奇的表情。', 'expr', '惊讶'],
    ['右手伸拇指，朝前方弯动两下，点头。', 'head', 'nod'],
    ['一手五指撮合，边向外移动边张开，闭眼。', 'eyes', 'closed'],
    ['一手五指张开，在嘴前停住，鼓腮。', 'mouth', 'puff']
  ])('%s → %s=%s', (text, key, value) => {
    expect(one(text).face.get(key)).toBe(value)
  })
})

describe('parts （一）（二）', () => {
  const text = '（一）右手伸食指，指一下自己。\n（二）右手平伸，掌心朝上，向前移动。'
  it('each part is drafted on its own', () => {
    const parts = notateDescription(1, text)
    expect(parts).toHaveLength(2)
    expect(handLine(parts[0].dom)).toMatch(/^index .*@chest~near ; line\(b,s\)$/)
  })
  it('parts that are not national signs become one entry: later parts as changes and movements', () => {
    const seq = sequence(notateDescription(1, text))
    expect(handLine(seq.dom)).toMatch(/; line\(b,s\) shape\(flat\) orient\(f:f p:u\) to\(neutral\) line\(f\)$/)
    expect(seq.needs.has('part-sequence')).toBe(false)
  })
  it('a part that changes the two-hand relation is marked needs: part-sequence', () => {
    const seq = sequence(notateDescription(1, '（一）右手伸食指，向前移动。\n（二）左手横伸；右手伸出食指，点一下左手掌心。'))
    expect(seq.needs.has('part-sequence')).toBe(true)
  })
})

describe('part of speech from jieba tags', () => {
  it('maps tags and falls back sensibly', () => {
    expect(posFor('吃', 'v', 'verbs')).toBe('动')
    expect(posFor('改革', 'vn', 'process')).toBe('动 名')
    expect(posFor('五', 'm', 'numbers')).toBe('数')
    expect(posFor('越……越……', '', 'function')).toBe('连')
  })
})
