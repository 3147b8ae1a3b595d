import TestUtils from '@tarojs/test-utils-react'
import Taro from '@tarojs/taro'
import StudyPage from '../../src/pkg/study'
import LearnPage from '../../src/pages/learn'
import { DAY_MS, cardId, emptyProgress, gradeCard, isWordEntry, parseCardId, starterDeck, updateSettings } from '../../src/core/learn'
import { getHeader, headers } from '../../src/services/dictionary'
import { progress, update } from '../../src/services/learning'
import { click, mount, text, texts, tick } from './helpers'

// jsdom has no canvas: the player shows its fallback, which is enough to see that it is there.
jest.mock('../../src/components/SignPlayer/canvas', () => jest.requireActual('./helpers').noCanvas)

const mountPage = (Page: any = StudyPage) => mount(Page)

const gradeBtn = (t: TestUtils, g: string) => t.queries.querySelector(`.grade-${g}`)

beforeEach(() => { update(() => emptyProgress()) })
afterEach(() => jest.restoreAllMocks())

describe('学习卡片 (study)', () => {
  test('看手语想词: the word is hidden until 显示答案; grading 良好 saves and moves on; the plan drops', async () => {
    const learn = await mountPage(LearnPage)
    expect(text(learn, '.plan-left')).toBe('10')
    document.body.innerHTML = ''

    const t = await mountPage()
    expect(text(t, '.study-counter')).toBe('1 / 20')
    expect(text(t, '.study-left')).toBe('剩余 20 张')
    const first = starterDeck(headers())[0]
    // A new sign: the sign→word card first, with the player and no word.
    expect(t.queries.querySelector('.flashcard-s2w')).not.toBeNull()
    expect(t.queries.querySelector('.study-new')).not.toBeNull()
    expect(t.queries.querySelector('.player')).not.toBeNull()
    expect(t.queries.querySelector('.flashcard-word')).toBeNull()
    expect(t.queries.querySelector('.grade-btn')).toBeNull()

    await click(t, t.queries.querySelector('.study-reveal'))
    expect(text(t, '.flashcard-word')).toBe(getHeader(first)!.word)
    expect(texts(t, '.grade-name')).toEqual(['重来', '困难', '良好', '简单'])
    // FSRS on a new card: 重来 1 minute, 良好 10 minutes, 简单 days away.
    expect(text(t, '.grade-again .grade-when')).toBe('1分钟')
    expect(text(t, '.grade-good .grade-when')).toBe('10分钟')
    expect(text(t, '.grade-easy .grade-when')).toMatch(/^\d+天$/)
    expect(gradeBtn(t, 'good')?.getAttribute('aria-label')).toBe('良好，10分钟后再复习')

    await click(t, gradeBtn(t, 'good'))
    expect(text(t, '.study-counter')).toBe('2 / 20')
    expect(text(t, '.study-left')).toBe('剩余 19 张')
    const card = progress().cards[cardId(first, 's2w')]
    expect(card.log.map(r => r[1])).toEqual([3])
    expect(card.due).toBeGreaterThan(Date.now())

    document.body.innerHTML = ''
    const after = await mountPage(LearnPage)
    expect(text(after, '.plan-left')).toBe('9')
  })

  test('看词想手语: the word shows first and the avatar appears only on 显示答案', async () => {
    update((s, now) => updateSettings(s, { directions: 'w2s', dailyNew: 1 }, now))
    const t = await mountPage()
    expect(text(t, '.study-counter')).toBe('1 / 1')
    const first = starterDeck(headers())[0]
    expect(text(t, '.flashcard-word')).toBe(getHeader(first)!.word)
    expect(t.queries.querySelector('.player')).toBeNull()
    await click(t, t.queries.querySelector('.study-reveal'))
    expect(t.queries.querySelector('.player')).not.toBeNull()
    expect(t.queries.querySelectorAll('.flashcard-step').length).toBeGreaterThan(0)
  })

  test('the last card leads to a done screen with the counts and when to come back', async () => {
    update((s, now) => updateSettings(s, { directions: 's2w', dailyNew: 2 }, now))
    const t = await mountPage()
    await click(t, t.queries.querySelector('.study-reveal'))
    await click(t, gradeBtn(t, 'easy'))
    await click(t, t.queries.querySelector('.study-reveal'))
    await click(t, gradeBtn(t, 'easy'))
    expect(text(t, '.page-title')).toBe('今天的学习完成了')
    expect(text(t, '.summary-total')).toBe('学了 2 张卡片，其中 2 个新手语')
    expect(text(t, '.summary-easy')).toBe('简单 2')
    expect(text(t, '.summary-again')).toBe('重来 0')
    // 简单 on a new card is days away: nothing now, a date to come back.
    expect(text(t, '.study-next')).toMatch(/下次复习：\d+天后（\d+月\d+日）/)
    expect(t.queries.querySelector('.study-again')).toBeNull()
  })

  test('a card graded 重来 is offered again once due (继续学习)', async () => {
    update((s, now) => updateSettings(s, { directions: 's2w', dailyNew: 1 }, now))
    const t = await mountPage()
    await click(t, t.queries.querySelector('.study-reveal'))
    await click(t, gradeBtn(t, 'again'))
    expect(text(t, '.summary-again')).toBe('重来 1')
    // Two minutes later (the 1-minute step has passed): the card is due again.
    const id = Object.keys(progress().cards)[0]
    await t.act(async () => {
      update(s => ({ ...s, cards: { ...s.cards, [id]: { ...s.cards[id], due: Date.now() - 1000 } } }))
      await tick()
    })
    expect(text(t, '.study-next')).toContain('还有 1 张卡片现在可以学')
    await click(t, t.queries.querySelector('.study-again'))
    expect(text(t, '.study-counter')).toBe('1 / 1')
    expect(parseCardId(id)?.kind).toBe('s2w')
  })

  test('nothing due: says so and when the next review is', async () => {
    const sign = headers().filter(isWordEntry)[5]
    update((s, now) => gradeCard(s, cardId(sign.id, 's2w'), 'good', now - DAY_MS))
    update((s, now) => gradeCard(s, cardId(sign.id, 's2w'), 'good', now - DAY_MS + 11 * 60 * 1000))
    update((s, now) => updateSettings(s, { deck: 'favorites' }, now))
    const t = await mountPage()
    expect(text(t, '.page-title')).toBe('现在没有要学的卡片')
    expect(text(t, '.study-next')).toMatch(/下次复习：(今天|明天) \d\d:\d\d|下次复习：\d+天后/)
    expect(t.queries.querySelector('.study-reveal')).toBeNull()
  })

  test('a due card whose sign left the dictionary is skipped with a notice, not a crash', async () => {
    update((s, now) => gradeCard(s, cardId('zz_removed_sign', 's2w'), 'again', now - DAY_MS))
    update((s, now) => updateSettings(s, { deck: 'favorites' }, now))
    const t = await mountPage()
    expect(text(t, '.study-missing')).toContain('有 1 张卡片的手语已从词典中移除')
    expect(text(t, '.page-title')).toBe('现在没有要学的卡片')
  })

  test('a full phone storage: the grade still counts for this session and the learner is told', async () => {
    update((s, now) => updateSettings(s, { directions: 's2w', dailyNew: 2 }, now))
    const t = await mountPage()
    jest.spyOn(Taro, 'setStorageSync').mockImplementation(() => { throw new Error('setStorage:fail exceed storage max size') })
    await click(t, t.queries.querySelector('.study-reveal'))
    await click(t, gradeBtn(t, 'good'))
    expect(text(t, '.study-error')).toContain('存储空间不足')
    expect(text(t, '.study-counter')).toBe('2 / 2')
    expect(Object.keys(progress().cards)).toHaveLength(1)
  })
})
