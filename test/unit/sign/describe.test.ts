// The description steps beside the avatar are generated from the notation: what a learner reads
// must be what the avatar does.
import { describeSign, MAX_MOVE_STEPS } from '../../../src/core/sign/describe'
import type { NotationSource } from '../../../src/core/sign/dictionary'
import { parseSignNotation } from '../../../src/core/sign/parse'
import { describeEntry } from '../../../src/core/sign/resolve'
import { compiledDictionary } from '../../support/compiled'

function steps (n: NotationSource): string[] {
  const r = parseSignNotation(n, { entryId: 'test' })
  if (!r.ok) throw new Error(JSON.stringify(r.issues))
  return describeSign(r.sign)
}

describe('describeSign', () => {
  it('step 1 is the start: handshape, where the fingers point, the palm and the place; then each movement', () => {
    expect(steps({ dom: '1 f:f p:d @neutral ; line(f,s)' })).toEqual([
      '右手数字1的手形，手指指向前方，手心朝下，放在胸前。',
      '右手向前移动一点。'
    ])
  })

  it('a held hand at a body site is placed against it or near it, and a contact part is named', () => {
    expect(steps({ dom: 'flat f:u p:b @chin' })[0]).toMatch(/靠近下巴/)
    expect(steps({ dom: 'flat f:u p:b @chest:palm' })[0]).toMatch(/用手心靠近胸部。$/)
    expect(steps({ rel: 'base', nondom: 'flat f:c p:u @neutral', dom: '1 f:d p:b @H.palm:tips' })[0]).toMatch(/右手.*用指尖贴在左手掌心。$/)
  })

  it('the left hand on the right (洲), both hands in turn on the other (约会), the arm squeezing (仇)', () => {
    expect(steps({ rel: 'two', dom: '4 f:d p:b @neutral.i', nondom: 'index f:c p:b @H.middle:finger' })[0]).toMatch(/^右手数字4的手形.*；左手食指手形.*用手指中段贴在右手中指。$/)
    expect(steps({ rel: 'alternate', dom: 'flat f:uf p:c @neutral.i ; tap(H.palm:palm)*2' })[1]).toBe('两手轮流碰一下另一手掌心，共两次。')
    expect(steps({ rel: 'two', dom: 'flat f:c p:b @armpit.c~touch:tips', nondom: 'flat f:d p:c @hip~close:palm ; squeeze' })).toEqual([
      '左手平掌手形，手指指向下方，手心朝右，用手心靠近胯部；右手平掌手形，手指指向左方，手心朝里，用指尖贴在腋下（左侧）。',
      '左手手臂向身体夹一下。'
    ])
    expect(steps({ rel: 'chase', dom: 'flat_o f:c p:u @neutral.i ; circle(h,cw,l)*2' })[1]).toBe('两手在同一个圈上一前一后平着画大圈（顺时针），共两次。')
  })

  it('a flex names the fingers that bend, and repeats as 弯动两下', () => {
    expect(steps({ dom: 'thumb_pinky f:u p:f @neutral ; flex(thumb,pinky)' })[1]).toBe('右手拇指、小指弯动一下。')
    expect(steps({ dom: '3 f:u p:f @neutral ; flex(middle,ring,pinky)*2' })[1]).toBe('右手中指、无名指、小指弯动两下。')
  })

  it('repeated taps read as 碰两下, and the face closes the last step', () => {
    const s = steps({ dom: 'A f:u p:c @neutral ; bend(f)*2', face: 'mouth=smile head=nod' })
    expect(s[1]).toBe('右手手腕向前弯两下，同时点头，微笑。')
  })

  it(`more than ${MAX_MOVE_STEPS} movements share the last step, in order`, () => {
    const s = steps({ dom: '5 f:u p:f @neutral ; line(R,m) line(u,s) circle(v,cw,s) tap*2' })
    expect(s).toHaveLength(1 + MAX_MOVE_STEPS)
    expect(s.slice(1)).toEqual(['右手向右移动。', '右手向上移动一点。', '右手在身前竖着画小圈（顺时针），再碰两下。'])
  })

  it('mirrored hands move apart or together, parallel hands the same way', () => {
    expect(steps({ rel: 'mirror', dom: 'flat f:u p:c @neutral ; line(i,m)' })).toEqual([
      '双手对称，右手平掌手形，手指指向上方，手心朝左，放在胸前。', '双手向两侧移动。'])
    expect(steps({ rel: 'mirror', dom: 'flat f:u p:c @neutral ; line(c,s)' })[1]).toBe('双手向中间移动一点。')
    expect(steps({ rel: 'parallel', dom: 'flat f:f p:d @neutral ; line(i,m)' })[1]).toBe('双手向右移动。')
  })

  it('a base hand is set first and said to stay still; the moving hand is placed on it', () => {
    const s = steps({ rel: 'base', dom: 'flat f:c p:u @H.palm ; brush(f)', nondom: 'flat f:c p:u @neutral' })
    expect(s[0]).toMatch(/^左手平掌手形.*不动；右手平掌手形.*贴在左手掌心/)
    expect(s[1]).toBe('右手贴着表面向前擦过。')
  })

  it('absolute sides L/R keep their side for either hand; i/c are the hand\'s own side', () => {
    expect(steps({ dom: '1 f:u p:f @neutral ; line(L,m)' })[1]).toBe('右手向左移动。')
    expect(steps({ rel: 'two', dom: '1 f:u p:f @neutral ; line(i,m)', nondom: '1 f:u p:f @neutral ; line(i,m)' }).slice(1))
      .toEqual(['左手向左移动。', '右手向右移动。'])
  })
})

describe('the whole dictionary', () => {
  const dict = compiledDictionary()
  const byId = new Map(dict.entries.map(e => [e.id, e]))
  it('every entry has steps, in Chinese sentences, with no raw notation left in them', () => {
    const bad: string[] = []
    for (const e of dict.entries) {
      const r = describeEntry(e.id, id => byId.get(id))
      if (!r.ok) { bad.push(`${e.id}: ${r.message}`); continue }
      if (r.steps.length === 0) bad.push(`${e.id}: no steps`)
      for (const s of r.steps) {
        // A table miss would leak an id (H.palm, flat_o, line(...)) or "undefined" into the text.
        if (!/。$/.test(s) || /undefined|[A-Za-z_]{3,}|[()]/.test(s.replace(/字母[A-Z]{1,2}|数字\d+/g, ''))) bad.push(`${e.id}: ${s}`)
      }
    }
    expect(bad).toEqual([])
  })
})
