import {
  clearHistory, emptyProgress, gradeCard, localDay, progressStats, recordQuiz, recordView, removeFromHistory, setFavorite,
  streakDays, toggleFavorite, updateSettings, wordOfTheDay, historyList, favoriteIds, isFavorite, LearnError, ACTIVITY_UNIT_MS
} from '../../../src/core/learn'
import { DAY, HEADERS } from './fixture'

// Local China time helper: 2026-03-<d> hh:mm (UTC+8).
const cst = (d: number, h: number, m = 0): number => Date.UTC(2026, 2, d, h - 8, m)

describe('streak', () => {
  it('counts consecutive China days with a review, ending today or yesterday', () => {
    let s = emptyProgress()
    for (const d of [1, 2, 3, 5, 6, 7]) s = gradeCard(s, `wo@s2w`, 'good', cst(d, 21))
    expect(progressStats(s, cst(7, 22)).streak).toBe(3) // 5, 6, 7
    expect(progressStats(s, cst(8, 9)).streak).toBe(3) // nothing yet today: still alive
    expect(progressStats(s, cst(9, 9)).streak).toBe(0) // a day was missed
    expect(progressStats(s, cst(3, 23)).streak).toBe(3)
  })

  it('the day boundary is local midnight: 23:30 and 00:30 China time are two days', () => {
    let s = emptyProgress()
    s = gradeCard(s, 'wo@s2w', 'good', cst(10, 23, 30))
    s = gradeCard(s, 'ni@s2w', 'good', cst(11, 0, 30))
    expect(progressStats(s, cst(11, 12)).streak).toBe(2)
    // the same two reviews are one day for a learner in UTC (15:30 and 16:30 UTC)
    expect(progressStats(s, cst(11, 12), 0).streak).toBe(1)
    expect(streakDays(s.activity, cst(11, 12), 0)).toBe(1)
  })

  it('quarter-hour activity maps to the right local day for half-hour zones too (India, +330)', () => {
    const at = Date.UTC(2026, 2, 10, 18, 40) // 00:10 on the 11th in India
    const q = Math.floor(at / ACTIVITY_UNIT_MS)
    expect(localDay(q * ACTIVITY_UNIT_MS, 330)).toBe(localDay(at, 330))
  })
})

describe('progressStats', () => {
  it('signs learned, due today, accuracy and the 7-day chart', () => {
    let s = emptyProgress()
    const d1 = cst(1, 9)
    // 我: good, good (graduates) · 你: again, again · 谢谢: good once (still learning)
    s = gradeCard(s, 'wo@s2w', 'good', d1)
    s = gradeCard(s, 'wo@s2w', 'good', d1 + 10 * 60000)
    s = gradeCard(s, 'wo@w2s', 'good', d1 + 11 * 60000)
    s = gradeCard(s, 'ni@s2w', 'again', d1)
    s = gradeCard(s, 'ni@s2w', 'again', d1 + 60000)
    s = gradeCard(s, 'xiexie@s2w', 'good', cst(3, 9))
    s = recordQuiz(s, { at: cst(3, 10), kind: 's2w', total: 5, correct: 4 })
    const st = progressStats(s, cst(3, 12))
    expect(st.learned).toBe(1)
    expect(st.started).toBe(3)
    expect(st.dueToday).toBe(4) // 你, 谢谢 and 我@w2s (learning steps), 我@s2w (due on the 3rd)
    expect(st.reviewsToday).toBe(1)
    expect(st.accuracy).toBeCloseTo((4 + 4) / (6 + 5))
    expect(st.last7.map(p => p.label)).toEqual(['02-25', '02-26', '02-27', '02-28', '03-01', '03-02', '03-03'])
    expect(st.last7.map(p => p.reviews)).toEqual([0, 0, 0, 0, 5, 0, 1])
    expect(st.last7.map(p => p.recalled)).toEqual([0, 0, 0, 0, 3, 0, 1])
    expect(progressStats(emptyProgress(), cst(3, 12)).accuracy).toBeNull()
    // reviews older than 30 days no longer count for accuracy
    expect(progressStats(s, cst(3, 12) + 40 * DAY).accuracy).toBeNull()
  })

  it('favorite and history counts follow additions and removals', () => {
    let s = emptyProgress()
    s = toggleFavorite(s, 'wo', 1)
    s = toggleFavorite(s, 'ni', 2)
    s = toggleFavorite(s, 'wo', 3)
    expect(isFavorite(s, 'wo')).toBe(false)
    expect(favoriteIds(s)).toEqual(['ni'])
    s = recordView(s, 'wo', 10)
    s = recordView(s, 'ni', 11)
    s = recordView(s, 'wo', 12)
    expect(historyList(s)).toEqual([{ id: 'wo', at: 12 }, { id: 'ni', at: 11 }])
    s = removeFromHistory(s, 'ni', 13)
    expect(historyList(s).map(h => h.id)).toEqual(['wo'])
    const st = progressStats(s, 20)
    expect([st.favorites, st.history]).toEqual([1, 1])
    s = clearHistory(s, 14)
    expect(historyList(s)).toEqual([])
    s = recordView(s, 'he', 15)
    expect(historyList(s)).toEqual([{ id: 'he', at: 15 }])
    // a favorite toggled with a clock that went back still takes effect
    s = setFavorite(s, 'ni', false, 1)
    expect(isFavorite(s, 'ni')).toBe(false)
  })

  it('history keeps the 200 most recent, one per sign', () => {
    let s = emptyProgress()
    for (let i = 0; i < 250; i++) s = recordView(s, `w${i % 230}`, i)
    const h = historyList(s)
    expect(h).toHaveLength(200)
    expect(h[0]).toEqual({ id: 'w19', at: 249 })
    expect(new Set(h.map(x => x.id)).size).toBe(200)
  })

  it('settings are validated with Chinese messages', () => {
    expect(() => updateSettings(emptyProgress(), { dailyNew: 0 }, 1)).toThrow(new LearnError('BAD_SETTINGS', '每日新词数应在 1 到 50 之间'))
    expect(() => updateSettings(emptyProgress(), { deck: 'cat:' as 'cat:x' }, 1)).toThrow(/无效的词组/)
    expect(updateSettings(emptyProgress(), { deck: 'cat:food' }, 5).settings).toEqual({ dailyNew: 10, deck: 'cat:food', directions: 'both', at: 5 })
    expect(() => recordQuiz(emptyProgress(), { at: 1, kind: 's2w', total: 3, correct: 4 })).toThrow(/无效的测验成绩/)
  })
})

describe('每日一词', () => {
  it('is a word sign, the same all local day, and changes across days', () => {
    const a = wordOfTheDay(HEADERS, cst(5, 0, 1))!
    expect(wordOfTheDay(HEADERS, cst(5, 23, 59))!.id).toBe(a.id)
    expect(['letters', 'numbers']).not.toContain(a.category)
    const ids = new Set<string>()
    for (let d = 1; d <= 20; d++) ids.add(wordOfTheDay(HEADERS, cst(d, 12))!.id)
    expect(ids.size).toBeGreaterThan(5)
    expect(wordOfTheDay([], cst(5, 12))).toBeNull()
  })
})
