import TestUtils from '@tarojs/test-utils-react'
import Taro from '@tarojs/taro'
import LearnPage from '../../src/pages/learn'
import { cardId, emptyProgress, gradeCard, isWordEntry, starterDeck, updateSettings } from '../../src/core/learn'
import { headers } from '../../src/services/dictionary'
import { progress, toggleFavorite, update } from '../../src/services/learning'
import { click, mount, text } from './helpers'

const mountPage = () => mount(LearnPage)

const chip = (t: TestUtils, sel: string, label: string): Element | undefined =>
  Array.from(t.queries.querySelectorAll(sel)).find(n => (n.textContent ?? '').trim() === label)

beforeEach(() => { update(() => emptyProgress()) })
afterEach(() => jest.restoreAllMocks())

describe('学习 page', () => {
  test('a new learner sees today\'s plan from 入门 100 and can start', async () => {
    const nav = jest.spyOn(Taro, 'navigateTo').mockImplementation(() => Promise.resolve() as any)
    const t = await mountPage()
    expect(text(t, '.plan-deck')).toBe('今天 · 入门 100')
    expect(text(t, '.plan-reviews')).toBe('0')
    expect(text(t, '.plan-new')).toBe('10')
    expect(text(t, '.plan-left')).toBe('10')
    // Ten new signs in both directions.
    expect(text(t, '.start-btn')).toBe('开始学习（20 张卡片）')
    await click(t, t.queries.querySelector('.start-btn'))
    expect(nav).toHaveBeenCalledWith({ url: '/pkg/study/index' })
  })

  test('choosing 5 a day changes the plan and is saved', async () => {
    const t = await mountPage()
    await click(t, chip(t, '.goal-chip', '5 个'))
    expect(text(t, '.plan-new')).toBe('5')
    expect(progress().settings.dailyNew).toBe(5)
    expect(chip(t, '.goal-chip', '5 个')?.getAttribute('aria-checked')).toBe('true')
  })

  test('reviews already done today lower the new signs left and show as due when due', async () => {
    const first = starterDeck(headers())[0]
    // Reviewed (again) two minutes ago: its 1-minute learning step is due now.
    update((s, now) => gradeCard(s, cardId(first, 's2w'), 'again', now - 2 * 60 * 1000))
    const t = await mountPage()
    expect(text(t, '.plan-reviews')).toBe('1')
    expect(text(t, '.plan-left')).toBe('9')
  })

  test('the 收藏 deck with no favorites says what to do, and offers 入门 100', async () => {
    update((s, now) => updateSettings(s, { deck: 'favorites' }, now))
    const t = await mountPage()
    const empty = t.queries.querySelector('.deck-empty')
    expect(empty?.textContent).toContain('还没有收藏的手语')
    expect(empty?.textContent).toContain('收藏')
    expect(t.queries.querySelector('.start-btn')).toBeNull()
    await click(t, chip(t, '.deck-empty button, .deck-empty taro-button-core', '改学入门 100'))
    expect(progress().settings.deck).toBe('starter')
    expect(t.queries.querySelector('.deck-empty')).toBeNull()
    expect(text(t, '.plan-new')).toBe('10')
  })

  test('with one favorite the 收藏 deck plans that sign', async () => {
    const fav = headers().filter(isWordEntry)[3]
    toggleFavorite(fav.id)
    const t = await mountPage()
    await click(t, t.queries.querySelector('.deck-favorites'))
    expect(text(t, '.plan-deck')).toBe('今天 · 我的收藏（1）')
    expect(text(t, '.plan-new')).toBe('1')
    expect(t.queries.querySelector('.deck-empty')).toBeNull()
  })

  test('quiz buttons open the three quizzes', async () => {
    const nav = jest.spyOn(Taro, 'navigateTo').mockImplementation(() => Promise.resolve() as any)
    const t = await mountPage()
    for (const kind of ['sign2word', 'word2sign', 'spell']) await click(t, t.queries.querySelector(`.quiz-${kind}`))
    expect(nav.mock.calls.map(c => (c[0] as { url: string }).url)).toEqual([
      '/pkg/quiz/index?kind=sign2word', '/pkg/quiz/index?kind=word2sign', '/pkg/quiz/index?kind=spell'
    ])
  })
})
