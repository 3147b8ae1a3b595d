import TestUtils from '@tarojs/test-utils-react'
import QuizPage from '../../src/pkg/quiz'
import { emptyProgress } from '../../src/core/learn'
import { progress, update } from '../../src/services/learning'
import { click, mount, text, texts, tick, withRouter } from './helpers'

jest.mock('../../src/components/SignPlayer/canvas', () => jest.requireActual('./helpers').noCanvas)

const START = Date.UTC(2026, 10, 28, 2, 0, 0) // the quiz's seed: the same questions on every mount

async function mountPage (kind: string): Promise<TestUtils> {
  withRouter('/pkg/quiz/index', { kind })
  jest.spyOn(Date, 'now').mockReturnValue(START)
  document.body.innerHTML = ''
  return await mount(QuizPage)
}

async function type (t: TestUtils, value: string): Promise<void> {
  // The inner <input> of Taro's web component appears after its own render.
  const input = await t.queries.waitForQuerySelector('.spell-answer input') as HTMLInputElement
  await t.act(async () => { t.fireEvent.input(input, { target: { value } } as any); await tick() })
}

const options = (t: TestUtils) => Array.from(t.queries.querySelectorAll('.quiz-option'))

beforeEach(() => { update(() => emptyProgress()) })
afterEach(() => jest.restoreAllMocks())

describe('测验 (quiz)', () => {
  test('看手语选词: 4 distinct words, exactly one of them right, and the right answer is named', async () => {
    let t = await mountPage('sign2word')
    expect(text(t, '.quiz-counter')).toBe('1 / 10')
    expect(t.queries.querySelector('.player')).not.toBeNull()
    const words = options(t).map(o => (o.textContent ?? '').trim())
    expect(words).toHaveLength(4)
    expect(new Set(words).size).toBe(4)

    // Try each option on a fresh mount of the same quiz (same seed): exactly one is right.
    const right: number[] = []
    const named = new Set<string>()
    for (let i = 0; i < 4; i++) {
      t = await mountPage('sign2word')
      expect(options(t).map(o => (o.textContent ?? '').trim())).toEqual(words)
      await click(t, options(t)[i])
      const fb = t.queries.querySelector('.quiz-feedback')
      if (fb?.className.includes('quiz-right')) right.push(i)
      else named.add((fb?.textContent ?? '').replace(/^.*正确答案：/, ''))
      // The right option is marked after answering, the other options are not.
      expect(t.queries.querySelectorAll('.option-correct')).toHaveLength(1)
    }
    expect(right).toHaveLength(1)
    // Every wrong try names the same right answer: the one option that was right.
    expect([...named]).toEqual([words[right[0]]])
  }, 30000)

  test('ten questions give a score that is recorded; 重看错题 replays only the mistakes and records nothing', async () => {
    const t = await mountPage('sign2word')
    let rightCount = 0
    const wrongWords: string[] = []
    for (let q = 1; q <= 10; q++) {
      expect(text(t, '.quiz-counter')).toBe(`${q} / 10`)
      await click(t, options(t)[0])
      if (t.queries.querySelector('.quiz-right')) rightCount++
      else wrongWords.push(text(t, '.quiz-feedback').replace(/^.*正确答案：/, ''))
      await click(t, t.queries.querySelector('.quiz-next'))
    }
    expect(text(t, '.score-line')).toBe(`答对 ${rightCount} / 10 题`)
    expect(texts(t, '.mistake-item')).toEqual(wrongWords)
    const rec = progress().quizzes
    expect(rec).toHaveLength(1)
    expect(rec[0]).toMatchObject({ kind: 's2w', total: 10, correct: rightCount })

    expect(wrongWords.length).toBeGreaterThan(0) // option 一 every time: with this seed, some are wrong
    await click(t, t.queries.querySelector('.quiz-replay'))
    expect(text(t, '.quiz-counter')).toBe(`1 / ${wrongWords.length}`)
    expect(text(t, '.quiz-title')).toBe('重看错题')
    for (let q = 0; q < wrongWords.length; q++) {
      // Answer right this time: the option with the word named before.
      await click(t, options(t).find(o => (o.textContent ?? '').trim() === wrongWords[q]))
      expect(t.queries.querySelector('.quiz-right')).not.toBeNull()
      await click(t, t.queries.querySelector('.quiz-next'))
    }
    expect(text(t, '.score-line')).toBe(`答对 ${wrongWords.length} / ${wrongWords.length} 题`)
    expect(t.queries.querySelector('.quiz-perfect')).not.toBeNull()
    expect(progress().quizzes).toHaveLength(1)
  }, 30000)

  test('再来一次 starts a new quiz of 10 (a new seed even at the same instant), recorded on its own', async () => {
    const t = await mountPage('sign2word')
    const firstWords = options(t).map(o => o.textContent)
    for (let round = 1; round <= 2; round++) {
      for (let q = 1; q <= 10; q++) {
        expect(text(t, '.quiz-counter')).toBe(`${q} / 10`)
        await click(t, options(t)[3])
        await click(t, t.queries.querySelector('.quiz-next'))
      }
      expect(progress().quizzes).toHaveLength(round)
      if (round === 1) {
        await click(t, t.queries.querySelector('.quiz-new'))
        expect(options(t).map(o => o.textContent)).not.toEqual(firstWords)
        // The second quiz ends a minute later (records are one per instant and kind).
        jest.spyOn(Date, 'now').mockReturnValue(START + 60 * 1000)
      }
    }
  }, 30000)

  test('看词选手语: 选项一…四 play on tap; 确定 needs a choice; the words show after answering', async () => {
    const t = await mountPage('word2sign')
    expect(texts(t, '.quiz-option')).toEqual(['选项一', '选项二', '选项三', '选项四'])
    expect(t.queries.querySelector('.quiz-word')?.textContent).toBeTruthy()
    expect(t.queries.querySelector('.player')).toBeNull()
    // 确定 before any choice: shown disabled, and pressing it answers nothing.
    expect(t.queries.querySelector('.quiz-confirm')?.getAttribute('disabled')).not.toBe('false')
    await click(t, t.queries.querySelector('.quiz-confirm'))
    expect(t.queries.querySelector('.quiz-feedback')).toBeNull()

    await click(t, options(t)[1])
    expect(t.queries.querySelector('.player')).not.toBeNull()
    expect(options(t)[1].className).toContain('option-selected')
    await click(t, t.queries.querySelector('.quiz-confirm'))
    expect(t.queries.querySelector('.quiz-feedback')).not.toBeNull()
    const shown = texts(t, '.quiz-option')
    expect(shown.every((s, i) => s.startsWith(['选项一', '选项二', '选项三', '选项四'][i] + '：'))).toBe(true)
    const word = text(t, '.quiz-word')
    expect(shown.filter(s => s.endsWith('：' + word))).toHaveLength(1)
  })

  test('指语拼写: an empty answer is refused, a wrong one shows the pinyin, and retyping it in 重看错题 is right', async () => {
    const t = await mountPage('spell')
    expect(t.queries.querySelector('.player')).not.toBeNull()
    await click(t, t.queries.querySelector('.quiz-submit'))
    expect(text(t, '.quiz-input-error')).toContain('请先输入拼音')
    expect(t.queries.querySelector('.quiz-feedback')).toBeNull()

    const answers: string[] = []
    for (let q = 1; q <= 10; q++) {
      await type(t, 'qqq')
      await click(t, t.queries.querySelector('.quiz-submit'))
      expect(t.queries.querySelector('.quiz-wrong')).not.toBeNull()
      // 正确答案：xué xí（学习）
      answers.push(text(t, '.quiz-feedback').replace(/^.*正确答案：/, '').replace(/（.*$/, ''))
      await click(t, t.queries.querySelector('.quiz-next'))
    }
    expect(text(t, '.score-line')).toBe('答对 0 / 10 题')
    expect(progress().quizzes[0]).toMatchObject({ kind: 'spell', total: 10, correct: 0 })

    await click(t, t.queries.querySelector('.quiz-replay'))
    await type(t, answers[0]) // tone marks and spaces as shown are accepted
    await click(t, t.queries.querySelector('.quiz-submit'))
    expect(t.queries.querySelector('.quiz-right')).not.toBeNull()
  }, 30000)

  test('an unknown quiz kind says so instead of an empty page', async () => {
    const t = await mountPage('dance')
    expect(text(t, '.quiz-bad-kind')).toContain('不认识的测验类型（dance）')
  })
})
