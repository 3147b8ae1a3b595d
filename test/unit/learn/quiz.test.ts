import {
  LearnError, checkSpelling, makeSignToWordQuiz, makeSpellingQuiz, makeWordToSignQuiz, normalizePinyin, scoreQuiz,
  seededRng, spellingCandidates, spellLetters, type Answer, type ChoiceQuestion
} from '../../../src/core/learn'
import type { EntryHeader } from '../../../src/core/sign/header'
import { HEADERS } from './fixture'

const byId = new Map(HEADERS.map(h => [h.id, h]))
const meanings = (h: EntryHeader): string[] => [h.word, ...h.shares]

function checkQuestion (q: ChoiceQuestion, answerId: string): void {
  expect(q.options).toHaveLength(4)
  expect(new Set(q.options).size).toBe(4)
  expect(new Set(q.words).size).toBe(4)
  expect(q.options.filter(id => id === answerId)).toHaveLength(1)
  expect(q.options[q.correctIndex]).toBe(answerId)
  // exactly one option is right: no other option means the answer's word, nor does the answer mean theirs
  const answer = byId.get(answerId)!
  const right = q.options.filter(id => meanings(byId.get(id)!).some(w => meanings(answer).includes(w)))
  expect(right).toEqual([answerId])
  q.options.forEach((id, i) => expect(q.words[i]).toBe(byId.get(id)!.word))
}

describe('multiple-choice quizzes', () => {
  it.each([1, 2, 3])('every entry of the fixture, seed %i: 4 distinct options, the answer exactly once', (seed) => {
    const rng = seededRng(seed)
    for (const h of HEADERS) {
      checkQuestion(makeSignToWordQuiz(h.id, HEADERS, rng), h.id)
      const w = makeWordToSignQuiz(h.id, HEADERS, rng)
      checkQuestion(w, h.id)
      expect(w.kind).toBe('w2s')
    }
  })

  it('distractors come from the same category or handshape when there are enough, else from anywhere', () => {
    const rng = seededRng(9)
    let filled = 0
    for (const h of HEADERS) {
      const close = (o: EntryHeader): boolean => o.category === h.category || o.handshape === h.handshape
      const closeWords = new Set(HEADERS.filter(o => o.id !== h.id && close(o) && !meanings(o).some(w => meanings(h).includes(w))).map(o => o.word))
      const q = makeSignToWordQuiz(h.id, HEADERS, rng)
      const closeOptions = q.options.filter(id => id !== h.id && close(byId.get(id)!)).length
      expect([h.id, closeOptions]).toEqual([h.id, Math.min(3, closeWords.size)])
      if (closeWords.size < 3) filled++
    }
    expect(filled).toBeGreaterThan(0) // the fixture has such an entry (二: alone with its handshape)
  })

  it('never offers a word the sign also means (爱人 also means 丈夫), nor both variants of 马', () => {
    for (let seed = 0; seed < 40; seed++) {
      const q = makeSignToWordQuiz('airen', HEADERS, seededRng(seed))
      expect(q.options).not.toContain('zhangfu')
      const m = makeWordToSignQuiz('ma_1', HEADERS, seededRng(seed))
      expect(m.options).not.toContain('ma_2')
      const z = makeSignToWordQuiz('zhangfu', HEADERS, seededRng(seed))
      expect(z.options).not.toContain('airen')
    }
  })

  it('the answer lands in every position across seeds (not always first)', () => {
    const positions = new Set<number>()
    for (let seed = 0; seed < 30; seed++) positions.add(makeSignToWordQuiz('chi', HEADERS, seededRng(seed)).correctIndex)
    expect([...positions].sort()).toEqual([0, 1, 2, 3])
  })

  it('the same seed gives the same question', () => {
    expect(makeSignToWordQuiz('chi', HEADERS, seededRng(5))).toEqual(makeSignToWordQuiz('chi', HEADERS, seededRng(5)))
  })

  it('errors: unknown entry, too few distinct words', () => {
    expect(() => makeSignToWordQuiz('nope', HEADERS, seededRng(1))).toThrow(new LearnError('NO_ENTRY', '词条不存在：nope'))
    const tiny = HEADERS.filter(h => ['ma_1', 'ma_2', 'wo', 'ni'].includes(h.id))
    expect(() => makeSignToWordQuiz('wo', tiny, seededRng(1))).toThrow(/可用的词条太少/)
    expect(makeSignToWordQuiz('wo', tiny, seededRng(1), 3).options).toHaveLength(3)
  })
})

describe('fingerspelling quiz', () => {
  it('splits pinyin into CSL manual-alphabet letters (zh ch sh ng are one handshape)', () => {
    expect(spellLetters('xue sheng')).toEqual(['x', 'u', 'e', 'sh', 'e', 'ng'])
    expect(spellLetters('zhang fu')).toEqual(['zh', 'a', 'ng', 'f', 'u'])
    expect(spellLetters('lü')).toEqual(['l', 'v'])
  })

  it('maps letters to the alphabet entries that exist, null for the others', () => {
    const q = makeSpellingQuiz('zhangfu', HEADERS)
    expect(q.letters).toEqual(['zh', 'a', 'ng', 'f', 'u'])
    expect(q.letterIds).toEqual(['letter_zh', 'letter_a', null, null, null])
  })

  it.each([
    ['xue sheng', true], ['XueSheng', true], ['xué shēng', true], ['xue2 sheng1', true], [' x u e s h e n g ', true],
    ['xuesheng ', true], ['xuesh', false], ['xueshen', false], ['', false], ['学生', false]
  ])('accepts “%s” for 学生: %s', (typed, ok) => {
    expect(checkSpelling(makeSpellingQuiz('xuesheng', HEADERS), typed as string)).toBe(ok)
  })

  it('ü may be typed v or u', () => {
    const q = makeSpellingQuiz('lv', HEADERS)
    expect(checkSpelling(q, 'lv')).toBe(true)
    expect(checkSpelling(q, 'lü')).toBe(true)
    expect(checkSpelling(q, 'lu')).toBe(true)
    expect(normalizePinyin('Lǚ')).toBe('lv')
  })

  it('candidates are word signs with short pinyin', () => {
    const c = spellingCandidates(HEADERS)
    expect(c).toContain('xuesheng')
    expect(c).not.toContain('letter_a')
    expect(c).not.toContain('num_1')
  })
})

describe('scoring', () => {
  it('counts right answers and lists the mistakes in order for replay', () => {
    const rng = seededRng(3)
    const q1 = makeSignToWordQuiz('chi', HEADERS, rng)
    const q2 = makeWordToSignQuiz('he', HEADERS, rng)
    const q3 = makeSpellingQuiz('xuexi', HEADERS)
    const answers: Answer[] = [
      { question: q1, given: q1.correctIndex },
      { question: q2, given: (q2.correctIndex + 1) % 4 },
      { question: q3, given: 'xue xi' }
    ]
    expect(scoreQuiz(answers)).toEqual({ total: 3, correct: 2, percent: 67, mistakes: [q2] })
    expect(scoreQuiz([])).toEqual({ total: 0, correct: 0, percent: 0, mistakes: [] })
    expect(scoreQuiz([{ question: q3, given: 3 }]).mistakes).toEqual([q3])
  })
})
