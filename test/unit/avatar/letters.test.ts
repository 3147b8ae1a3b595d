import { LEARNER_LETTER_HOLD_S, letterItem, letterItems, letterLabel } from '../../../src/core/avatar/letters'
import { DIACRITIC_LETTERS, FINGER_ALPHABET, NUMBER_HANDS } from '../../../src/core/sign/vocabulary'
import { compileTimeline } from './engine'
import { fingerspell } from '../../../src/core/translate/fingerspell'

describe('finger alphabet and number hands', () => {
  test('30 letters in alphabet order and 11 number hands in counting order', () => {
    expect(FINGER_ALPHABET.map(h => h.id).join(' ')).toBe('A B C D E F G H I J K L M N O P Q R S T U V W X Y Z ZH CH SH NG')
    expect(NUMBER_HANDS.map(h => h.id)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'])
    expect(DIACRITIC_LETTERS.map(h => letterLabel(h.id))).toEqual(['Ü', 'Ê'])
  })

  test.each([...FINGER_ALPHABET, ...NUMBER_HANDS, ...DIACRITIC_LETTERS].map(h => h.id))('%s compiles into a playable timeline', id => {
    const item = letterItem(id)
    expect(item).not.toBeNull()
    const tl = compileTimeline([item!], { letterHold: LEARNER_LETTER_HOLD_S, ambient: false })
    expect(tl.duration).toBeGreaterThan(LEARNER_LETTER_HOLD_S)
    expect(tl.items).toHaveLength(1)
  })

  test('a letter is shown in its own orientation, and ZH carries its extra movement while Z does not', () => {
    const zh = letterItem('ZH')!
    const z = letterItem('Z')!
    expect(zh.sign.dom.handshape).toBe('ZH')
    expect(zh.sign.dom.orient).toEqual({ finger: 'c', palm: 'b' })
    expect(zh.sign.dom.moves.length).toBeGreaterThan(0)
    expect(z.sign.dom.moves).toEqual([])
    expect(zh.label).toBe('ZH')
  })

  test('ü shakes sideways and ê draws a caret: the letter items carry the table\'s movements', () => {
    expect(letterItem('UU')!.sign.dom.moves).toEqual([{ kind: 'line', dir: 'c', size: 's' }, { kind: 'line', dir: 'i', size: 's' }])
    expect(letterItem('EE')!.sign.dom.moves).toEqual([{ kind: 'arc', dir: 'c', bulge: 'u', size: 's' }])
    expect(letterItem('U')!.sign.dom.moves).toEqual([])
  })
})

describe('letterItems', () => {
  test('zhongguo becomes six items that play as one sequence, each letter held longer with the learner hold', () => {
    const spelled = fingerspell('zhongguo')
    if (!spelled.ok) throw new Error(spelled.message)
    const r = letterItems(spelled.letters)
    if (!r.ok) throw new Error(r.message)
    expect(r.items.map(i => i.label)).toEqual(['ZH', 'O', 'NG', 'G', 'U', 'O'])
    const slow = compileTimeline(r.items, { letterHold: LEARNER_LETTER_HOLD_S, ambient: false })
    const fast = compileTimeline(r.items, { letterHold: 0.1, ambient: false })
    expect(slow.items).toHaveLength(6)
    expect(slow.duration).toBeGreaterThan(fast.duration)
  })

  test('an unknown letter is a Chinese error naming it, not a crash', () => {
    const r = letterItems(['A', 'Q9'])
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.message).toContain('Q9')
    expect(letterItem('nonsense')).toBeNull()
    expect(letterItems([]).ok).toBe(false)
  })
})
