import { formatIssue, NotationError, makeIssue, parseHand, suggest, editDistance } from '../../../src/core/sign'

describe('formatIssue', () => {
  test('file:line entry field: message（值 “x”，是否想写 “y”？）', () => {
    const r = parseHand('AA f:u p:f @neutral', 'dom', { entryId: 'chifan', file: 'src/data/signs/food.signs', line: 12 })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(formatIssue(r.issues[0])).toBe('src/data/signs/food.signs:12 chifan dom: 未知手形（值 “AA”，是否想写 “A”？）')
  })

  test('without a suggestion, without a line, without a file', () => {
    expect(formatIssue(makeIssue({ entryId: 'e', file: 'f.signs' }, 'face', 'x', '坏'))).toBe('f.signs e face: 坏（值 “x”）')
    expect(formatIssue(makeIssue({ entryId: 'e' }, 'rel', 'x', '坏', 'one'))).toBe('e rel: 坏（值 “x”，是否想写 “one”？）')
  })

  test('a very long value is cut in the message but kept in the issue', () => {
    const issue = makeIssue({ entryId: 'e' }, 'dom', 'x'.repeat(500), '太长')
    expect(issue.value).toHaveLength(500)
    expect(formatIssue(issue).length).toBeLessThan(100)
  })
})

describe('NotationError', () => {
  test('is an Error carrying every issue, its message lists them', () => {
    const r = parseHand('AA f:u p:f @chn', 'dom', { entryId: 'e' })
    if (r.ok) throw new Error('expected failure')
    const err = new NotationError(r.issues)
    expect(err).toBeInstanceOf(Error)
    expect(err).toBeInstanceOf(NotationError)
    expect(err.name).toBe('NotationError')
    expect(err.issues).toHaveLength(2)
    expect(err.message.split('\n')).toEqual(r.issues.map(formatIssue))
  })
})

describe('suggest', () => {
  const names = ['chin', 'cheek', 'chest', 'neutral', 'H.palm']
  test('nearest name within two edits, case-insensitive first', () => {
    expect(suggest('chn', names)).toBe('chin')
    expect(suggest('nuetral', names)).toBe('neutral')
    expect(suggest('h.palm', names)).toBe('H.palm')
    expect(suggest('CHIN', names)).toBe('chin')
  })
  test('nothing when far away, empty, already valid or absurdly long', () => {
    expect(suggest('elbowpit', names)).toBeUndefined()
    expect(suggest('', names)).toBeUndefined()
    expect(suggest('chin', names)).toBeUndefined()
    expect(suggest('c'.repeat(1000), names)).toBeUndefined()
  })
  test('edit distance counts a swap as one edit and stops early', () => {
    expect(editDistance('lien', 'line')).toBe(1)
    expect(editDistance('abc', 'abc')).toBe(0)
    expect(editDistance('kitten', 'sitting', 5)).toBe(3)
    expect(editDistance('a', 'abcdefgh', 2)).toBe(3)
  })
})
