import {
  parseFace,
  parseHand,
  parseMovements,
  parseSignNotation,
  MAX_LINE_LENGTH,
  MAX_REPEAT,
  type Movement,
  type NotationIssue
} from '../../../src/core/sign'

const ctx = { entryId: 'test_entry', file: 'src/data/signs/test.signs', line: 7 }

function hand (src: string) {
  const r = parseHand(src, 'dom', ctx)
  if (!r.ok) throw new Error(`expected ${src} to parse: ${JSON.stringify(r.issues)}`)
  return r.hand
}

function issues (src: string, field = 'dom'): NotationIssue[] {
  const r = parseHand(src, field, ctx)
  if (r.ok) throw new Error(`expected ${src} to fail`)
  return r.issues
}

function moves (src: string): Movement[] {
  return hand(`flat f:u p:c @neutral ; ${src}`).moves
}

describe('parseHand: start posture', () => {
  test('handshape, orientation and location of the 谢谢 example', () => {
    expect(hand('A f:u p:c @neutral ; bend(f)*2')).toEqual({
      handshape: 'A',
      orient: { finger: 'u', palm: 'c' },
      loc: { site: 'neutral' },
      moves: [{ kind: 'repeat', times: 2, items: [{ kind: 'bend', dir: 'f' }] }]
    })
  })

  test('p: may come before f:, and a line without movements has none', () => {
    expect(hand('5 p:f f:u @chest')).toEqual({
      handshape: '5', orient: { finger: 'u', palm: 'f' }, loc: { site: 'chest' }, moves: []
    })
  })

  test('combined directions are put in canonical order u/d, f/b, i/c', () => {
    expect(hand('flat f:fu p:cd @neutral').orient).toEqual({ finger: 'uf', palm: 'dc' })
    expect(hand('flat f:ufi p:b @neutral').orient.finger).toBe('ufi')
  })

  test('location with side and distance', () => {
    expect(hand('flat f:u p:b @cheek.c~touch').loc).toEqual({ site: 'cheek', side: 'c', distance: 'touch' })
    expect(hand('flat f:u p:b @ear~far').loc).toEqual({ site: 'ear', distance: 'far' })
    expect(hand('flat f:u p:b @neutral.m').loc).toEqual({ site: 'neutral', side: 'm' })
    expect(hand('flat f:u p:b @neutral.i~near').loc).toEqual({ site: 'neutral', side: 'i', distance: 'near' })
  })

  test('sites on the other hand keep their H. prefix', () => {
    expect(hand('index f:d p:b @H.palm').loc).toEqual({ site: 'H.palm' })
    expect(hand('index f:d p:b @H.index_tip~close').loc).toEqual({ site: 'H.index_tip', distance: 'close' })
  })
})

describe('parseHand: every movement kind', () => {
  test.each<[string, Movement]>([
    ['line(f)', { kind: 'line', dir: 'f', size: 'm' }],
    ['line(uc,l)', { kind: 'line', dir: 'uc', size: 'l' }],
    ['arc(c,u)', { kind: 'arc', dir: 'c', bulge: 'u', size: 'm' }],
    ['arc(f,u,s)', { kind: 'arc', dir: 'f', bulge: 'u', size: 's' }],
    ['circle(v,cw)', { kind: 'circle', plane: 'v', clockwise: true, size: 'm' }],
    ['circle(h,ccw,l)', { kind: 'circle', plane: 'h', clockwise: false, size: 'l' }],
    ['circle(s,cw,s)', { kind: 'circle', plane: 's', clockwise: true, size: 's' }],
    ['circle(h,cw,H)', { kind: 'circle', plane: 'h', clockwise: true, size: 'm', round: true }],
    ['zigzag(d)', { kind: 'zigzag', dir: 'd', size: 'm' }],
    ['wave(c,s)', { kind: 'wave', dir: 'c', size: 's' }],
    ['twist(in)', { kind: 'twist', inward: true }],
    ['twist(out)', { kind: 'twist', inward: false }],
    ['bend(d)', { kind: 'bend', dir: 'd' }],
    ['wiggle', { kind: 'wiggle' }],
    ['shape(fist)', { kind: 'shape', handshape: 'fist' }],
    ['shape(ZH)', { kind: 'shape', handshape: 'ZH' }],
    ['tap', { kind: 'tap' }],
    ['tap(@chin)', { kind: 'tap', at: { site: 'chin' } }],
    ['tap(H.back)', { kind: 'tap', at: { site: 'H.back' } }],
    ['brush(d)', { kind: 'brush', dir: 'd' }],
    ['to(@shoulder.c)', { kind: 'to', at: { site: 'shoulder', side: 'c' } }],
    ['orient(f:f p:d)', { kind: 'orient', orient: { finger: 'f', palm: 'd' } }],
    ['hold', { kind: 'hold', seconds: 0.3 }],
    ['hold(1.5)', { kind: 'hold', seconds: 1.5 }]
  ])('%s', (src, expected) => {
    expect(moves(src)).toEqual([expected])
  })

  test('items play in order, separated by spaces', () => {
    expect(moves('line(f) hold tap').map(m => m.kind)).toEqual(['line', 'hold', 'tap'])
  })

  test('*n repeats one item; [ ... ]*n repeats a group', () => {
    expect(moves('tap*3')).toEqual([{ kind: 'repeat', times: 3, items: [{ kind: 'tap' }] }])
    expect(moves('[line(f,s) line(b,s)]*2')).toEqual([{
      kind: 'repeat',
      times: 2,
      items: [{ kind: 'line', dir: 'f', size: 's' }, { kind: 'line', dir: 'b', size: 's' }]
    }])
  })

  test('a+b plays items at the same time, also with spaces around +', () => {
    const expected: Movement[] = [{
      kind: 'par',
      items: [{ kind: 'line', dir: 'f', size: 'm' }, { kind: 'shape', handshape: 'open' }]
    }]
    expect(moves('line(f)+shape(open)')).toEqual(expected)
    expect(moves('line(f) + shape(open)')).toEqual(expected)
  })

  test('repeat binds tighter than +, and groups nest', () => {
    expect(moves('tap*2+wiggle')).toEqual([{
      kind: 'par', items: [{ kind: 'repeat', times: 2, items: [{ kind: 'tap' }] }, { kind: 'wiggle' }]
    }])
    expect(moves('[[tap hold]*2 line(d)]*2')).toEqual([{
      kind: 'repeat',
      times: 2,
      items: [
        { kind: 'repeat', times: 2, items: [{ kind: 'tap' }, { kind: 'hold', seconds: 0.3 }] },
        { kind: 'line', dir: 'd', size: 'm' }
      ]
    }])
  })

  test('a bracketed group without *n is a plain sequence, or a unit inside +', () => {
    expect(moves('[tap hold]')).toEqual([{ kind: 'tap' }, { kind: 'hold', seconds: 0.3 }])
    expect(moves('[line(f) line(b)]+wiggle')).toEqual([{
      kind: 'par',
      items: [
        { kind: 'repeat', times: 1, items: [{ kind: 'line', dir: 'f', size: 'm' }, { kind: 'line', dir: 'b', size: 'm' }] },
        { kind: 'wiggle' }
      ]
    }])
  })
})

describe('parseHand: errors name field, value and the nearest valid name', () => {
  test('unknown handshape and site in one line: both reported with suggestions', () => {
    const list = issues('AA f:u p:f @chn')
    expect(list).toHaveLength(2)
    expect(list[0]).toMatchObject({ entryId: 'test_entry', file: ctx.file, line: 7, field: 'dom', value: 'AA', suggestion: 'A' })
    expect(list[0].message).toContain('手形')
    expect(list[1]).toMatchObject({ field: 'dom', value: 'chn', suggestion: 'chin' })
    expect(list[1].message).toContain('位置')
  })

  test('the field named is the one passed in (nondom)', () => {
    expect(issues('flatt f:u p:f @neutral', 'nondom')[0]).toMatchObject({ field: 'nondom', value: 'flatt', suggestion: 'flat' })
  })

  test('case-insensitive matches are suggested: handshape, site, movement', () => {
    expect(issues('zh f:u p:f @neutral')[0]).toMatchObject({ value: 'zh', suggestion: 'ZH' })
    expect(issues('A f:u p:c @h.palm')[0]).toMatchObject({ value: 'h.palm', suggestion: 'H.palm' })
    expect(issues('A f:u p:c @neutral ; LINE(f)')[0]).toMatchObject({ value: 'LINE', suggestion: 'line' })
  })

  test('unknown movement gets the nearest movement name', () => {
    expect(issues('A f:u p:c @neutral ; lien(f)')[0]).toMatchObject({ value: 'lien', suggestion: 'line' })
    expect(issues('A f:u p:c @neutral ; circel(v,cw)')[0]).toMatchObject({ value: 'circel', suggestion: 'circle' })
    expect(issues('A f:u p:c @neutral ; dance')[0].suggestion).toBeUndefined()
  })

  test('unknown handshape inside shape(...) is reported with a suggestion', () => {
    expect(issues('A f:u p:c @neutral ; shape(opne)')[0]).toMatchObject({ value: 'opne', suggestion: 'open' })
  })

  test('bad directions: unknown letter, upper case, opposite letters, repeated letter, too long', () => {
    expect(issues('A f:x p:c @neutral')[0]).toMatchObject({ value: 'x' })
    expect(issues('A f:U p:c @neutral')[0]).toMatchObject({ value: 'U', suggestion: 'u' })
    const opp = issues('A f:ud p:c @neutral')[0]
    expect(opp.value).toBe('ud')
    expect(opp.message).toContain('相反')
    expect(issues('A f:uu p:c @neutral')[0].message).toContain('重复')
    expect(issues('A f:ufic p:c @neutral')[0]).toMatchObject({ value: 'ufic' })
    expect(issues('A f:u p:c @neutral ; line(q)')[0]).toMatchObject({ value: 'q' })
  })

  test('finger and palm pointing the same or opposite way is impossible', () => {
    expect(issues('A f:u p:u @neutral')[0]).toMatchObject({ value: 'f:u p:u' })
    expect(issues('A f:f p:b @neutral')[0]).toMatchObject({ value: 'f:f p:b' })
  })

  test('missing parts are named', () => {
    expect(issues('A p:c @neutral').map(i => i.message).join()).toContain('f:')
    expect(issues('A f:u @neutral').map(i => i.message).join()).toContain('p:')
    expect(issues('A f:u p:c').map(i => i.message).join()).toContain('缺少位置')
    expect(issues('f:u p:c @neutral')[0]).toMatchObject({ value: 'f:u' })
    expect(issues('A f:u p:c @neutral ;')[0].message).toContain('缺少动作')
    expect(issues('A f:u f:d p:c @neutral')[0].message).toContain('两次')
    expect(issues('A f:u p:c @neutral @chin')[0].message).toContain('只能写一个')
    expect(issues('A f:u q:c @neutral')[0]).toMatchObject({ value: 'q:c', suggestion: 'p:c' })
  })

  test('bad side and distance (a midline site may take a lateral offset)', () => {
    expect(hand('A f:u p:c @chin.c').loc).toEqual({ site: 'chin', side: 'c' })
    expect(issues('A f:u p:c @cheek.m')[0]).toMatchObject({ value: 'cheek.m' })
    expect(issues('A f:u p:c @cheek.x')[0]).toMatchObject({ value: 'x' })
    expect(issues('A f:u p:c @H.palm.c')[0]).toMatchObject({ value: 'H.palm.c' })
    expect(issues('A f:u p:c @cheek~tuch')[0]).toMatchObject({ value: 'tuch', suggestion: 'touch' })
    expect(issues('A f:u p:c @')[0].message).toContain('缺少位置')
  })

  test('bad movement arguments', () => {
    const bad: Array<[string, string]> = [
      ['line()', 'line()'],
      ['line(f,xl)', 'xl'],
      ['arc(f)', 'arc(f)'],
      ['arc(f,b)', 'arc(f,b)'],
      ['circle(x,cw)', 'x'],
      ['circle(v,clockwise)', 'clockwise'],
      ['twist(up)', 'up'],
      ['wiggle(2)', 'wiggle(2)'],
      ['hold(0)', '0'],
      ['hold(9)', '9'],
      ['hold(abc)', 'abc'],
      ['to', 'to'],
      ['orient(f:u)', 'orient(f:u)'],
      ['tap(@nose,@chin)', 'tap(@nose,@chin)']
    ]
    for (const [src, value] of bad) {
      const list = issues(`A f:u p:c @neutral ; ${src}`)
      expect([src, list[0].value]).toEqual([src, value])
    }
    expect(issues('A f:u p:c @neutral ; circle(v,ccv)')[0].suggestion).toBe('ccw')
  })

  test('structure errors: brackets, parentheses, repeat counts, separators', () => {
    expect(issues('A f:u p:c @neutral ; line(f')[0].message).toContain('“)”')
    expect(issues('A f:u p:c @neutral ; [tap hold')[0].message).toContain('“]”')
    expect(issues('A f:u p:c @neutral ; tap]')[0].message).toContain('“]”')
    expect(issues('A f:u p:c @neutral ; []*2')[0].message).toContain('没有动作')
    expect(issues('A f:u p:c @neutral ; tap*')[0].value).toBe('*')
    expect(issues('A f:u p:c @neutral ; tap*1')[0].value).toBe('*1')
    expect(issues(`A f:u p:c @neutral ; tap*${MAX_REPEAT + 1}`)[0].value).toBe(`*${MAX_REPEAT + 1}`)
    expect(issues('A f:u p:c @neutral ; tap+')[0].value).toBe('+')
    expect(issues('A f:u p:c @neutral ; line(f)line(b)')[0].message).toContain('空格')
    expect(issues('A f:u p:c @neutral ; tap ; hold')[0].message).toContain('“;”')
    expect(issues('A f:u p:c @neutral ; [[[[[tap]]]]]')[0].message).toContain('嵌套')
  })

  test('several independent errors in one line are all reported', () => {
    const list = issues('a f:U p:c @chn ; lien(f) shape(opne)')
    expect(list.map(i => i.value)).toEqual(['a', 'U', 'chn', 'lien', 'opne'])
  })
})

describe('parseHand: untrusted input never throws', () => {
  test('empty, blank, huge and non-string input give issues', () => {
    for (const src of ['', '   ', '\n\t', ';', '@', '[', ']', '(', ')', '*', '+', 'f:', 'p:', '@~', '@.']) {
      const r = parseHand(src, 'dom', ctx)
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.issues.length).toBeGreaterThan(0)
    }
    const huge = parseHand('A f:u p:c @neutral ; ' + 'tap '.repeat(1000), 'dom', ctx)
    expect(huge.ok).toBe(false)
    if (!huge.ok) expect(huge.issues[0].message).toContain(String(MAX_LINE_LENGTH))
    for (const v of [undefined, null, 42, {}, []]) {
      expect(parseHand(v as unknown as string, 'dom', ctx).ok).toBe(false)
    }
  })

  test('deep nesting and unicode garbage', () => {
    expect(parseHand('A f:u p:c @neutral ; ' + '['.repeat(400) + 'tap' + ']'.repeat(400), 'dom', ctx).ok).toBe(false)
    for (const src of ['谢谢 f:上 p:左 @胸前', '🤟 f:u p:c @neutral', 'A f:u p:c @neutral ; 𝓵𝓲𝓷𝓮(f)', 'A\u0000f:u p:c @neutral', 'A f:u p:c @neutral ; line(f)\u202e']) {
      expect(parseHand(src, 'dom', ctx).ok).toBe(false)
    }
  })

  test('10 000 random strings from the notation alphabet never throw', () => {
    const alphabet = 'AZHflat05 f:p:udfbic@.~;[]()*+,_ \u4e2d\ud83e\udd1f'
    let seed = 12345
    const rand = (): number => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648 }
    let parsed = 0
    for (let k = 0; k < 10000; k++) {
      const len = Math.floor(rand() * 60)
      let s = ''
      for (let j = 0; j < len; j++) s += alphabet[Math.floor(rand() * alphabet.length)]
      const r = parseHand(s, 'dom', ctx)
      if (r.ok) parsed++
      else expect(r.issues.length).toBeGreaterThan(0)
      parseFace(s, ctx)
      parseMovements(s, 'dom', ctx)
    }
    expect(parsed).toBeLessThan(10000)
  })
})

describe('parseFace', () => {
  test('all keys', () => {
    const r = parseFace('brows=raise head=nod mouth=o gaze=hand expr=疑问', ctx)
    expect(r).toEqual({ ok: true, face: { brows: 'raise', head: 'nod', mouth: 'o', gaze: 'hand', expr: '疑问' } })
  })

  test('unknown key and value get suggestions; duplicates and malformed items are errors', () => {
    const r = parseFace('brow=raise mouth=smiel expr=开心 head=nod head=shake gaze', ctx)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.issues.map(i => [i.field, i.value, i.suggestion])).toEqual([
      ['face', 'brow', 'brows'],
      ['face', 'smiel', 'smile'],
      ['face', '开心', undefined],
      ['face', 'head=shake', undefined],
      ['face', 'gaze', undefined]
    ])
  })

  test('an empty face line is an error', () => {
    expect(parseFace('  ', ctx).ok).toBe(false)
  })
})

describe('parseSignNotation: two-hand relations', () => {
  test('one-handed sign: rel defaults to one, face defaults to {}', () => {
    const r = parseSignNotation({ dom: 'A f:u p:c @neutral ; bend(f)*2', face: 'expr=高兴' }, ctx)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.sign.version).toBe(2)
    expect(r.sign.rel).toBe('one')
    expect(r.sign.nondom).toBeUndefined()
    expect(r.sign.face).toEqual({ expr: '高兴' })
    const bare = parseSignNotation({ dom: 'A f:u p:c @neutral' }, ctx)
    expect(bare.ok && bare.sign.face).toEqual({})
  })

  test.each(['mirror', 'parallel', 'alternate'])('rel %s: nondom optional (derived by the engine) or explicit', rel => {
    const derived = parseSignNotation({ dom: '5 f:u p:f @neutral ; wiggle', rel }, ctx)
    expect(derived.ok && derived.sign.rel).toBe(rel)
    expect(derived.ok && derived.sign.nondom).toBeUndefined()
    const explicit = parseSignNotation({ dom: '5 f:u p:f @neutral', nondom: '5 f:u p:f @neutral', rel }, ctx)
    expect(explicit.ok && explicit.sign.nondom?.handshape).toBe('5')
  })

  test.each(['base', 'two'])('rel %s: requires nondom', rel => {
    const ok = parseSignNotation({ dom: 'index f:d p:b @H.palm ; tap', nondom: 'flat f:f p:u @neutral_low', rel }, ctx)
    expect(ok.ok).toBe(true)
    if (ok.ok) expect(ok.sign.nondom).toEqual({ handshape: 'flat', orient: { finger: 'f', palm: 'u' }, loc: { site: 'neutral_low' }, moves: [] })
    const missing = parseSignNotation({ dom: 'index f:d p:b @H.palm', rel }, ctx)
    expect(missing.ok).toBe(false)
    if (!missing.ok) expect(missing.issues[0]).toMatchObject({ field: 'nondom', value: '' })
  })

  test('a nondom line with rel one (written or default) is an error', () => {
    for (const src of [
      { dom: 'A f:u p:c @neutral', nondom: 'flat f:u p:c @neutral', rel: 'one' },
      { dom: 'A f:u p:c @neutral', nondom: 'flat f:u p:c @neutral' }
    ]) {
      const r = parseSignNotation(src, ctx)
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.issues[0]).toMatchObject({ field: 'nondom', value: 'flat f:u p:c @neutral' })
    }
  })

  test('a one-handed sign cannot be located on the other hand', () => {
    const r = parseSignNotation({ dom: 'index f:d p:b @neutral ; tap(@H.palm)' }, ctx)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.issues[0]).toMatchObject({ field: 'dom' })
  })

  test('hand-swap (洲): the left hand may go onto the right (rel: two), but not both hands onto each other', () => {
    expect(parseSignNotation({ rel: 'two', dom: '4 f:d p:b @neutral.i', nondom: 'index f:c p:b @H.middle:finger' }, ctx).ok).toBe(true)
    const r = parseSignNotation({ rel: 'two', dom: '4 f:d p:b @H.index', nondom: 'index f:c p:b @H.middle:finger' }, ctx)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.issues[0]).toMatchObject({ field: 'nondom', value: 'index f:c p:b @H.middle:finger' })
    if (!r.ok) expect(r.issues[0].message).toMatch(/两只手不能都以对方为起始位置/)
  })

  test('role-swap (约会): only alternating hands may reach the other hand, each in turn; never at the start', () => {
    const dom = 'flat f:uf p:c @neutral.i ; tap(H.palm:palm)*2'
    expect(parseSignNotation({ rel: 'alternate', dom }, ctx).ok).toBe(true)
    for (const rel of ['mirror', 'parallel']) {
      const r = parseSignNotation({ rel, dom }, ctx)
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.issues[0]).toMatchObject({ field: 'rel', value: rel, suggestion: 'alternate' })
      if (!r.ok) expect(r.issues[0].message).toMatch(/不能同时去碰对方/)
    }
    const start = parseSignNotation({ rel: 'alternate', dom: 'flat f:uf p:c @H.palm ; tap' }, ctx)
    expect(start.ok).toBe(false)
    if (!start.ok) expect(start.issues[0]).toMatchObject({ field: 'dom' })
    if (!start.ok) expect(start.issues[0].message).toMatch(/起始位置不能在另一只手上/)
    // With its own nondom line each hand says what it does: not this rule's business.
    expect(parseSignNotation({ rel: 'mirror', dom, nondom: 'flat f:uf p:c @neutral.i' }, ctx).ok).toBe(true)
  })

  test('unknown rel gets a suggestion', () => {
    const r = parseSignNotation({ dom: 'A f:u p:c @neutral', rel: 'mirorr' }, ctx)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.issues[0]).toMatchObject({ field: 'rel', value: 'mirorr', suggestion: 'mirror' })
  })

  test('compound is the caller\'s job; with dom it is a conflict', () => {
    const alone = parseSignNotation({ compound: ['ni', 'hao'] }, ctx)
    expect(alone.ok).toBe(false)
    if (!alone.ok) expect(alone.issues[0]).toMatchObject({ field: 'compound', value: 'ni hao' })
    const both = parseSignNotation({ compound: ['ni'], dom: 'A f:u p:c @neutral' }, ctx)
    expect(both.ok).toBe(false)
    if (!both.ok) expect(both.issues[0].message).toContain('不能同时')
  })

  test('missing dom, and issues from every field are collected', () => {
    const r = parseSignNotation({ nondom: 'flatt f:u p:c @neutral', rel: 'base', face: 'brows=up' }, ctx)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.issues.map(i => [i.field, i.value])).toEqual([['dom', ''], ['nondom', 'flatt'], ['face', 'up']])
  })

  test('garbage source objects do not throw', () => {
    for (const src of [null, undefined, 3, 'A', { dom: 5 }, { dom: 'A f:u p:c @neutral', rel: 7 }, { dom: 'A f:u p:c @neutral', face: {} }]) {
      expect(parseSignNotation(src as never, ctx).ok).toBe(false)
    }
  })
})

describe('parseSignNotation: a circle round the other hand (`circle(…,H)`)', () => {
  const ctx = { entryId: 'x' }
  test('is the dominant hand\'s first movement from a site on the other hand (社会)', () => {
    expect(parseSignNotation({ rel: 'base', dom: 'index f:d p:b @H.fingertips~close:index_tip ; circle(h,cw,H)*2', nondom: 'flat_o f:u p:c @neutral' }, ctx).ok).toBe(true)
  })
  test.each([
    ['a start in space', { rel: 'base', dom: 'index f:d p:b @neutral ; circle(h,cw,H)', nondom: 'flat_o f:u p:c @neutral' }, 'dom'],
    ['not the first movement', { rel: 'base', dom: 'index f:d p:b @H.fingertips ; tap circle(h,cw,H)', nondom: 'flat_o f:u p:c @neutral' }, 'dom'],
    ['on the base hand', { rel: 'base', dom: 'index f:d p:b @H.fingertips ; tap', nondom: 'flat_o f:u p:c @neutral ; circle(h,cw,H)' }, 'nondom']
  ])('is refused with %s, naming the field', (_name, src, field) => {
    const r = parseSignNotation(src, ctx)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.issues.find(i => /circle\(…,H\)/.test(i.message))?.field).toBe(field)
  })
})
