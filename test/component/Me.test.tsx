import TestUtils from '@tarojs/test-utils-react'
import Taro from '@tarojs/taro'
import MePage from '../../src/pages/me'
import { emptyProgress, gradeCard, cardId, isWordEntry, setFavorite } from '../../src/core/learn'
import { headers } from '../../src/services/dictionary'
import { progress, recordView, toggleFavorite, update } from '../../src/services/learning'
import { CloudError, callCloud } from '../../src/services/cloud'
import { click, mount, text, texts, tick } from './helpers'

// The cloud is the one thing replaced: a test must not depend on a server being up (or not).
jest.mock('../../src/services/cloud', () => ({
  ...jest.requireActual('../../src/services/cloud'),
  callCloud: jest.fn()
}))
const cloud = callCloud as jest.MockedFunction<typeof callCloud>

const words = headers().filter(isWordEntry)
const A = words[0]
const B = words[1]

const mountPage = () => mount(MePage)

/** Changes progress as another page would, and lets React re-render. */
async function change (t: TestUtils, fn: () => void): Promise<void> {
  await t.act(async () => { fn(); await tick() })
}

beforeEach(() => { update(() => emptyProgress()) })
afterEach(() => jest.restoreAllMocks())

describe('我的 page', () => {
  test('a sign favorited elsewhere appears in 收藏 with the count, and 移除 takes it out', async () => {
    const t = await mountPage()
    expect(text(t, '.fav-title')).toBe('收藏（0）')
    expect(t.queries.querySelector('.fav-empty')).not.toBeNull()

    await change(t, () => { toggleFavorite(A.id) })
    expect(text(t, '.fav-title')).toBe('收藏（1）')
    expect(texts(t, '.fav-row .me-row-word')).toEqual([A.word])

    await change(t, () => { update((s, now) => setFavorite(s, B.id, true, now + 1)) })
    expect(text(t, '.fav-title')).toBe('收藏（2）')
    // Most recently added first.
    expect(texts(t, '.fav-row .me-row-word')).toEqual([B.word, A.word])

    const removeA = t.queries.querySelectorAll('.fav-row .me-row-remove')[1]
    expect(removeA.getAttribute('aria-label')).toBe(`取消收藏：${A.word}`)
    await click(t, removeA)
    expect(text(t, '.fav-title')).toBe('收藏（1）')
    expect(texts(t, '.fav-row .me-row-word')).toEqual([B.word])
    expect(progress().favorites[A.id]?.on).toBe(false)
  })

  test('tapping a favorite opens its sign page', async () => {
    const nav = jest.spyOn(Taro, 'navigateTo').mockImplementation(() => Promise.resolve() as any)
    toggleFavorite(A.id)
    const t = await mountPage()
    await click(t, t.queries.querySelector('.fav-row .me-row-main'))
    expect(nav).toHaveBeenCalledWith({ url: `/pkg/sign/index?id=${encodeURIComponent(A.id)}` })
  })

  test('浏览记录 lists viewed signs newest first; one can be removed; 清空 asks first', async () => {
    recordView(A.id)
    await tick()
    update((s, now) => ({ ...s, history: [{ id: B.id, at: now + 5 }, ...s.history] }))
    const t = await mountPage()
    expect(text(t, '.hist-title')).toBe('浏览记录（2）')
    expect(texts(t, '.hist-row .me-row-word')).toEqual([B.word, A.word])

    await click(t, t.queries.querySelectorAll('.hist-row .me-row-remove')[0])
    expect(texts(t, '.hist-row .me-row-word')).toEqual([A.word])
    expect(text(t, '.hist-title')).toBe('浏览记录（1）')

    // Cancelled: nothing is lost.
    const modal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: false, cancel: true, errMsg: 'showModal:ok' } as any)
    await click(t, t.queries.querySelector('.hist-clear'))
    expect(modal).toHaveBeenCalledTimes(1)
    expect(texts(t, '.hist-row .me-row-word')).toEqual([A.word])

    modal.mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' } as any)
    await click(t, t.queries.querySelector('.hist-clear'))
    expect(t.queries.querySelectorAll('.hist-row')).toHaveLength(0)
    expect(text(t, '.hist-title')).toBe('浏览记录（0）')
    expect(t.queries.querySelector('.hist-empty')).not.toBeNull()
  })

  test('reviews today show as a streak, due cards, accuracy and a labelled bar for today', async () => {
    // At Beijing noon: the learner's day ends at Beijing midnight (DEFAULT_TZ_OFFSET_MIN), and a
    // card due "within minutes" is due tomorrow when the test runs in the last minutes of the day.
    jest.useFakeTimers({ now: new Date('2026-12-07T04:00:00Z'), advanceTimers: true })
    try {
      await reviewsToday()
    } finally {
      jest.useRealTimers()
    }
  })

  async function reviewsToday (): Promise<void> {
    const t = await mountPage()
    expect(text(t, '.stat-streak .me-stat-num')).toBe('0')
    expect(text(t, '.stat-accuracy .me-stat-num')).toBe('—')
    await change(t, () => {
      update((s, now) => gradeCard(s, cardId(A.id, 's2w'), 'good', now))
      update((s, now) => gradeCard(s, cardId(B.id, 's2w'), 'again', now))
    })
    expect(text(t, '.stat-streak .me-stat-num')).toBe('1')
    expect(text(t, '.stat-accuracy .me-stat-num')).toBe('50%')
    // Both cards are in their learning steps: due again within minutes, so today.
    expect(text(t, '.stat-due .me-stat-num')).toBe('2')
    const bars = t.queries.querySelectorAll('.pchart-col')
    expect(bars).toHaveLength(7)
    expect(bars[6].getAttribute('aria-label')).toBe('今天：复习 2 次，记住 1 次')
    expect(bars[5].getAttribute('aria-label')).toMatch(/：复习 0 次，记住 0 次$/)
  }

  test('同步进度 merges what another device saved (its favorite shows up here)', async () => {
    toggleFavorite(A.id)
    const other = setFavorite(emptyProgress(), B.id, true, Date.now())
    cloud.mockResolvedValueOnce({ ok: true, state: other, dropped: [] })
    const t = await mountPage()
    await click(t, t.queries.querySelector('.sync-btn'))
    await t.queries.waitForQueryByText('已同步，其他设备上的进度也已合并。', '.me-msg')
    expect(cloud).toHaveBeenCalledWith('progress', expect.objectContaining({ action: 'sync' }))
    expect(text(t, '.fav-title')).toBe('收藏（2）')
    expect(texts(t, '.fav-row .me-row-word').sort()).toEqual([A.word, B.word].sort())
  })

  test('同步进度 without a connection says so and keeps the local progress', async () => {
    toggleFavorite(A.id)
    cloud.mockRejectedValueOnce(new CloudError('NETWORK', '网络连接失败，请检查网络后重试。'))
    const t = await mountPage()
    await click(t, t.queries.querySelector('.sync-btn'))
    await t.queries.waitForQueryByText('网络连接失败，请检查网络后重试。', '.me-msg')
    expect(t.queries.querySelector('.me-msg')?.className).toContain('notice-error')
    expect(text(t, '.fav-title')).toBe('收藏（1）')
    expect(progress().favorites[A.id]?.on).toBe(true)
    // Not synced: the button is usable again for a retry.
    expect(text(t, '.sync-btn')).toBe('同步进度')
    expect(t.queries.querySelector('.sync-btn')?.getAttribute('disabled')).toBe('false')
  })
})
